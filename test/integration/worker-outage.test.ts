import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { Graph } from '../../src/graph/neo4j';
import { sleep, tempDirs, waitFor } from '../worker/helpers';
import { cli, expectedGraph, forget, graphMatches, jobCounts, ROOT, spawnWorker, writeArticles } from '../worker/process';
import type { WorkerProcess } from '../worker/process';

/**
 * Neo4j stopped for 20 s in the middle of a run: the worker logs it, waits, resumes, and loses nothing.
 * This test stops and starts a Neo4j of its own (other ports, its own data folder), never the shared one.
 */

const tempDir = tempDirs();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const neo4j = require(path.join(ROOT, 'scripts', 'neo4j.js')) as {
  start(env: NodeJS.ProcessEnv, o?: { quiet?: boolean }): Promise<{ seconds?: number }>;
  stop(env: NodeJS.ProcessEnv, o?: { quiet?: boolean }): Promise<boolean>;
  settings(env: NodeJS.ProcessEnv): { home: string; bolt: number; pidFile: string };
};

const N = 150;
const OUTAGE_MS = 20_000;
// A data folder and a port of this run's own: never the shared instance, nor another run's.
const HOME = path.join(ROOT, `.neo4j-test-worker-outage-${process.pid}`);
let ENV: NodeJS.ProcessEnv;
let own: Record<string, string>;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

let g: Graph | null = null;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  const bolt = process.env.NEWSGRAPH_OUTAGE_TEST_BOLT_PORT ?? String(await freePort());
  ENV = { ...process.env, NEO4J_LOCAL_HOME: HOME, NEO4J_LOCAL_BOLT_PORT: bolt, NEO4J_LOCAL_HTTP_PORT: '0', NEO4J_HEAP: '512m' };
  own = { NEO4J_URI: `bolt://127.0.0.1:${bolt}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', NEO4J_DATABASE: '' };
  await neo4j.start(ENV, { quiet: true });
  g = await Graph.connect(loadConfig(own).neo4j);
}, 240_000);

afterAll(async () => {
  if (worker) forget([worker]);
  await g?.close().catch(() => undefined);
  if (!ENV) return;
  // Our own throw-away instance: no need for a graceful stop.
  try {
    process.kill(Number(readFileSync(neo4j.settings(ENV).pidFile, 'utf8')), 'SIGKILL');
    await sleep(500);
  } catch {
    await neo4j.stop(ENV, { quiet: true });
  }
  rmSync(HOME, { recursive: true, force: true });
}, 120_000);

it('Neo4j stopped for 20 s mid-run: the worker logs it, waits, resumes, and nothing is lost', async () => {
  const dir = tempDir('ng-outage-');
  writeArticles(dir, N, 'outage');
  const expected = expectedGraph(dir);
  expect(cli(['init'], own).code).toBe(0);
  expect(cli(['enqueue', dir], own).code).toBe(0);
  // One article per transaction, so the run is still going when Neo4j goes away.
  worker = spawnWorker('outage-worker', ['--lease', '3s', '--poll', '200ms', '--window', '4', '-c', '1', '--stats-interval', '2s'], own);
  const done = async () => {
    worker!.assertAlive();
    const counts = await jobCounts(g!);
    if (counts.failed > 0) {
      const why = await g!.query("MATCH (j:Job {status: 'failed'}) RETURN j.input AS input, j.errorCode AS code, j.error AS error");
      throw new Error(`jobs failed: ${JSON.stringify(why)} (worker log: ${worker!.logFile}, kept with NEWSGRAPH_KEEP_WORKER_LOGS=1)`);
    }
    return counts.done;
  };
  const T = Date.now();
  const marks: string[] = [];
  const mark = (what: string) => marks.push(`${what} ${((Date.now() - T) / 1000).toFixed(1)}s`);
  await waitFor('a few jobs done', done, (n) => n >= 20, 60_000, 50);
  mark('20 done');
  await g!.close();
  g = null;
  await neo4j.stop(ENV, { quiet: true });
  const stoppedAt = Date.now();
  mark('stopped');
  await waitFor('the worker to notice', () => worker!.lines.some((l) => l.event === 'neo4j-down'), Boolean, 15_000);
  const doneBeforeOutage = worker.lines.filter((l) => l.event === 'job').length;
  expect(doneBeforeOutage).toBeLessThan(N);
  await sleep(OUTAGE_MS - (Date.now() - stoppedAt));
  expect(worker.child.exitCode).toBeNull();
  mark('restarting');
  await neo4j.start(ENV, { quiet: true });
  mark('restarted');
  g = await Graph.connect(loadConfig(own).neo4j);
  await waitFor('every job done', done, (n) => n === N, 120_000, 200).catch(async (err) => {
    const left = await g!.query("MATCH (j:Job) WHERE j.status <> 'done' RETURN j {.*} AS job");
    throw new Error(`${(err as Error).message}\nunfinished: ${JSON.stringify(left)}\nworker log: ${worker!.logFile} (kept with NEWSGRAPH_KEEP_WORKER_LOGS=1)`);
  });
  mark('all done');
  expect(await jobCounts(g)).toEqual({ queued: 0, running: 0, done: N, failed: 0 });
  expect(await graphMatches(g, expected)).toEqual({ articles: N, wrong: [] });
  const events = worker.lines.map((l) => l.event);
  const down = events.indexOf('neo4j-down');
  const up = events.indexOf('neo4j-up', down);
  expect(up).toBeGreaterThan(down);
  expect(worker.lines[up]).toMatchObject({ level: 'info', downMs: expect.any(Number) });
  expect(Number(worker.lines[up].downMs)).toBeGreaterThanOrEqual(OUTAGE_MS - 5_000);
  // It went on working after the outage, and no article failed along the way.
  expect(events.slice(up).filter((e) => e === 'job').length).toBeGreaterThan(0);
  expect(worker.lines.filter((l) => l.event === 'article' && l.status === 'failed')).toEqual([]);
  worker.child.kill('SIGTERM');
  expect((await worker.exited).code).toBe(0);
  process.stdout.write(`[worker] Neo4j outage: ${marks.join(', ')}; the worker saw ${Math.round(Number(worker.lines[up].downMs) / 1000)}s down\n`);
}, 240_000);
