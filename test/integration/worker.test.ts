import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '../../src/graph/neo4j';
import { sleep, tempDirs, waitFor } from '../worker/helpers';
import { cli, expectedGraph, forget, graphMatches, jobCounts, spawnWorker, writeArticles } from '../worker/process';
import type { Expected, WorkerProcess } from '../worker/process';
import { exclusiveDb, resetDb } from './db';

/**
 * Real worker processes against the real Neo4j: two workers share 500 jobs; one is killed with -9 and
 * the other finishes its jobs once the lease runs out; poison inputs are put aside; SIGTERM under load
 * exits cleanly. Leases are short (3 s) and articles small, so this runs in well under a minute.
 */

const tempDir = tempDirs();

const N = 500;
const LEASE = ['--lease', '3s', '--poll', '200ms', '--stats-interval', '1s', '-c', '1'];
const db = exclusiveDb();
let g: Graph;
let dir: string;
let expected: Map<string, Expected>;
const running: WorkerProcess[] = [];

function start(id: string, args: string[]): WorkerProcess {
  const w = spawnWorker(id, [...LEASE, ...args]);
  running.push(w);
  return w;
}

beforeAll(async () => {
  g = db.graph;
  dir = tempDir('ng-workers-');
  writeArticles(path.join(dir, 'articles'), N);
  expected = expectedGraph(path.join(dir, 'articles'));
}, 120_000);

afterAll(async () => {
  forget(running);
});

async function freshQueue(): Promise<void> {
  await resetDb(g);
  const r = cli(['enqueue', path.join(dir, 'articles'), '--format', 'json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ enqueued: N, problems: [] });
}

const done = async () => (await jobCounts(g)).done;

describe('newsgraph worker, several processes on one Neo4j', () => {
  it('two workers and 500 queued jobs: every job is ingested exactly once', async () => {
    await freshQueue();
    expect(expected.size).toBe(N);
    const t0 = Date.now();
    const a = start('worker-a', ['--once']);
    const b = start('worker-b', ['--once']);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    const seconds = (Math.max(ea.at, eb.at) - t0) / 1000;
    expect([ea.code, eb.code]).toEqual([0, 0]);
    expect(await jobCounts(g)).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
    // Each job was claimed once, finished once, by one of the two; both took part.
    const rows = await g.query('MATCH (j:Job) RETURN j.attempts AS attempts, j.finishedBy AS by, count(*) AS n');
    // (On failure, the workers' lease and retry events are shown beside the jobs taken twice.)
    const events = [...a.lines, ...b.lines].filter((l) => ['lease-lost', 'release', 'retry', 'neo4j-down', 'renew-failed'].includes(String(l.event)));
    expect({ twice: rows.filter((r) => r.attempts !== 1), events }).toEqual({ twice: [], events: expect.anything() });
    const by = Object.fromEntries(rows.map((r) => [String(r.by), Number(r.n)]));
    expect(by['worker-a'] + by['worker-b']).toBe(N);
    expect(Math.min(by['worker-a'], by['worker-b'])).toBeGreaterThan(N / 10);
    // Each article was written once, by one worker, and is whole.
    const written = [...a.lines, ...b.lines].filter((l) => l.event === 'article');
    expect(written).toHaveLength(N);
    expect(written.every((l) => l.status === 'added')).toBe(true);
    expect(new Set(written.map((l) => l.article)).size).toBe(N);
    const jobsLogged = [...a.lines, ...b.lines].filter((l) => l.event === 'job').map((l) => l.job);
    expect(new Set(jobsLogged).size).toBe(N);
    expect(jobsLogged).toHaveLength(N);
    const check = await graphMatches(g, expected);
    expect(check).toEqual({ articles: N, wrong: [] });
    // Observability: per-article timing, periodic stats, a final summary.
    expect(written[0]).toEqual(expect.objectContaining({ extractMs: expect.any(Number), writeMs: expect.any(Number), ms: expect.any(Number) }));
    expect(a.lines.find((l) => l.event === 'stop')).toMatchObject({ summary: { jobs: { done: by['worker-a'], failed: 0 } } });
    process.stdout.write(`[worker] two workers drained ${N} jobs in ${seconds.toFixed(1)}s (${(N / seconds).toFixed(0)} articles/s; a: ${by['worker-a']}, b: ${by['worker-b']})\n`);
    const status = JSON.parse(cli(['worker', 'status', '--format', 'json']).stdout);
    expect(status).toMatchObject({ queued: 0, inFlight: 0, expired: 0, done: N, failed: 0, total: N });
    expect(cli(['worker', 'status']).stdout).toMatch(/^done\s+500\s*$/m);
  });

  it('kill -9 of one worker mid-run: the survivor finishes every job after the lease runs out, with no duplicates', async () => {
    await freshQueue();
    const a = start('victim', []);
    const b = start('survivor', []);
    await waitFor('a quarter of the jobs done', done, (n) => n >= N / 4, 60_000);
    // Freeze the victim while it holds claimed jobs, then kill it: those jobs are stranded mid-flight.
    let held: string[] = [];
    for (let i = 0; i < 100 && held.length === 0; i++) {
      a.child.kill('SIGSTOP');
      held = (await g.query("MATCH (j:Job {status: 'running', leaseOwner: 'victim'}) RETURN j.id AS id")).map((r) => String(r.id));
      if (held.length === 0) {
        a.child.kill('SIGCONT');
        await sleep(20);
      }
    }
    expect(held.length).toBeGreaterThan(0);
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    const killedAt = Date.now();
    await waitFor('every job done', done, (n) => n === N, 60_000);
    const counts = await jobCounts(g);
    expect(counts).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
    const rows = await g.query('MATCH (j:Job) WHERE j.id IN $ids RETURN j.finishedBy AS by, j.attempts AS attempts, j.finishedAt AS at', { ids: held });
    expect(rows).toHaveLength(held.length);
    for (const r of rows) {
      expect(r).toMatchObject({ by: 'survivor', attempts: 2 });
      expect(Number(r.at)).toBeGreaterThanOrEqual(killedAt);
    }
    expect(await graphMatches(g, expected)).toEqual({ articles: N, wrong: [] });
    // The survivor wrote or skipped each article once: nothing it logged twice.
    const mine = b.lines.filter((l) => l.event === 'article').map((l) => l.article);
    expect(new Set(mine).size).toBe(mine.length);
    // Its periodic stats lines (every second here) show the work going on.
    const stats = b.lines.filter((l) => l.event === 'stats' && l.final === false);
    expect(stats.length).toBeGreaterThanOrEqual(2);
    expect(stats[stats.length - 1]).toMatchObject({ jobs: expect.objectContaining({ done: expect.any(Number) }), rate: expect.any(Number), rssMb: expect.any(Number) });
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  });

  it('SIGTERM under load: the worker finishes what is in flight, gives the rest back and exits 0 within 30 s', async () => {
    await freshQueue();
    const w = start('terminated', ['-c', '2']);
    await waitFor('some jobs done', done, (n) => n >= 60, 60_000, 50);
    const sentAt = Date.now();
    w.child.kill('SIGTERM');
    const exit = await w.exited;
    const seconds = (exit.at - sentAt) / 1000;
    expect(exit.code).toBe(0);
    expect(seconds).toBeLessThan(30);
    process.stdout.write(`[worker] SIGTERM under load: exited 0 in ${seconds.toFixed(2)}s\n`);
    const counts = await jobCounts(g);
    expect(counts.running).toBe(0);
    expect(counts.done).toBeLessThan(N);
    expect(counts.done + counts.queued).toBe(N);
    expect(w.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['signal', 'stopping', 'stop']));
    // No partial article: every article written is whole, and each done job's article is there.
    const check = await graphMatches(g, expected);
    expect(check.wrong).toEqual([]);
    expect(check.articles).toBeGreaterThanOrEqual(counts.done);
    const queued = await g.query("MATCH (j:Job {status: 'queued'}) RETURN max(j.attempts) AS most");
    expect(queued[0].most).toBe(0);
    // Another run picks up where it stopped.
    const rest = start('after', ['--once']);
    expect((await rest.exited).code).toBe(0);
    expect(await jobCounts(g)).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
    expect(await graphMatches(g, expected)).toEqual({ articles: N, wrong: [] });
  });

  it('poison inputs (binary, 30 MB, invalid JSON) end up in failed/ with their reason, and the worker keeps going', async () => {
    await resetDb(g);
    const inbox = path.join(dir, 'inbox');
    const [good1, good2, late] = writeArticles(path.join(dir, 'inbox-src'), 3, 'inbox');
    const put = (name: string, body: string | Buffer) => writeFileSync(path.join(inbox, name), body);
    mkdirSync(inbox, { recursive: true });
    const handled = () => ['done', 'failed'].reduce((n, d) => n + (existsSync(path.join(inbox, d)) ? readdirSync(path.join(inbox, d)).length : 0), 0);
    put('one.json', readFileSync(good1));
    put('noise.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    put('huge.txt', Buffer.alloc(30 * 1024 * 1024, 'news '));
    put('broken.json', '{"title": "unfinished", "text": "The ministers met');
    put('two.json', readFileSync(good2));
    const w = start('inbox-worker', ['--inbox', inbox]);
    await waitFor('the first five files handled', handled, (n) => n >= 2 + 3 * 2, 30_000);
    // Still going: a file dropped afterwards is ingested too.
    put('three.json', readFileSync(late));
    await waitFor('the late file', () => existsSync(path.join(inbox, 'done', 'three.json')), Boolean, 30_000);
    expect(readdirSync(path.join(inbox, 'done')).sort()).toEqual(['one.json', 'three.json', 'two.json']);
    expect(readdirSync(path.join(inbox, 'failed')).sort()).toEqual([
      'broken.json', 'broken.json.error.json', 'huge.txt', 'huge.txt.error.json', 'noise.bin', 'noise.bin.error.json',
    ]);
    const reason = (name: string) => JSON.parse(readFileSync(path.join(inbox, 'failed', `${name}.error.json`), 'utf8'));
    expect(reason('noise.bin')).toMatchObject({ file: 'noise.bin', code: 'E_BINARY', reason: expect.stringMatching(/not text/) });
    expect(reason('huge.txt')).toMatchObject({ code: 'E_TOO_LARGE', reason: expect.stringMatching(/31457280 bytes, over the limit/) });
    expect(reason('broken.json')).toMatchObject({ code: 'E_JSON', reason: expect.stringMatching(/invalid JSON/) });
    expect(readdirSync(inbox).sort()).toEqual(['done', 'failed']);
    const status = JSON.parse(cli(['worker', 'status', '--format', 'json']).stdout);
    expect(status).toMatchObject({ done: 3, failed: 3, queued: 0 });
    expect(status.recentFailures.map((f: { errorCode: string }) => f.errorCode).sort()).toEqual(['E_BINARY', 'E_JSON', 'E_TOO_LARGE']);
    expect(w.lines.filter((l) => l.event === 'job' && l.status === 'failed')).toHaveLength(3);
    w.child.kill('SIGINT');
    expect((await w.exited).code).toBe(0);
    expect((await g.query('MATCH (a:Article) RETURN count(a) AS n'))[0].n).toBe(3);
  });
});
