import { randomUUID } from 'node:crypto';
import type { GraphWriter, RunRecord } from '../graph/writer';
import type { ArticleInput, ExtractionResult } from '../model/extraction';
import { loadInputs } from '../stages/load';
import type { LoadOptions } from '../stages/load';
import type { ExtractPool } from './pool';

/**
 * The ingestion loop shared by `ingest` and the worker: load → skip what the graph already has →
 * extract (in parallel) → write in batches. Memory stays bounded: at most `window` articles are in
 * flight. A bad article becomes a failure with its reason; the rest go on.
 */

export interface Failure { origin: string; code: string; message: string }

export interface IngestSummary {
  runId: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
  articles: { seen: number; added: number; updated: number; skipped: number; failed: number };
  entities: number;
  relations: number;
  events: number;
  failures: Failure[];
  extractorVersion: string;
  dryRun: boolean;
}

export interface IngestOptions {
  writer: GraphWriter;
  pool: ExtractPool;
  extractorVersion: string;
  /** The article id a text will get, computed without extracting (to skip unchanged articles cheaply). */
  idOf?: (input: ArticleInput) => string;
  /** Articles per extraction/write round. */
  window?: number;
  load?: LoadOptions;
  dryRun?: boolean;
  /** Recorded on the run ledger (no secrets). */
  config?: Record<string, unknown>;
  command?: string;
  onProgress?: (done: number, note: string) => void;
}

export async function ingest(inputs: readonly string[], o: IngestOptions): Promise<IngestSummary> {
  const started = new Date();
  const s: IngestSummary = {
    runId: `run:${started.toISOString()}:${randomUUID().slice(0, 8)}`,
    startedAt: started.toISOString(),
    endedAt: '',
    seconds: 0,
    articles: { seen: 0, added: 0, updated: 0, skipped: 0, failed: 0 },
    entities: 0,
    relations: 0,
    events: 0,
    failures: [],
    extractorVersion: o.extractorVersion,
    dryRun: Boolean(o.dryRun),
  };
  const window = o.window ?? 256;
  let pending: ArticleInput[] = [];
  // Window N is written while window N+1 is read and extracted, so the extraction threads and Neo4j
  // work at the same time; at most two windows are in memory.
  let writing: Promise<void> = Promise.resolve();

  const flush = async () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    const extracted = await extractWindow(batch, o, s);
    await writing;
    writing = writeWindow(extracted, o, s);
    writing.catch(() => undefined); // awaited before the next write and at the end
  };

  for await (const item of loadInputs(inputs, o.load)) {
    if (!item.ok) {
      s.articles.seen++;
      fail(s, { origin: item.origin, code: item.code, message: item.message });
      o.onProgress?.(1, '');
      continue;
    }
    s.articles.seen++;
    pending.push(item.input);
    if (pending.length >= window) await flush();
  }
  await flush();
  await writing;

  const ended = new Date();
  s.endedAt = ended.toISOString();
  s.seconds = (ended.getTime() - started.getTime()) / 1000;
  const run: RunRecord = {
    id: s.runId,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    added: s.articles.added,
    updated: s.articles.updated,
    skipped: s.articles.skipped,
    failed: s.articles.failed,
    extractorVersion: o.extractorVersion,
    config: JSON.stringify(o.config ?? {}),
    command: o.command ?? 'ingest',
  };
  await o.writer.recordRun(run);
  return s;
}

function fail(s: IngestSummary, f: Failure): void {
  s.articles.failed++;
  s.failures.push(f);
}

interface Extracted { result: ExtractionResult; origin: string }

/** Skips what the graph already holds, and extracts the rest. */
async function extractWindow(batch: ArticleInput[], o: IngestOptions, s: IngestSummary): Promise<Extracted[]> {
  let todo = batch;
  if (o.idOf) {
    const ids = batch.map((b) => o.idOf!(b));
    const existing = await o.writer.existingArticles([...new Set(ids)]);
    const seenHere = new Set<string>();
    todo = batch.filter((_, i) => {
      const keep = !existing.has(ids[i]) && !seenHere.has(ids[i]);
      seenHere.add(ids[i]);
      return keep;
    });
    const skipped = batch.length - todo.length;
    s.articles.skipped += skipped;
    if (skipped) o.onProgress?.(skipped, '');
  }
  if (todo.length === 0) return [];
  const extracted = await o.pool.extractAll(todo);
  const results: Extracted[] = [];
  for (let i = 0; i < extracted.length; i++) {
    const e = extracted[i];
    if (e.ok) results.push({ result: e.result, origin: todo[i].origin ?? '?' });
    else {
      fail(s, { origin: todo[i].origin ?? '?', code: 'E_EXTRACT', message: e.error });
      o.onProgress?.(1, '');
    }
  }
  return results;
}

async function writeWindow(results: Extracted[], o: IngestOptions, s: IngestSummary): Promise<void> {
  if (results.length === 0) return;
  const outcomes = await o.writer.writeArticles(results.map((r) => r.result));
  const originOf = new Map(results.map((r) => [r.result.article.id, r.origin]));
  for (const out of outcomes) {
    if (out.status === 'failed') fail(s, { origin: originOf.get(out.articleId) ?? out.articleId, code: 'E_WRITE', message: out.error ?? 'write failed' });
    else s.articles[out.status]++;
  }
  // Articles that appeared twice in this window (same text) count once as written, then as skipped.
  s.articles.skipped += results.length - outcomes.length;
  for (const r of results) {
    s.entities += r.result.entities.length;
    s.relations += r.result.relations.length;
    s.events += r.result.events.length;
  }
  o.onProgress?.(results.length, '');
}

/** Exit code for scripts: 0 all loaded, 2 some articles failed. */
export const exitCodeFor = (s: IngestSummary): number => (s.articles.failed > 0 ? 2 : 0);
