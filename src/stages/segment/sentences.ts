/**
 * Sentence boundaries exactly as wink-nlp's 'sbd' step finds them, computed here (one automaton pass
 * less inside wink). The state machine is the model's own (wink-eng-lite-web-model, eng-sbd-model.json),
 * run by a port of wink's recogniser (wink-nlp/src/automaton.js `recognize`, one machine, no pattern
 * swap) and its setter (sbd-setter.js). The input per token is what wink's sbd transformer
 * (sbd-transformers.js) makes of it, known per lexeme by the caller (see sbdSymbol): a hint class
 * (end-of-sentence punctuation, quotes, abbreviations…) or the token's normal id.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const machines = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-sbd-model.json') as string[];

/** Event ids fixed by wink's automaton.js. */
const EOS = 2070000;
const OTHERWISE = 2070003;
/** wink's transformer: hints are offset by this; hint 4 (a quote) becomes 6 when spaces precede it. */
const HINT_DELTA = 1080000;
const HINT_QUOTE = 4;
const HINT_QUOTE_SPACED = 6;
/** Abbreviations: two characters ("a.") → non end of sentence, longer ("etc.") → likely end. */
const HINT_NON_EOS = 8;
const HINT_LIKELY_EOS = 7;

if (!Array.isArray(machines) || machines.length !== 1) throw new Error('wink model changed: expected one sbd machine');
const model = JSON.parse(machines[0]) as [number, number, Record<string, Record<string, number>>, Record<string, string>, Record<string, [number, number]>, Record<string, unknown>];
const [, , rows, terminalNames, marks] = model;

/** Symbols: every event named in the machine gets a dense index; any other event leads to the root. */
const symbolOfEvent = new Map<number, number>();
for (const s in rows) for (const e in rows[s]) if (!symbolOfEvent.has(Number(e))) symbolOfEvent.set(Number(e), symbolOfEvent.size);
const SYMBOLS = symbolOfEvent.size;
const STATES = model[1] + 1;
/** next[state * SYMBOLS + symbol]: the next state (0 = root). */
const next = new Int32Array(STATES * SYMBOLS);
/** Per state: the machine's `otherwise` state, 0 if none. */
const otherwiseOf = new Int32Array(STATES);
/** Per state: 1 = terminal, 2 = terminal named '0' (ignored), 0 = not terminal. */
const terminal = new Uint8Array(STATES);
const markStart = new Int32Array(STATES);
for (const s in rows) {
  for (const e in rows[s]) next[Number(s) * SYMBOLS + (symbolOfEvent.get(Number(e)) as number)] = rows[s][e];
  otherwiseOf[Number(s)] = rows[s][OTHERWISE] ?? 0;
}
for (const s in terminalNames) terminal[Number(s)] = terminalNames[s] === '0' ? 2 : 1;
for (const s in marks) markStart[Number(s)] = marks[s][0];
const EOS_SYMBOL = symbolOfEvent.get(EOS) ?? -1;

/** Symbol of a token to skip (a line break, wink's keyLF). */
export const SKIP = -2;
/** Symbol of a quote: HINT_QUOTE or HINT_QUOTE_SPACED by the spaces before the token (see symbolAt). */
export const QUOTE = -3;

/** An event id's symbol (-1 when the machine never names it). */
function symbolOf(event: number): number {
  return symbolOfEvent.get(event) ?? -1;
}

/** The part of wink's lexicon cache read by the transformer. */
export interface SbdCache {
  property(index: number, prop: string): unknown;
  value(index: number): string;
}

/**
 * What wink's sbd transformer gives a token with normal id `normal` and lexeme id `raw`, as a symbol
 * (SKIP for a line break, QUOTE when it depends on the spaces before the token). `lf` is wink's id of "\n".
 */
export function sbdSymbol(cache: SbdCache, normal: number, raw: number, lf: number): number {
  if (normal === lf) return SKIP;
  const hint = (cache.property(normal, 'sbdHint') || cache.property(raw, 'sbdHint')) as number;
  if (hint === HINT_QUOTE) return QUOTE;
  if (hint) return symbolOf(hint + HINT_DELTA);
  if (cache.property(normal, 'isAbbrev')) return symbolOf(HINT_DELTA + (cache.value(normal).length === 2 ? HINT_NON_EOS : HINT_LIKELY_EOS));
  return symbolOf(normal);
}

const QUOTE_SYMBOL = symbolOf(HINT_QUOTE + HINT_DELTA);
const QUOTE_SPACED_SYMBOL = symbolOf(HINT_QUOTE_SPACED + HINT_DELTA);

/** A token's symbol given its lexeme's (sbdSymbol) and whether spaces precede it. */
export function symbolAt(lexemeSymbol: number, spaced: boolean): number {
  return lexemeSymbol === QUOTE ? (spaced ? QUOTE_SPACED_SYMBOL : QUOTE_SYMBOL) : lexemeSymbol;
}

function step(state: number, symbol: number): number {
  return symbol < 0 ? 0 : next[state * SYMBOLS + symbol];
}

/**
 * Sentences as inclusive token ranges [first, last], from each token's symbol (symbolAt); the same
 * ranges as wink's rdd.sentences for the same tokens.
 */
export function sentenceSpans(symbols: ArrayLike<number>): [number, number][] {
  const length = symbols.length;
  // Starts of the detected patterns (after the mark), in order: wink's `px[i][0]`.
  const starts: number[] = [];
  let first = 0;
  let state = 0;
  let lastOtherwiseIndex = 0;
  let lastOtherwiseState = 0;
  for (let i = 0; i <= length; i++) {
    for (let j = i; j <= length; j++) {
      let symbol: number;
      if (j === length) symbol = EOS_SYMBOL;
      else {
        symbol = symbols[j];
        if (symbol === SKIP) continue;
      }
      let ns = step(state, symbol);
      if (state === 0 && ns !== 0) first = j;
      if (terminal[ns] !== 0) {
        if (terminal[ns] !== 2) starts.push(first + markStart[ns]);
        i = j;
        j = length + 100;
        ns = 0;
        lastOtherwiseState = 0;
      } else if (ns === 0) {
        if (lastOtherwiseState !== 0) {
          if (terminal[lastOtherwiseState] !== 2) starts.push(first + markStart[lastOtherwiseState]);
          i = lastOtherwiseIndex;
          j = length + 100;
          lastOtherwiseState = 0;
        } else j = length + 100;
      }
      state = ns;
      if (otherwiseOf[state] !== 0) {
        lastOtherwiseIndex = j;
        lastOtherwiseState = otherwiseOf[state];
      }
    }
  }
  // wink's sbd-setter.js.
  const last = length - 1;
  const sentences: [number, number][] = [];
  let si: [number, number] = [0, last];
  for (let k = 0; k < starts.length; k++) {
    si[1] = starts[k];
    if (k < starts.length - 1) {
      sentences.push(si);
      si = [starts[k] + 1, last];
    }
  }
  sentences.push(si);
  if (si[1] < last) sentences.push([si[1] + 1, last]);
  return sentences;
}
