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

export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bom } = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bom));
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
