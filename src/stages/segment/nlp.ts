import type winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { makeLexeme, type Lexeme } from './lexeme';
import { negationFlags, opensPattern } from './negation';
import { sbdSymbol, sentenceSpans, symbolAt } from './sentences';
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
  normal(index: number): number;
  nox(binaryWord: number): number;
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
/** wink's id of "\n" (a token its automata skip). */
let lfId = -1;

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
  const lf = cache.lookup('\n');
  if (!lf || typeof cache.normal !== 'function' || typeof cache.nox !== 'function') throw new Error('wink-nlp internals changed: cannot read its lexicon');
  lfId = lf[0];
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
    // Negation scope and sentences are computed in ./negation.ts and ./sentences.ts with wink's own
    // patterns and machine (two automaton passes less); wink's POS step does not read sentences.
    const nlp = loadWinkNlp()(model, ['pos']);
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
  /** Each token's lexeme: shared, read-only records (see ./lexeme.ts). */
  lexemes: Lexeme[];
  /** Length of the whitespace before each token. */
  spaces: Int32Array;
  pos: string[];
  /** Lemmas, lower case. */
  lemmas: string[];
  negated: boolean[];
  /** Sentences as inclusive token ranges [first, last]. */
  sentences: [number, number][];
}

// The document data behind a wink document: read once per text, so every token's properties come from
// one pass instead of one `out()` collection per property. Registered like wink's own `its` helpers.
const grabDocData = (_i: number, rdd: WinkDocData): WinkDocData => rdd;
let winkIts: WinkIts | null = null;
let addons: unknown = null;

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

/**
 * wink's packed token data, read directly for what every token needs (its.* would build a string of
 * spaces per token and look each property up again): per token `tkSize` numbers, [lexeme id,
 * preceding spaces (low 16 bits; a contraction part also points into wink's expansions above them),
 * POS and lemma bits, negation flag].
 */
interface WinkTokens extends WinkDocData {
  tokens: number[];
  nonBreakingSpaces: Record<number, string>;
  cache: WinkCache;
}
interface WinkLayout { tkSize: number; psMask: number; posMask: number; bits4lemma: number }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const layout = require('wink-nlp/src/constants.js') as WinkLayout;
if (layout.tkSize !== 4 || layout.psMask !== 0xffff || layout.posMask !== 0x3f00000 || layout.bits4lemma !== 20) {
  throw new Error('wink-nlp internals changed: its packed token layout is not the one read here');
}
const TK = layout.tkSize;
const PS_MASK = layout.psMask;
const POS_MASK = layout.posMask;
const POS_SHIFT = layout.bits4lemma;

/**
 * A lexeme as kept here, with its lower-case lemma memoised (a non-contracted token's lemma depends on
 * its lexeme and POS tag only): the lemma under the first POS tag met in one field, any other by wink's
 * POS index. One object per lexeme, so a token costs one look-up.
 */
interface WinkLexeme extends Lexeme {
  /** opensPattern of its normal form (1 or 0), for the negation scan. */
  opens: number;
  /** Its symbol for the sentence machine (see ./sentences.ts sbdSymbol). */
  sbd: number;
  lemmaPos: number;
  lemma: string;
  lemmas: (string | undefined)[] | null;
}

function winkLexeme(value: string, type: string, normal: string, sbd: number): WinkLexeme {
  const x = makeLexeme(value, type, normal);
  // One literal with every field, so all records share one shape with in-object fields.
  return {
    value: x.value, type: x.type, normal: x.normal, lower: x.lower, key: x.key, cap: x.cap, upper: x.upper,
    uppers: x.uppers, lowers: x.lowers, space: x.space, newlines: x.newlines, opens: opensPattern(normal) ? 1 : 0, sbd, lemmaPos: -1, lemma: '', lemmas: null,
  };
}

/**
 * Lexemes by wink lexeme id (ids are dense and an id's lexeme never changes in a process): a plain
 * array, grown as ids are met; ids from MAX_IDS on (words learnt late in a long run) are not memoised.
 */
const MAX_IDS = 300_000;
const lexemeById: (WinkLexeme | undefined)[] = [];
/** POS tag names by wink POS index. */
const posNames: string[] = [];

function remember(id: number, lex: WinkLexeme): void {
  if (id >= MAX_IDS) return;
  while (lexemeById.length <= id) lexemeById.push(undefined);
  lexemeById[id] = lex;
}

function lemmaOf(lex: WinkLexeme, posIndex: number, i: number, rdd: WinkTokens): string {
  if (lex.lemmaPos === posIndex) return lex.lemma;
  const known = lex.lemmas?.[posIndex];
  if (known !== undefined) return known;
  const lemma = ((winkIts as WinkIts).lemma(i, rdd, addons) ?? lex.lower).toLowerCase();
  if (lex.lemmaPos < 0) {
    lex.lemmaPos = posIndex;
    lex.lemma = lemma;
  } else (lex.lemmas ??= [])[posIndex] = lemma;
  return lemma;
}

/** Tokens, POS tags, lemmas, negation and sentences of a non-empty text, in one pass over wink's document. */
export function analyseText(text: string): WinkAnalysis {
  return analyseDoc(docData(getNlp(), text));
}

function analyseDoc(doc: WinkDocData): WinkAnalysis {
  const rdd = doc as WinkTokens;
  const its = winkIts as WinkIts;
  const n = rdd.numOfTokens;
  const packed = rdd.tokens;
  if (!Array.isArray(packed) || packed.length < n * TK) throw new Error('wink-nlp internals changed: no packed token data');
  const lexemes: Lexeme[] = new Array(n);
  const spaces = new Int32Array(n);
  const pos: string[] = new Array(n);
  const lemmas: string[] = new Array(n);
  const symbols = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = packed[i * TK];
    const spaceWord = packed[i * TK + 1];
    const posIndex = (packed[i * TK + 2] & POS_MASK) >>> POS_SHIFT;
    const ps = spaceWord & PS_MASK;
    spaces[i] = ps < PS_MASK ? ps : rdd.nonBreakingSpaces[i].length;
    const tag = posNames[posIndex] ?? (posNames[posIndex] = rdd.cache.valueOf('pos', posIndex));
    pos[i] = tag;
    let lex: WinkLexeme | undefined;
    if (spaceWord > PS_MASK) {
      // A contraction's part ("n't"): its normal and lemma are its own, not its lexeme's.
      lex = winkLexeme(its.value(i, rdd), its.type(i, rdd), its.normal(i, rdd), sbdSymbol(rdd.cache, rdd.cache.nox(spaceWord), id, lfId));
      lemmas[i] = (its.lemma(i, rdd, addons) ?? lex.lower).toLowerCase();
    } else {
      let known = lexemeById[id];
      if (!known) remember(id, (known = winkLexeme(its.value(i, rdd), its.type(i, rdd), its.normal(i, rdd), sbdSymbol(rdd.cache, rdd.cache.normal(id), id, lfId))));
      lemmas[i] = lemmaOf(known, posIndex, i, rdd);
      lex = known;
    }
    lexemes[i] = lex;
    symbols[i] = symbolAt(lex.sbd, ps !== 0);
  }
  const sentences = sentenceSpans(symbols);
  return { lexemes, spaces, pos, lemmas, negated: negationFlags(lexemes, sentences), sentences };
}
