import { randomUUID } from 'node:crypto';
import type { Neo4jConfig } from '../config/config';
import type { ExtractionResult } from '../model/extraction';
import { AGGREGATED_MODALITIES, ENTITY_LABELS, EVENT_TYPES } from '../model/ontology';
import type { EntityLabel, EventType, Modality } from '../model/ontology';
import { Graph, isRetriable, run } from './neo4j';
import type { Row, Tx } from './neo4j';
import * as Q from './queries';
import { articleRows, EVIDENCE_PER_RELATION, mergeEntityRows, relationUpdates, rowCount, uniqueArticles } from './rows';
import type { ArticleRows, EventRow } from './rows';
import type { ArticleOutcome, GraphStats, GraphWriter, RunRecord } from './writer';

export interface Neo4jWriterOptions {
  extractorVersion: string;
  /** Rows per `UNWIND` statement (default 1,000). */
  batchSize?: number;
  /**
   * Rows per write transaction (default 25 statements' worth: a window of a few hundred typical
   * articles). Articles are never split across transactions.
   */
  transactionRows?: number;
  /** Pieces of evidence kept per static relation (default EVIDENCE_PER_RELATION). */
  evidencePerRelation?: number;
  /**
   * Re-extracted articles that the graph holds from another extractor version replace it (the facts
   * of the older extractor go, in the same transaction). Off by default: unchanged articles are skipped.
   */
  refreshStale?: boolean;
  now?: () => Date;
}

/** A transaction holds this many statements' worth of rows unless told otherwise. */
export const STATEMENTS_PER_TRANSACTION = 25;

interface Pair { type: EventType; actor: string; recipient: string }

/**
 * Writes extraction results with `UNWIND $rows … MERGE` on deterministic keys, statements of at most
 * `batchSize` rows, a batch of whole articles per managed write transaction (retried on transient
 * errors by the driver). Fewer, larger transactions cost Neo4j much less than many small ones: a
 * statement's fixed cost is paid per transaction and per event or relation type. If a batch fails for
 * another reason, its articles are written one by one so that only the bad one fails.
 */
export class Neo4jWriter implements GraphWriter {
  private readonly limits: Limits;
  private readonly transactionRows: number;
  private readonly now: () => Date;

  constructor(readonly graph: Graph, private readonly options: Neo4jWriterOptions) {
    const batchSize = options.batchSize ?? 1000;
    this.limits = {
      batchSize,
      evidence: options.evidencePerRelation ?? EVIDENCE_PER_RELATION,
      refreshFrom: options.refreshStale ? options.extractorVersion : null,
    };
    this.transactionRows = options.transactionRows ?? batchSize * STATEMENTS_PER_TRANSACTION;
    this.now = options.now ?? (() => new Date());
  }

  static async connect(c: Neo4jConfig, options: Neo4jWriterOptions): Promise<Neo4jWriter> {
    return new Neo4jWriter(await Graph.connect(c), options);
  }

  async existingArticles(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.graph.read((tx) => run(tx, Q.EXISTING_ARTICLES, { ids }));
    const current = (r: Row) => !this.options.refreshStale || r.extractorVersion === this.options.extractorVersion;
    return new Set(rows.filter(current).map((r) => String(r.id)));
  }

  async writeArticles(results: readonly ExtractionResult[]): Promise<ArticleOutcome[]> {
    const ingestedAt = this.now().toISOString();
    const planned = uniqueArticles(results).map((r) => articleRows(r, this.options.extractorVersion, ingestedAt));
    const outcomes: ArticleOutcome[] = [];
    for (const batch of this.batches(planned)) {
      try {
        outcomes.push(...(await this.graph.write((tx) => writeBatch(tx, batch, ingestedAt, this.limits))));
      } catch (err) {
        // Passing failures (Neo4j gone, deadlocks past the driver's retries) are the caller's to retry:
        // nothing was written, and no article is to blame.
        if (isRetriable(err)) throw err;
        // Otherwise find the bad article by writing one at a time.
        for (const one of batch.length > 1 ? batch : []) {
          try {
            outcomes.push(...(await this.graph.write((tx) => writeBatch(tx, [one], ingestedAt, this.limits))));
          } catch (e) {
            if (isRetriable(e)) throw e;
            outcomes.push({ articleId: one.article.id, status: 'failed', error: messageOf(e) });
          }
        }
        if (batch.length === 1) outcomes.push({ articleId: batch[0].article.id, status: 'failed', error: messageOf(err) });
      }
    }
    return outcomes;
  }

  /** Groups articles into transactions of about `transactionRows` rows; an article is never split. */
  private *batches(planned: ArticleRows[]): Generator<ArticleRows[]> {
    let batch: ArticleRows[] = [];
    let rows = 0;
    for (const p of planned) {
      const n = rowCount(p);
      if (batch.length > 0 && rows + n > this.transactionRows) {
        yield batch;
        batch = [];
        rows = 0;
      }
      batch.push(p);
      rows += n;
    }
    if (batch.length) yield batch;
  }

  async removeArticle(ref: string): Promise<string | null> {
    return this.graph.write(async (tx) => {
      const found = await run(tx, Q.FIND_ARTICLE, { ref });
      if (found.length === 0) return null;
      const id = String(found[0].id);
      await removeArticleTx(tx, id);
      return id;
    });
  }

  async recordRun(r: RunRecord): Promise<void> {
    const { id, ...props } = r;
    await this.graph.write((tx) => run(tx, Q.MERGE_RUN, { id, props }));
  }

  async stats(): Promise<GraphStats> {
    return this.graph.read(async (tx) => {
      const labels: Record<string, number> = {};
      const relationships: Record<string, number> = {};
      for (const { label } of await run(tx, Q.LIST_LABELS)) {
        labels[String(label)] = Number((await run(tx, Q.countLabel(String(label))))[0].count);
      }
      for (const { type } of await run(tx, Q.LIST_REL_TYPES)) {
        relationships[String(type)] = Number((await run(tx, Q.countRelType(String(type))))[0].count);
      }
      return { labels: dropZeros(labels), relationships: dropZeros(relationships) };
    });
  }

  async close(): Promise<void> {
    await this.graph.close();
  }
}

function dropZeros(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).filter(([, n]) => n > 0));
}

/** Runs a statement over `rows` in chunks of at most `size` rows, in order; returns all result rows. */
async function runRows(tx: Tx, cypher: string, rows: readonly unknown[], size: number, params: Record<string, unknown> = {}): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await run(tx, cypher, { ...params, rows: rows.slice(i, i + size) })));
  return out;
}

interface Limits {
  batchSize: number;
  evidence: number;
  /** Refreshing: articles of another extractor version than this one are replaced, not skipped. */
  refreshFrom?: string | null;
}

/** One transaction: claim the articles, replace earlier versions, then write every fact of the new ones. */
export async function writeBatch(tx: Tx, batch: ArticleRows[], ingestedAt: string, limits: Limits): Promise<ArticleOutcome[]> {
  const size = limits.batchSize;
  const claim = randomUUID();
  const sorted = [...batch].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  // Stale versions of these very articles go first, so that the MERGE below creates them afresh.
  const pairs: Pair[] = [];
  const stale = limits.refreshFrom ? (await run(tx, Q.STALE_ARTICLES, { ids: sorted.map((b) => b.article.id), version: limits.refreshFrom })).map((r) => String(r.id)) : [];
  for (const id of stale) pairs.push(...(await removeArticleTx(tx, id, false)));
  const claimed = await runRows(tx, Q.MERGE_ARTICLES, sorted.map((b) => ({ id: b.article.id, props: b.article.props })), size, { claim });
  const created = new Set(claimed.filter((r) => r.created === true).map((r) => String(r.id)));
  const fresh = sorted.filter((b) => created.has(b.article.id));
  const outcomes = new Map<string, ArticleOutcome>();
  for (const b of batch) outcomes.set(b.article.id, { articleId: b.article.id, status: 'skipped' });
  if (fresh.length === 0) return batch.map((b) => outcomes.get(b.article.id)!);

  const previous = await runRows(tx, Q.FIND_PREVIOUS_VERSIONS, fresh.map((b) => ({ id: b.article.id, externalId: b.article.externalId, url: b.article.url })), size);
  const replaced = new Map<string, string[]>(stale.map((id) => [id, [id]]));
  for (const r of previous) {
    const list = replaced.get(String(r.id)) ?? [];
    list.push(String(r.previous));
    replaced.set(String(r.id), list);
  }
  for (const old of [...new Set(previous.map((r) => String(r.previous)))].sort()) {
    pairs.push(...(await removeArticleTx(tx, old, false)));
  }

  const params = { now: ingestedAt };
  for (const label of ENTITY_LABELS) {
    const rows = mergeEntityRows(fresh.flatMap((b) => b.entities.filter((e) => e.label === label)));
    await runRows(tx, Q.mergeEntities(label as EntityLabel), rows, size, params);
  }
  await runRows(tx, Q.MERGE_MENTIONS, fresh.flatMap((b) => b.mentions), size);
  for (const [type, rows] of relationUpdates(fresh.flatMap((b) => b.relations), limits.evidence)) {
    await runRows(tx, Q.mergeRelation(type), rows, size, { keep: limits.evidence });
  }
  const events: EventRow[] = fresh.flatMap((b) => b.events);
  // One event reported by several of these articles: its first row draws its actor and recipient
  // links (the event's id hashes them, so the other rows name the same ones).
  const linked = new Set<string>();
  const eventRows = events.map((e) => (linked.has(e.id) ? { ...e, actors: [], recipients: [] } : (linked.add(e.id), e)));
  const written = await runRows(tx, Q.MERGE_EVENTS, eventRows, size, { claim });
  for (const [type, rows] of aggregateRows(events, written)) await runRows(tx, Q.addToAggregate(type), rows, size);
  // Pairs whose events an earlier version reported: recomputed last, over what is there now.
  await refreshAggregates(tx, pairs);

  for (const b of fresh) {
    const old = replaced.get(b.article.id);
    outcomes.set(b.article.id, old ? { articleId: b.article.id, status: 'updated', replaced: old } : { articleId: b.article.id, status: 'added' });
  }
  return batch.map((b) => outcomes.get(b.article.id)!);
}

/** The aggregate rows of one batch's events: one per (type, actor, recipient), counting each new event once. */
export function aggregateRows(events: readonly EventRow[], written: readonly Row[]): Map<EventType, AggregateRow[]> {
  const stored = new Map<string, { created: boolean; modality: string; date: string | null }>();
  for (const w of written) {
    const seen = stored.get(String(w.id));
    stored.set(String(w.id), { created: Boolean(seen?.created) || w.created === true, modality: String(w.modality), date: (w.date as string | null) ?? null });
  }
  const counted = new Set<string>();
  const rows = new Map<string, AggregateRow & { type: EventType }>();
  for (const ev of events) {
    const s = stored.get(ev.id);
    if (!s || !AGGREGATED_MODALITIES.includes(s.modality as Modality)) continue;
    for (const actor of ev.actors) for (const recipient of ev.recipients) {
      if (actor === recipient) continue;
      const key = `${ev.type}|${actor}|${recipient}`;
      const row = rows.get(key) ?? { type: ev.type, actor, recipient, added: 0, articles: [], firstDate: null, lastDate: null };
      if (s.created && !counted.has(`${key}|${ev.id}`)) {
        counted.add(`${key}|${ev.id}`);
        row.added++;
      }
      if (!row.articles.includes(ev.article)) row.articles.push(ev.article);
      if (s.date && (row.firstDate === null || s.date < row.firstDate)) row.firstDate = s.date;
      if (s.date && (row.lastDate === null || s.date > row.lastDate)) row.lastDate = s.date;
      rows.set(key, row);
    }
  }
  const byType = new Map<EventType, AggregateRow[]>();
  for (const { type, ...row } of [...rows.values()].sort((a, b) => (a.actor + a.recipient < b.actor + b.recipient ? -1 : 1))) {
    byType.set(type, [...(byType.get(type) ?? []), row]);
  }
  return byType;
}

interface AggregateRow { actor: string; recipient: string; added: number; articles: string[]; firstDate: string | null; lastDate: string | null }

async function refreshAggregates(tx: Tx, pairs: Pair[]): Promise<void> {
  for (const [type, list] of groupBy(uniqueBy(pairs, (p) => `${p.type}|${p.actor}|${p.recipient}`), (p: Pair) => p.type)) {
    await run(tx, Q.refreshAggregate(type as EventType), {
      pairs: list.map(({ actor, recipient }) => ({ actor, recipient })),
      modalities: AGGREGATED_MODALITIES,
    });
  }
}

/**
 * Removes an article and what only it supported, inside the caller's transaction. With `refresh`
 * false the caller refreshes the returned aggregate pairs itself (once, after its own writes).
 */
export async function removeArticleTx(tx: Tx, id: string, refresh = true): Promise<Pair[]> {
  const pairs = (await run(tx, Q.ARTICLE_EVENT_PAIRS, { id }))
    .filter((r) => String(r.type) in EVENT_TYPES)
    .map((r) => ({ type: r.type as EventType, actor: String(r.actor), recipient: String(r.recipient) }));
  await run(tx, Q.REMOVE_ARTICLE_EVENTS, { id });
  await run(tx, Q.REMOVE_ARTICLE_RELATION_EVIDENCE, { id, types: Q.STATIC_RELATION_TYPES });
  await run(tx, Q.REMOVE_ARTICLE_MENTIONS, { id });
  await run(tx, Q.DELETE_ARTICLE, { id });
  if (refresh) await refreshAggregates(tx, pairs);
  return pairs;
}

function messageOf(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0].slice(0, 300);
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const it of items) if (!seen.has(key(it))) seen.set(key(it), it);
  return [...seen.values()];
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
