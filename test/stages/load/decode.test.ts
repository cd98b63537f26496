import { declaredCharset, decode, detectEncoding, looksBinary } from '../../../src/stages/load/decode';

describe('decoding', () => {
  it('detects UTF-8 with and without a BOM, and UTF-16 in both byte orders with a BOM', () => {
    const text = 'Caf\u00e9 \u201ctalks\u201d \u2013 \u4e2d';
    expect(decode(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM from its zero bytes, instead of calling it binary', () => {
    const le = Buffer.from('Plain ASCII news text in UTF-16.', 'utf16le');
    expect(detectEncoding(le).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from(le).swap16()).encoding).toBe('utf-16be');
    expect(looksBinary(le)).toBeNull();
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, or to the charset the document declares', () => {
    expect(decode(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0xe9, 0x20, 0x80]))).toEqual({ text: '\u201cHi\u201d \u2013 \u00e9 \u20ac', encoding: 'windows-1252' });
    const koi8 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="KOI8-R"?><p>'), Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), Buffer.from('</p>')]);
    expect(decode(koi8)).toEqual({ text: '<?xml version="1.0" encoding="KOI8-R"?><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>', encoding: 'koi8-r' });
    // An HTTP charset counts too; a label Node does not know falls back to Windows-1252.
    expect(decode(Buffer.from([0xcf, 0xf0]), 'windows-1251').text).toBe('\u041f\u0440');
    expect(decode(Buffer.from([0xe9]), 'x-no-such-charset')).toEqual({ text: '\u00e9', encoding: 'windows-1252' });
    // Valid UTF-8 wins over a declaration.
    expect(decode(Buffer.from('caf\u00e9'), 'iso-8859-1').text).toBe('caf\u00e9');
  });

  it('normalises to NFC', () => {
    expect(decode(Buffer.from('Cafe\u0301')).text).toBe('Caf\u00e9');
  });

  it('reads the charset an HTML or XML document declares', () => {
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).toBe('ISO-8859-1');
    expect(declaredCharset(Buffer.from('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'))).toBe('shift_jis');
    expect(declaredCharset(Buffer.from('<p>no declaration</p>'))).toBeNull();
  });

  it('recognises binary files by signature, NUL bytes or control characters', () => {
    const cases: [number[] | string, string][] = [
      ['%PDF-1.7\n', 'a PDF file'],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
      [[0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
      ['GIF89a', 'a GIF image'],
      [[0x50, 0x4b, 0x03, 0x04, 0x14], 'a ZIP archive (or an Office document)'],
      [[0x1f, 0x8b, 0x08], 'a gzip archive'],
      [[0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70], 'a media file (MP4 family)'],
      ['text with a \u0000 NUL', 'binary data'],
      [[1, 2, 3, 4, 5, 6, 65, 66, 7, 8, 14, 15, 16], 'binary data'],
    ];
    for (const [bytes, what] of cases) expect(looksBinary(typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes))).toBe(what);
    expect(looksBinary(Buffer.from('Ordinary text\twith tabs\r\nand a form feed\f.'))).toBeNull();
  });
});
