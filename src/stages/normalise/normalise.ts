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

export function normaliseText(raw: string): { text: string; offsets: Int32Array } {
  const needsNfc = raw.normalize('NFC') !== raw;
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  let newlines = 0;
  let newlineAt = -1;
  const emit = (s: string, at: number): void => {
    if (out.length > 0) {
      if (newlines > 0) {
        const n = Math.min(newlines, 2);
        for (let k = 0; k < n; k++) { out.push('\n'); map.push(newlineAt); }
      } else if (pendingSpace >= 0) {
        out.push(' '); map.push(pendingSpace);
      }
    }
    newlines = 0; pendingSpace = -1; newlineAt = -1;
    for (let k = 0; k < s.length; k++) { out.push(s[k]); map.push(at); }
  };
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
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
  const text = out.join('');
  const offsets = new Int32Array(text.length + 1);
  for (let k = 0; k < map.length; k++) offsets[k] = map[k];
  offsets[text.length] = n;
  return { text, offsets };
}

export function normalise(doc: ArticleDoc): void {
  const { text, offsets } = normaliseText(doc.raw);
  doc.text = text;
  doc.offsets = offsets;
  doc.limit = text.length;
}
