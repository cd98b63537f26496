import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadInputs } from '../../../src/stages/load';
import type { LoadedItem } from '../../../src/stages/load';
import { BAD, GOOD, HUGE_BYTES, writeMixedBatch } from './mixed-batch';

describe('a directory of 20 good articles in every format and 10 bad inputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-batch-'));
  let items: LoadedItem[] = [];
  let ms = 0;
  beforeAll(async () => {
    writeMixedBatch(dir);
    const t = Date.now();
    for await (const item of loadInputs([dir])) items.push(item);
    ms = Date.now() - t;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const rel = (origin: string) => path.relative(dir, origin).split(path.sep).join('/');

  it('loads each of the 20 articles once, with its text exactly as written', () => {
    const ok = items.filter((i): i is Extract<LoadedItem, { ok: true }> => i.ok);
    expect(ok).toHaveLength(20);
    const texts = Object.values(GOOD);
    for (const t of texts) expect(ok.filter((i) => i.input.text.includes(t))).toHaveLength(1);
    // Titles and dates come through from every format that carries them.
    const byText = (t: string) => ok.find((i) => i.input.text.includes(t))!.input;
    expect(byText(GOOD.sweden)).toMatchObject({ title: 'Sweden joins NATO' });
    expect(byText(GOOD.croatia)).toMatchObject({ title: 'Croatia adopts the euro' });
    expect(byText(GOOD.g20)).toMatchObject({ title: 'African Union joins the G20' });
    expect(byText(GOOD.brexit)).toMatchObject({ title: 'The UK leaves the EU', publishedAt: '2020-01-31', url: 'https://desk.example.org/2020/01/31/brexit', source: 'World Desk' });
    expect(byText(GOOD.sunak)).toMatchObject({ id: 'batch-sunak', publishedAt: '2022-10-25' });
    expect(byText(GOOD.kishida)).toMatchObject({ id: 'batch-kishida', url: 'https://desk.example.org/2023/03/21/kishida', title: 'Kishida in Kyiv' });
    expect(byText(GOOD.xi)).toMatchObject({ id: 'batch-xi', publishedAt: '2023-03-20', source: 'World Desk' });
    expect(byText(GOOD.ethiopia)).toMatchObject({ id: 'batch-ethiopia', publishedAt: '2022-11-02', title: 'Ethiopia peace agreement signed' });
    expect(byText(GOOD.modi)).toMatchObject({ id: 'batch-modi', url: 'https://desk.example.org/modi', publishedAt: '2024-06-09' });
    expect(byText(GOOD.ukraine)).toMatchObject({ id: 'batch-ukraine', publishedAt: '2022-02-24' });
    expect(byText(GOOD.un2397)).toMatchObject({ id: 'batch-2397', publishedAt: '2017-12-22' });
    // Web pages give the extracted text only: no navigation, no footer.
    expect(byText(GOOD.biden).text).toBe(GOOD.biden);
    for (const i of ok.filter((x) => x.meta?.format === 'html')) expect(i.input.text).not.toMatch(/Privacy|Contact|Home/);
  });

  it('reports the 10 bad inputs, each with its stable code, and nothing else', () => {
    const failed = items.filter((i): i is Extract<LoadedItem, { ok: false }> => !i.ok).map((i) => ({ where: rel(i.origin), code: i.code }));
    expect(failed.sort((a, b) => a.where.localeCompare(b.where))).toEqual([...BAD].sort((a, b) => a.where.localeCompare(b.where)));
  });

  it('gives reasons a person can act on', () => {
    const reason = (where: string) => {
      const f = items.find((i) => !i.ok && rel(i.origin) === where);
      return f && !f.ok ? f.message : '';
    };
    expect(reason('huge.txt')).toBe(`file is ${HUGE_BYTES} bytes, over the limit of ${5 * 1024 * 1024} (see --max-bytes)`);
    expect(reason('broken.json')).toMatch(/^invalid JSON at line 4, column \d+: /);
    expect(reason('world/leaders.jsonl:2')).toMatch(/^invalid JSON on line 2, column \d+: unterminated string/);
    expect(reason('statement.txt')).toBe('not text: looks like a PDF file');
    expect(reason('photos/photo.html')).toBe('not text: looks like a PNG image');
    expect(reason('french.txt')).toBe('the article is in French (fr), not English; skipped');
    expect(reason('feeds/broken-feed.xml[1]')).toMatch(/^item 2 \(line 4\) is not well-formed XML/);
    expect(reason('nav-only.html')).toMatch(/^no article text in this page/);
  });

  it('is quick, the 50 MB file included (it is never read)', () => {
    expect(ms).toBeLessThan(5000);
  });
});
