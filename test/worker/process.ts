import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../src/graph/neo4j';
import { makeArticles } from './helpers';

/** Real worker processes (`node bin/newsgraph.js worker …`) for the integration tests, and graph checks. */

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'newsgraph.js');

export type LogLine = Record<string, unknown> & { event?: string; status?: string; job?: string; article?: string };

export interface WorkerProcess {
  child: ChildProcess;
  id: string;
  lines: LogLine[];
  /** Everything it printed (removed by `forget` unless NEWSGRAPH_KEEP_WORKER_LOGS is set). */
  logFile: string;
  /** Throws, with the end of its log, if it has exited. */
  assertAlive: () => void;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function spawnWorker(id: string, args: string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--id', id, ...args], {
    cwd: ROOT, env: { ...process.env, NEWSGRAPH_DEBUG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let rest = '';
  let err = '';
  const logFile = path.join(os.tmpdir(), `newsgraph-test-worker-${id}-${child.pid}.log`);
  child.stdout!.on('data', (d: Buffer) => {
    appendFileSync(logFile, d);
    const text = rest + d.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop()!;
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as LogLine);
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const assertAlive = () => {
    if (child.exitCode === null && child.signalCode === null) return;
    const tail = lines.slice(-8).map((l) => JSON.stringify(l)).join('\n');
    throw new Error(`worker ${id} exited (${child.exitCode ?? child.signalCode}); stderr: ${err}\nlast log lines (set NEWSGRAPH_KEEP_WORKER_LOGS=1 to keep ${logFile}):\n${tail}`);
  };
  return { child, id, lines, logFile, assertAlive, stderr: () => err, exited };
}

/** After the tests: kills what is still running and removes the log files. */
export function forget(workers: readonly WorkerProcess[]): void {
  for (const w of workers) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    if (!process.env.NEWSGRAPH_KEEP_WORKER_LOGS) rmSync(w.logFile, { force: true });
  }
}

export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEWSGRAPH_DEBUG: '', ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `n` small original articles, one JSON file each. */
export function writeArticles(dir: string, n: number, prefix = 'w'): string[] {
  mkdirSync(dir, { recursive: true });
  return makeArticles(n, prefix).map((a, i) => {
    const file = path.join(dir, `${prefix}-${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify(a));
    return file;
  });
}

export interface Expected { mentions: number; events: number }

/** What the extractor makes of each article (by article id), from `newsgraph extract`. */
export function expectedGraph(dir: string, env: Record<string, string> = {}): Map<string, Expected> {
  const r = cli(['extract', dir], env);
  if (r.code !== 0) throw new Error(`extract failed: ${r.stderr}`);
  const out = new Map<string, Expected>();
  for (const line of r.stdout.trim().split('\n')) {
    const x = JSON.parse(line) as { article: { id: string }; entities: unknown[]; events: { id: string }[] };
    out.set(x.article.id, { mentions: x.entities.length, events: new Set(x.events.map((e) => e.id)).size });
  }
  return out;
}

/** Each article in the graph exactly as extraction says, whole: its mentions and reported events. */
export async function graphMatches(g: Graph, expected: Map<string, Expected>, only?: (id: string) => boolean): Promise<{ articles: number; wrong: string[] }> {
  const rows = await g.query(`
    MATCH (a:Article)
    RETURN a.id AS id, COUNT { (a)-[:MENTIONS]->() } AS mentions, COUNT { ()-[:REPORTED_IN]->(a) } AS events`);
  const wrong: string[] = [];
  for (const r of rows) {
    const id = String(r.id);
    if (only && !only(id)) continue;
    const e = expected.get(id);
    if (!e) wrong.push(`${id}: not expected`);
    else if (Number(r.mentions) !== e.mentions || Number(r.events) !== e.events) wrong.push(`${id}: ${r.mentions}/${r.events} instead of ${e.mentions}/${e.events}`);
  }
  return { articles: rows.length, wrong };
}

export async function jobCounts(g: Graph): Promise<Record<string, number>> {
  const rows = await g.query('MATCH (j:Job) RETURN j.status AS status, count(*) AS n');
  const out: Record<string, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) out[String(r.status)] = Number(r.n);
  return out;
}
