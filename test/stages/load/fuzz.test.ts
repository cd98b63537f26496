import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseBytes } from '../../../src/stages/load';
import type { LoadedItem } from '../../../src/stages/load';
import { PROSE, loadAll, prng } from './helpers';
import { GOOD } from './mixed-batch';

/**
 * Property tests: whatever the bytes, the loader returns items (it never throws), every item is well
 * formed, no input takes long, and the same bytes always give the same items. Inputs come from a seeded
 * PRNG, so a failure names a seed and case that reproduce it.
 */

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'inputs');
const ORIGINS = ['x.txt', 'x.md', 'x.html', 'x.htm', 'x.json', 'x.jsonl', 'x.ndjson', 'x.rss', 'x.atom', 'x.xml', 'stdin'];
/** Per input, on a 2-core CI machine; real inputs take milliseconds. */
const MAX_MS = 1500;

const SAMPLES: Record<string, string> = {
  'page.html': readFileSync(path.join(FIXTURES, 'finland-joins-nato.html'), 'utf8'),
  'feed.rss': readFileSync(path.join(FIXTURES, 'world-briefing.rss'), 'utf8'),
  'feed.atom': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>One</title><content type="html">&lt;p&gt;${GOOD.modi}&lt;/p&gt;</content></entry><entry><id>2</id><title>Two</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${GOOD.ukraine}</p></div></content></entry></feed>`,
  'list.json': JSON.stringify([{ id: 'a', text: GOOD.scholz, publishedAt: '2021-12-08' }, { id: 'b', html: `<p>${GOOD.lula}</p>` }], null, 2),
  'lines.jsonl': Object.values(GOOD).slice(0, 6).map((text, i) => JSON.stringify({ id: `l${i}`, text })).join('\n') + '\n',
  'story.txt': `Headline\n\n${GOOD.brexit}\n\n${GOOD.biden}\n`,
  'feed.json': JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'f', content_text: GOOD.xi }] }),
};

function check(bytes: Uint8Array, origin: string, label: string): LoadedItem[] {
  const t = Date.now();
  let items: LoadedItem[];
  try {
    items = [...parseBytes(bytes, origin)];
  } catch (e) {
    throw new Error(`${label}: the loader threw ${(e as Error).stack}`);
  }
  const ms = Date.now() - t;
  if (ms > MAX_MS) throw new Error(`${label}: took ${ms} ms`);
  if (items.length === 0) throw new Error(`${label}: no item at all`);
  for (const i of items) {
    if (i.ok) {
      if (typeof i.input.text !== 'string' || i.input.text.trim() === '' || !i.input.origin) throw new Error(`${label}: bad article ${JSON.stringify(i).slice(0, 200)}`);
    } else if (!/^E_[A-Z_]+$/.test(i.code) || i.code === 'E_INTERNAL' || !i.message || !i.origin) {
      throw new Error(`${label}: bad failure ${JSON.stringify(i).slice(0, 300)}`);
    }
  }
  return items;
}

describe('the loader under random and damaged input', () => {
  it('never throws, hangs or returns a malformed item on random bytes', () => {
    const rnd = prng(20240601);
    for (let n = 0; n < 400; n++) {
      const len = Math.floor(rnd() * (n % 10 === 0 ? 20000 : 2000));
      const bytes = Buffer.alloc(len);
      for (let j = 0; j < len; j++) bytes[j] = Math.floor(rnd() * 256);
      check(bytes, ORIGINS[n % ORIGINS.length], `random bytes #${n}`);
    }
  });

  it('never throws on random text made of markup and JSON punctuation', () => {
    const rnd = prng(7);
    const alphabet = ['<', '>', '/', '{', '}', '[', ']', '"', ':', ',', '&', ';', '!', '-', '?', '=', ' ', '\n', '\t', 'a', 'é', '中', '\u0000', 'item', 'entry', 'rss', 'feed', 'channel', 'html', 'body', 'p', 'div', 'script', '<!--', '-->', '<![CDATA[', ']]>', 'text', 'the ', '&amp;', '&#x', '\\u'];
    for (let n = 0; n < 400; n++) {
      const parts: string[] = [];
      const len = Math.floor(rnd() * 600);
      for (let j = 0; j < len; j++) parts.push(alphabet[Math.floor(rnd() * alphabet.length)]);
      check(Buffer.from(parts.join('')), ORIGINS[n % ORIGINS.length], `markup soup #${n}`);
    }
  });

  it('keeps what is whole in a truncated file of every format, and never throws', () => {
    const rnd = prng(42);
    for (const [name, text] of Object.entries(SAMPLES)) {
      const bytes = Buffer.from(text);
      for (let n = 0; n < 40; n++) {
        const cut = n === 0 ? bytes.length : Math.floor(rnd() * bytes.length);
        const items = check(bytes.subarray(0, cut), name, `${name} cut at ${cut}`);
        const before = bytes.subarray(0, cut).toString('latin1');
        if (name === 'lines.jsonl') {
          // Every line that ended before the cut still loads.
          const whole = before.split('\n').length - 1;
          expect(items.filter((i) => i.ok).length).toBeGreaterThanOrEqual(whole);
        }
        if (name === 'feed.rss') {
          const whole = (before.match(/<\/item>/g) ?? []).length;
          expect(items.filter((i) => i.ok).length).toBeGreaterThanOrEqual(whole);
        }
      }
    }
  });

  it('never throws on files with random bytes changed, and gives the same items for the same bytes', () => {
    const rnd = prng(99);
    for (const [name, text] of Object.entries(SAMPLES)) {
      for (let n = 0; n < 25; n++) {
        const bytes = Buffer.from(text);
        const flips = 1 + Math.floor(rnd() * 30);
        for (let f = 0; f < flips; f++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
        const first = check(bytes, name, `${name} mutated #${n}`);
        if (n % 5 === 0) expect(JSON.stringify([...parseBytes(bytes, name)])).toBe(JSON.stringify(first));
      }
    }
  });

  it('reads damaged files and streams through the async path without hanging', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-fuzz-'));
    try {
      const rnd = prng(3);
      for (const [name, text] of Object.entries(SAMPLES)) writeFileSync(path.join(dir, name), Buffer.from(text).subarray(0, Math.floor(rnd() * text.length)));
      writeFileSync(path.join(dir, 'ok.txt'), PROSE);
      const t = Date.now();
      const items = await loadAll([dir]);
      expect(Date.now() - t).toBeLessThan(10_000);
      expect(items.some((i) => i.ok && i.input.text === PROSE)).toBe(true);
      // stdin in odd-sized chunks, one of them splitting a multi-byte character.
      const bytes = Buffer.from(SAMPLES['lines.jsonl'] + '{"text": "caf\u00e9 au lait, said the minister in Geneva on Tuesday after the talks"}\n');
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
      const piped = await loadAll(['-'], { stdin: Readable.from(chunks) });
      expect(piped.filter((i) => i.ok)).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
