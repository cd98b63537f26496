import { loadInputs, parseBytes } from '../../../src/stages/load';
import type { LoadOptions, LoadedItem, ParseHints } from '../../../src/stages/load';

export type Ok = Extract<LoadedItem, { ok: true }>;
export type Failed = Extract<LoadedItem, { ok: false }>;

export async function loadAll(inputs: string[], options: LoadOptions = {}): Promise<LoadedItem[]> {
  const out: LoadedItem[] = [];
  for await (const item of loadInputs(inputs, options)) out.push(item);
  return out;
}

export const parse = (data: string | Uint8Array, origin: string, options: LoadOptions = {}, hints: ParseHints = {}): LoadedItem[] => [
  ...parseBytes(typeof data === 'string' ? Buffer.from(data) : data, origin, options, hints),
];

export const oks = (items: LoadedItem[]): Ok[] => items.filter((i): i is Ok => i.ok);
export const failures = (items: LoadedItem[]): Failed[] => items.filter((i): i is Failed => !i.ok);

/** The only item, which must have loaded. */
export function one(items: LoadedItem[]): Ok {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item.ok) throw new Error(`expected an article, got ${item.code}: ${item.message}`);
  return item;
}

/** The only item, which must have failed. */
export function oneFailure(items: LoadedItem[]): Failed {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item.ok) throw new Error(`expected a failure, got an article: ${item.input.text.slice(0, 80)}`);
  return item;
}

/** mulberry32: a tiny seeded PRNG, so every "random" test input is the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A paragraph of plain English news prose, long enough for language detection. */
export const PROSE =
  'The foreign ministers of the two countries met in Geneva on Tuesday and agreed to resume talks on a prisoner exchange, officials said after the meeting.';
