import { inflectPhrase, IRREGULAR_PAST, pastOfVerb, thirdOfVerb } from '../../src/bench/english';

describe('verb morphology for the generator', () => {
  it.each([
    ['urge', 'urged'],
    ['accuse', 'accused'],
    ['deny', 'denied'],
    ['ban', 'banned'],
    ['slam', 'slammed'],
    ['snub', 'snubbed'],
    ['visit', 'visited'],
    ['attack', 'attacked'],
    ['hail', 'hailed'],
    ['target', 'targeted'],
    ['meet', 'met'],
    ['expel', 'expelled'],
  ])('past of %s is %s', (verb, past) => {
    expect(pastOfVerb(verb)).toBe(past);
  });

  it.each([
    ['urge', 'urges'],
    ['press', 'presses'],
    ['accuse', 'accuses'],
    ['deny', 'denies'],
    ['veto', 'vetoes'],
    ['reach', 'reaches'],
    ['pay', 'pays'],
  ])('third person of %s is %s', (verb, third) => {
    expect(thirdOfVerb(verb)).toBe(third);
  });

  it('inflects only the head of a phrasal verb', () => {
    expect(inflectPhrase('call on', 'past')).toBe('called on');
    expect(inflectPhrase('hit out at', 'third')).toBe('hits out at');
    expect(inflectPhrase('sit down with', 'past')).toBe('sat down with');
    expect(inflectPhrase('team up with', 'base')).toBe('team up with');
  });

  it('keeps the irregular table in lower case with non-empty forms', () => {
    for (const [verb, past] of Object.entries(IRREGULAR_PAST)) {
      expect(verb).toBe(verb.toLowerCase());
      expect(past.length).toBeGreaterThan(1);
    }
  });
});
