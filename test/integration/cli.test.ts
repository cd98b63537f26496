import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExtractionResultSchema } from '../../src/model/extraction';
import { counts, exclusiveDb } from './db';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTICLES = path.join(ROOT, 'data', 'articles');

function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NEWSGRAPH_DEBUG: '', ...env }, timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the newsgraph command', () => {
  it('lists every command in --help, and each has its own --help', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['init', 'extract', 'ingest', 'worker', 'report', 'stats', 'remove', 'eval']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
      const sub = cli([c, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`Usage: newsgraph ${c}`);
    }
  });

  it('says in one line, without a stack trace, that Neo4j cannot be reached, and exits 1', () => {
    const r = cli(['stats'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'newsgraph: cannot reach Neo4j at bolt://127.0.0.1:1: connection refused (start one with npm run neo4j:start or docker compose up -d)\n',
    );
  });

  it('rejects bad configuration before connecting', () => {
    const r = cli(['stats'], { NEO4J_URI: 'http://localhost:7474' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^newsgraph: invalid configuration: NEO4J_URI/);
  });

  it('runs a dry-run ingest on worker threads without any database', () => {
    const r = cli(['ingest', ARTICLES, '--dry-run', '--concurrency', '2', '--format', 'json'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ dryRun: true, articles: { failed: 0 } });
    expect(s.articles.added).toBeGreaterThanOrEqual(10);
    expect(s.entities).toBeGreaterThan(50);
  });

  it('extracts JSONL that follows the contract, byte-identical across runs', () => {
    const a = cli(['extract', ARTICLES]);
    const b = cli(['extract', ARTICLES]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) ExtractionResultSchema.parse(JSON.parse(line));
  });
});

describe('the newsgraph command against a real Neo4j', () => {
  const db = exclusiveDb();

  it('init is idempotent', () => {
    const first = cli(['init', '--format', 'json']);
    expect(first.code).toBe(0);
    const second = JSON.parse(cli(['init', '--format', 'json']).stdout);
    expect(second.created).toBe(0);
    expect(second.constraints).toBeGreaterThanOrEqual(7);
  });

  it('ingests the sample articles, and a second run changes no count and skips them all', async () => {
    const first = cli(['ingest', ARTICLES, '--format', 'json']);
    expect(first.code).toBe(0);
    const s1 = JSON.parse(first.stdout);
    expect(s1.articles.added).toBeGreaterThanOrEqual(10);
    const c1 = await counts(db.graph);
    expect(c1.Person).toBeGreaterThan(10);
    expect(c1.State).toBeGreaterThan(5);
    expect(c1.Event).toBeGreaterThan(10);
    const second = cli(['ingest', ARTICLES, '--format', 'json']);
    expect(second.code).toBe(0);
    const s2 = JSON.parse(second.stdout);
    expect(s2.articles).toMatchObject({ added: 0, updated: 0, skipped: s1.articles.added, failed: 0 });
    const c2 = await counts(db.graph);
    expect({ ...c2, IngestRun: 0 }).toEqual({ ...c1, IngestRun: 0 });
    expect(c2.IngestRun).toBe(c1.IngestRun + 1);
    const stats = JSON.parse(cli(['stats', '--format', 'json']).stdout);
    expect(stats.labels.Article).toBe(s1.articles.added);
  });

  it('runs reports, and passes hostile parameters as data only', async () => {
    const list = cli(['report', 'list', '--format', 'json']);
    expect(JSON.parse(list.stdout).map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['top-actors', 'event-timeline']));
    const top = JSON.parse(cli(['report', 'top-actors', '--format', 'json']).stdout);
    expect(top.length).toBeGreaterThan(3);
    expect(top[0].articles).toBeGreaterThanOrEqual(top[top.length - 1].articles);
    const before = await counts(db.graph);
    const evil = cli(['report', 'actor-profile', '-p', `name=x'}) DETACH DELETE n //`, '--format', 'json']);
    expect(evil.code).toBe(0);
    expect(JSON.parse(evil.stdout)).toEqual([]);
    expect(await counts(db.graph)).toEqual(before);
    const bad = cli(['report', 'top-actors', '-p', 'limit=many']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad value for limit: "many" \(expected int\)\. Parameters: label/);
    const unknown = cli(['report', 'no-such-report']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown report "no-such-report"\. Reports: .*top-actors/);
  });

  it('loads the good articles of a mixed batch, names the bad ones, and exits 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-'));
    copyFileSync(path.join(ARTICLES, '01-new-york-channel.json'), path.join(dir, 'good.json'));
    writeFileSync(path.join(dir, 'broken.json'), '{"text": "no end');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'new.txt'), 'Envoys meet\n\nThe UN envoy met Iranian Foreign Minister Abbas Araghchi in Geneva on Monday.\n');
    const r = cli(['ingest', dir, '--published-at', '2025-06-04']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/1 added, 0 updated, 1 unchanged, 2 failed/);
    expect(r.stdout).toMatch(/broken\.json: E_JSON: invalid JSON/);
    expect(r.stdout).toMatch(/empty\.txt: E_EMPTY/);
  });

  it('removes an article by its id from the input', async () => {
    const before = await counts(db.graph);
    const r = cli(['remove', 'sample-05-three-americans-freed', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).removed).toMatch(/^article:/);
    const after = await counts(db.graph);
    expect(after.Article).toBe(before.Article - 1);
    expect(cli(['remove', 'sample-05-three-americans-freed']).code).toBe(1);
    // Putting it back restores the graph exactly.
    expect(cli(['ingest', path.join(ARTICLES, '05-three-americans-freed.json')]).code).toBe(0);
    expect({ ...(await counts(db.graph)), IngestRun: 0 }).toEqual({ ...before, IngestRun: 0 });
  });
});
