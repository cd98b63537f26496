import type { Neo4jConfig } from '../config/config';
import { Graph, run } from './neo4j';
import type { Tx } from './neo4j';

/**
 * The ingestion job queue, kept in Neo4j as `(:Job)` nodes so that workers on several machines share
 * it. A job is claimed with a lease inside one write transaction; a job whose lease ran out (its worker
 * died) is claimed again. Every change to a job first takes the node's write lock (`SET j._lock`) and
 * only then re-reads its status and owner, so two workers never both win the same job.
 */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];
/** `file`: a path every worker can read; `url`: fetched by the worker; `item`: the article travels in `payload`. */
export type JobKind = 'file' | 'url' | 'item';

export interface NewJob {
  id: string;
  kind: JobKind;
  /** The path, URL, or (for items) the feed item's guid or url. */
  input: string;
  /** For `item` jobs: the article as JSON. Dropped once the job is done. */
  payload?: string | null;
  /** null: any worker may take it; otherwise only workers that serve this scope (an inbox on one host). */
  scope?: string | null;
  /** Where the job came from (a feed URL, an inbox), for people. */
  origin?: string | null;
}

export interface Job extends NewJob {
  status: JobStatus;
  attempts: number;
  leaseOwner: string | null;
  /** Milliseconds since the epoch, on the database's clock. */
  leaseUntil: number | null;
  enqueuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  errorCode: string | null;
  error: string | null;
}

export interface EnqueueResult {
  id: string;
  created: boolean;
  requeued: boolean;
  status: JobStatus;
  errorCode: string | null;
  error: string | null;
  /** JSON list of per-article failures, when the job failed. */
  failures: string | null;
}

export interface JobResult {
  id: string;
  status: 'done' | 'failed';
  errorCode?: string | null;
  error?: string | null;
  failures?: string | null;
  added: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface ClaimOptions {
  leaseMs: number;
  /** Scoped jobs this worker may take besides the shared ones (its inbox). */
  scopes: readonly string[];
  /** A job whose lease ran out this many times (its worker kept dying) is failed instead of retried. */
  maxAttempts: number;
  /** Jobs this worker holds already (their leases may have run out while Neo4j was away): not claimed again. */
  exclude?: readonly string[];
}

export interface ClaimResult {
  jobs: Job[];
  /** Jobs given up on because they used up their attempts. */
  gaveUp: Job[];
  /** Candidates another worker took first (the caller may simply try again). */
  contended: number;
}

export interface QueueStatus {
  queued: number;
  running: number;
  /** Running with a live lease. */
  inFlight: number;
  /** Running, but the lease ran out (the worker died): claimable again. */
  expired: number;
  done: number;
  failed: number;
  total: number;
  oldestQueuedAt: string | null;
  owners: { owner: string; jobs: number; expired: number; leaseUntil: string | null }[];
  recentFailures: { id: string; input: string; errorCode: string | null; error: string | null; finishedAt: string | null }[];
  now: string;
}

/** What the worker needs from a queue; `Neo4jJobQueue` here, `MemoryJobQueue` for unit tests. */
export interface JobQueue {
  ensureSchema(): Promise<void>;
  /** Adds jobs that are not there yet (by id); `requeue` puts finished ones with these ids back in the queue. */
  enqueue(jobs: readonly NewJob[], options?: { requeue?: boolean }): Promise<EnqueueResult[]>;
  /** Which of these job ids exist, whatever their status (feeds use it to skip items seen before). */
  existing(ids: readonly string[]): Promise<Set<string>>;
  claim(owner: string, n: number, options: ClaimOptions): Promise<ClaimResult>;
  /** Extends the leases this owner still holds; returns the ids it still holds. */
  renew(owner: string, ids: readonly string[], leaseMs: number): Promise<Set<string>>;
  /** Records results of jobs this owner still holds; returns the ids recorded (the others were lost). */
  finish(owner: string, results: readonly JobResult[]): Promise<Set<string>>;
  /** Gives claimed jobs back to the queue (shutdown); returns the ids released. */
  release(owner: string, ids: readonly string[]): Promise<Set<string>>;
  status(): Promise<QueueStatus>;
}

// ---------- Cypher ----------

export const JOB_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT job_id_unique IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX job_status IF NOT EXISTS FOR (j:Job) ON (j.status)',
];

/** Takes each job's write lock before anything about it is read, then keeps the ones this owner holds. */
const LOCK_OWNED = `
MATCH (j:Job {id: row.id})
SET j._lock = true
REMOVE j._lock
WITH j, row
WHERE j.status = 'running' AND j.leaseOwner = $owner`;

export const ENQUEUE_JOBS = `
UNWIND $rows AS row
MERGE (j:Job {id: row.id})
ON CREATE SET j.kind = row.kind, j.input = row.input, j.payload = row.payload, j.scope = row.scope,
  j.origin = row.origin, j.status = 'queued', j.attempts = 0, j.enqueuedAt = timestamp(), j.seq = row.seq, j._new = true
WITH j, row, coalesce(j._new, false) AS created
REMOVE j._new
WITH j, row, created, NOT created AND $requeue AND j.status IN ['done', 'failed'] AS requeued
CALL (j, row, requeued) {
  WITH j, row, requeued WHERE requeued
  SET j.kind = row.kind, j.input = row.input, j.payload = row.payload, j.scope = row.scope, j.origin = row.origin,
    j.status = 'queued', j.attempts = 0, j.enqueuedAt = timestamp(), j.seq = row.seq,
    j.error = null, j.errorCode = null, j.failures = null, j.startedAt = null, j.finishedAt = null, j.finishedBy = null
}
RETURN j.id AS id, created, requeued, j.status AS status, j.errorCode AS errorCode, j.error AS error, j.failures AS failures`;

export const EXISTING_JOBS = `
UNWIND $ids AS id
MATCH (j:Job {id: id})
RETURN j.id AS id`;

/** The oldest claimable jobs: queued, or running with a lease that ran out. Read only. */
export const CLAIM_CANDIDATES = `
CALL () {
  MATCH (j:Job) WHERE j.status = 'queued' AND (j.scope IS NULL OR j.scope IN $scopes)
  RETURN j ORDER BY j.enqueuedAt, j.seq, j.id LIMIT $n
  UNION
  MATCH (j:Job) WHERE j.status = 'running' AND j.leaseUntil < timestamp() AND (j.scope IS NULL OR j.scope IN $scopes)
    AND NOT j.id IN $exclude
  RETURN j ORDER BY j.enqueuedAt, j.seq, j.id LIMIT $n
}
WITH j ORDER BY j.enqueuedAt, j.seq, j.id LIMIT $n
RETURN j.id AS id`;

/**
 * Locks the candidates (in the candidates' order, the same in every worker, so claimers do not
 * deadlock), re-reads them under the lock and takes the ones still claimable. A job that comes back
 * from an expired lease with its attempts used up is failed instead.
 */
export const CLAIM_JOBS = `
UNWIND $ids AS id
MATCH (j:Job {id: id})
SET j._lock = true
REMOVE j._lock
WITH j
WHERE j.status = 'queued' OR (j.status = 'running' AND j.leaseUntil < timestamp())
WITH j, j.status = 'running' AND coalesce(j.attempts, 0) >= $maxAttempts AS giveUp
SET j.status = CASE WHEN giveUp THEN 'failed' ELSE 'running' END,
    j.attempts = CASE WHEN giveUp THEN j.attempts ELSE coalesce(j.attempts, 0) + 1 END,
    j.leaseOwner = CASE WHEN giveUp THEN null ELSE $owner END,
    j.leaseUntil = CASE WHEN giveUp THEN null ELSE timestamp() + $leaseMs END,
    j.startedAt = CASE WHEN giveUp THEN j.startedAt ELSE timestamp() END,
    j.finishedAt = CASE WHEN giveUp THEN timestamp() ELSE null END,
    j.errorCode = CASE WHEN giveUp THEN 'E_ATTEMPTS' ELSE j.errorCode END,
    j.error = CASE WHEN giveUp THEN 'gave up after ' + toString(j.attempts) + ' attempts: the worker holding it stopped each time (the input may crash workers)' ELSE j.error END
RETURN j {.*} AS job, giveUp`;

export const RENEW_LEASES = `
UNWIND $ids AS id
WITH {id: id} AS row
${LOCK_OWNED}
SET j.leaseUntil = timestamp() + $leaseMs
RETURN j.id AS id`;

export const FINISH_JOBS = `
UNWIND $rows AS row
${LOCK_OWNED}
SET j.status = row.status, j.finishedAt = timestamp(), j.finishedBy = $owner, j.leaseOwner = null, j.leaseUntil = null,
    j.errorCode = row.errorCode, j.error = row.error, j.failures = row.failures,
    j.added = row.added, j.updated = row.updated, j.skipped = row.skipped, j.failed = row.failed,
    j.payload = CASE WHEN row.status = 'done' THEN null ELSE j.payload END
RETURN j.id AS id`;

export const RELEASE_JOBS = `
UNWIND $ids AS id
WITH {id: id} AS row
${LOCK_OWNED}
SET j.status = 'queued', j.leaseOwner = null, j.leaseUntil = null, j.startedAt = null,
    j.attempts = CASE WHEN coalesce(j.attempts, 0) > 0 THEN j.attempts - 1 ELSE 0 END
RETURN j.id AS id`;

export const JOB_COUNTS = `
UNWIND $statuses AS s
CALL (s) { MATCH (j:Job {status: s}) RETURN count(j) AS n }
RETURN s AS status, n`;

export const JOB_OWNERS = `
MATCH (j:Job {status: 'running'})
RETURN j.leaseOwner AS owner, count(j) AS jobs, max(j.leaseUntil) AS leaseUntil,
       sum(CASE WHEN j.leaseUntil < timestamp() THEN 1 ELSE 0 END) AS expired, timestamp() AS now
ORDER BY owner`;

export const OLDEST_QUEUED = `
MATCH (j:Job {status: 'queued'})
RETURN min(j.enqueuedAt) AS oldest, timestamp() AS now`;

export const RECENT_FAILURES = `
MATCH (j:Job {status: 'failed'})
RETURN j.id AS id, j.input AS input, j.errorCode AS errorCode, j.error AS error, j.finishedAt AS finishedAt
ORDER BY j.finishedAt DESC LIMIT $limit`;

// ---------- the Neo4j queue ----------

const iso = (ms: unknown): string | null => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function jobFromRow(p: Record<string, unknown>): Job {
  return {
    id: String(p.id),
    kind: String(p.kind) as JobKind,
    input: String(p.input ?? ''),
    payload: str(p.payload),
    scope: str(p.scope),
    origin: str(p.origin),
    status: String(p.status) as JobStatus,
    attempts: Number(p.attempts ?? 0),
    leaseOwner: str(p.leaseOwner),
    leaseUntil: p.leaseUntil === null || p.leaseUntil === undefined ? null : Number(p.leaseUntil),
    enqueuedAt: Number(p.enqueuedAt ?? 0),
    startedAt: p.startedAt === null || p.startedAt === undefined ? null : Number(p.startedAt),
    finishedAt: p.finishedAt === null || p.finishedAt === undefined ? null : Number(p.finishedAt),
    errorCode: str(p.errorCode),
    error: str(p.error),
  };
}

const ENQUEUE_BATCH = 1000;

export class Neo4jJobQueue implements JobQueue {
  constructor(readonly graph: Graph) {}

  async ensureSchema(): Promise<void> {
    for (const statement of JOB_SCHEMA) {
      // Two workers starting together may race to create the same index; the loser's error is harmless.
      await this.graph.query(statement, {}, 'write').catch(async (err) => {
        if (!/already exists|equivalent/i.test(String((err as Error)?.message))) await this.graph.query(statement, {}, 'write');
      });
    }
  }

  async enqueue(jobs: readonly NewJob[], options: { requeue?: boolean } = {}): Promise<EnqueueResult[]> {
    const out: EnqueueResult[] = [];
    for (let i = 0; i < jobs.length; i += ENQUEUE_BATCH) {
      const rows = jobs.slice(i, i + ENQUEUE_BATCH).map((j, k) => ({
        id: j.id, kind: j.kind, input: j.input, payload: j.payload ?? null, scope: j.scope ?? null, origin: j.origin ?? null, seq: i + k,
      }));
      const res = await this.graph.write((tx) => run(tx, ENQUEUE_JOBS, { rows, requeue: Boolean(options.requeue) }));
      for (const r of res) {
        out.push({
          id: String(r.id), created: r.created === true, requeued: r.requeued === true, status: String(r.status) as JobStatus,
          errorCode: str(r.errorCode), error: str(r.error), failures: str(r.failures),
        });
      }
    }
    return out;
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.graph.read((tx) => run(tx, EXISTING_JOBS, { ids }));
    return new Set(rows.map((r) => String(r.id)));
  }

  async claim(owner: string, n: number, o: ClaimOptions): Promise<ClaimResult> {
    if (n < 1) return { jobs: [], gaveUp: [], contended: 0 };
    return this.graph.write(async (tx: Tx) => {
      const ids = (await run(tx, CLAIM_CANDIDATES, { n, scopes: [...o.scopes], exclude: [...(o.exclude ?? [])] })).map((r) => String(r.id));
      if (ids.length === 0) return { jobs: [], gaveUp: [], contended: 0 };
      const rows = await run(tx, CLAIM_JOBS, { ids, owner, leaseMs: o.leaseMs, maxAttempts: o.maxAttempts });
      const jobs: Job[] = [];
      const gaveUp: Job[] = [];
      for (const r of rows) (r.giveUp === true ? gaveUp : jobs).push(jobFromRow(r.job as Record<string, unknown>));
      return { jobs, gaveUp, contended: ids.length - rows.length };
    });
  }

  async renew(owner: string, ids: readonly string[], leaseMs: number): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.graph.write((tx) => run(tx, RENEW_LEASES, { ids: [...ids].sort(), owner, leaseMs }));
    return new Set(rows.map((r) => String(r.id)));
  }

  async finish(owner: string, results: readonly JobResult[]): Promise<Set<string>> {
    if (results.length === 0) return new Set();
    const rows = [...results]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => ({
        id: r.id, status: r.status, errorCode: r.errorCode ?? null, error: r.error ?? null, failures: r.failures ?? null,
        added: r.added, updated: r.updated, skipped: r.skipped, failed: r.failed,
      }));
    const res = await this.graph.write((tx) => run(tx, FINISH_JOBS, { rows, owner }));
    return new Set(res.map((r) => String(r.id)));
  }

  async release(owner: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.graph.write((tx) => run(tx, RELEASE_JOBS, { ids: [...ids].sort(), owner }));
    return new Set(rows.map((r) => String(r.id)));
  }

  async status(): Promise<QueueStatus> {
    return this.graph.read(async (tx) => {
      const counts = Object.fromEntries((await run(tx, JOB_COUNTS, { statuses: JOB_STATUSES })).map((r) => [String(r.status), Number(r.n)]));
      const ownerRows = await run(tx, JOB_OWNERS);
      const [oldest] = await run(tx, OLDEST_QUEUED);
      const failures = await run(tx, RECENT_FAILURES, { limit: 5 });
      const expired = ownerRows.reduce((s, r) => s + Number(r.expired), 0);
      const running = counts.running ?? 0;
      return {
        queued: counts.queued ?? 0,
        running,
        inFlight: running - expired,
        expired,
        done: counts.done ?? 0,
        failed: counts.failed ?? 0,
        total: JOB_STATUSES.reduce((s, k) => s + (counts[k] ?? 0), 0),
        oldestQueuedAt: iso(oldest?.oldest),
        owners: ownerRows.map((r) => ({ owner: String(r.owner), jobs: Number(r.jobs), expired: Number(r.expired), leaseUntil: iso(r.leaseUntil) })),
        recentFailures: failures.map((r) => ({
          id: String(r.id), input: String(r.input ?? ''), errorCode: str(r.errorCode), error: str(r.error), finishedAt: iso(r.finishedAt),
        })),
        now: iso(oldest?.now) ?? new Date().toISOString(),
      };
    });
  }
}

// ---------- connecting ----------

export interface WorkerGraphOptions {
  /**
   * How long the driver itself retries a transaction on transient errors before giving the error to the
   * worker, which logs it and keeps retrying with its own backoff. Short, so an outage shows in the log.
   */
  maxTransactionRetryMs?: number;
}

/** A Graph whose driver retries and times out as suits a long-running worker; `verify` first checks that Neo4j answers. */
export function openWorkerGraph(c: Neo4jConfig, o: WorkerGraphOptions & { verify?: boolean } = {}): Promise<Graph> {
  const options = { maxTransactionRetryTime: o.maxTransactionRetryMs ?? 5_000, connectionAcquisitionTimeout: 10_000, connectionTimeout: 5_000 };
  return Graph.connect(c, options, o.verify !== false);
}
