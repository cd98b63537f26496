import { Neo4jJobQueue, openWorkerGraph } from '../../src/graph/job-queue';
import type { Job } from '../../src/graph/job-queue';
import type { Graph } from '../../src/graph/neo4j';
import { queueContract, jobs } from '../worker/queue-contract';
import { exclusiveDb, testConfig } from './db';

/** The Neo4j job queue: the shared contract, and the property that matters most — concurrent claimers never share a job. */

const db = exclusiveDb();
let g: Graph;

const fresh = async () => {
  g = db.graph;
  await g.query('MATCH (j:Job) DETACH DELETE j', {}, 'write');
  const q = new Neo4jJobQueue(g);
  await q.ensureSchema();
  return q;
};

queueContract('Neo4jJobQueue', fresh);

describe('Neo4jJobQueue under concurrency', () => {
  it('gives every job to exactly one of many concurrent claimers (each on its own connection)', async () => {
    const q = await fresh();
    const N = 400;
    await q.enqueue(jobs(N, 'race'));
    const claimers = 6;
    const graphs = await Promise.all(Array.from({ length: claimers }, () => openWorkerGraph(testConfig())));
    try {
      const got: Job[][] = await Promise.all(
        graphs.map(async (graph, i) => {
          const mine: Job[] = [];
          const queue = new Neo4jJobQueue(graph);
          for (let empty = 0; empty < 3; ) {
            const r = await queue.claim(`claimer-${i}`, 7, { leaseMs: 60_000, scopes: [], maxAttempts: 3 });
            mine.push(...r.jobs);
            empty = r.jobs.length === 0 && r.contended === 0 ? empty + 1 : 0;
          }
          return mine;
        }),
      );
      const all = got.flat().map((j) => j.id);
      expect(all).toHaveLength(N);
      expect(new Set(all).size).toBe(N);
      expect(got.filter((m) => m.length > 0).length).toBeGreaterThan(1);
      // The database agrees: each job is running under the claimer that got it, on its first attempt.
      const rows = await g.query('MATCH (j:Job) RETURN j.id AS id, j.leaseOwner AS owner, j.attempts AS attempts');
      const ownerOf = new Map(got.flatMap((m, i) => m.map((j) => [j.id, `claimer-${i}`] as const)));
      for (const r of rows) {
        expect(r.owner).toBe(ownerOf.get(String(r.id)));
        expect(r.attempts).toBe(1);
      }
    } finally {
      await Promise.all(graphs.map((x) => x.close()));
    }
  });

  it('never lets a renewal or a result slip in after another worker reclaimed the job', async () => {
    const q = await fresh();
    await q.enqueue(jobs(60, 'slip'));
    const { jobs: held } = await q.claim('old', 60, { leaseMs: 200, scopes: [], maxAttempts: 3 });
    await new Promise((r) => setTimeout(r, 300));
    const other = new Neo4jJobQueue(await openWorkerGraph(testConfig()));
    try {
      const ids = held.map((j) => j.id);
      // The old owner tries to finish while the new one claims: each job ends up with one owner's result.
      const [finished, claimed] = await Promise.all([
        q.finish('old', ids.map((id) => ({ id, status: 'done' as const, added: 1, updated: 0, skipped: 0, failed: 0 }))),
        other.claim('new', 60, { leaseMs: 60_000, scopes: [], maxAttempts: 3 }),
      ]);
      const taken = new Set(claimed.jobs.map((j) => j.id));
      for (const id of ids) expect(finished.has(id) !== taken.has(id)).toBe(true);
      const rows = await g.query('MATCH (j:Job) RETURN j.id AS id, j.status AS status, j.leaseOwner AS owner, j.finishedBy AS by');
      for (const r of rows) {
        if (taken.has(String(r.id))) expect(r).toMatchObject({ status: 'running', owner: 'new', by: null });
        else expect(r).toMatchObject({ status: 'done', owner: null, by: 'old' });
      }
    } finally {
      await other.graph.close();
    }
  });

  it('uses the status index to find claimable jobs', async () => {
    await fresh();
    const plan = await g.query(`EXPLAIN ${(await import('../../src/graph/job-queue')).CLAIM_CANDIDATES}`, { n: 5, scopes: [] }).catch(() => null);
    expect(plan).not.toBeNull();
    const indexes = await g.query("SHOW INDEXES YIELD name, labelsOrTypes, properties WHERE 'Job' IN labelsOrTypes RETURN name, properties");
    expect(indexes.map((r) => r.properties)).toEqual(expect.arrayContaining([['status'], ['id']]));
  });
});
