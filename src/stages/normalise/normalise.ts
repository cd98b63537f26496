import type { ArticleDoc } from '../../model/doc';

/**
 * Normalise the raw text into `doc.text` with an offset map back to the raw text:
 * NFC, curly quotes and dashes straightened, "…" spelled out, zero-width and control characters dropped,
 * runs of spaces folded to one, line ends to "\n", blank-line runs to one blank line, edges trimmed.
 */

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc', '\u0060', '\u00b4']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

function isDroppable(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad ||
    (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

const COMBINING = /\p{M}/u;
/** No character at or above U+0300 (the first combining mark): NFC leaves such a text as it is. */
const MAYBE_NOT_NFC = /[\u0300-\uffff]/;

/**
 * A character copied as it is: not whitespace, a line end, droppable, or one of the characters above
 * that are replaced. A run of them (single spaces between them included) is copied in one slice.
 */
function isPlain(c: number): boolean {
  if (c < 0x80) return c > 32 && c !== 0x60 && c !== 0x7f;
  if (c <= 0xa0) return false;
  if (c < 0x2000) return c !== 0xad && c !== 0xb4 && c !== 0xab && c !== 0xbb && c !== 0x2bc;
  if (c < 0x2070) return false; // spaces, zero-width characters, dashes, quotes, primes, "…"
  return c !== 0x2212 && c !== 0x3000 && c !== 0xfeff;
}

/** The normalised text as it grows: slices of the raw text and replacement strings, with the offset map. */
class Builder {
  private parts: string[] = [];
  private map: Int32Array;
  length = 0;

  constructor(private readonly raw: string) {
    this.map = new Int32Array(raw.length + 1);
  }

  private room(k: number): void {
    if (this.length + k < this.map.length) return;
    const bigger = new Int32Array(Math.max(this.map.length * 2, this.length + k + 1));
    bigger.set(this.map);
    this.map = bigger;
  }

  /** raw[from, to) unchanged: each character maps to itself. */
  copy(from: number, to: number): void {
    this.room(to - from);
    this.parts.push(this.raw.slice(from, to));
    for (let k = from; k < to; k++) this.map[this.length++] = k;
  }

  /** `s` standing for the raw character at `at`: each of its characters maps there. */
  put(s: string, at: number): void {
    this.room(s.length);
    this.parts.push(s);
    for (let k = 0; k < s.length; k++) this.map[this.length++] = at;
  }

  finish(): { text: string; offsets: Int32Array } {
    const text = this.parts.join('');
    this.map[this.length] = this.raw.length;
    return { text, offsets: this.map.length === text.length + 1 ? this.map : this.map.slice(0, text.length + 1) };
  }
}

export function normaliseText(raw: string): { text: string; offsets: Int32Array } {
  const needsNfc = MAYBE_NOT_NFC.test(raw) && raw.normalize('NFC') !== raw;
  const out = new Builder(raw);
  let pendingSpace = -1;
  let newlines = 0;
  let newlineAt = -1;
  /** Before text is added: the folded whitespace since the last text (none at the start). */
  const separate = (): void => {
    if (out.length > 0) {
      if (newlines > 0) out.put(newlines > 1 ? '\n\n' : '\n', newlineAt);
      else if (pendingSpace >= 0) out.put(' ', pendingSpace);
    }
    newlines = 0; pendingSpace = -1; newlineAt = -1;
  };
  const emit = (s: string, at: number): void => {
    separate();
    out.put(s, at);
  };
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (!needsNfc && isPlain(c)) {
      // A run of plain characters, with single spaces between them, is copied as it is.
      let j = i + 1;
      for (;;) {
        if (j < n && isPlain(raw.charCodeAt(j))) j++;
        else if (j + 1 < n && raw.charCodeAt(j) === 32 && isPlain(raw.charCodeAt(j + 1))) j += 2;
        else break;
      }
      separate();
      out.copy(i, j);
      i = j - 1;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && raw.charCodeAt(i + 1) === 10) i++;
      if (newlines === 0) newlineAt = c === 13 && raw.charCodeAt(i) === 10 ? i - 1 : i;
      newlines++;
      pendingSpace = -1;
      continue;
    }
    if (isSpace(c)) {
      if (newlines === 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (isDroppable(c)) continue;
    const ch = raw[i];
    if (SINGLE_QUOTES.has(ch)) { emit("'", i); continue; }
    if (DOUBLE_QUOTES.has(ch)) { emit('"', i); continue; }
    if (DASHES.has(ch)) { emit('-', i); continue; }
    if (c === 0x2026) { emit('...', i); continue; }
    if (needsNfc) {
      // A base character with its combining marks composes as one cluster.
      let j = i + 1;
      if (c >= 0xd800 && c <= 0xdbff && j < n) j++;
      while (j < n && COMBINING.test(raw[j])) j++;
      if (j > i + 1) {
        const cluster = raw.slice(i, j).normalize('NFC');
        // Each composed character maps to the start of the cluster.
        emit(cluster, i);
        i = j - 1;
        continue;
      }
    }
    emit(ch, i);
  }
  return out.finish();
}

export function normalise(doc: ArticleDoc): void {
  const { text, offsets } = normaliseText(doc.raw);
  doc.text = text;
  doc.offsets = offsets;
  doc.limit = text.length;
}
