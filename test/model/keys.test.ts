import { isPlainName, normaliseName } from '../../src/model/keys';

describe('normaliseName', () => {
  it('lower-cases plain ASCII names (the fast path)', () => {
    expect(isPlainName('Labour Party')).toBe(true);
    expect(normaliseName('Labour Party')).toBe('labour party');
    expect(normaliseName("People's Party")).toBe("people's party");
    expect(normaliseName('Al-Qaeda')).toBe('al-qaeda');
  });

  it('sends anything else through the full normalisation', () => {
    const cases: [string, string][] = [
      ['U.S. Army', 'us. army'], ['U.S.', 'us'],
      ['Kim Jong Un.', 'kim jong un'],
      ['  Tony   Blair ', 'tony blair'],
      ['Tony\tBlair', 'tony blair'],
      ['Café Müller', 'cafe muller'],
      ['O`Neil', "o'neil"],
      ['O\u2019Neil', "o'neil"],
      ['Abdel\u2013Fattah', 'abdel-fattah'],
    ];
    for (const [name, want] of cases) {
      expect(isPlainName(name)).toBe(false);
      expect(normaliseName(name)).toBe(want);
    }
  });

  it('is the same string whichever path a name takes', () => {
    for (const name of ['', 'a', 'A B', 'A  B', ' A', 'A ', 'a.b', 'x`y']) {
      const slow = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc`´]/g, "'")
        .replace(/[\u2010-\u2015]/g, '-').toLowerCase().replace(/\.(?=\S)/g, '').replace(/\.$/, '').replace(/\s+/g, ' ').trim();
      expect(normaliseName(name)).toBe(slow);
    }
  });
});
