import fs from 'fs';
import path from 'path';
import vm from 'vm';
import type WinkNlpFactory from 'wink-nlp';

/**
 * wink-nlp's tokeniser, memoised per whitespace-separated chunk.
 *
 * wink splits a text on runs of spaces and line breaks, then tokenises each chunk on its own: a look-up
 * in its lexicon, else a list of category regexes, punctuation splitting and a recursive tokeniser. With
 * learnt words hidden from the look-up (see makeDeterministic in ./nlp.ts) the tokens a chunk gives are a
 * function of the chunk alone, except that the first one carries the spaces before the chunk. So a chunk
 * that is not a word of the lexicon ("said,", "(Labour", "Blunkett's", a new name) is tokenised once by
 * wink's own code, fed the chunk alone, and its tokens are replayed afterwards. Words of the lexicon (four
 * chunks in five) take wink's look-up as before: a memo look-up would cost as much.
 *
 * A replay skips only work that changes nothing: the chunk's words were all added to wink's cache when it
 * was first tokenised, and adding a known word again returns its index without touching the cache.
 * Texts with non-breaking spaces (which wink records per token in another table) take wink's own path.
 *
 * wink builds its tokeniser inside its nlp() factory, from `require('./tokenizer.js')`, and wraps each
 * document's data with `require('./dd-wrapper.js')`: loadWinkNlp() hands it the wrappers below.
 */

/** The per-document helpers wink's tokeniser adds tokens through (dd-wrapper.js). */
interface WinkDocMethods {
  /** Adds the tokens of a word of wink's lexicon (a contraction gives several); 0 when it is not one. */
  _addTokenIfInCache(text: string, precedingSpaces: number, nbsp: string | null): number;
}
type WinkTokenize = (doc: WinkDocMethods, text: string) => void;
interface WinkTrex {
  helpers: { splitter: RegExp };
}
export type WinkTokenizerFactory = (trex: WinkTrex, categories: { unk: number }, preserve: unknown) => WinkTokenize;
export type DocDataWrapper = (data: { tokens: number[] }) => WinkDocMethods;

/** wink's test for non-breaking spaces (tokenizer.js). */
const NBSP = /[\u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]/;
/** wink caps the spaces before a token at this (tokenizer.js: maxPrecedingSpaces - 1). */
const MAX_SPACES = 65534;
/** Numbers per token in wink's token table (constants.js tkSize). */
const TOKEN_SIZE = 4;
/** The spaces before a token are the low 16 bits of its second number (constants.js bits4PrecedingSpace). */
const SPACE_MASK = 0xffff;
const MEMO_LIMIT = 100_000;

/** Each document's token table, found from the helpers wink hands its tokeniser. */
const docTokens = new WeakMap<WinkDocMethods, number[]>();

/**
 * A flat copy of a string cut from a text, to keep as a memo key: V8 makes a substring of 13 characters
 * or more a slice that keeps the whole text alive.
 */
export function ownString(s: string): string {
  return s.length > 12 ? Buffer.from(s, 'utf16le').toString('utf16le') : s;
}

/** wink's tokeniser factory, made to memoise each chunk's tokens. */
export function memoisedTokenizer(winkTokenizer: WinkTokenizerFactory): WinkTokenizerFactory {
  return (trex, categories, preserve) => {
    const winkTokenize = winkTokenizer(trex, categories, preserve);
    const splitter = trex.helpers.splitter;
    const unk: unknown = categories.unk;
    if (!(splitter instanceof RegExp) || typeof unk !== 'number') throw new Error('wink-nlp internals changed: unexpected tokeniser set-up');
    /** Chunk (not a word of the lexicon) → its tokens as wink adds them with no spaces before the chunk. */
    const memo = new Map<string, number[]>();
    return (doc, text) => {
      const tokens = docTokens.get(doc);
      if (!tokens) throw new Error('wink-nlp internals changed: its tokeniser was given unknown document data');
      if (NBSP.test(text)) {
        winkTokenize(doc, text);
        return;
      }
      // wink's own loop (tokenizer.js tokenize()), minus the non-breaking spaces handled above.
      const pieces = text.split(splitter);
      let spaces = 0;
      for (let p = 0; p < pieces.length; p++) {
        const chunk = pieces[p];
        if (!chunk) continue;
        if (chunk.charCodeAt(0) === 32) {
          spaces = chunk.length > MAX_SPACES ? MAX_SPACES : chunk.length;
          continue;
        }
        // A word of the lexicon first, as wink does: most chunks are one, and the look-up is all it costs.
        if (doc._addTokenIfInCache(chunk, spaces, null) !== unk) {
          spaces = 0;
          continue;
        }
        const start = tokens.length;
        const known = memo.get(chunk);
        if (known) {
          for (let k = 0; k < known.length; k++) tokens.push(known[k]);
        } else {
          winkTokenize(doc, chunk);
          const added = tokens.slice(start);
          for (let k = 1; k < added.length; k += TOKEN_SIZE) {
            if ((added[k] & SPACE_MASK) !== 0) throw new Error('wink-nlp internals changed: a chunk tokenised alone has spaces before a token');
          }
          if (memo.size < MEMO_LIMIT) memo.set(ownString(chunk), added);
        }
        // Only the chunk's first token carries the spaces (or'ed with a contraction's normal, as wink does).
        if (spaces !== 0 && tokens.length > start) tokens[start + 1] |= spaces;
        spaces = 0;
      }
    };
  };
}

/** wink's document-data wrapper (dd-wrapper.js), made to register each document's token table. */
export function registeringDocData(winkWrapper: DocDataWrapper): DocDataWrapper {
  return (data) => {
    const doc = winkWrapper(data);
    if (!Array.isArray(data.tokens)) throw new Error('wink-nlp internals changed: no token table in its document data');
    docTokens.set(doc, data.tokens);
    return doc;
  };
}

/**
 * A private instance of wink-nlp's main module (src/wink-nlp.js) whose tokeniser is memoised: the file is
 * compiled here with its `require('./tokenizer.js')` and `require('./dd-wrapper.js')` answered by the
 * wrappers above and every other require answered as usual. The module cache is left alone, so whoever
 * else loads wink-nlp (before or after) gets wink's own tokeniser.
 */
export function loadWinkNlp(): typeof WinkNlpFactory {
  const winkPath = require.resolve('wink-nlp');
  const dir = path.dirname(winkPath);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkTokenizer = require(path.join(dir, 'tokenizer.js')) as WinkTokenizerFactory;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkWrapper = require(path.join(dir, 'dd-wrapper.js')) as DocDataWrapper;
  if (typeof winkTokenizer !== 'function' || typeof winkWrapper !== 'function') {
    throw new Error('wink-nlp internals changed: cannot memoise its tokeniser');
  }
  const redirected: Record<string, unknown> = {
    './tokenizer.js': memoisedTokenizer(winkTokenizer),
    './dd-wrapper.js': registeringDocData(winkWrapper),
  };
  const seen = new Set<string>();
  const winkRequire = (id: string): unknown => {
    if (id in redirected) {
      seen.add(id);
      return redirected[id];
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return id.startsWith('.') ? require(path.join(dir, id)) : require(id);
  };
  const mod: { exports: unknown } = { exports: {} };
  const body = vm.compileFunction(fs.readFileSync(winkPath, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: winkPath });
  body(mod.exports, winkRequire, mod, winkPath, dir);
  if (typeof mod.exports !== 'function' || seen.size !== Object.keys(redirected).length) {
    throw new Error('wink-nlp internals changed: its main module no longer requires ./tokenizer.js and ./dd-wrapper.js');
  }
  return mod.exports as typeof WinkNlpFactory;
}
