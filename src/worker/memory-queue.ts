import { JOB_STATUSES } from '../graph/job-queue';
import type { ClaimOptions, ClaimResult, EnqueueResult, Job, JobQueue, JobResult, NewJob, QueueStatus } from '../graph/job-queue';

interface Stored extends Job {
  seq: number;
  finishedBy: string | null;
  failures: string | null;
  result: Omit<JobResult, 'id' | 'status'> | null;
}

/**
 * The job queue in memory, with the Neo4j queue's rules (leases, reclaim, attempts, owner checks), for
 * unit tests and for exercising the worker loop without a database. `now` is injectable.
 */
export class MemoryJobQueue implements JobQueue {
  readonly jobs = new Map<string, Stored>();
  private seq = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  async ensureSchema(): Promise<void> {}

  async enqueue(jobs: readonly NewJob[], options: { requeue?: boolean } = {}): Promise<EnqueueResult[]> {
    return jobs.map((j) => {
      const existing = this.jobs.get(j.id);
      let created = false;
      let requeued = false;
      if (!existing) {
        created = true;
        this.jobs.set(j.id, this.fresh(j));
      } else if (options.requeue && (existing.status === 'done' || existing.status === 'failed')) {
        requeued = true;
        this.jobs.set(j.id, this.fresh(j));
      }
      const s = this.jobs.get(j.id)!;
      return { id: j.id, created, requeued, status: s.status, errorCode: s.errorCode, error: s.error, failures: s.failures };
    });
  }

  private fresh(j: NewJob): Stored {
    return {
      id: j.id, kind: j.kind, input: j.input, payload: j.payload ?? null, scope: j.scope ?? null, origin: j.origin ?? null,
      status: 'queued', attempts: 0, leaseOwner: null, leaseUntil: null, enqueuedAt: this.now(), startedAt: null, finishedAt: null,
      errorCode: null, error: null, seq: this.seq++, finishedBy: null, failures: null, result: null,
    };
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.jobs.has(id)));
  }

  async claim(owner: string, n: number, o: ClaimOptions): Promise<ClaimResult> {
    const now = this.now();
    const claimable = [...this.jobs.values()]
      .filter((j) => (j.scope === null || o.scopes.includes(j.scope!)) && (j.status === 'queued' || (j.status === 'running' && (j.leaseUntil ?? 0) < now && !o.exclude?.includes(j.id))))
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt || a.seq - b.seq)
      .slice(0, Math.max(0, n));
    const jobs: Job[] = [];
    const gaveUp: Job[] = [];
    for (const j of claimable) {
      if (j.status === 'running' && j.attempts >= o.maxAttempts) {
        Object.assign(j, {
          status: 'failed', leaseOwner: null, leaseUntil: null, finishedAt: now, errorCode: 'E_ATTEMPTS',
          error: `gave up after ${j.attempts} attempts: the worker holding it stopped each time (the input may crash workers)`,
        });
        gaveUp.push(copy(j));
        continue;
      }
      Object.assign(j, { status: 'running', attempts: j.attempts + 1, leaseOwner: owner, leaseUntil: now + o.leaseMs, startedAt: now, finishedAt: null });
      jobs.push(copy(j));
    }
    return { jobs, gaveUp, contended: 0 };
  }

  private owned(owner: string, id: string): Stored | null {
    const j = this.jobs.get(id);
    return j && j.status === 'running' && j.leaseOwner === owner ? j : null;
  }

  async renew(owner: string, ids: readonly string[], leaseMs: number): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of ids) {
      const j = this.owned(owner, id);
      if (j) {
        j.leaseUntil = this.now() + leaseMs;
        out.add(id);
      }
    }
    return out;
  }

  async finish(owner: string, results: readonly JobResult[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const r of results) {
      const j = this.owned(owner, r.id);
      if (!j) continue;
      const { id: _id, status, errorCode, error, failures, ...counts } = r;
      Object.assign(j, {
        status, finishedAt: this.now(), finishedBy: owner, leaseOwner: null, leaseUntil: null,
        errorCode: errorCode ?? null, error: error ?? null, failures: failures ?? null, result: { ...counts },
        payload: status === 'done' ? null : j.payload,
      });
      out.add(r.id);
    }
    return out;
  }

  async release(owner: string, ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of ids) {
      const j = this.owned(owner, id);
      if (!j) continue;
      Object.assign(j, { status: 'queued', leaseOwner: null, leaseUntil: null, startedAt: null, attempts: Math.max(0, j.attempts - 1) });
      out.add(id);
    }
    return out;
  }

  /** Test helper: lets a lease run out now. */
  expire(id: string): void {
    const j = this.jobs.get(id);
    if (j) j.leaseUntil = this.now() - 1;
  }

  async status(): Promise<QueueStatus> {
    const now = this.now();
    const all = [...this.jobs.values()];
    const count = (s: string) => all.filter((j) => j.status === s).length;
    const running = all.filter((j) => j.status === 'running');
    const expired = running.filter((j) => (j.leaseUntil ?? 0) < now).length;
    const owners = new Map<string, Stored[]>();
    for (const j of running) owners.set(j.leaseOwner ?? '', [...(owners.get(j.leaseOwner ?? '') ?? []), j]);
    const queued = all.filter((j) => j.status === 'queued');
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      queued: queued.length,
      running: running.length,
      inFlight: running.length - expired,
      expired,
      done: count('done'),
      failed: count('failed'),
      total: JOB_STATUSES.reduce((s, k) => s + count(k), 0),
      oldestQueuedAt: queued.length ? iso(Math.min(...queued.map((j) => j.enqueuedAt))) : null,
      owners: [...owners.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([owner, js]) => ({
        owner, jobs: js.length, expired: js.filter((j) => (j.leaseUntil ?? 0) < now).length, leaseUntil: iso(Math.max(...js.map((j) => j.leaseUntil ?? 0))),
      })),
      recentFailures: all
        .filter((j) => j.status === 'failed')
        .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
        .slice(0, 5)
        .map((j) => ({ id: j.id, input: j.input, errorCode: j.errorCode, error: j.error, finishedAt: iso(j.finishedAt) })),
      now: new Date(now).toISOString(),
    };
  }
}

function copy(j: Stored): Job {
  const { seq: _s, finishedBy: _f, failures: _x, result: _r, ...job } = j;
  return { ...job };
}
