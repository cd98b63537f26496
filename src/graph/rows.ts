import type { ExtractionResult } from '../model/extraction';
import type { EntityLabel, EventType, RelationType } from '../model/ontology';
import { EVENT_TYPES, relationIdentity } from '../model/ontology';

/**
 * What one article puts into the graph, as flat rows ready for `UNWIND $rows`. Pure data: the Neo4j
 * writer and the in-memory writer both consume it, so they agree on what a fact is.
 */

export type Primitive = string | number | boolean;
export type PropValue = Primitive | Primitive[] | null;

export interface ArticleRow {
  id: string;
  contentHash: string;
  externalId: string | null;
  url: string | null;
  props: Record<string, PropValue>;
}
export interface EntityRow { id: string; label: EntityLabel; name: string; aliases: string[]; props: Record<string, PropValue> }
/**
 * An article's mentions of one entity: `aliases` are the surface forms read there ("the government"
 * included), `names` what the article adds to the entity's aliases (its name and aliases); a removal
 * recomputes an entity's aliases from the `names` of the articles left.
 */
export interface MentionRow { article: string; entity: string; count: number; first: number; aliases: string[]; names: string[] }
export interface RelationRow {
  type: RelationType;
  source: string;
  target: string;
  /** Identity properties (HOLDS_POSITION's title); empty strings when absent, so MERGE can match on them. */
  identity: Record<string, string>;
  article: string;
  seen: string | null;
  confidence: number;
  quote: string;
  start: number;
  end: number;
}
export interface EventRow {
  id: string;
  type: EventType;
  props: Record<string, PropValue>;
  actors: string[];
  recipients: string[];
  place: string | null;
  article: string;
  quote: string;
  start: number;
  end: number;
}
export interface ArticleRows {
  article: ArticleRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
  events: EventRow[];
}

/** Properties Neo4j can store: primitives and homogeneous arrays of primitives. */
export function storable(value: unknown): PropValue | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value as string[];
    if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
    if (value.every((v) => typeof v === 'boolean')) return value as boolean[];
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return JSON.stringify(value);
}

function storableProps(input: Record<string, unknown>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(input)) {
    const s = storable(v);
    if (s !== undefined && k !== 'id' && k !== 'name' && k !== 'aliases') out[k] = s;
  }
  return out;
}

export function articleRows(result: ExtractionResult, extractorVersion: string, ingestedAt: string): ArticleRows {
  const a = result.article;
  const articleId = a.id;
  const article: ArticleRow = {
    id: articleId,
    contentHash: a.contentHash,
    externalId: a.externalId ?? null,
    url: a.url,
    props: {
      title: a.title,
      url: a.url,
      source: a.source,
      publishedAt: a.publishedAt,
      contentHash: a.contentHash,
      externalId: a.externalId ?? null,
      language: a.language ?? 'en',
      extractorVersion,
      ingestedAt,
    },
  };
  const entities: EntityRow[] = result.entities.map((e) => ({
    id: e.id,
    label: e.type,
    name: e.name,
    aliases: [...new Set([e.name, ...e.aliases])].sort(),
    props: storableProps(e.attributes),
  }));
  const mentions: MentionRow[] = result.entities.map((e, i) => {
    const starts = e.mentions.map((m) => m.start);
    const surface = [...new Set(e.mentions.map((m) => m.text).concat(e.aliases))].sort();
    return { article: articleId, entity: e.id, count: Math.max(1, e.mentions.length), first: starts.length ? Math.min(...starts) : 0, aliases: surface, names: entities[i].aliases };
  });
  const seen = a.publishedAt ?? ingestedAt.slice(0, 10);
  const relations: RelationRow[] = [];
  for (const r of result.relations) {
    const identity: Record<string, string> = {};
    for (const key of relationIdentity(r.type as RelationType)) identity[key] = String(r.properties[key] ?? '');
    for (const ev of r.evidence) {
      relations.push({
        type: r.type as RelationType, source: r.source, target: r.target, identity, article: articleId, seen,
        confidence: r.confidence, quote: ev.quote, start: ev.start, end: ev.end,
      });
    }
  }
  const events: EventRow[] = result.events.map((ev) => {
    const first = ev.evidence[0];
    return {
      id: ev.id,
      type: ev.type as EventType,
      props: {
        type: ev.type, mode: ev.mode, date: ev.date, datePrecision: ev.datePrecision, modality: ev.modality,
        summary: ev.summary ?? first.quote.slice(0, 200), confidence: ev.confidence, trigger: ev.trigger ?? null,
      },
      actors: [...ev.actors].sort(),
      recipients: [...ev.recipients].sort(),
      place: ev.place,
      article: articleId,
      quote: first.quote,
      start: first.start,
      end: first.end,
    };
  });
  return { article, entities, mentions, relations, events };
}

/** One row per entity id across articles: aliases are united, later properties fill gaps. */
export function mergeEntityRows(rows: readonly EntityRow[]): EntityRow[] {
  const byId = new Map<string, EntityRow>();
  for (const r of rows) {
    const seen = byId.get(r.id);
    if (!seen) byId.set(r.id, { ...r, aliases: [...r.aliases], props: { ...r.props } });
    else {
      seen.aliases = [...new Set([...seen.aliases, ...r.aliases])].sort();
      for (const [k, v] of Object.entries(r.props)) if (seen.props[k] === undefined || seen.props[k] === null) seen.props[k] = v;
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keeps the first of several results for the same article id (the same text given twice). */
export function uniqueArticles<T extends { article: { id: string } }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.article.id) && seen.add(i.article.id) !== undefined);
}

/**
 * Quotes kept on one static relation. Every supporting article stays in `articleIds` (so `count`,
 * `firstSeen`, `lastSeen` and removal are exact), but a relation that thousands of articles repeat
 * ("the State Department is part of the United States") keeps only its earliest pieces of evidence:
 * the EVIDENCE_PER_RELATION smallest by (seen date, article id, start). The choice depends only on the
 * set of evidence, never on the order or batching of writes, so a crashed-and-resumed run or four
 * concurrent ones store exactly what one run stores.
 */
export const EVIDENCE_PER_RELATION = 20;

export interface Evidence { key: string; seen: string; article: string; start: number; end: number; quote: string }

const pad9 = (n: number): string => String(n).padStart(9, '0');

/**
 * The order in which evidence is kept: a string that sorts earliest seen first, then by article id,
 * then by position. Cypher builds the same key from the stored lists (queries.ts, EVIDENCE_KEY).
 */
export const evidenceKey = (seen: string, article: string, start: number, end: number): string => `${seen} ${article} ${pad9(start)} ${pad9(end)}`;

export function compareEvidence(a: Evidence, b: Evidence): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** One write to a static relation: what a batch of articles adds to it. */
export interface RelationUpdate {
  source: string;
  target: string;
  identity: Record<string, string>;
  /** Distinct supporting articles, sorted. */
  articles: string[];
  firstSeen: string;
  lastSeen: string;
  confidence: number;
  /** At most EVIDENCE_PER_RELATION, in evidence order. */
  evidence: Evidence[];
}

/** Groups a batch's relation rows into one update per relation (type, source, target, identity). */
export function relationUpdates(rows: readonly RelationRow[], keep = EVIDENCE_PER_RELATION): Map<RelationType, RelationUpdate[]> {
  const byKey = new Map<string, RelationUpdate & { type: RelationType; key: string }>();
  for (const r of rows) {
    const identity = Object.keys(r.identity).sort().map((k) => `${k}=${r.identity[k]}`);
    const key = [r.source, r.target, ...identity].join('|');
    const full = `${r.type}|${key}`;
    const seen = r.seen ?? '';
    let u = byKey.get(full);
    if (!u) {
      u = { type: r.type, key, source: r.source, target: r.target, identity: r.identity, articles: [], firstSeen: seen, lastSeen: seen, confidence: r.confidence, evidence: [] };
      byKey.set(full, u);
    }
    if (!u.articles.includes(r.article)) u.articles.push(r.article);
    if (seen < u.firstSeen) u.firstSeen = seen;
    if (seen > u.lastSeen) u.lastSeen = seen;
    if (r.confidence > u.confidence) u.confidence = r.confidence;
    u.evidence.push({ key: evidenceKey(seen, r.article, r.start, r.end), seen, article: r.article, start: r.start, end: r.end, quote: r.quote });
  }
  const out = new Map<RelationType, RelationUpdate[]>();
  // Sorted by key, so concurrent writers lock relationships in the same order.
  for (const { type, key: _key, ...u } of [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    u.articles.sort();
    u.evidence = u.evidence.sort(compareEvidence).slice(0, keep);
    const list = out.get(type);
    if (list) list.push(u);
    else out.set(type, [u]);
  }
  return out;
}

/** Number of rows an article adds to a write batch (for sizing batches). */
export function rowCount(r: ArticleRows): number {
  return 1 + r.entities.length + r.mentions.length + r.relations.length + r.events.length * 3;
}

/** The aggregated relationship type for an event type (THREATEN → THREATENS). */
export const aggregateType = (type: EventType): string => EVENT_TYPES[type].aggregate;
