/**
 * What a token's text says by itself, whatever its context: its case, its key, whether it is
 * whitespace. wink gives every distinct text one lexeme id, so nlp.ts computes this once per lexeme and
 * every later token of the same text shares the record (read-only).
 */
export interface Lexeme {
  value: string;
  /** wink's token type: word, number, punctuation, tabCRLF, … */
  type: string;
  /** wink's normal form (lower case, "n't" → "not"). */
  normal: string;
  lower: string;
  /** See tokenKey. */
  key: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case (and at least one letter). */
  upper: boolean;
  /** Upper- and lower-case letters (by code point). */
  uppers: number;
  lowers: number;
  /** Nothing but whitespace (a whitespace token, dropped by segmentation). */
  space: boolean;
  /** Line breaks in it. */
  newlines: number;
}

/** Token key: lower case, periods dropped ("U.S." → "us", "Mr." → "mr"). */
export function tokenKey(value: string): string {
  const lower = value.toLowerCase();
  return keyOfLower(lower);
}

function keyOfLower(lower: string): string {
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

function countNewlines(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

export function makeLexeme(value: string, type: string, normal: string): Lexeme {
  const lower = value.toLowerCase();
  const letters = letterCase(value);
  return {
    value,
    type,
    normal,
    lower,
    key: keyOfLower(lower),
    cap: startsUpper(value),
    upper: letters.upper > 0 && letters.lower === 0,
    uppers: letters.upper,
    lowers: letters.lower,
    space: value.trim().length === 0,
    newlines: countNewlines(value),
  };
}
