import type { ArticleDoc } from '../model/doc';
import { rangeToRaw } from '../model/doc';
import type { Evidence, ExtractedEntity, ExtractedEvent, ExtractedRelation, ExtractionResult, Issue } from '../model/extraction';
import { articleKeyOfHash, eventKey, sha256 } from '../model/keys';

/**
 * The document model as the extraction contract (ARCHITECTURE.md §3): offsets mapped back to the raw
 * text, stable orders everywhere so the same input gives the same bytes.
 */

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function evidence(doc: ArticleDoc, start: number, end: number): Evidence {
  const r = rangeToRaw(doc, start, end);
  return { start: r.start, end: r.end, quote: doc.raw.slice(r.start, r.end) };
}

/** 'YYYY-MM-DD' from an ISO 8601 date or date-time; null when absent or unreadable. */
export function publishedDay(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

export function toResult(doc: ArticleDoc): ExtractionResult {
  const hash = sha256(doc.text);
  const id = articleKeyOfHash(hash);
  const inp = doc.input;

  const entities: ExtractedEntity[] = doc.entities.map((e) => {
    const mentions = e.mentions
      .map((k) => doc.mentions[k])
      .map((m) => {
        const r = rangeToRaw(doc, m.start, m.end);
        return { start: r.start, end: r.end, text: doc.raw.slice(r.start, r.end), role: m.role };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const attributes: Record<string, unknown> = {};
    if (e.type === 'Person') {
      if (e.titles.length > 0) attributes.titles = [...e.titles];
      if (e.nationality) attributes.nationality = e.nationality;
    } else if (e.type === 'State') {
      attributes.iso3 = e.id.slice(6);
    } else if (e.type === 'Institution') {
      attributes.kind = e.kind ?? 'other';
      if (e.country) attributes.country = e.country;
    } else if (e.type === 'Place') {
      if (e.kind) attributes.kind = e.kind;
      if (e.country) attributes.country = e.country;
    }
    if (e.wikidata) attributes.wikidata = e.wikidata;
    return { id: e.id, type: e.type, name: e.name, aliases: [...e.aliases].sort(cmp), mentions, attributes };
  });
  entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || cmp(a.id, b.id));

  const relMap = new Map<string, ExtractedRelation>();
  for (const r of doc.relations) {
    const k = `${r.type}|${r.source}|${r.target}|${JSON.stringify(r.properties)}`;
    const ev = evidence(doc, r.start, r.end);
    const prev = relMap.get(k);
    if (prev) {
      if (!prev.evidence.some((x) => x.start === ev.start)) prev.evidence.push(ev);
      prev.confidence = Math.max(prev.confidence, r.confidence);
    } else {
      relMap.set(k, { type: r.type, source: r.source, target: r.target, properties: { ...r.properties }, confidence: round(r.confidence), evidence: [ev] });
    }
  }
  const relations = [...relMap.values()];
  for (const r of relations) { r.evidence.sort((a, b) => a.start - b.start); r.confidence = round(r.confidence); }
  relations.sort((a, b) => a.evidence[0].start - b.evidence[0].start || cmp(relKey(a), relKey(b)));

  const evMap = new Map<string, ExtractedEvent>();
  for (const e of doc.events) {
    const eid = eventKey({ type: e.type, mode: e.mode, actors: e.actors, recipients: e.recipients, date: e.date, datePrecision: e.datePrecision, articleId: id });
    const ev = evidence(doc, e.start, e.end);
    const also = (e.also ?? []).map((x) => evidence(doc, x.start, x.end));
    const prev = evMap.get(eid);
    if (prev) {
      for (const x of [ev, ...also]) if (!prev.evidence.some((y) => y.start === x.start)) prev.evidence.push(x);
      prev.confidence = Math.max(prev.confidence, e.confidence);
      continue;
    }
    const tr = rangeToRaw(doc, e.triggerStart, e.triggerEnd);
    evMap.set(eid, {
      id: eid, type: e.type, mode: e.mode, date: e.date, datePrecision: e.datePrecision, modality: e.modality,
      actors: [...e.actors].sort(cmp), recipients: [...e.recipients].sort(cmp), place: e.place, confidence: e.confidence,
      summary: e.summary, trigger: doc.raw.slice(tr.start, tr.end), evidence: [ev, ...also.filter((x) => x.start !== ev.start)],
    });
  }
  const events = [...evMap.values()];
  for (const e of events) { e.evidence.sort((a, b) => a.start - b.start); e.confidence = round(e.confidence); }
  events.sort((a, b) => a.evidence[0].start - b.evidence[0].start || cmp(a.id, b.id));

  const issues: Issue[] = doc.issues.map((i) => {
    if (i.start === undefined || i.end === undefined) return { ...i };
    const r = rangeToRaw(doc, i.start, i.end);
    return { ...i, start: r.start, end: r.end };
  });
  issues.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || cmp(a.code, b.code) || cmp(a.message, b.message));

  return {
    article: {
      id,
      title: inp.title ?? null,
      url: inp.url ?? null,
      source: inp.source ?? null,
      publishedAt: publishedDay(inp.publishedAt),
      contentHash: hash,
      language: 'en',
      externalId: inp.id ?? null,
    },
    entities,
    relations,
    events,
    issues,
  };
}

function relKey(r: ExtractedRelation): string {
  return `${r.type}|${r.source}|${r.target}|${JSON.stringify(r.properties)}`;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
