import type winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { negationFlags } from './negation';
import { loadWinkNlp } from './wink-tokenizer';

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
  value(index: number): string;
  property(index: number, prop: string): unknown;
  add(text: string, category: number): number;
  intrinsicSize(): number;
}

/** The part of wink's per-document data read here (`rdd` in wink's sources). */
interface WinkDocData {
  numOfTokens: number;
  sentences: number[][];
}

type ItsFn<T> = (index: number, rdd: WinkDocData, addons?: unknown) => T;
interface WinkIts {
  value: ItsFn<string>;
  precedingSpaces: ItsFn<string>;
  pos: ItsFn<string>;
  lemma: ItsFn<string>;
  type: ItsFn<string>;
  normal: ItsFn<string>;
  uniqueId: ItsFn<number>;
  contractionFlag: ItsFn<boolean>;
}

let full: WinkNlp | null = null;
let winkCache: WinkCache | null = null;
let intrinsicSize = 0;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };

function makeDeterministic(nlp: WinkNlp): void {
  const grab = (_i: number, rdd: { cache: WinkCache }): WinkCache => rdd.cache;
  allowed.its4token.add(grab);
  let cache: WinkCache | null = null;
  try {
    cache = nlp.readDoc('x').tokens().itemAt(0).out(grab as never) as unknown as WinkCache;
  } finally {
    allowed.its4token.delete(grab);
  }
  if (!cache || typeof cache.lookup !== 'function' || typeof cache.add !== 'function' || typeof cache.intrinsicSize !== 'function' || typeof cache.value !== 'function' || typeof cache.property !== 'function') {
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
  // Outside `add`, a look-up can only find a word of the model's own lexicon, which never changes. It is
  // answered from a Map of that lexicon, built once (about 30 ms at start-up): quicker than wink's object
  // of 87k keys, and no read of the packed lexicon for the contraction flag. An entry holds what wink's
  // look-up returns: the word's index, or a contraction's expansions (handed out as a copy, as wink's
  // are fresh arrays).
  const lexicon = new Map<string, number | readonly number[]>();
  for (let i = 0; i < intrinsic; i++) {
    // Set in index order, like wink's own hash: a word listed twice keeps its last index.
    if (cache.property(i, 'isContraction')) {
      const r = lookup(cache.value(i));
      if (!r || r.length < 2) throw new Error('wink-nlp internals changed: a contraction of its lexicon has no expansions');
      lexicon.set(cache.value(i), Object.freeze(r));
    } else lexicon.set(cache.value(i), i);
  }
  cache.lookup = (text: string): number[] | null => {
    if (adding !== 0) return lookup(text);
    const r = lexicon.get(text);
    return r === undefined ? null : typeof r === 'number' ? [r] : r.slice();
  };
}

/** Sentence boundaries and POS tags; the one wink instance of the process. */
export function getNlp(): WinkNlp {
  if (!full) {
    // Negation scope is computed in ./negation.ts with the same patterns (one automaton pass less).
    const nlp = loadWinkNlp()(model, ['sbd', 'pos']);
    // The memo of ./wink-tokenizer.ts relies on this: a chunk's tokens must not depend on what wink learnt.
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

/** What segmentation needs from wink for one text: per token (whitespace tokens included) and per sentence. */
export interface WinkAnalysis {
  values: string[];
  /** Length of the whitespace before each token. */
  spaces: number[];
  pos: string[];
  lemmas: string[];
  types: string[];
  negated: boolean[];
  /** Sentences as inclusive token ranges [first, last]. */
  sentences: [number, number][];
}

// The document data behind a wink document: read once per text, so every token's properties come from
// one pass instead of one `out()` collection per property. Registered like wink's own `its` helpers.
const grabDocData = (_i: number, rdd: WinkDocData): WinkDocData => rdd;
let winkIts: WinkIts | null = null;
let addons: unknown = null;
/** Lemma of a non-contracted token: a pure function of its lexeme and POS tag, so it is memoised on both. */
const lemmaMemo = new Map<number, string>();
const posCodes = new Map<string, number>();

function docData(nlp: WinkNlp, text: string): WinkDocData {
  if (!winkIts) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    winkIts = require('wink-nlp/src/its.js') as WinkIts;
    addons = (model as unknown as { addons: unknown }).addons;
    allowed.its4token.add(grabDocData);
  }
  const rdd = nlp.readDoc(text).tokens().itemAt(0).out(grabDocData as never) as unknown as WinkDocData;
  if (!rdd || typeof rdd.numOfTokens !== 'number' || !Array.isArray(rdd.sentences)) {
    throw new Error('wink-nlp internals changed: cannot read its document data');
  }
  return rdd;
}

/** What a lexeme always has, whatever its context: read once per lexeme (wink's ids are stable). */
interface Lexeme { value: string; type: string; normal: string }
const lexemes = new Map<number, Lexeme>();

/** Tokens, POS tags, lemmas, negation and sentences of a non-empty text, in one pass over wink's document. */
export function analyseText(text: string): WinkAnalysis {
  const nlp = getNlp();
  const rdd = docData(nlp, text);
  const its = winkIts as WinkIts;
  const n = rdd.numOfTokens;
  const normals: string[] = new Array(n);
  const a: WinkAnalysis = { values: new Array(n), spaces: new Array(n), pos: new Array(n), lemmas: new Array(n), types: new Array(n), negated: [], sentences: [] };
  for (let i = 0; i < n; i++) {
    const pos = its.pos(i, rdd);
    a.spaces[i] = its.precedingSpaces(i, rdd).length;
    a.pos[i] = pos;
    if (its.contractionFlag(i, rdd)) {
      // A contraction's part ("n't") has its own normal and lemma.
      a.values[i] = its.value(i, rdd);
      a.types[i] = its.type(i, rdd);
      normals[i] = its.normal(i, rdd);
      a.lemmas[i] = its.lemma(i, rdd, addons);
      continue;
    }
    const id = its.uniqueId(i, rdd);
    let lex = lexemes.get(id);
    if (!lex) {
      lex = { value: its.value(i, rdd), type: its.type(i, rdd), normal: its.normal(i, rdd) };
      if (lexemes.size < 200_000) lexemes.set(id, lex);
    }
    a.values[i] = lex.value;
    a.types[i] = lex.type;
    normals[i] = lex.normal;
    let code = posCodes.get(pos);
    if (code === undefined) posCodes.set(pos, (code = posCodes.size));
    const key = code < 64 ? id * 64 + code : -1;
    let lemma = lemmaMemo.get(key);
    if (lemma === undefined) {
      lemma = its.lemma(i, rdd, addons);
      if (key >= 0 && lemmaMemo.size < 200_000) lemmaMemo.set(key, lemma);
    }
    a.lemmas[i] = lemma;
  }
  for (const s of rdd.sentences) a.sentences.push([s[0], s[1]]);
  a.negated = negationFlags(normals, a.types, a.sentences);
  return a;
}
