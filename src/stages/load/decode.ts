/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without one when every other
 * byte is zero), a declared charset (HTML `<meta charset>`, XML `encoding=`, HTTP `charset=`) when the
 * bytes are not valid UTF-8, and Windows-1252 otherwise. The result is NFC.
 */
export type Encoding = string;

export function detectEncoding(bytes: Uint8Array, declared?: string | null): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (validUtf8(bytes)) return { encoding: 'utf-8', bom: 0 };
  const label = normaliseLabel(declared ?? declaredCharset(bytes));
  if (label && !LATIN1_LABELS.has(label) && label !== 'utf-8' && supported(label)) return { encoding: label, bom: 0 };
  return { encoding: 'windows-1252', bom: 0 };
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** ASCII-heavy UTF-16 without a BOM: zeros in (almost) every odd or every even position of the head. */
function utf16WithoutBom(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

const LATIN1_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'x-cp1252', 'iso_8859-1']);

function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return l === 'utf8' ? 'utf-8' : l || null;
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The charset an HTML or XML document declares in its first 2 KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1] : null;
}

/** Windows-1252's 0x80–0x9F (the rest is Latin-1). Node's TextDecoder decodes this label as Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return out;
}

/** `declared` is a charset label from outside the bytes (an HTTP Content-Type), used only when they are not UTF-8. */
export function decode(bytes: Uint8Array, declared?: string | null): { text: string; encoding: Encoding } {
  const { encoding, bom } = detectEncoding(bytes, declared);
  const body = bytes.subarray(bom);
  const text = encoding === 'windows-1252' ? decodeCp1252(body) : new TextDecoder(encoding).decode(body);
  return { text: text.normalize('NFC'), encoding };
}

/** Known signatures of binary formats people point newsgraph at by mistake. */
const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document'],
  [[0x4f, 0x67, 0x67, 0x53], 'an Ogg file'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
  [[0x77, 0x4f, 0x46, 0x46], 'a web font'],
  [[0x77, 0x4f, 0x46, 0x32], 'a web font'],
];

/**
 * Why these bytes are not text, or null: a known binary signature, a NUL byte in the first 8 KB
 * (outside UTF-16), or many control characters there.
 */
export function looksBinary(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  for (const [sig, what] of SIGNATURES) if (sig.every((b, i) => head[i] === b)) return what;
  // RIFF containers (WebP, WAV, AVI) and ISO media (MP4, MOV, HEIC).
  if (head[0] === 0x52 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x46) return 'a media file (RIFF)';
  if (head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) return 'a media file (MP4 family)';
  const { encoding } = detectEncoding(head);
  if (encoding.startsWith('utf-16')) return null;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return 'binary data';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > Math.max(2, head.length * 0.05) ? 'binary data' : null;
}
