import type { JobQueue, NewJob } from '../../src/graph/job-queue';
import { jobId } from '../../src/worker/jobs';
import { sleep } from './helpers';

/**
 * What every JobQueue promises, run against the in-memory queue (unit) and the Neo4j queue
 * (integration). `fresh` gives an empty queue.
 */

const OPTS = { leaseMs: 60_000, scopes: [] as string[], maxAttempts: 3 };
export const jobs = (n: number, prefix = 'c'): NewJob[] =>
  Array.from({ length: n }, (_, i) => ({ id: jobId('item', `${prefix}-${i}`), kind: 'item' as const, input: `${prefix}-${i}`, payload: JSON.stringify({ text: `text ${i}` }) }));

export function queueContract(name: string, fresh: () => Promise<JobQueue>): void {
  describe(`${name}: the job queue contract`, () => {
    it('enqueues by id once; requeue puts finished jobs back', async () => {
      const q = await fresh();
      const js = jobs(3);
      expect((await q.enqueue(js)).map((r) => r.created)).toEqual([true, true, true]);
      const again = await q.enqueue(js);
      expect(again.map((r) => [r.created, r.status])).toEqual([[false, 'queued'], [false, 'queued'], [false, 'queued']]);
      expect(await q.existing([js[0].id, 'job:item:none'])).toEqual(new Set([js[0].id]));
      const { jobs: [j] } = await q.claim('w1', 1, OPTS);
      await q.finish('w1', [{ id: j.id, status: 'failed', errorCode: 'E_JSON', error: 'bad', failures: '[]', added: 0, updated: 0, skipped: 0, failed: 1 }]);
      const noRequeue = await q.enqueue([js[0]]);
      expect(noRequeue[0]).toMatchObject({ created: false, requeued: false, status: 'failed', errorCode: 'E_JSON', error: 'bad' });
      const requeued = await q.enqueue([js[0]], { requeue: true });
      expect(requeued[0]).toMatchObject({ created: false, requeued: true, status: 'queued' });
      expect((await q.status()).queued).toBe(3);
    });

    it('claims the oldest jobs first, each once, and only scoped jobs for workers that serve the scope', async () => {
      const q = await fresh();
      const js = jobs(5);
      await q.enqueue(js.slice(0, 3));
      await sleep(5);
      await q.enqueue([...js.slice(3), { id: jobId('file', 'scoped'), kind: 'file', input: '/inbox/a.txt', scope: 'inbox:h:/inbox' }]);
      const a = await q.claim('w1', 2, OPTS);
      expect(a.jobs.map((j) => j.input)).toEqual(['c-0', 'c-1']);
      expect(a.jobs[0]).toMatchObject({ status: 'running', leaseOwner: 'w1', attempts: 1 });
      expect(a.jobs[0].leaseUntil).toBeGreaterThan(Date.now() + 30_000);
      const b = await q.claim('w2', 10, OPTS);
      expect(b.jobs.map((j) => j.input)).toEqual(['c-2', 'c-3', 'c-4']);
      expect((await q.claim('w3', 10, OPTS)).jobs).toEqual([]);
      const scoped = await q.claim('w3', 10, { ...OPTS, scopes: ['inbox:h:/inbox'] });
      expect(scoped.jobs.map((j) => j.input)).toEqual(['/inbox/a.txt']);
    });

    it('records results only for the owner, and drops the payload of done jobs', async () => {
      const q = await fresh();
      await q.enqueue(jobs(2));
      const { jobs: [j1, j2] } = await q.claim('w1', 2, OPTS);
      const r = { status: 'done' as const, added: 1, updated: 0, skipped: 0, failed: 0 };
      expect(await q.finish('w2', [{ id: j1.id, ...r }])).toEqual(new Set());
      expect(await q.finish('w1', [{ id: j1.id, ...r }])).toEqual(new Set([j1.id]));
      expect(await q.finish('w1', [{ id: j1.id, ...r }])).toEqual(new Set());
      const s = await q.status();
      expect(s).toMatchObject({ queued: 0, running: 1, inFlight: 1, expired: 0, done: 1, failed: 0, total: 2 });
      expect(s.owners).toEqual([expect.objectContaining({ owner: 'w1', jobs: 1, expired: 0 })]);
      expect(await q.renew('w1', [j1.id, j2.id], 60_000)).toEqual(new Set([j2.id]));
    });

    it('gives an expired lease to the next claimer; the old owner can no longer renew or finish', async () => {
      const q = await fresh();
      await q.enqueue(jobs(1));
      const { jobs: [j] } = await q.claim('dead', 1, { ...OPTS, leaseMs: 150 });
      expect((await q.claim('w2', 1, OPTS)).jobs).toEqual([]);
      await sleep(250);
      expect((await q.status())).toMatchObject({ running: 1, inFlight: 0, expired: 1 });
      const again = await q.claim('w2', 1, OPTS);
      expect(again.jobs.map((x) => [x.id, x.leaseOwner, x.attempts])).toEqual([[j.id, 'w2', 2]]);
      expect(await q.renew('dead', [j.id], 60_000)).toEqual(new Set());
      expect(await q.finish('dead', [{ id: j.id, status: 'done', added: 1, updated: 0, skipped: 0, failed: 0 }])).toEqual(new Set());
      expect(await q.renew('w2', [j.id], 60_000)).toEqual(new Set([j.id]));
    });

    it('lets the owner keep a lease that ran out while nobody took the job (Neo4j was away), and does not hand it back to it', async () => {
      const q = await fresh();
      await q.enqueue(jobs(2));
      const { jobs: held } = await q.claim('w1', 2, { ...OPTS, leaseMs: 100 });
      await sleep(200);
      const ids = held.map((j) => j.id);
      expect((await q.claim('w1', 5, { ...OPTS, exclude: ids })).jobs).toEqual([]);
      expect(await q.renew('w1', ids, 60_000)).toEqual(new Set(ids));
      expect((await q.status())).toMatchObject({ inFlight: 2, expired: 0 });
    });

    it('renewing keeps a lease alive past its first term', async () => {
      const q = await fresh();
      await q.enqueue(jobs(1));
      const { jobs: [j] } = await q.claim('w1', 1, { ...OPTS, leaseMs: 300 });
      for (let i = 0; i < 3; i++) {
        await sleep(150);
        expect(await q.renew('w1', [j.id], 300)).toEqual(new Set([j.id]));
      }
      expect((await q.claim('w2', 1, OPTS)).jobs).toEqual([]);
    });

    it('releases claims back to the queue without counting an attempt', async () => {
      const q = await fresh();
      await q.enqueue(jobs(2));
      const { jobs: claimed } = await q.claim('w1', 2, OPTS);
      expect(await q.release('w2', claimed.map((j) => j.id))).toEqual(new Set());
      expect(await q.release('w1', claimed.map((j) => j.id))).toEqual(new Set(claimed.map((j) => j.id)));
      expect((await q.status())).toMatchObject({ queued: 2, running: 0 });
      const again = await q.claim('w2', 2, OPTS);
      expect(again.jobs.map((j) => j.attempts)).toEqual([1, 1]);
    });

    it('fails a job whose worker died holding it maxAttempts times', async () => {
      const q = await fresh();
      await q.enqueue(jobs(1));
      const o = { ...OPTS, leaseMs: 100, maxAttempts: 2 };
      expect((await q.claim('a', 1, o)).jobs).toHaveLength(1);
      await sleep(160);
      expect((await q.claim('b', 1, o)).jobs[0].attempts).toBe(2);
      await sleep(160);
      const third = await q.claim('c', 1, o);
      expect(third.jobs).toEqual([]);
      expect(third.gaveUp).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'E_ATTEMPTS', attempts: 2 })]);
      const s = await q.status();
      expect(s).toMatchObject({ running: 0, failed: 1 });
      expect(s.recentFailures[0]).toMatchObject({ errorCode: 'E_ATTEMPTS', input: 'c-0' });
      expect(s.recentFailures[0].error).toMatch(/gave up after 2 attempts/);
    });
  });
}
