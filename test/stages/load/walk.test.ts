import { createServer } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expandInputs, loadFile } from '../../../src/stages/load';
import { PathFilter, globToRegExp } from '../../../src/stages/load/glob';
import { PROSE, loadAll, oks, oneFailure } from './helpers';

describe('globs', () => {
  it('compiles *, ?, **, classes and alternatives', () => {
    const m = (p: string, s: string) => globToRegExp(p).test(s);
    expect(m('*.html', 'a.html')).toBe(true);
    expect(m('*.html', 'd/a.html')).toBe(false);
    expect(m('**/*.html', 'a.html')).toBe(true);
    expect(m('**/*.html', 'd/e/a.html')).toBe(true);
    expect(m('d/**', 'd')).toBe(true);
    expect(m('d/**', 'd/e/f.txt')).toBe(true);
    expect(m('d/**/x.txt', 'd/x.txt')).toBe(true);
    expect(m('d/**/x.txt', 'd/a/b/x.txt')).toBe(true);
    expect(m('d/**/x.txt', 'dd/x.txt')).toBe(false);
    expect(m('a?.txt', 'ab.txt')).toBe(true);
    expect(m('a?.txt', 'a/.txt')).toBe(false);
    expect(m('[ab]*.txt', 'b1.txt')).toBe(true);
    expect(m('[!ab]*.txt', 'b1.txt')).toBe(false);
    expect(m('*.{html,htm}', 'x.htm')).toBe(true);
    expect(m('*.{html,htm}', 'x.xml')).toBe(false);
    expect(m('a+b(1).txt', 'a+b(1).txt')).toBe(true);
  });

  it('filters by name without a slash and by path with one, case-insensitively', () => {
    const f = new PathFilter(['*.HTML', '2024/**'], ['drafts', '**/*.tmp.html']);
    expect(f.included('x/y/page.html')).toBe(true);
    expect(f.included('2024/feed.xml')).toBe(true);
    expect(f.included('2023/feed.xml')).toBe(false);
    expect(f.excluded('a/drafts')).toBe(true);
    expect(f.excluded('a/b.tmp.html')).toBe(true);
    expect(new PathFilter(undefined, undefined).included('x')).toBeNull();
  });
});

describe('walking inputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-walk-'));
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  beforeAll(() => {
    put('a.txt', PROSE);
    put('b.html', `<html><body><p>${PROSE}</p></body></html>`);
    put('feeds/c.rss', `<rss><channel><item><guid>c</guid><description>${PROSE}</description></item></channel></rss>`);
    put('drafts/d.txt', PROSE);
    put('page_files/script.js', 'var x = 1;');
    put('page_files/e.png', '\x89PNG');
    put('.hidden/f.txt', PROSE);
    put('README.md', '# About');
    put('notes.csv', 'a,b');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  it('takes the known formats, leaves out hidden files, README and other files, in a stable order', async () => {
    const { files, missing } = await expandInputs([dir]);
    expect(rel(files)).toEqual(['a.txt', 'b.html', 'drafts/d.txt', 'feeds/c.rss']);
    expect(missing).toEqual([]);
  });

  it('applies --include and --exclude (which also prunes folders)', async () => {
    expect(rel((await expandInputs([dir], { include: ['*.html', '*.rss'] })).files)).toEqual(['b.html', 'feeds/c.rss']);
    expect(rel((await expandInputs([dir], { exclude: ['drafts', 'feeds/**'] })).files)).toEqual(['a.txt', 'b.html']);
    expect(rel((await expandInputs([dir], { include: ['*.csv'] })).files)).toEqual(['notes.csv']);
  });

  it('expands glob inputs and keeps URLs and - as they are', async () => {
    const { files, missing } = await expandInputs([path.join(dir, '**', '*.{txt,rss}'), 'https://example.org/a', '-', path.join(dir, 'nope', '*.txt')]);
    expect(files.slice(0, 3).map((f) => (f.startsWith(dir) ? rel([f])[0] : f))).toEqual(['a.txt', 'drafts/d.txt', 'feeds/c.rss']);
    expect(files.slice(3)).toEqual(['https://example.org/a', '-']);
    expect(missing).toEqual([expect.objectContaining({ code: 'E_NO_MATCH' })]);
  });

  it('follows a symlinked folder once, without looping', async () => {
    const loop = mkdtempSync(path.join(os.tmpdir(), 'ng-loop-'));
    writeFileSync(path.join(loop, 'x.txt'), PROSE);
    symlinkSync(loop, path.join(loop, 'again'));
    const { files } = await expandInputs([loop]);
    expect(files.map((f) => path.basename(f))).toEqual(['x.txt']);
    rmSync(loop, { recursive: true, force: true });
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? it.skip : it)('reports an unreadable file instead of throwing (not as root, who reads everything)', async () => {
    const locked = path.join(dir, 'locked.txt');
    writeFileSync(locked, PROSE);
    chmodSync(locked, 0o000);
    expect(oneFailure(await loadAll([locked])).code).toBe('E_READ');
    chmodSync(locked, 0o644);
  });

  it('reports a path that cannot be read as a file (a socket) instead of throwing', async () => {
    const sock = path.join(dir, 'events.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(oneFailure(await loadAll([sock]))).toMatchObject({ code: 'E_READ', origin: sock });
      expect((await expandInputs([dir])).files).not.toContain(sock);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a large file from its size, without reading it', async () => {
    const big = path.join(os.tmpdir(), `ng-sparse-${process.pid}.txt`);
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    const t = Date.now();
    const f = oneFailure(await loadAll([big]));
    expect(Date.now() - t).toBeLessThan(200);
    expect(f).toMatchObject({ code: 'E_TOO_LARGE', message: `file is ${50 * 1024 * 1024} bytes, over the limit of ${5 * 1024 * 1024} (see --max-bytes)` });
    // Under a higher limit it is read, and found to be all zero bytes.
    expect(oneFailure(await loadAll([big], { maxBytes: 60 * 1024 * 1024 })).code).toBe('E_BINARY');
    rmSync(big);
  });

  it('reads stdin, sniffing its format, with the size cap', async () => {
    const html = `<!DOCTYPE html><html><body><p>${PROSE}</p></body></html>`;
    const [page] = oks(await loadAll(['-'], { stdin: Readable.from([Buffer.from(html)]) }));
    expect(page.meta?.format).toBe('html');
    expect(page.input).toMatchObject({ text: PROSE, origin: 'stdin' });
    const jsonl = `{"text": ${JSON.stringify(PROSE)}}\n{"text": ${JSON.stringify(PROSE + ' Again.')}}\n`;
    expect(oks(await loadAll(['-'], { stdin: Readable.from([jsonl]) }))).toHaveLength(2);
    expect(oneFailure(await loadAll(['-'], { stdin: Readable.from([Buffer.alloc(100, 97)]), maxBytes: 10 })).code).toBe('E_TOO_LARGE');
  });

  it('gives the --published-at date to articles that carry none, and keeps the ones they carry', async () => {
    const items = await loadAll([path.join(dir, 'a.txt'), path.join(dir, 'feeds', 'c.rss')], { publishedAt: '2020-05-06' });
    expect(oks(items).map((i) => i.input.publishedAt)).toEqual(['2020-05-06', '2020-05-06']);
  });

  it('loads a folder given to loadFile as a folder', async () => {
    const items = [];
    for await (const i of loadFile(path.join(dir, 'feeds'))) items.push(i);
    expect(oks(items).map((i) => i.input.id)).toEqual(['c']);
  });
});
