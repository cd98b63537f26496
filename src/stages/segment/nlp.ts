import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * wink-nlp with the English lite model, loaded once per process (about 50 ms).
 *
 * wink learns every out-of-vocabulary word it meets, and its tokeniser consults what it learnt: once
 * "Blunkett's" has been seen whole, later texts no longer split off the "'s". That makes the output
 * depend on what was read before. We hide learnt words from the tokeniser's look-up (the model's own
 * vocabulary is untouched), so the same text always gives the same tokens.
 */
export type WinkNlp = ReturnType<typeof winkNLP>;

interface WinkCache {
  lookup(text: string): number[] | null;
  posOf(index: number): number;
  valueOf(prop: string, index: number): string;
  add(text: string, category: number): number;
  intrinsicSize(): number;
}

let full: WinkNlp | null = null;
let winkCache: WinkCache | null = null;
let intrinsicSize = 0;

function makeDeterministic(nlp: WinkNlp): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };
  const grab = (_i: number, rdd: { cache: WinkCache }): WinkCache => rdd.cache;
  allowed.its4token.add(grab);
  let cache: WinkCache | null = null;
  try {
    cache = nlp.readDoc('x').tokens().itemAt(0).out(grab as never) as unknown as WinkCache;
  } finally {
    allowed.its4token.delete(grab);
  }
  if (!cache || typeof cache.lookup !== 'function' || typeof cache.add !== 'function' || typeof cache.intrinsicSize !== 'function') {
    throw new Error('wink-nlp internals changed: cannot make its tokeniser deterministic');
  }
  const intrinsic = cache.intrinsicSize();
  winkCache = cache;
  intrinsicSize = intrinsic;
  const lookup = cache.lookup.bind(cache);
  const add = cache.add.bind(cache);
  // While a word is being added, wink's feature functions must see everything (they look up the
  // lower-case form just added); the tokeniser's own look-ups happen outside `add`.
  let adding = 0;
  cache.add = (text: string, category: number): number => {
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  cache.lookup = (text: string): number[] | null => {
    const r = lookup(text);
    return adding === 0 && r && r.length === 1 && r[0] >= intrinsic ? null : r;
  };
}

/** Sentence boundaries, POS tags, negation; the one wink instance of the process. */
export function getNlp(): WinkNlp {
  if (!full) {
    const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
    makeDeterministic(nlp);
    full = nlp;
  }
  return full;
}

/** The same instance: gazetteer phrases are cut exactly as article text is. */
export function getTokenizer(): WinkNlp {
  return getNlp();
}

const posMemo = new Map<string, string | null>();

/** The part of speech wink's own lexicon gives a lower-case word, or null when the word is not in it. */
export function lexiconPos(word: string): string | null {
  getNlp();
  const hit = posMemo.get(word);
  if (hit !== undefined) return hit;
  let pos: string | null = null;
  const r = winkCache?.lookup(word);
  if (winkCache && r && r.length === 1 && r[0] < intrinsicSize) pos = winkCache.valueOf('pos', winkCache.posOf(r[0]));
  if (posMemo.size < 100_000) posMemo.set(word, pos);
  return pos;
}
