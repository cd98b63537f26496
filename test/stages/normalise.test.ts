import { createDoc, rangeToRaw } from '../../src/model/doc';
import { normalise, normaliseText } from '../../src/stages/normalise/normalise';

function rawOf(raw: string, needle: string): string {
  const doc = createDoc({ text: raw });
  normalise(doc);
  const at = doc.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const r = rangeToRaw(doc, at, at + needle.length);
  return raw.slice(r.start, r.end);
}

describe('normalise', () => {
  it('straightens curly quotes and dashes and folds stray whitespace', () => {
    const { text } = normaliseText('  He said \u201chello\u201d \u2013  to   Mr\u00a0Yun\u2019s aide.  \r\n\r\n\r\n\r\nNext line.\t ');
    expect(text).toBe('He said "hello" - to Mr Yun\'s aide.\n\nNext line.');
  });

  it('maps offsets back to the raw text through quotes, doubled spaces and line ends', () => {
    const raw = '\u201cWe  will\u201d, said   Mr Yun\u2019s\u00a0aide.\r\n\r\nThen  Ms  Hassan left.';
    expect(rawOf(raw, 'Yun')).toBe('Yun');
    expect(rawOf(raw, "Yun's")).toBe('Yun\u2019s');
    expect(rawOf(raw, 'We will')).toBe('We  will');
    expect(rawOf(raw, 'Ms Hassan')).toBe('Ms  Hassan');
    expect(rawOf(raw, '"We')).toBe('\u201cWe');
  });

  it('spells out the ellipsis and keeps the map', () => {
    const raw = 'Efforts\u2026 until the end. Ann Lee spoke.';
    const doc = createDoc({ text: raw });
    normalise(doc);
    expect(doc.text).toBe('Efforts... until the end. Ann Lee spoke.');
    expect(rawOf(raw, 'Ann Lee')).toBe('Ann Lee');
    const dots = doc.text.indexOf('...');
    const r = rangeToRaw(doc, dots, dots + 3);
    expect(raw.slice(r.start, r.end)).toBe('\u2026');
  });

  it('composes accents (NFC) and maps composed characters to their cluster', () => {
    const raw = 'Cafe\u0301 owner Jose\u0301 Mari\u0301a spoke.';
    const doc = createDoc({ text: raw });
    normalise(doc);
    expect(doc.text).toBe('Caf\u00e9 owner Jos\u00e9 Mar\u00eda spoke.');
    expect(rawOf(raw, 'Jos\u00e9 Mar\u00eda')).toBe('Jose\u0301 Mari\u0301a');
  });

  it('drops zero-width characters', () => {
    expect(normaliseText('a\u200bb\ufeffc').text).toBe('abc');
  });

  it('maps every character of copied runs to itself and grows past the raw length', () => {
    const plain = normaliseText('Mr Yun met Ms Lee. Then they left.');
    expect(Array.from(plain.offsets)).toEqual(Array.from({ length: 35 }, (_, i) => i));
    const { text, offsets } = normaliseText('a\u2026\u2026 b  c');
    expect(text).toBe('a...... b c');
    expect(Array.from(offsets)).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 4, 5, 7, 8]);
  });
});
