import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Config } from '../config/config';
import { describeConfig } from '../config/config';
import { Neo4jJobQueue, openWorkerGraph } from '../graph/job-queue';
import type { Graph } from '../graph/neo4j';
import { Neo4jWriter } from '../graph/neo4j-writer';
import { ensureSchema } from '../graph/schema';
import { articleIdOf } from '../pipeline/article-id';
import { EXTRACTOR_VERSION } from '../pipeline/version';
import { createPool } from '../pipeline/pool';
import { backoffDelay, isRetriable } from './backoff';
import { FeedPoller } from './feeds';
import { Inbox } from './inbox';
import { createLogger } from './log';
import type { Logger } from './log';
import { IngestWorker } from './worker';
import type { WorkerSource, WorkerSummary } from './worker';

/** `newsgraph worker`: connects, builds the sources, runs the worker and handles SIGTERM/SIGINT. */

export interface RunWorkerOptions {
  inbox?: string;
  feeds: string[];
  intervalMs: number;
  concurrency: number;
  once: boolean;
  leaseMs: number;
  batchSize?: number;
  /** Replace articles another extractor version wrote (see Neo4jWriterOptions.refreshStale). */
  refreshStale?: boolean;
  window: number;
  pollMs: number;
  statsMs: number;
  maxAttempts: number;
  maxBytes: number;
  graceMs: number;
  logLevel: string;
  id?: string;
}

export const defaultWorkerId = (): string => `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Connects; a long-running worker waits for Neo4j to come up, `--once` fails at once (exit 1). */
async function connect(c: Config, o: RunWorkerOptions, log: Logger, stopped: () => boolean): Promise<Graph | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openWorkerGraph(c.neo4j);
    } catch (err) {
      if (o.once || !isRetriable(err)) throw err;
      if (attempt === 0) log.warn({ event: 'neo4j-down', what: 'connect', err: (err as Error).message }, 'Neo4j is not reachable yet; waiting for it');
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, { capMs: 5_000 })));
      if (stopped()) return null;
    }
  }
}

export async function runWorker(c: Config, o: RunWorkerOptions): Promise<WorkerSummary | null> {
  const owner = o.id ?? defaultWorkerId();
  const log = createLogger({ level: o.logLevel, worker: owner });
  let worker: IngestWorker | null = null;
  let signalled = 0;
  let stopRequested = false;
  let graceTimer: NodeJS.Timeout | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled++;
    stopRequested = true;
    if (signalled > 1) {
      log.warn({ event: 'forced', signal }, `second ${signal}: exiting now (claimed jobs return to the queue when their leases run out)`);
      process.exit(1);
    }
    log.info({ event: 'signal', signal }, `${signal}: shutting down`);
    worker?.stop(signal);
    graceTimer = setTimeout(() => {
      log.warn({ event: 'grace-expired', graceMs: o.graceMs }, 'shutdown is taking too long (Neo4j unreachable?): leaving now; unfinished jobs return to the queue when their leases run out');
      worker?.abandon();
      setTimeout(() => process.exit(0), 2_000).unref();
    }, o.graceMs);
    graceTimer.unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let graph: Graph | null = null;
  let pool: ReturnType<typeof createPool> | null = null;
  try {
    graph = await connect(c, o, log, () => stopRequested);
    if (!graph) return null;
    const g = graph;
    // Schema first (idempotent); a worker started with Neo4j half up retries.
    for (let attempt = 0; ; attempt++) {
      try {
        await ensureSchema(g);
        break;
      } catch (err) {
        if (!isRetriable(err) || o.once || stopRequested) throw err;
        await new Promise((r) => setTimeout(r, backoffDelay(attempt)));
      }
    }
    const queue = new Neo4jJobQueue(g);
    await queue.ensureSchema();
    const writer = new Neo4jWriter(g, { extractorVersion: EXTRACTOR_VERSION, batchSize: o.batchSize ?? c.batchSize, refreshStale: o.refreshStale });
    pool = createPool(o.concurrency);
    const sources: WorkerSource[] = [];
    const scopes: string[] = [];
    if (o.inbox) {
      const inbox = new Inbox(o.inbox, queue, log, { pollMs: o.pollMs });
      await inbox.init();
      sources.push(inbox);
      scopes.push(inbox.scope);
    }
    if (o.feeds.length) sources.push(new FeedPoller(o.feeds, queue, log, { intervalMs: o.intervalMs, maxBytes: o.maxBytes }));
    log.info({ event: 'config', neo4j: describeConfig(c), extractorVersion: EXTRACTOR_VERSION, inbox: o.inbox ?? null, feeds: o.feeds }, 'configuration');
    worker = new IngestWorker(
      { queue, writer, pool, log, sources, idOf: articleIdOf },
      {
        owner, leaseMs: o.leaseMs, window: o.window, pollMs: o.pollMs, once: o.once, maxAttempts: o.maxAttempts, scopes,
        statsMs: o.statsMs, maxBytes: o.maxBytes,
      },
    );
    if (stopRequested) worker.stop('signal');
    const started = new Date().toISOString();
    const summary = await worker.run();
    await writer
      .recordRun({
        id: `run:${started}:${owner}`, startedAt: started, endedAt: summary.endedAt,
        added: summary.articles.added, updated: summary.articles.updated, skipped: summary.articles.skipped, failed: summary.articles.failed,
        extractorVersion: EXTRACTOR_VERSION,
        config: JSON.stringify({ ...describeConfig(c), worker: owner, concurrency: pool.size, window: o.window, leaseMs: o.leaseMs, inbox: o.inbox ?? null, feeds: o.feeds }),
        command: `worker${o.once ? ' --once' : ''}`,
      })
      .catch((err) => log.warn({ err: (err as Error).message }, 'could not record the run'));
    return summary;
  } finally {
    if (graceTimer) clearTimeout(graceTimer);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await pool?.close().catch(() => undefined);
    await graph?.close().catch(() => undefined);
    // Nothing should keep the process alive now; if something does (a socket closing slowly), leave anyway.
    setTimeout(() => process.exit(), 3_000).unref();
  }
}

/** For --once (cron, CI): 2 when some job failed or a feed could not be read, else 0. */
export const workerExitCode = (s: WorkerSummary | null): number => (s && (s.jobs.failed > 0 || s.sourceProblems > 0) ? 2 : 0);
