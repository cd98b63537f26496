import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EnqueueResult, Job, JobQueue } from '../graph/job-queue';
import { fileJob } from './jobs';
import type { Logger } from './log';
import type { JobOutcome, WorkerSource } from './worker';

/**
 * An inbox directory: files dropped into it become jobs (scoped to this host and directory, so only
 * workers watching it take them); a processed file moves to DIR/done, a failed one to DIR/failed with
 * `<name>.error.json` beside it. Hidden files, `*.tmp`/`*.part` files and files modified in the last
 * `settleMs` are left alone, so a file still being copied in is not read half-written (write to a
 * temporary name and rename it into the inbox to be safe).
 */

const IGNORED = /^\.|\.(tmp|temp|part|partial|crdownload|swp|lock)$|~$/i;

export interface InboxOptions {
  pollMs: number;
  settleMs?: number;
  host?: string;
}

export interface ErrorReport {
  file: string;
  code: string | null;
  reason: string | null;
  failures: { origin: string; code: string; message: string }[];
  articles: JobOutcome['articles'] | null;
  job: string;
  attempts: number;
  worker: string | null;
  failedAt: string;
}

export class Inbox implements WorkerSource {
  readonly name = 'inbox';
  readonly dir: string;
  readonly doneDir: string;
  readonly failedDir: string;
  readonly scope: string;
  readonly intervalMs: number;
  private readonly settleMs: number;
  /** Files enqueued and not yet moved: name → job id. */
  private readonly pending = new Map<string, string>();
  private young = 0;

  constructor(dir: string, private readonly queue: JobQueue, private readonly log: Logger, o: InboxOptions) {
    this.dir = path.resolve(dir);
    this.doneDir = path.join(this.dir, 'done');
    this.failedDir = path.join(this.dir, 'failed');
    this.scope = `inbox:${o.host ?? os.hostname()}:${this.dir}`;
    this.intervalMs = o.pollMs;
    this.settleMs = o.settleMs ?? 500;
  }

  async init(): Promise<void> {
    for (const d of [this.dir, this.doneDir, this.failedDir]) await fs.mkdir(d, { recursive: true });
  }

  needsAnotherPass(): boolean {
    return this.young > 0;
  }

  owns(job: Job): boolean {
    return job.scope === this.scope;
  }

  async poll(): Promise<number> {
    const entries = await fs.readdir(this.dir, { withFileTypes: true });
    const names = new Set<string>();
    const jobs = [];
    const now = Date.now();
    this.young = 0;
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!e.isFile() || IGNORED.test(e.name)) continue;
      names.add(e.name);
      const full = path.join(this.dir, e.name);
      const stat = await fs.stat(full).catch(() => null);
      if (!stat) continue;
      if (now - stat.mtimeMs < this.settleMs) {
        this.young++;
        continue;
      }
      const job = fileJob({ path: full, size: stat.size, mtimeMs: stat.mtimeMs }, this.scope, this.dir);
      if (this.pending.get(e.name) === job.id) continue;
      jobs.push({ name: e.name, job });
    }
    // Forget files that are gone (moved by another worker watching the same inbox).
    for (const name of [...this.pending.keys()]) if (!names.has(name)) this.pending.delete(name);
    if (jobs.length === 0) return 0;
    const results = await this.queue.enqueue(jobs.map((j) => j.job));
    let added = 0;
    for (let i = 0; i < jobs.length; i++) {
      const r = results[i];
      const { name, job } = jobs[i];
      if (r.created) added++;
      if (r.status === 'done' || r.status === 'failed') {
        // Finished before (a worker stopped between recording the job and moving the file): move it now.
        await this.moveFinished(job.input, r);
      } else {
        this.pending.set(name, job.id);
      }
    }
    if (added) this.log.info({ event: 'inbox', dir: this.dir, jobs: added }, `inbox: ${added} new files`);
    return added;
  }

  private async moveFinished(file: string, r: EnqueueResult): Promise<void> {
    let failures: ErrorReport['failures'] = [];
    try {
      failures = r.failures ? (JSON.parse(r.failures) as ErrorReport['failures']) : [];
    } catch {
      failures = [];
    }
    await this.move(file, r.status === 'done' ? 'done' : 'failed', {
      code: r.errorCode, reason: r.error, failures, articles: null, job: r.id, attempts: 0, worker: null,
    });
  }

  async settle(job: Job, outcome: JobOutcome): Promise<void> {
    await this.move(job.input, outcome.status, {
      code: outcome.errorCode, reason: outcome.error, failures: outcome.failures, articles: outcome.articles, job: job.id, attempts: outcome.attempts, worker: outcome.worker,
    });
  }

  private async move(file: string, status: 'done' | 'failed', report: Omit<ErrorReport, 'file' | 'failedAt'>): Promise<void> {
    const name = path.basename(file);
    this.pending.delete(name);
    const dest = await freeName(status === 'done' ? this.doneDir : this.failedDir, name);
    try {
      await fs.rename(file, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // moved already (another worker on this inbox)
      throw err;
    }
    if (status === 'failed') {
      const full: ErrorReport = { file: path.basename(dest), ...report, failedAt: new Date().toISOString() };
      await fs.writeFile(`${dest}.error.json`, JSON.stringify(full, null, 2) + '\n');
    }
    this.log.info({ event: 'inbox-move', file: name, to: path.relative(this.dir, dest), status }, `inbox: ${name} → ${path.relative(this.dir, dest)}`);
  }
}

/** `dir/name`, or `dir/stem-2.ext`, `-3`… when that is taken. */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    const taken = await fs.access(candidate).then(() => true, () => false);
    if (!taken) return candidate;
  }
}
