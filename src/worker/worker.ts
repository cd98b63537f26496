import { performance } from 'node:perf_hooks';
import type { Job, JobQueue, JobResult } from '../graph/job-queue';
import type { GraphWriter } from '../graph/writer';
import type { ArticleInput, ExtractionResult } from '../model/extraction';
import { articleIdOf } from '../pipeline/article-id';
import type { Failure } from '../pipeline/ingest';
import type { ExtractPool } from '../pipeline/pool';
import type { LoadedItem } from '../stages/load';
import { backoffDelay, isRetriable, Sleeper } from './backoff';
import type { BackoffOptions } from './backoff';
import { Channel } from './channel';
import { loadJob } from './load-job';
import type { Logger } from './log';

/**
 * The ingestion worker: claims jobs from the queue, loads their articles, skips those the graph already
 * has, extracts the rest on the pool's threads and writes them in batches that span jobs. Two loops
 * joined by a one-slot channel — the producer (claim → load → extract) and the writer (write → finish
 * jobs) — so extraction of one chunk overlaps the writing of the previous one, and at most three chunks
 * (`window` articles) are held whatever the queue depth. Neo4j errors that pass (a restart, a lost
 * connection, a deadlock) are retried with jittered backoff; every article lands whole or not at all.
 */

export type Tally = { added: number; updated: number; skipped: number; failed: number };

export interface JobOutcome {
  status: 'done' | 'failed';
  errorCode: string | null;
  error: string | null;
  failures: Failure[];
  articles: Tally;
  attempts: number;
  worker: string;
}

/** Something that feeds the queue (an inbox, feeds) and may act when one of its jobs is finished. */
export interface WorkerSource {
  readonly name: string;
  /** How often `poll` runs in a long-running worker. */
  readonly intervalMs: number;
  /** One pass: enqueue what is new; returns how many jobs it added. Problems with single inputs are logged, not thrown. */
  poll(): Promise<number>;
  /** In --once mode: whether another pass is needed before draining (files still being written). */
  needsAnotherPass?(): boolean;
  owns?(job: Job): boolean;
  settle?(job: Job, outcome: JobOutcome): Promise<void>;
  /** Problems met while polling (unreachable feeds), for the exit code of --once. */
  readonly problems?: number;
  /** Called when the worker stops: abandon slow work in progress (a feed download). */
  stop?(): void;
}

export interface WorkerOptions {
  owner: string;
  leaseMs: number;
  /** At most this many articles are held in memory (loaded, extracting or being written). */
  window: number;
  /** How often an idle worker looks for new jobs. */
  pollMs: number;
  /** Drain what is there now, then return. */
  once: boolean;
  maxAttempts: number;
  /** Scoped jobs this worker serves besides the shared ones. */
  scopes: string[];
  statsMs: number;
  maxBytes: number;
  fetchTimeoutMs?: number;
  retry?: BackoffOptions;
}

export interface WorkerDeps {
  queue: JobQueue;
  writer: GraphWriter;
  pool: ExtractPool;
  log: Logger;
  sources?: WorkerSource[];
  idOf?: (input: ArticleInput) => string;
}

export interface WorkerSummary {
  owner: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
  jobs: { claimed: number; done: number; failed: number; released: number; lost: number; gaveUp: number };
  articles: Tally;
  /** Most articles held at once (never above the window). */
  maxHeld: number;
  outages: number;
  sourceProblems: number;
  stoppedBy: string | null;
}

interface Held {
  job: Job;
  iter: AsyncIterator<LoadedItem> | null;
  /** The job's next item, read one ahead so that a job is known to be complete with its last article. */
  ahead: IteratorResult<LoadedItem> | null;
  loaded: boolean;
  outstanding: number;
  tally: Tally;
  failures: Failure[];
  started: number;
  lost: boolean;
  finalizing: boolean;
}

interface Piece {
  held: Held;
  item: LoadedItem;
  t0: number;
  articleId?: string;
  extractMs?: number;
  result?: ExtractionResult;
  /** Decided before writing: skipped (already in the graph) or failed (with a reason). */
  early?: { status: 'skipped' } | { status: 'failed'; failure: Failure };
}

interface Chunk {
  pieces: Piece[];
  /** Jobs whose last article was read while this chunk was assembled. */
  closed: Held[];
}

const MAX_FAILURES_KEPT = 20;
const now = () => performance.now();
const round = (ms: number) => Math.round(ms * 10) / 10;

export class IngestWorker {
  private readonly held = new Map<string, Held>();
  private readonly open: Held[] = [];
  private readonly channel = new Channel<Chunk>(1);
  private readonly idleSleeper = new Sleeper();
  private readonly backoffSleeper = new Sleeper();
  private readonly chunkSize: number;
  private readonly idOf: (input: ArticleInput) => string;
  private stopping = false;
  private abandoned = false;
  /** run() has returned: background retry loops give up. */
  private finished = false;
  private stoppedBy: string | null = null;
  private inPipeline = 0;
  private outageSince: number | null = null;
  /** Retry loops currently failing; the outage is over when the last of them succeeds. */
  private readonly failing = new Set<object>();
  private timers: NodeJS.Timeout[] = [];
  private readonly s: WorkerSummary;
  private lastStats = { at: now(), articles: 0 };

  constructor(private readonly deps: WorkerDeps, private readonly o: WorkerOptions) {
    // Held at most: a chunk being extracted, one waiting, one being written, and one read-ahead item per open job.
    this.chunkSize = Math.max(1, Math.floor(o.window / 4));
    this.idOf = deps.idOf ?? articleIdOf;
    this.s = {
      owner: o.owner, startedAt: new Date().toISOString(), endedAt: '', seconds: 0,
      jobs: { claimed: 0, done: 0, failed: 0, released: 0, lost: 0, gaveUp: 0 },
      articles: { added: 0, updated: 0, skipped: 0, failed: 0 },
      maxHeld: 0, outages: 0, sourceProblems: 0, stoppedBy: null,
    };
  }

  private get log(): Logger {
    return this.deps.log;
  }

  /** Asks the worker to finish what is in flight, give back what it has not started, and return. */
  stop(reason = 'stop'): void {
    if (this.stopping) return;
    this.stopping = true;
    this.stoppedBy = reason;
    this.log.info({ event: 'stopping', reason, held: this.held.size, inFlight: this.inPipeline }, `stopping (${reason}): finishing the articles in flight`);
    for (const src of this.deps.sources ?? []) src.stop?.();
    this.idleSleeper.wake();
  }

  /** Gives up waiting for Neo4j (the shutdown grace ran out): retries stop, run() returns as soon as it can. */
  abandon(): void {
    this.abandoned = true;
    this.stop('abandon');
    this.backoffSleeper.wake();
  }

  get summary(): WorkerSummary {
    return this.s;
  }

  async run(): Promise<WorkerSummary> {
    const t0 = now();
    const sources = this.deps.sources ?? [];
    this.log.info(
      { event: 'start', window: this.o.window, chunk: this.chunkSize, concurrency: this.deps.pool.size, leaseMs: this.o.leaseMs, once: this.o.once, sources: sources.map((s) => s.name), scopes: this.o.scopes },
      'worker started',
    );
    if (this.o.once) {
      for (const src of sources) await this.pollUntilSettled(src);
    } else {
      for (const src of sources) this.schedule(src);
    }
    this.every(Math.max(200, Math.floor(this.o.leaseMs / 3)), () => this.renewLeases());
    this.every(this.o.statsMs, () => this.logStats());
    let failure: unknown = null;
    const fail = (err: unknown) => {
      failure ??= err;
      this.stop('error');
      this.channel.close();
    };
    const producer = this.produce().catch(fail);
    const writer = this.consume().catch(async (err) => {
      fail(err);
      // Let a producer blocked on the full channel finish: what it hands over is dropped, not written.
      for await (const chunk of this.channel) this.discard(chunk);
    });
    await Promise.all([producer, writer]);
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.releaseHeld();
    this.s.sourceProblems = sources.reduce((n, src) => n + (src.problems ?? 0), 0);
    this.s.endedAt = new Date().toISOString();
    this.s.seconds = round((now() - t0) / 1000);
    this.s.stoppedBy = this.stoppedBy;
    this.finished = true;
    this.backoffSleeper.wake();
    this.logStats(true);
    this.log.info({ event: 'stop', summary: this.s }, 'worker stopped');
    if (failure && !this.abandoned) {
      this.log.error({ event: 'fatal', err: messageOf(failure) }, 'worker stopped by an error');
      throw failure;
    }
    return this.s;
  }

  // ---------- sources ----------

  private discard(chunk: Chunk): void {
    for (const p of chunk.pieces) {
      p.held.outstanding--;
      this.inPipeline--;
    }
  }

  /** A periodic task; a run still going when the next is due is not started twice. */
  private every(ms: number, fn: () => Promise<void> | void): void {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      void Promise.resolve()
        .then(fn)
        .catch((err) => this.log.warn({ err: messageOf(err) }, 'background task failed'))
        .finally(() => {
          busy = false;
        });
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  private schedule(src: WorkerSource): void {
    let first: Promise<void> | null = this.pollSource(src).finally(() => {
      first = null;
    });
    this.every(src.intervalMs, async () => {
      if (!this.stopping && !first) await this.pollSource(src);
    });
  }

  private async pollSource(src: WorkerSource): Promise<void> {
    try {
      const added = await this.retrying(`poll ${src.name}`, () => src.poll(), { untilStop: true });
      if (added > 0) this.idleSleeper.wake();
    } catch (err) {
      if (err instanceof Stopped) return;
      this.log.warn({ event: 'source-error', source: src.name, err: messageOf(err) }, `${src.name}: polling failed`);
    }
  }

  private async pollUntilSettled(src: WorkerSource): Promise<void> {
    await this.pollSource(src);
    for (let i = 0; i < 20 && src.needsAnotherPass?.() && !this.stopping; i++) {
      await this.idleSleeper.sleep(Math.min(this.o.pollMs, 500));
      await this.pollSource(src);
    }
  }

  // ---------- resilience ----------

  /** Runs a Neo4j operation until it succeeds: passing errors are logged once and retried with jittered backoff. */
  private async retrying<T>(what: string, fn: () => Promise<T>, o: { untilStop?: boolean } = {}): Promise<T> {
    const token = {};
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await fn();
          if (this.failing.delete(token) && this.failing.size === 0 && this.outageSince !== null) {
            this.log.info({ event: 'neo4j-up', what, downMs: Math.round(now() - this.outageSince) }, 'Neo4j is available again; resuming');
            this.outageSince = null;
          }
          return r;
        } catch (err) {
          if (!isRetriable(err) || this.abandoned || this.finished) throw err;
          if (o.untilStop && this.stopping) throw new Stopped();
          if (this.outageSince === null) {
            this.outageSince = now();
            this.s.outages++;
            this.log.warn({ event: 'neo4j-down', what, err: messageOf(err) }, 'Neo4j is unavailable; waiting for it (work in flight is kept and retried)');
          } else {
            this.log.debug({ event: 'retry', what, attempt, err: messageOf(err) }, 'still waiting for Neo4j');
          }
          this.failing.add(token);
          await this.backoffSleeper.sleep(backoffDelay(attempt, this.o.retry));
          if (this.abandoned || this.finished) throw err;
        }
      }
    } finally {
      this.failing.delete(token);
    }
  }

  private async renewLeases(): Promise<void> {
    // Jobs being finished are renewed too: their lease must outlive a finish transaction that waits
    // (behind a large commit on a busy server, say). Renewing a job already finished changes nothing.
    const ids = [...this.held.values()].filter((h) => !h.lost).map((h) => h.job.id);
    if (ids.length === 0 || this.abandoned) return;
    let owned: Set<string>;
    try {
      owned = await this.deps.queue.renew(this.o.owner, ids, this.o.leaseMs);
    } catch (err) {
      this.log.debug({ event: 'renew-failed', err: messageOf(err) }, 'could not renew leases (will try again)');
      return;
    }
    for (const id of ids) {
      const h = this.held.get(id);
      if (!h || h.finalizing || owned.has(id)) continue;
      h.lost = true;
      this.log.warn({ event: 'lease-lost', job: id, input: h.job.input }, 'lease lost: another worker has taken this job (its articles are written idempotently)');
    }
  }

  // ---------- producer: claim → load → skip → extract ----------

  private async produce(): Promise<void> {
    try {
      while (!this.stopping) {
        const chunk = await this.assemble();
        if (chunk.pieces.length === 0 && chunk.closed.length === 0) {
          if (this.stopping) break;
          if (this.o.once) break;
          await this.idleSleeper.sleep(this.o.pollMs * (0.8 + Math.random() * 0.4));
          continue;
        }
        await this.prepare(chunk);
        await this.channel.put(chunk);
      }
    } finally {
      this.channel.close();
    }
  }

  private async claim(n: number): Promise<number> {
    for (let round = 0; round < 5 && !this.stopping; round++) {
      let r;
      try {
        r = await this.retrying('claim', () => this.deps.queue.claim(this.o.owner, n, { leaseMs: this.o.leaseMs, scopes: this.o.scopes, maxAttempts: this.o.maxAttempts, exclude: [...this.held.keys()] }), { untilStop: true });
      } catch (err) {
        if (err instanceof Stopped) return 0;
        throw err;
      }
      for (const job of r.gaveUp) await this.gaveUp(job);
      for (const job of r.jobs) {
        const h: Held = { job, iter: null, ahead: null, loaded: false, outstanding: 0, tally: { added: 0, updated: 0, skipped: 0, failed: 0 }, failures: [], started: now(), lost: false, finalizing: false };
        this.held.set(job.id, h);
        this.open.push(h);
        this.log.debug({ event: 'claim', job: job.id, input: job.input, attempts: job.attempts }, 'claimed');
      }
      this.s.jobs.claimed += r.jobs.length;
      // Another worker took the same candidates first: look again at once.
      if (r.jobs.length > 0 || r.contended === 0) return r.jobs.length;
    }
    return 0;
  }

  private async gaveUp(job: Job): Promise<void> {
    this.s.jobs.gaveUp++;
    this.s.jobs.failed++;
    this.log.warn({ event: 'job', job: job.id, input: job.input, status: 'failed', code: job.errorCode, reason: job.error, attempts: job.attempts }, 'job failed');
    const src = this.deps.sources?.find((s) => s.owns?.(job));
    const outcome: JobOutcome = {
      status: 'failed', errorCode: job.errorCode, error: job.error, failures: [], articles: { added: 0, updated: 0, skipped: 0, failed: 0 }, attempts: job.attempts, worker: this.o.owner,
    };
    await src?.settle?.(job, outcome).catch((err) => this.log.warn({ err: messageOf(err), job: job.id }, 'could not move the input aside'));
  }

  /** Up to a chunk of articles from the open jobs, claiming more jobs when they run out. */
  private async assemble(): Promise<Chunk> {
    const chunk: Chunk = { pieces: [], closed: [] };
    let drained = false;
    while (chunk.pieces.length < this.chunkSize && !this.stopping) {
      const h = this.open[0];
      if (!h) {
        if (drained) break;
        const want = this.chunkSize - chunk.pieces.length;
        const got = await this.claim(want);
        if (got < want) drained = true;
        if (got === 0) break;
        continue;
      }
      if (h.lost) {
        // Another worker has it: read no more of it; what is in flight is finished (and not recorded).
        this.open.shift();
        if (h.ahead && !h.ahead.done) this.inPipeline--;
        h.ahead = { done: true, value: undefined };
        h.loaded = true;
        if (h.outstanding === 0) this.held.delete(h.job.id);
        continue;
      }
      h.ahead ??= await this.read(h);
      const current = h.ahead;
      h.ahead = current.done ? current : await this.read(h);
      if (h.ahead.done) {
        h.loaded = true;
        this.open.shift();
        chunk.closed.push(h);
      }
      if (current.done) continue;
      h.outstanding++;
      chunk.pieces.push({ held: h, item: current.value, t0: now() });
    }
    return chunk;
  }

  /** The next item of a job (counted as held); a read that fails outright fails the job with its reason. */
  private async read(h: Held): Promise<IteratorResult<LoadedItem>> {
    let next: IteratorResult<LoadedItem>;
    try {
      h.iter ??= loadJob(h.job, { maxBytes: this.o.maxBytes, fetchTimeoutMs: this.o.fetchTimeoutMs })[Symbol.asyncIterator]();
      next = await h.iter.next();
    } catch (err) {
      next = { done: false, value: { ok: false, origin: h.job.input, code: 'E_READ', message: messageOf(err) } };
      h.iter = (async function* () {})();
    }
    if (!next.done) this.s.maxHeld = Math.max(this.s.maxHeld, ++this.inPipeline);
    return next;
  }

  /** Skips articles the graph already has (no extraction), then extracts the rest on the pool. */
  private async prepare(chunk: Chunk): Promise<void> {
    const ok: Piece[] = [];
    for (const p of chunk.pieces) {
      if (!p.item.ok) {
        p.early = { status: 'failed', failure: { origin: p.item.origin, code: p.item.code, message: p.item.message } };
        continue;
      }
      try {
        p.articleId = this.idOf(p.item.input);
        ok.push(p);
      } catch (err) {
        p.early = { status: 'failed', failure: { origin: p.item.input.origin ?? p.held.job.input, code: 'E_EXTRACT', message: messageOf(err) } };
      }
    }
    if (ok.length === 0) return;
    const ids = [...new Set(ok.map((p) => p.articleId!))];
    const existing = await this.retrying('existing articles', () => this.deps.writer.existingArticles(ids));
    const todo = ok.filter((p) => {
      if (!existing.has(p.articleId!)) return true;
      p.early = { status: 'skipped' };
      return false;
    });
    let next = 0;
    const lane = async () => {
      while (next < todo.length) {
        const p = todo[next++];
        const input = (p.item as { ok: true; input: ArticleInput }).input;
        const t = now();
        const [x] = await this.deps.pool.extractAll([input]);
        p.extractMs = round(now() - t);
        if (x.ok) {
          p.result = x.result;
          p.articleId = x.result.article.id;
        } else {
          p.early = { status: 'failed', failure: { origin: input.origin ?? p.held.job.input, code: 'E_EXTRACT', message: x.error } };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.pool.size, todo.length) }, lane));
  }

  // ---------- writer: write → record → finish jobs ----------

  private async consume(): Promise<void> {
    for await (const chunk of this.channel) {
      await this.write(chunk);
      await this.finalize(chunk);
    }
  }

  private async write(chunk: Chunk): Promise<void> {
    for (const p of chunk.pieces) {
      if (p.early?.status === 'skipped') this.record(p, 'skipped', 0);
      else if (p.early?.status === 'failed') this.record(p, 'failed', 0, p.early.failure);
    }
    // Passing Neo4j failures are thrown by the writer (nothing written) and retried by `retrying`; an
    // article the writer reports as failed failed for a reason of its own.
    const pending = chunk.pieces.filter((p) => p.result && !p.early);
    if (pending.length === 0) return;
    const t = now();
    const outcomes = await this.retrying('write', () => this.deps.writer.writeArticles(pending.map((p) => p.result!)));
    const writeMs = round(now() - t);
    const byId = new Map(outcomes.map((o) => [o.articleId, o]));
    const first = new Set<string>();
    for (const p of pending) {
      const out = byId.get(p.articleId!);
      const dup = first.has(p.articleId!);
      first.add(p.articleId!);
      if (!out || dup) this.record(p, 'skipped', writeMs);
      else if (out.status !== 'failed') this.record(p, out.status, writeMs);
      else this.record(p, 'failed', writeMs, { origin: originOf(p), code: 'E_WRITE', message: out.error ?? 'write failed' });
    }
  }

  private record(p: Piece, status: keyof Tally, writeMs: number, failure?: Failure): void {
    const h = p.held;
    h.tally[status]++;
    h.outstanding--;
    this.inPipeline--;
    this.s.articles[status]++;
    const base = {
      event: 'article', job: h.job.id, origin: originOf(p), article: p.articleId ?? null, status,
      extractMs: p.extractMs ?? null, writeMs: p.result ? writeMs : null, ms: round(now() - p.t0),
    };
    if (failure) {
      if (h.failures.length < MAX_FAILURES_KEPT) h.failures.push(failure);
      this.log.warn({ ...base, code: failure.code, reason: failure.message }, 'article failed');
    } else {
      this.log.info({ ...base, entities: p.result?.entities.length ?? null, events: p.result?.events.length ?? null }, 'article');
    }
  }

  /** Records the jobs whose articles are all written, in one transaction, then lets their sources act. */
  private async finalize(chunk: Chunk): Promise<void> {
    const candidates = new Set<Held>([...chunk.pieces.map((p) => p.held), ...chunk.closed]);
    const ready = [...candidates].filter((h) => h.loaded && h.outstanding === 0 && !h.finalizing && this.held.has(h.job.id));
    if (ready.length === 0) return;
    for (const h of ready) h.finalizing = true;
    const results: JobResult[] = ready.map((h) => {
      const failed = h.tally.failed > 0;
      const codes = [...new Set(h.failures.map((f) => f.code))];
      return {
        id: h.job.id,
        status: failed ? 'failed' : 'done',
        errorCode: failed ? (codes.length === 1 ? codes[0] : 'E_MULTIPLE') : null,
        error: failed ? h.failures[0].message + (h.tally.failed > 1 ? ` (and ${h.tally.failed - 1} more)` : '') : null,
        failures: failed ? JSON.stringify(h.failures) : null,
        ...h.tally,
      };
    });
    let owned: Set<string>;
    try {
      owned = await this.retrying('finish jobs', () => this.deps.queue.finish(this.o.owner, results));
    } catch (err) {
      for (const h of ready) h.finalizing = false;
      throw err;
    }
    for (let i = 0; i < ready.length; i++) {
      const h = ready[i];
      const r = results[i];
      this.held.delete(h.job.id);
      if (!owned.has(h.job.id)) {
        this.s.jobs.lost++;
        this.log.warn({ event: 'lease-lost', job: h.job.id, input: h.job.input }, 'finished a job whose lease another worker had taken; its result is theirs to record');
        continue;
      }
      this.s.jobs[r.status === 'done' ? 'done' : 'failed']++;
      const outcome: JobOutcome = {
        status: r.status, errorCode: r.errorCode ?? null, error: r.error ?? null, failures: h.failures, articles: { ...h.tally }, attempts: h.job.attempts, worker: this.o.owner,
      };
      const fields = { event: 'job', job: h.job.id, input: h.job.input, status: r.status, articles: h.tally, attempts: h.job.attempts, ms: round(now() - h.started) };
      if (r.status === 'failed') this.log.warn({ ...fields, code: r.errorCode, reason: r.error }, 'job failed');
      else this.log.info(fields, 'job done');
      const src = this.deps.sources?.find((s) => s.owns?.(h.job));
      await src?.settle?.(h.job, outcome).catch((err) => this.log.warn({ err: messageOf(err), job: h.job.id }, 'could not move the input aside'));
    }
  }

  /** On the way out: jobs claimed but not finished go back to the queue for another worker. */
  private async releaseHeld(): Promise<void> {
    const ids = [...this.held.values()].filter((h) => !h.lost).map((h) => h.job.id);
    if (ids.length === 0) return;
    try {
      const released = await this.retrying('release', () => this.deps.queue.release(this.o.owner, ids));
      this.s.jobs.released += released.size;
      this.log.info({ event: 'release', jobs: released.size }, `released ${released.size} claimed jobs not finished`);
    } catch (err) {
      this.log.warn({ event: 'release-failed', jobs: ids.length, err: messageOf(err) }, 'could not release claimed jobs; their leases will run out and another worker will take them');
    }
    this.held.clear();
  }

  private logStats(final = false): void {
    const t = now();
    const a = this.s.articles;
    const total = a.added + a.updated + a.skipped + a.failed;
    const secs = Math.max(0.001, (t - this.lastStats.at) / 1000);
    const rate = round((total - this.lastStats.articles) / secs);
    this.lastStats = { at: t, articles: total };
    const mem = process.memoryUsage();
    this.log.info(
      {
        event: 'stats', final, jobs: this.s.jobs, articles: a, rate, held: this.held.size, inFlight: this.inPipeline, maxHeld: this.s.maxHeld,
        neo4j: this.outageSince === null ? 'up' : 'down', rssMb: Math.round(mem.rss / 1048576), heapMb: Math.round(mem.heapUsed / 1048576),
      },
      final ? 'final stats' : 'stats',
    );
  }
}

/** Thrown inside the worker when a retry loop gives up because the worker is stopping. */
class Stopped extends Error {}

function originOf(p: Piece): string {
  return p.item.ok ? p.item.input.origin ?? p.held.job.input : p.item.origin;
}

function messageOf(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0].slice(0, 300);
}
