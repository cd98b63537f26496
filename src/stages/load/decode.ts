/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and Windows-1252 when the bytes
 * are not valid UTF-8. The result is NFC.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
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

export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom);
  const text = encoding === 'windows-1252' ? decodeCp1252(body) : new TextDecoder(encoding).decode(body);
  return { text: text.normalize('NFC'), encoding };
}

/** A NUL byte in the first 8 KB (outside UTF-16) or a known binary signature means it is not text. */
export function looksBinary(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  const sig = (s: string) => s.split('').every((c, i) => head[i] === c.charCodeAt(0));
  if (sig('%PDF')) return 'a PDF file';
  if (head[0] === 0x89 && sig('\x89PNG')) return 'a PNG image';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'a JPEG image';
  if (sig('GIF8')) return 'a GIF image';
  if (sig('PK\x03\x04')) return 'a ZIP archive (or an Office document)';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'a gzip archive';
  const { encoding } = detectEncoding(head);
  if (encoding.startsWith('utf-16')) return null;
  return head.includes(0) ? 'binary data' : null;
}
