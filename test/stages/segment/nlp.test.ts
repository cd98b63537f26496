import model from 'wink-eng-lite-web-model';
import { getNlp } from '../../../src/stages/segment/nlp';

/* eslint-disable @typescript-eslint/no-require-imports */
const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };
const makeCache = require('wink-nlp/src/cache.js') as (core: unknown, featureFn: unknown) => WinkCache;
/* eslint-enable @typescript-eslint/no-require-imports */

interface WinkCache {
  lookup(text: string): number[] | null;
  value(index: number): string;
  intrinsicSize(): number;
}

/** The cache of the process's wink instance, as its tokeniser sees it. */
function processCache(): WinkCache {
  const grab = (_i: number, rdd: { cache: WinkCache }): WinkCache => rdd.cache;
  allowed.its4token.add(grab);
  try {
    return getNlp().readDoc('x').tokens().itemAt(0).out(grab as never) as unknown as WinkCache;
  } finally {
    allowed.its4token.delete(grab);
  }
}

describe("the tokeniser's look-up in wink's lexicon", () => {
  const m = model as unknown as { core(): unknown; featureFn: unknown };
  const pristine = makeCache(m.core(), m.featureFn);
  const cache = processCache();

  it("answers every word of the model's lexicon as wink's own look-up does (contractions included)", () => {
    const n = pristine.intrinsicSize();
    expect(n).toBeGreaterThan(80_000);
    let contractions = 0;
    for (let i = 0; i < n; i++) {
      const word = pristine.value(i);
      const theirs = pristine.lookup(word);
      if (theirs && theirs.length > 1) contractions++;
      expect(cache.lookup(word)).toEqual(theirs);
    }
    expect(contractions).toBeGreaterThan(100);
  });

  it('finds nothing for other text, and hides the words wink learnt', () => {
    for (const text of ['', 'said,', '(Labour', 'Xyzzyplugh', 'x y', '__proto__', 'constructor']) {
      expect(cache.lookup(text)).toEqual(pristine.lookup(text));
    }
    getNlp().readDoc('Mr Qwzblorf met Zzyzxville officials.');
    expect(cache.lookup('Qwzblorf')).toBeNull();
    expect(cache.lookup('qwzblorf')).toBeNull();
    expect(cache.lookup('Zzyzxville')).toBeNull();
  });

  it('hands out a fresh array each time', () => {
    const a = cache.lookup("can't") as number[];
    expect(a.length).toBeGreaterThan(4);
    a.length = 0;
    expect((cache.lookup("can't") as number[]).length).toBeGreaterThan(4);
  });
});
