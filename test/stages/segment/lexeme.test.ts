import { makeLexeme, tokenKey } from '../../../src/stages/segment/lexeme';
import { analyseText } from '../../../src/stages/segment/nlp';

describe('lexeme', () => {
  it('reads case, key and whitespace from the text alone', () => {
    const us = makeLexeme('U.S.', 'word', 'u.s.');
    expect(us).toMatchObject({ lower: 'u.s.', key: 'us', cap: true, upper: true, uppers: 2, lowers: 0, space: false, newlines: 0 });
    expect(makeLexeme('Émile', 'word', 'émile')).toMatchObject({ cap: true, upper: false, uppers: 1, lowers: 4 });
    expect(makeLexeme('2005', 'number', '2005')).toMatchObject({ cap: false, upper: false, uppers: 0, lowers: 0 });
    expect(makeLexeme('\n \n', 'tabCRLF', '\n \n')).toMatchObject({ space: true, newlines: 2 });
    expect(tokenKey('Mr.')).toBe('mr');
  });

  it('gives the same analysis of a text however often it is read', () => {
    const text = "Blunkett's aides can't say. BLUNKETT'S aides can't say.";
    const first = analyseText(text);
    const again = analyseText(text);
    expect(again.lexemes.map((l) => l.value)).toEqual(first.lexemes.map((l) => l.value));
    expect(again.lemmas).toEqual(first.lemmas);
    expect(again.pos).toEqual(first.pos);
    expect(first.lexemes.map((l) => l.value)).toContain("n't");
    // A contraction's part has its own normal; its lemma is lower case.
    expect(first.lexemes[first.lexemes.findIndex((l) => l.value === "n't")].normal).toBe('not');
    for (const l of first.lemmas) expect(l).toBe(l.toLowerCase());
    expect(Array.from(first.spaces).slice(0, 3)).toEqual([0, 0, 1]);
  });
});
