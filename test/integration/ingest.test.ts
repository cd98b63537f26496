import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '../../src/graph/neo4j';
import { refreshAggregate } from '../../src/graph/queries';
import { AGGREGATED_MODALITIES } from '../../src/model/ontology';
import type { EventType } from '../../src/model/ontology';
import { corpus, writeCorpus } from '../helpers/corpus';
import { connect, counts, fingerprint, lockDb, resetDb, unlockDb } from './db';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'newsgraph.js');

function ingestSync(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ingest', ...args, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: process.env, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`ingest exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function ingestAsync(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'ingest', ...args, '--format', 'json'], { cwd: ROOT, env: process.env, stdio: 'ignore' });
    p.on('exit', (code) => resolve(code));
  });
}

describe('ingest at scale against a real Neo4j', () => {
  let g: Graph;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-ingest-'));
  const files = writeCorpus(dir, corpus(240), 40);
  let reference: string[];
  let referenceCounts: Record<string, number>;

  beforeAll(async () => {
    await lockDb();
    g = await connect();
    await resetDb(g);
    const summary = ingestSync([dir, '--batch-size', '200']);
    expect(summary.articles.added).toBe(240);
    reference = await fingerprint(g);
    referenceCounts = await counts(g);
  });
  afterAll(async () => {
    await g?.close();
    unlockDb();
  });

  it('records each run in the ledger', async () => {
    const [run] = await g.query('MATCH (r:IngestRun) RETURN r ORDER BY r.startedAt DESC LIMIT 1');
    const props = (run.r as { properties: Record<string, unknown> }).properties;
    expect(props).toMatchObject({ added: 240, updated: 0, skipped: 0, failed: 0, extractorVersion: expect.stringMatching(/\S/) });
    expect(Date.parse(String(props.endedAt))).toBeGreaterThanOrEqual(Date.parse(String(props.startedAt)));
    expect(JSON.parse(String(props.config))).toMatchObject({ batchSize: 200 });
    expect(String(props.config)).not.toMatch(/password":"[^*n]/);
  });

  it('keeps the sentences behind every relationship and event of an entity', async () => {
    const rows = await g.query(`
      MATCH (e:Entity {id: 'state:PRK'})-[:ACTOR_IN|RECIPIENT_OF]->(ev:Event)-[r:REPORTED_IN]->(a:Article)
      RETURN r.quote AS quote, r.start AS start, r.end AS end, a.id AS article LIMIT 5`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(String(row.quote).length).toBeGreaterThan(10);
      expect(Number(row.end)).toBeGreaterThan(Number(row.start));
    }
  });

  it('keeps the aggregated relationships equal to a full recomputation from the events', async () => {
    const before = await fingerprint(g);
    const pairs = await g.query(`
      MATCH (a:Entity)-[:ACTOR_IN]->(ev:Event)<-[:RECIPIENT_OF]-(b:Entity)
      WHERE a <> b
      RETURN DISTINCT ev.type AS type, a.id AS actor, b.id AS recipient`);
    expect(pairs.length).toBeGreaterThan(5);
    for (const type of new Set(pairs.map((p) => String(p.type)))) {
      const list = pairs.filter((p) => p.type === type).map(({ actor, recipient }) => ({ actor, recipient }));
      await g.query(refreshAggregate(type as EventType), { pairs: list, modalities: AGGREGATED_MODALITIES }, 'write');
    }
    expect(await fingerprint(g)).toEqual(before);
  });

  it('gives the same graph after kill -9 mid-run and a second run', async () => {
    await resetDb(g);
    const p = spawn(process.execPath, [BIN, 'ingest', dir, '--batch-size', '100', '--concurrency', '1'], { cwd: ROOT, env: process.env, stdio: 'ignore' });
    for (let i = 0; i < 600; i++) {
      const [{ n }] = await g.query('MATCH (a:Article) RETURN count(a) AS n');
      if (Number(n) >= 20) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    p.kill('SIGKILL');
    await new Promise((r) => p.on('exit', r));
    const [{ n: partial }] = await g.query('MATCH (a:Article) RETURN count(a) AS n');
    expect(Number(partial)).toBeGreaterThan(0);
    expect(Number(partial)).toBeLessThan(240);
    const summary = ingestSync([dir]);
    expect(summary.articles.added + summary.articles.skipped).toBe(240);
    expect(await fingerprint(g)).toEqual(reference);
  });

  it('gives four concurrent ingests over overlapping inputs the same graph as one run', async () => {
    await resetDb(g);
    const sets = [0, 1, 2, 3].map((k) => files.filter((_, i) => (i + k) % 4 !== 0)); // each skips a quarter; together they cover all
    const codes = await Promise.all(sets.map((s) => ingestAsync([...s, '--batch-size', '150', '--concurrency', '1'])));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(await fingerprint(g)).toEqual(reference);
    expect({ ...(await counts(g)), IngestRun: 0 }).toEqual({ ...referenceCounts, IngestRun: 0 });
  });

  it('re-ingests an unchanged corpus by skipping every article', async () => {
    const summary = ingestSync([dir]);
    expect(summary.articles).toMatchObject({ added: 0, skipped: 240, failed: 0 });
    expect(await fingerprint(g)).toEqual(reference);
  });

  it('after an extractor upgrade, re-extracts the stale articles with --refresh-stale and only then', async () => {
    // A quarter of the graph as an older extractor version left it.
    await g.query("MATCH (a:Article) WITH a ORDER BY a.id LIMIT 60 SET a.extractorVersion = 'newsgraph-rules/0.0.1'", {}, 'write');
    expect(ingestSync([dir]).articles).toMatchObject({ added: 0, updated: 0, skipped: 240 });
    const summary = ingestSync([dir, '--refresh-stale', '--batch-size', '100']);
    expect(summary.articles).toMatchObject({ added: 0, updated: 60, skipped: 180, failed: 0 });
    const versions = await g.query('MATCH (a:Article) RETURN a.extractorVersion AS v, count(*) AS n');
    expect(versions).toEqual([{ v: summary.extractorVersion, n: 240 }]);
    // Replaced in place: the same graph as one run of the current extractor, nothing twice.
    expect(await fingerprint(g)).toEqual(reference);
    expect({ ...(await counts(g)), IngestRun: 0 }).toEqual({ ...referenceCounts, IngestRun: 0 });
    expect(ingestSync([dir, '--refresh-stale']).articles).toMatchObject({ added: 0, updated: 0, skipped: 240 });
  });
});
