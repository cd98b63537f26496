import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadInputs, parseBytes, parsePlainText } from '../../../src/stages/load';
import type { LoadedItem } from '../../../src/stages/load';

async function all(inputs: string[], opts = {}): Promise<LoadedItem[]> {
  const out: LoadedItem[] = [];
  for await (const item of loadInputs(inputs, opts)) out.push(item);
  return out;
}

describe('load', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-load-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), 'Talks resume\n\nEnvoys met in Geneva on Tuesday.\n');
  writeFileSync(path.join(dir, 'sub', 'b.json'), JSON.stringify([{ id: 'b1', text: 'One.', publishedAt: '2020-02-03T10:00:00Z' }, { id: 'b2' }]));
  writeFileSync(path.join(dir, 'c.jsonl'), '{"text":"First line."}\n{not json\n\n{"text":"Third line."}\n');
  writeFileSync(path.join(dir, 'README.md'), '# not an article\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));

  it('walks directories recursively and reports each bad item with a stable code', async () => {
    const items = await all([dir]);
    const ok = items.filter((i) => i.ok).map((i) => (i.ok ? i.input.text : ''));
    expect(ok).toEqual(['Talks resume\n\nEnvoys met in Geneva on Tuesday.\n', 'First line.', 'Third line.', 'One.']);
    const codes = items.filter((i) => !i.ok).map((i) => (!i.ok ? `${path.basename(i.origin)} ${i.code}` : ''));
    expect(codes).toEqual(['c.jsonl:2 E_JSON', 'empty.txt E_EMPTY', 'image.txt E_BINARY', 'b.json[1] E_SCHEMA']);
  });

  it('keeps the JSON metadata and the date', async () => {
    const [b1] = (await all([path.join(dir, 'sub', 'b.json')])).filter((i) => i.ok);
    expect(b1.ok && b1.input).toMatchObject({ id: 'b1', publishedAt: '2020-02-03' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const items = await all([path.join(dir, 'a.txt')], { maxBytes: 10 });
    expect(items).toEqual([expect.objectContaining({ ok: false, code: 'E_TOO_LARGE' })]);
  });

  it('expands globs and names inputs that do not exist', async () => {
    const items = await all([path.join(dir, '**', '*.json'), path.join(dir, 'missing.txt')]);
    expect(items.map((i) => (i.ok ? i.input.id : i.code))).toEqual(['E_NOT_FOUND', 'b1', 'E_SCHEMA']);
  });

  it('reads stdin and sniffs JSON', async () => {
    const items = await all(['-'], { stdin: Readable.from([Buffer.from('{"text":"From a pipe."}')]) });
    expect(items).toEqual([expect.objectContaining({ ok: true, input: expect.objectContaining({ text: 'From a pipe.', origin: 'stdin' }) })]);
  });

  it('detects the title line of plain text and keeps the text as given', () => {
    expect(parsePlainText('Headline here\n\nBody.', 'x', null)).toMatchObject({ title: 'Headline here', text: 'Headline here\n\nBody.' });
    expect(parsePlainText('Just one paragraph\nthat wraps.', 'x', null).title).toBeNull();
  });

  it('decodes UTF-16 with a BOM and Windows-1252, and normalises to NFC', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Caf\u00e9 talks', 'utf16le')]);
    const [a] = [...parseBytes(utf16, 'a.txt')];
    expect(a.ok && a.input.text).toBe('Café talks');
    const [b] = [...parseBytes(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0xe9]), 'b.txt')];
    expect(b.ok && b.input.text).toBe('\u201cHi\u201d \u2013 é');
    const [c] = [...parseBytes(Buffer.from('Cafe\u0301', 'utf8'), 'c.txt')];
    expect(c.ok && c.input.text).toBe('Café');
  });
});
