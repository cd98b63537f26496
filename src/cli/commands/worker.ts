import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { config } from '../../config/config';
import { Neo4jJobQueue } from '../../graph/job-queue';
import type { QueueStatus } from '../../graph/job-queue';
import { defaultConcurrency } from '../../pipeline/pool';
import { parseDuration } from '../../worker/duration';
import { LOG_LEVELS } from '../../worker/log';
import { runWorker, workerExitCode } from '../../worker/run';
import { formatOption, positiveInt, withGraph } from '../context';
import { formatSeconds, table } from '../output';

interface WorkerOpts {
  inbox?: string;
  feed: string[];
  interval: number;
  concurrency: number;
  once?: boolean;
  lease: number;
  batchSize?: number;
  refreshStale?: boolean;
  window: number;
  poll: number;
  statsInterval: number;
  maxAttempts: number;
  maxBytes: number;
  grace: number;
  logLevel: string;
  id?: string;
}

const duration = (name: string) => (value: string): number => {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError(`${name}: ${(err as Error).message}`);
  }
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerWorker(program: Command): void {
  const worker = program
    .command('worker')
    .description('the long-running ingestion worker: takes jobs from the queue in Neo4j, an inbox directory and RSS/Atom feeds')
    .option('--inbox <dir>', 'watch this directory: new files are ingested, then moved to DIR/done or DIR/failed (with <name>.error.json)')
    .addOption(new Option('--feed <url|file>', 'poll this RSS or Atom feed (repeatable); items are de-duplicated by guid or url').argParser(collect).default([], 'none'))
    .addOption(new Option('--interval <duration>', 'how often feeds are polled').argParser(duration('--interval')).default(5 * 60_000, '5m'))
    .addOption(new Option('-c, --concurrency <n>', 'extraction threads').argParser(positiveInt('--concurrency')).default(defaultConcurrency(), 'all cores'))
    .option('--once', 'drain the inbox, the feeds and the queue, then exit (for cron and CI); exit 2 if a job failed')
    .addOption(new Option('--lease <duration>', 'how long a claimed job stays ours without renewal; a dead worker\'s jobs are taken again after it').argParser(duration('--lease')).default(60_000, '60s'))
    .addOption(new Option('-b, --batch-size <n>', 'rows per UNWIND statement (a write transaction holds up to 25 times as many)').argParser(positiveInt('--batch-size')))
    .option('--refresh-stale', 're-extract articles the graph holds from another extractor version and replace their facts (as ingest --refresh-stale)')
    .addOption(new Option('--window <n>', 'most articles held in memory at once (backpressure)').argParser(positiveInt('--window')).default(256))
    .addOption(new Option('--poll <duration>', 'how often an idle worker looks at the queue and the inbox').argParser(duration('--poll')).default(2_000, '2s'))
    .addOption(new Option('--stats-interval <duration>', 'how often a stats line is logged').argParser(duration('--stats-interval')).default(60_000, '60s'))
    .addOption(new Option('--max-attempts <n>', 'fail a job after its worker died this many times holding it').argParser(positiveInt('--max-attempts')).default(3))
    .addOption(new Option('--max-bytes <n>', 'refuse an input larger than this; for JSON Lines, a line (article) larger than this').argParser(positiveInt('--max-bytes')).default(5 * 1024 * 1024))
    .addOption(new Option('--grace <duration>', 'on SIGTERM/SIGINT, longest wait for the articles in flight').argParser(duration('--grace')).default(25_000, '25s'))
    .addOption(new Option('--log-level <level>', 'log level').choices([...LOG_LEVELS]).default('info'))
    .option('--id <name>', 'this worker\'s name in leases and logs (default host:pid:random)')
    .addHelpText(
      'after',
      `
Logs are JSON lines on stdout (pino): one per article with its timing, one per job, a stats line every
--stats-interval. SIGTERM or SIGINT finishes the articles in flight, gives unstarted jobs back to the
queue and exits 0. Several workers, on one machine or many, can share one Neo4j: each job is done once.

Examples:
  newsgraph enqueue 'archive/**/*.jsonl' && newsgraph worker --once
  newsgraph worker --inbox /srv/news/inbox --feed https://example.org/rss.xml --interval 10m
  newsgraph worker status --format json`,
    )
    .action(async (opts: WorkerOpts) => {
      const summary = await runWorker(config(), {
        inbox: opts.inbox, feeds: opts.feed, intervalMs: opts.interval, concurrency: opts.concurrency, once: Boolean(opts.once),
        leaseMs: opts.lease, batchSize: opts.batchSize, refreshStale: opts.refreshStale, window: opts.window, pollMs: opts.poll, statsMs: opts.statsInterval,
        maxAttempts: opts.maxAttempts, maxBytes: opts.maxBytes, graceMs: opts.grace, logLevel: opts.logLevel, id: opts.id,
      });
      process.exitCode = opts.once ? workerExitCode(summary) : 0;
    });

  worker
    .command('status')
    .description('the job queue: depth, jobs in flight, done and failed, the workers holding jobs, recent failures')
    .addOption(formatOption(['table', 'json']))
    .action(async (opts: { format: string }) => {
      const status = await withGraph((g) => new Neo4jJobQueue(g).status());
      process.stdout.write(opts.format === 'json' ? JSON.stringify(status, null, 2) + '\n' : describeStatus(status));
    });
}

function ago(iso: string | null, now: string): string {
  if (!iso) return '';
  return `${formatSeconds(Math.max(0, (Date.parse(now) - Date.parse(iso)) / 1000))} ago`;
}

export function describeStatus(s: QueueStatus): string {
  const lines = [
    table([
      { state: 'queued', jobs: s.queued, note: s.oldestQueuedAt ? `oldest enqueued ${ago(s.oldestQueuedAt, s.now)}` : '' },
      { state: 'in flight', jobs: s.inFlight, note: s.owners.length ? `${s.owners.length} worker(s)` : '' },
      { state: 'lease expired', jobs: s.expired, note: s.expired ? 'their worker stopped; the next claim takes them' : '' },
      { state: 'done', jobs: s.done, note: '' },
      { state: 'failed', jobs: s.failed, note: s.failed ? 'newsgraph enqueue --requeue <inputs…> runs them again' : '' },
    ]).trimEnd(),
  ];
  if (s.owners.length) {
    lines.push('', 'workers holding jobs:', table(s.owners.map((o) => ({ worker: o.owner, jobs: o.jobs, expired: o.expired, 'lease until': o.leaseUntil }))).trimEnd());
  }
  if (s.recentFailures.length) {
    lines.push('', 'recent failures:', table(s.recentFailures.map((f) => ({ input: f.input, code: f.errorCode, reason: f.error, when: f.finishedAt }))).trimEnd());
  }
  return lines.join('\n') + '\n';
}
