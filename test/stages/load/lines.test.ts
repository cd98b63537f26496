import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadFile } from '../../../src/stages/load';
import { splitLines, utf8Chunks } from '../../../src/stages/load/lines';
import type { Line } from '../../../src/stages/load/lines';
import { PROSE, failures, loadAll, oks, parse } from './helpers';
import { windows1252 } from './mixed-batch';

/** JSON Lines are read as a stream: `--max-bytes` limits each line, and memory holds one line at a time. */

async function* from(chunks: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield Buffer.from(c);
}

async function lines(chunks: (string | Buffer)[], max = 100): Promise<(string | number)[]> {
  const out: (string | number)[] = [];
  for await (const l of splitLines(from(chunks), max)) out.push('bytes' in l ? `${l.number}:${l.bytes.toString()}` : -l.number);
  return out;
}

/** `bytes` cut into chunks of `size` bytes. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** An English article of about `bytes` bytes as one JSONL line. */
function article(i: number, bytes = 500): string {
  const head = `${PROSE} This is article number ${i}.`;
  const filler = ' The talks went on into the evening.';
  return JSON.stringify({ id: `a${i}`, text: head + filler.repeat(Math.max(0, Math.floor((bytes - 40 - head.length) / filler.length))) });
}

describe('splitLines', () => {
  it('splits on \\n across chunks, numbers lines from 1 and keeps a last line without a newline', async () => {
    expect(await lines(['ab', 'c\nde', 'f\n\ng'])).toEqual(['1:abc', '2:def', '3:', '4:g']);
    expect(await lines(['a\n', '', 'b\n'])).toEqual(['1:a', '2:b']);
    expect(await lines(['\n'])).toEqual(['1:']);
    expect(await lines([])).toEqual([]);
  });

  it('gives a line over the limit as its length only, and the lines after it intact', async () => {
    const out: Line[] = [];
    for await (const l of splitLines(from(['ok\n', 'x'.repeat(6), 'x'.repeat(6), 'x\nfine\n', 'y'.repeat(11)]), 10)) out.push(l);
    expect(out).toEqual([
      { number: 1, bytes: Buffer.from('ok') },
      { number: 2, tooLong: 13 },
      { number: 3, bytes: Buffer.from('fine') },
      { number: 4, tooLong: 11 },
    ]);
    // Exactly at the limit is fine.
    expect(await lines(['x'.repeat(10)], 10)).toEqual([`1:${'x'.repeat(10)}`]);
  });

  it('transcodes UTF-16 to UTF-8 with a character split across chunks, and drops the BOM', async () => {
    const text = 'caf\u00e9 \u4e2d \ud834\udd1e\nnext';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    for (const [bytes, enc] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      for (const size of [1, 3, 5]) {
        const out: Buffer[] = [];
        for await (const c of utf8Chunks(from(chunked(bytes, size)), enc)) out.push(c);
        expect(Buffer.concat(out).toString('utf8')).toBe(text);
      }
    }
  });
});

describe('JSON Lines streamed from files and stdin', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-lines-'));
  const put = (name: string, data: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every article of a file far bigger than --max-bytes, which now limits each line', async () => {
    const body = Array.from({ length: 50 }, (_, i) => article(i + 1)).join('\n') + '\n';
    expect(Buffer.byteLength(body)).toBeGreaterThan(10 * 2000);
    const file = put('big.jsonl', body);
    const items = await loadAll([file], { maxBytes: 2000 });
    expect(failures(items)).toEqual([]);
    expect(oks(items).map((i) => [i.input.id, i.input.origin])).toEqual(Array.from({ length: 50 }, (_, i) => [`a${i + 1}`, `${file}:${i + 1}`]));
    expect(oks(items)[0].meta).toMatchObject({ format: 'jsonl', encoding: 'utf-8', language: 'en' });
    // The same with .ndjson, and in small reads that split lines.
    const nd = put('big.ndjson', body);
    expect(oks(await loadAll([nd], { maxBytes: 2000, readChunkBytes: 97 }))).toHaveLength(50);
  });

  it('fails one over-long line alone, with its line number, and loads the lines after it', async () => {
    const rows = [article(1), article(2), '', article(3, 5000), article(4), article(5, 3000)];
    const file = put('one-long.jsonl', rows.join('\r\n'));
    const long = Buffer.byteLength(article(3, 5000)) + 1; // with its \r
    for (const readChunkBytes of [64 * 1024, 100, 1]) {
      const items = await loadAll([file], { maxBytes: 2000, readChunkBytes });
      expect(items.map((i) => (i.ok ? i.input.id : `${path.basename(i.origin)} ${i.code}`))).toEqual(['a1', 'a2', 'one-long.jsonl:4 E_TOO_LARGE', 'a4', 'one-long.jsonl:6 E_TOO_LARGE']);
      expect(failures(items)[0].message).toBe(`line 4 is ${long} bytes, over the limit of 2000 (see --max-bytes)`);
    }
  });

  it('loads a file that is one giant line, and fails it alone when it is over the limit', async () => {
    const file = put('giant.jsonl', article(1, 3 * 1024 * 1024));
    const [ok] = oks(await loadAll([file], { checkLanguage: false }));
    expect(ok.input).toMatchObject({ id: 'a1', origin: `${file}:1` });
    expect(await loadAll([file], { maxBytes: 1024 * 1024 })).toEqual([
      { ok: false, origin: `${file}:1`, code: 'E_TOO_LARGE', message: expect.stringMatching(/^line 1 is 31\d{5} bytes, over the limit of 1048576 \(see --max-bytes\)$/) },
    ]);
  });

  it('gives the same items as reading the whole file, however the reads split lines, CRLF and characters', async () => {
    const rows = [
      '\ufeff' + JSON.stringify({ id: 'bom', text: `Caf\u00e9 \u201ctalks\u201d \u2013 ${PROSE}` }),
      '',
      JSON.stringify({ id: 'cjk', text: `${PROSE} \u4e2d\u6587 \ud834\udd1e \u00e9\u00e8\u00ea` }) + '\r',
      '   ',
      '{"id": "broken", "text": "caf\u00e9 never ends',
      JSON.stringify({ id: 'nfd', text: `Cafe\u0301 ${PROSE}` }) + '\r',
      JSON.stringify({ id: 'last', html: `<p>${PROSE} \u00c5land.</p>` }),
    ];
    const bytes = Buffer.from(rows.join('\n'));
    const file = put('mixed.jsonl', bytes);
    const whole = parse(bytes, file);
    expect(whole.map((i) => (i.ok ? i.input.id : i.code))).toEqual(['bom', 'cjk', 'E_JSON', 'nfd', 'last']);
    expect(whole[3].ok && whole[3].input.text.startsWith('Caf\u00e9 ')).toBe(true);
    for (const readChunkBytes of [1, 2, 3, 4, 5, 7, 64, 1000]) expect(await loadAll([file], { readChunkBytes })).toEqual(whole);
  });

  it('splits correctly at the real 64 KiB read boundaries', async () => {
    const K = 64 * 1024;
    /** A JSONL line filling bytes [from, to) exactly, its text ending with `tail`. */
    const filled = (id: string, from: number, to: number, tail = '') => {
      const head = `{"id":"${id}","text":"${PROSE} `;
      const end = `${tail}"}`;
      return head + 'x'.repeat(to - from - Buffer.byteLength(head) - Buffer.byteLength(end)) + end;
    };
    const bytes = Buffer.from(
      filled('one', 0, K + 4, '\u4e2d') + '\n' + // 中 (3 bytes) straddles the first boundary
        filled('two', K + 5, 2 * K - 1) + '\r\n' + // \r ends the second read, \n opens the third
        filled('three', 2 * K + 1, 3 * K + 4, '\ud834\udd1e') + '\n' + // 𝄞 (4 bytes) split 2 + 2
        filled('four', 3 * K + 5, 4 * K - 1) + '\n' + // \n is the last byte of the fourth read
        JSON.stringify({ id: 'five', text: `\u4e2d ${PROSE}` }), // no newline at the end
    );
    expect([bytes[K - 1], bytes[K]]).toEqual([0xe4, 0xb8]);
    expect(bytes.subarray(2 * K - 1, 2 * K + 1).toString()).toBe('\r\n');
    expect([bytes[3 * K - 2], bytes[3 * K]]).toEqual([0xf0, 0x84]);
    expect(bytes[4 * K - 1]).toBe(0x0a);
    const file = put('boundaries.jsonl', bytes);
    const items = await loadAll([file]);
    expect(items.map((i) => (i.ok ? i.input.id : i.code))).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(items[0].ok && items[0].input.text.endsWith('x\u4e2d')).toBe(true);
    expect(items[2].ok && items[2].input.text.endsWith('x\ud834\udd1e')).toBe(true);
    expect(items).toEqual(parse(bytes, file));
  });

  it('reads JSONL from stdin line by line, larger than --max-bytes, in any chunks', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => article(i + 1));
    rows[9] = article(10, 2500);
    const bytes = Buffer.from(rows.join('\n') + '\n');
    for (const size of [7, 1000, bytes.length]) {
      const items = await loadAll(['-'], { stdin: Readable.from(chunked(bytes, size)), maxBytes: 2000 });
      expect(oks(items)).toHaveLength(49);
      expect(failures(items)).toEqual([expect.objectContaining({ origin: 'stdin:10', code: 'E_TOO_LARGE' })]);
      expect(oks(items).map((i) => i.input.origin).slice(8, 10)).toEqual(['stdin:9', 'stdin:11']);
    }
    // Not JSONL: stdin keeps the limit as a whole.
    const text = Buffer.from(`${PROSE}\n`.repeat(20));
    expect(await loadAll(['-'], { stdin: Readable.from(chunked(text, 100)), maxBytes: 2000 })).toEqual([
      { ok: false, origin: 'stdin', code: 'E_TOO_LARGE', message: 'stdin is larger than the limit of 2000 bytes (see --max-bytes)' },
    ]);
  });

  it('decides from the content for a file with no known extension (a pipe, a download)', async () => {
    const body = Array.from({ length: 10 }, (_, i) => article(i + 1)).join('\n');
    const file = put('export', body);
    expect(oks(await loadAll([file], { maxBytes: 2000 }))).toHaveLength(10);
    const text = put('notes', `${PROSE}\n`.repeat(20));
    expect(await loadAll([text], { maxBytes: 2000 })).toEqual([expect.objectContaining({ code: 'E_TOO_LARGE', message: expect.stringMatching(/^file is \d+ bytes, over the limit of 2000/) })]);
  });

  it('keeps UTF-16 JSONL (a Windows PowerShell redirect), and decodes each line on its own', async () => {
    const body = [article(1), article(2), article(3)].join('\r\n') + '\r\n';
    const file = put('ps.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    for (const readChunkBytes of [3, 64 * 1024]) {
      const items = await loadAll([file], { maxBytes: 2000, readChunkBytes });
      expect(oks(items).map((i) => [i.input.id, i.meta?.encoding])).toEqual([['a1', 'utf-16le'], ['a2', 'utf-16le'], ['a3', 'utf-16le']]);
    }
    // One Windows-1252 line among UTF-8 ones: that line alone falls back, the others stay UTF-8.
    const cafe = `Caf\u00e9 \u2013 ${PROSE}`;
    const mixed = put('mixed-enc.jsonl', Buffer.concat([
      Buffer.from(JSON.stringify({ id: 'u', text: cafe }) + '\n'),
      windows1252(JSON.stringify({ id: 'w', text: cafe }) + '\n'),
    ]));
    expect(oks(await loadAll([mixed])).map((i) => [i.input.id, i.input.text === cafe, i.meta?.encoding])).toEqual([['u', true, 'utf-8'], ['w', true, 'windows-1252']]);
  });

  it('names empty, blank and binary JSONL files as before', async () => {
    const code = async (data: string | Buffer) => (await loadAll([put('x.jsonl', data)])).map((i) => (i.ok ? 'ok' : `${i.code}: ${i.message}`));
    expect(await code('')).toEqual(['E_EMPTY: empty input']);
    expect(await code('\n  \r\n\n')).toEqual(['E_EMPTY: input has no text']);
    expect(await code('\ufeff')).toEqual(['E_EMPTY: input has no text']);
    expect(await code(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]))).toEqual(['E_BINARY: not text: looks like a gzip archive']);
  });

  (existsSync('/proc/self/fd') ? it : it.skip)('closes the file when the caller stops early', async () => {
    const file = put('stop.jsonl', Array.from({ length: 20 }, (_, i) => article(i + 1)).join('\n'));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (const readChunkBytes of [100, 64 * 1024]) {
      for await (const item of loadFile(file, { readChunkBytes })) {
        expect(item.ok).toBe(true);
        break;
      }
    }
    expect(open()).toBe(before);
  });
});
