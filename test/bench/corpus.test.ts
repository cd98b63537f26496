import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBbc, splitTitle, writeJsonl } from '../../src/bench/corpus';

describe('bench corpora', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('splits a title line followed by a blank line from the text', () => {
    expect(splitTitle('Harbour reopens\n\nThe harbour reopened.\n', 'a.txt')).toEqual({ title: 'Harbour reopens', text: 'The harbour reopened.\n', origin: 'a.txt' });
    expect(splitTitle('No title here.\nSecond line.', 'b.txt')).toMatchObject({ title: null, text: 'No title here.\nSecond line.' });
  });

  it('reads the category folders in a stable order, and says null when the corpus is absent', () => {
    for (const [cat, files] of [['politics', ['002.txt', '001.txt']], ['business', ['001.txt']]] as const) {
      mkdirSync(path.join(dir, cat));
      for (const f of files) writeFileSync(path.join(dir, cat, f), `Title ${cat} ${f}\n\nBody of ${cat} ${f}.`);
    }
    writeFileSync(path.join(dir, 'README.TXT'), 'not an article');
    expect(loadBbc(dir)!.map((a) => a.origin)).toEqual(['business/001.txt', 'politics/001.txt', 'politics/002.txt']);
    expect(loadBbc(dir, ['politics'])!.map((a) => a.title)).toEqual(['Title politics 001.txt', 'Title politics 002.txt']);
    expect(loadBbc(path.join(dir, 'missing'))).toBeNull();
  });

  it('writes JSONL files of a fixed number of articles, replacing what was there', () => {
    const out = path.join(dir, 'jsonl');
    mkdirSync(out);
    writeFileSync(path.join(out, 'stale.jsonl'), '{}\n');
    const bytes = writeJsonl(out, 5, (i) => ({ id: `a${i}`, text: `Text ${i}.`, origin: 'x' }), 2);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['part-0000.jsonl', 'part-0001.jsonl', 'part-0002.jsonl']);
    const lines = files.flatMap((f) => readFileSync(path.join(out, f), 'utf8').trim().split('\n'));
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(lines.every((l) => !l.includes('origin'))).toBe(true);
    expect(bytes).toBe(files.reduce((n, f) => n + readFileSync(path.join(out, f)).length, 0));
  });
});
