import type { ArticleDoc, Sentence, Token } from '../../model/doc';
import { analyseText } from './nlp';

/**
 * Sentences, tokens, POS tags and lemmas from wink-nlp. Whitespace tokens are dropped; a blank line
 * always ends a sentence, and so does a line break after sentence-final punctuation or before a
 * capitalised line.
 */

/** Token key: lower case, periods dropped ("U.S." → "us", "Mr." → "mr"). */
export function tokenKey(value: string): string {
  const lower = value.toLowerCase();
  return lower.length > 1 && lower.includes('.') ? lower.replace(/\./g, '') || lower : lower;
}

const LETTER_UPPER = /\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;

/** Upper- and lower-case letters in `text` (by code point; ASCII without a regex). */
function letterCase(text: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      continue;
    }
    const cp = text.codePointAt(k) as number;
    if (cp > 0xffff) k++;
    const ch = String.fromCodePoint(cp);
    if (LETTER_UPPER.test(ch)) upper++;
    else if (LETTER_LOWER.test(ch)) lower++;
  }
  return { upper, lower };
}

/** First code unit an upper-case letter. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : LETTER_UPPER.test(text[0] ?? '');
}

export function segment(doc: ArticleDoc): void {
  const text = doc.limit < doc.text.length ? doc.text.slice(0, doc.limit) : doc.text;
  if (text.trim().length === 0) return;
  const w = analyseText(text);
  const { values, spaces, pos, lemmas, types, negated: negs } = w;
  const spans = w.sentences;

  // wink token index → sentence index, and where hard breaks fall.
  const sentOf = new Int32Array(values.length);
  for (let s = 0; s < spans.length; s++) for (let k = spans[s][0]; k <= spans[s][1]; k++) sentOf[k] = s;

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // Upper- and lower-case letters of each kept token, for the shouted-sentence test below.
  const uppers: number[] = [];
  const lowers: number[] = [];
  let cursor = 0;
  let curSent = -1;
  let lastWinkSent = -1;
  let breakPending = false;
  const startSentence = (): void => {
    if (curSent >= 0) closeSentence();
    curSent = sentences.length;
    sentences.push({ i: curSent, start: 0, end: 0, tokStart: tokens.length, tokEnd: tokens.length, allCaps: false });
  };
  const closeSentence = (): void => {
    const s = sentences[curSent];
    s.tokEnd = tokens.length;
    if (s.tokEnd > s.tokStart) {
      s.start = tokens[s.tokStart].start;
      s.end = tokens[s.tokEnd - 1].end;
    }
  };
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    cursor += spaces[k];
    let start = cursor;
    if (text.startsWith(v, start) === false) {
      const found = text.indexOf(v, start);
      if (found >= 0) start = found;
    }
    cursor = start + v.length;
    const isWs = v.trim().length === 0;
    if (isWs) {
      const nl = (v.match(/\n/g) ?? []).length;
      if (nl >= 2) breakPending = true;
      else if (nl === 1 && tokens.length > 0) {
        const prev = tokens[tokens.length - 1];
        const next = values[k + 1] ?? '';
        if (/^[.!?:"')\]]$/.test(prev.text) || /^\p{Lu}/u.test(next) || /^["'(\-•*]/.test(next)) breakPending = true;
      }
      continue;
    }
    if (curSent < 0 || breakPending || sentOf[k] !== lastWinkSent) {
      if (curSent < 0 || tokens.length > sentences[curSent].tokStart) startSentence();
      breakPending = false;
    }
    lastWinkSent = sentOf[k];
    const lower = v.toLowerCase();
    const letters = letterCase(v);
    uppers.push(letters.upper);
    lowers.push(letters.lower);
    tokens.push({
      i: tokens.length,
      start,
      end: start + v.length,
      text: v,
      key: tokenKey(v),
      lower,
      pos: pos[k],
      lemma: (lemmas[k] ?? lower).toLowerCase(),
      type: types[k],
      cap: startsUpper(v),
      upper: letters.upper > 0 && letters.lower === 0,
      negated: !!negs[k],
      sentence: curSent,
      spaceBefore: spaces[k] > 0 || (k > 0 && values[k - 1].trim().length === 0),
    });
  }
  if (curSent >= 0) closeSentence();
  // Drop empty sentences, renumber, and mark shouted ones.
  const kept = sentences.filter((s) => s.tokEnd > s.tokStart);
  kept.forEach((s, i) => {
    s.i = i;
    let up = 0;
    let letters = 0;
    let words = 0;
    for (let t = s.tokStart; t < s.tokEnd; t++) {
      tokens[t].sentence = i;
      if (tokens[t].type !== 'word') continue;
      words++;
      up += uppers[t];
      letters += uppers[t] + lowers[t];
    }
    s.allCaps = words >= 2 && letters >= 6 && up / letters > 0.8;
  });
  doc.tokens = tokens;
  doc.sentences = kept;
}
