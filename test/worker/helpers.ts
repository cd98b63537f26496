import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ArticleInput } from '../../src/model/extraction';
import { articleKey } from '../../src/model/keys';
import type { Extracted, ExtractPool } from '../../src/pipeline/pool';
import { createLogger } from '../../src/worker/log';
import type { Logger } from '../../src/worker/log';
import { fakeResult } from '../helpers/results';

/** A logger that keeps its JSON lines in memory, for assertions. */
export function memoryLogger(level = 'debug'): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: createLogger({ level, worker: 'test', stream }), lines };
}

/** The id the stub pool gives an article (its text's key, like fakeResult). */
export const stubIdOf = (input: ArticleInput): string => articleKey(input.text);

export interface StubPool extends ExtractPool {
  calls: number;
  extracted: string[];
  /** Most extractions running at once. */
  maxBusy: number;
}

/**
 * Stands in for the extractor: one entity per capitalised country name it knows, no events. Texts
 * containing `EXPLODE` fail extraction; `delayMs` makes extraction slow (for shutdown tests).
 */
export function stubPool(o: { size?: number; delayMs?: number } = {}): StubPool {
  let busy = 0;
  const pool: StubPool = {
    size: o.size ?? 2,
    calls: 0,
    extracted: [],
    maxBusy: 0,
    async extractAll(inputs: readonly ArticleInput[]): Promise<Extracted[]> {
      pool.calls++;
      busy += inputs.length;
      pool.maxBusy = Math.max(pool.maxBusy, busy);
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
      busy -= inputs.length;
      return inputs.map((input) => {
        if (input.text.includes('EXPLODE')) return { ok: false as const, error: 'the stub extractor was told to fail' };
        pool.extracted.push(input.text);
        const entities: [string, 'State', string][] = [];
        for (const [name, iso] of [['France', 'FRA'], ['Germany', 'DEU'], ['Japan', 'JPN'], ['Kenya', 'KEN']]) {
          if (input.text.includes(name)) entities.push([`state:${iso}`, 'State', name]);
        }
        const result = fakeResult({ text: input.text, externalId: input.id ?? undefined, url: input.url ?? undefined, entities });
        return { ok: true as const, result };
      });
    },
    async close() {},
  };
  return pool;
}

const PLACES = ['Nairobi', 'Lyon', 'Osaka', 'Hamburg', 'Mombasa', 'Marseille', 'Kyoto', 'Munich'];
const TOPICS = ['port fees', 'rail freight', 'fishing quotas', 'vaccine supplies', 'water rights', 'student visas', 'power lines', 'grain storage'];
const COUNTRIES = ['France', 'Germany', 'Japan', 'Kenya'];

/** Small original articles from templates, each text unique (numbered). */
export function makeArticles(n: number, prefix = 'w'): (ArticleInput & { id: string })[] {
  return Array.from({ length: n }, (_, i) => {
    const a = COUNTRIES[i % 4];
    const b = COUNTRIES[(i + 1 + ((i >> 2) % 3)) % 4];
    const place = PLACES[i % PLACES.length];
    const topic = TOPICS[(i >> 3) % TOPICS.length];
    return {
      id: `${prefix}-${i}`,
      title: `${a} and ${b} discuss ${topic} (${prefix} ${i})`,
      publishedAt: `2024-0${1 + (i % 9)}-1${i % 10}`,
      text:
        `Officials from ${a} and ${b} met in ${place} on Tuesday to discuss ${topic}, in round ${i} of talks (${prefix}). ` +
        `The delegation from ${a} said progress had been made, while ${b} asked for more time. ` +
        `A joint statement numbered ${prefix}-${i}-${(i * 7919) % 10007} is expected next week.`,
    };
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, probe: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await sleep(everyMs);
    last = await probe();
  }
  return last;
}

/** Temporary directories for one test file, removed after its tests. */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return (prefix: string) => {
    const d = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(d);
    return d;
  };
}
