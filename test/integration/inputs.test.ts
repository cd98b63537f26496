import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExtractionResultSchema } from '../../src/model/extraction';
import type { ExtractionResult } from '../../src/model/extraction';
import { loadInputs } from '../../src/stages/load';
import { BAD, HUGE_BYTES, writeMixedBatch } from '../stages/load/mixed-batch';
import { exclusiveDb } from './db';

/**
 * Issue 7, done means: a directory of 20 good articles in every format and 10 bad inputs goes through
 * `ingest` (the 20 in the graph, the 10 named with reasons, exit 2) and `extract` (the same 20); a 50 MB
 * file is refused at once; and a saved news page and a saved RSS file give their entities.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'inputs');

function cli(args: string[]) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEWSGRAPH_DEBUG: '' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

const results = (stdout: string): ExtractionResult[] => stdout.trim().split('\n').filter(Boolean).map((l) => ExtractionResultSchema.parse(JSON.parse(l)));

describe('article inputs, end to end', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-inputs-'));
  const rel = (origin: string) => path.relative(dir, origin).split(path.sep).join('/');
  const expectedFailures = [...BAD].sort((a, b) => a.where.localeCompare(b.where));
  const db = exclusiveDb();
  let graphIds: string[] = [];

  beforeAll(() => writeMixedBatch(dir));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingest loads the 20 good articles, names the 10 bad inputs with their reasons, and exits 2', async () => {
    const r = cli(['ingest', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const s = JSON.parse(r.stdout);
    expect(s.articles).toEqual({ seen: 30, added: 20, updated: 0, skipped: 0, failed: 10 });
    const failed = (s.failures as { origin: string; code: string; message: string }[]).map((f) => ({ where: rel(f.origin), code: f.code }));
    expect(failed.sort((a, b) => a.where.localeCompare(b.where))).toEqual(expectedFailures);
    for (const f of s.failures) expect(f.message.length).toBeGreaterThan(10);

    const [{ n }] = await db.graph.query('MATCH (a:Article) RETURN count(a) AS n');
    expect(Number(n)).toBe(20);
    graphIds = (await db.graph.query('MATCH (a:Article) RETURN a.id AS id ORDER BY id')).map((row) => String(row.id));
    // Metadata from each format reached the graph.
    const page = await db.graph.query("MATCH (a:Article {url: 'https://desk.example.org/2020/01/31/brexit'}) RETURN a.title AS title, a.publishedAt AS date, a.source AS source");
    expect(page).toHaveLength(1);
    expect({ ...page[0], date: String(page[0].date) }).toEqual({ title: 'The UK leaves the EU', date: '2020-01-31', source: 'World Desk' });
    const urls = await db.graph.query('MATCH (a:Article) WHERE a.url IS NOT NULL RETURN a.url AS url ORDER BY url');
    expect(urls.map((u) => String(u.url).replace('https://desk.example.org/', ''))).toEqual([
      '2020/01/31/brexit', // the page's canonical link
      '2023/03/20/xi', // JSON Feed
      '2023/03/21/kishida', // JSON with html
      'batch-asean', 'batch-ethiopia', 'batch-saudi-iran', // RSS links
      'modi', 'ukraine', // Atom links
    ]);
  });

  it('says the same in the table a person reads, and a second run adds nothing', async () => {
    const r = cli(['ingest', dir, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^30 articles in .*: 0 added, 0 updated, 20 unchanged, 10 failed$/m);
    expect(r.stdout).toContain('failed:\n');
    expect(r.stdout).toContain(`${path.join(dir, 'huge.txt')}: E_TOO_LARGE: file is ${HUGE_BYTES} bytes, over the limit of ${5 * 1024 * 1024} (see --max-bytes)`);
    expect(r.stdout).toContain(`${path.join(dir, 'french.txt')}: E_LANGUAGE: the article is in French (fr), not English; skipped`);
    const [{ n }] = await db.graph.query('MATCH (a:Article) RETURN count(a) AS n');
    expect(Number(n)).toBe(20);
  });

  it('refuses a 50 MB file at once, with its reason', () => {
    const r = cli(['extract', path.join(dir, 'huge.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${path.join(dir, 'huge.txt')}: E_TOO_LARGE: file is ${HUGE_BYTES} bytes, over the limit of ${5 * 1024 * 1024} (see --max-bytes)\n`);
    expect(r.ms).toBeLessThan(15_000); // the whole command, start-up included; the loader itself takes milliseconds
  });

  it('extract on the same batch gives the same 20 articles', () => {
    const r = cli(['extract', dir]);
    expect(r.code).toBe(2);
    const out = results(r.stdout);
    expect(out).toHaveLength(20);
    expect(out.map((x) => x.article.id).sort()).toEqual(graphIds);
    const reported = r.stderr.trim().split('\n').map((line) => {
      const [origin, code] = line.split(': ');
      return { where: rel(origin), code };
    });
    expect(reported.sort((a, b) => a.where.localeCompare(b.where))).toEqual(expectedFailures);
  });

  it('--include and --exclude pick from the same directory', () => {
    const feeds = cli(['extract', dir, '--include', '*.rss', '--include', '*.atom']);
    expect(feeds.code).toBe(0);
    expect(results(feeds.stdout)).toHaveLength(5);
    // Without the feeds folder (7 articles) and the .json files (4): the text, Markdown, HTML and JSON Lines ones.
    const rest = cli(['extract', dir, '--exclude', 'feeds', '--exclude', '*.json']);
    expect(rest.code).toBe(2);
    expect(results(rest.stdout)).toHaveLength(9);
    expect(rest.stderr).not.toMatch(/E_SCHEMA|E_FEED_ITEM|broken\.json/);
  });

  it('as a new user would: a saved news page and a saved RSS file give their articles and entities', async () => {
    const page = path.join(FIXTURES, 'finland-joins-nato.html');
    const feed = path.join(FIXTURES, 'world-briefing.rss');
    const r = cli(['extract', page, feed]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = results(r.stdout);
    expect(out.map((x) => x.article.title)).toEqual([
      "Finland becomes NATO's 31st member",
      "Sweden becomes NATO's 32nd member",
      'Kishida makes surprise visit to Kyiv',
      'Xi begins state visit to Russia',
    ]);
    expect(out[0].article).toMatchObject({ url: 'https://news.example.com/world/2023/04/04/finland-joins-nato', publishedAt: '2023-04-04', source: 'The Northern Ledger' });
    const ids = (i: number) => out[i].entities.map((e) => e.id);
    expect(ids(0)).toEqual(expect.arrayContaining(['state:FIN', 'state:RUS']));
    expect(ids(1)).toEqual(expect.arrayContaining(['state:SWE']));
    expect(ids(2)).toEqual(expect.arrayContaining(['state:JPN', 'state:UKR']));
    expect(ids(3)).toEqual(expect.arrayContaining(['state:CHN', 'state:RUS']));
    // Nothing from the page's navigation, ads or footer became an entity mention.
    const pageMentions = out[0].entities.flatMap((e) => e.mentions.map((m) => m.text));
    expect(pageMentions).not.toContain('Northern Ledger');
    // Offsets index into the extracted text: every mention is found exactly where it says.
    const texts: string[] = [];
    for await (const item of loadInputs([page, feed])) if (item.ok) texts.push(item.input.text);
    expect(texts).toHaveLength(4);
    out.forEach((res, i) => {
      for (const e of res.entities) for (const m of e.mentions) expect(texts[i].slice(m.start, m.end)).toBe(m.text);
      for (const ev of [...res.relations, ...res.events]) for (const q of ev.evidence) expect(texts[i].slice(q.start, q.end)).toBe(q.quote);
    });
    expect(texts[0]).toMatch(/^Finland formally joined NATO on Tuesday/);
  });
});
