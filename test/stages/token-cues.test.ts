import type { Token } from '../../src/model/doc';
import { TokenCues } from '../../src/stages/relations/token-cues';
import { cleanName } from '../../src/stages/resolve/resolve';

function tok(text: string, lemma: string, key = text.toLowerCase()): Token {
  return { i: 0, start: 0, end: text.length, text, key, lower: text.toLowerCase(), pos: 'X', lemma, type: 'word', cap: false, upper: false, negated: false, sentence: 0, spaceBefore: true };
}

describe('TokenCues', () => {
  const cues = new TokenCues([
    { words: new Set(['member', 'who']), on: 'key' },
    { words: new Set(['join', 'member']), on: 'lemma' },
  ]);

  it('sets the bit of each table holding the form it is matched on', () => {
    expect(cues.of(tok('member', 'member'))).toBe(0b011);
    expect(cues.of(tok('members', 'member'))).toBe(0b010);
    expect(cues.of(tok('joined', 'join'))).toBe(0b010);
    expect(cues.of(tok('who', 'who'))).toBe(0b001);
    expect(cues.of(tok('the', 'the'))).toBe(0);
  });

  it('matches a key table on the key and a lemma table on the lemma', () => {
    // "U.S." has the key "us"; "use" has the lemma "us" in this made-up case.
    const c = new TokenCues([{ words: new Set(['us']), on: 'key' }, { words: new Set(['u.s.']), on: 'lemma' }]);
    expect(c.of(tok('U.S.', 'u.s.', 'us'))).toBe(0b11);
    expect(c.of(tok('use', 'us'))).toBe(0);
  });
});

describe('cleanName', () => {
  // The regexes cleanName skips for a clean name.
  const reference = (s: string): string => s.replace(/^(the|The|THE)\s+/, '').replace(/\s+/g, ' ').replace(/^[\s"'(]+|[\s"'),.:;]+$/g, '');

  it('gives what its regexes give, with or without the shortcut', () => {
    const names = ['Labour Party', 'the Foreign Office', 'The Times', 'THE  SUN', 'Theresa May', 'the', 'Mr Blair,', '"Tony" Blair', '(BBC)', 'Bank of England.',
      'Sinn  Féin', 'José Manuel Barroso', 'a\tb', ' Gordon Brown', 'Brown ', '', "O'Neill", "Blair's", 'x', 'Café', 'the\u00a0Treasury', 'Downing Street;'];
    for (const n of names) expect(cleanName(n)).toBe(reference(n));
  });
});
