import { createBaselineExtractor } from '../../src/bench/baseline';

describe('the compromise baseline extractor', () => {
  const baseline = createBaselineExtractor();

  it('finds people and places with offsets into the text', () => {
    const text = 'Prime Minister Theresa May met Angela Merkel in Berlin on Tuesday. Later, Merkel flew to Paris.';
    const { entities } = baseline.extract({ text });
    const people = entities.filter((e) => e.type === 'Person').map((e) => e.name);
    const places = entities.filter((e) => e.type === 'Place').map((e) => e.name);
    expect(people.some((n) => n.includes('Merkel'))).toBe(true);
    expect(places).toEqual(expect.arrayContaining(['Berlin', 'Paris']));
    for (const e of entities) {
      for (const m of e.mentions) expect(text.slice(m.start, m.end).toLowerCase()).toBe(e.name.toLowerCase());
    }
  });

  it('strips punctuation and possessives from the edges of names, and groups repeated mentions', () => {
    const text = "Talks in Geneva stalled. Officials in Geneva said Kenya's envoy left Geneva, as expected.";
    const { entities } = baseline.extract({ text });
    const geneva = entities.find((e) => e.name === 'Geneva');
    expect(geneva?.mentions).toHaveLength(3);
    expect(entities.every((e) => !/[,.'’]$/.test(e.name) && !/['’]s$/.test(e.name))).toBe(true);
  });

  it('is deterministic', () => {
    const text = 'The United Nations said on Friday that Kofi Annan would visit Nairobi and Kampala.';
    expect(baseline.extract({ text })).toEqual(baseline.extract({ text }));
  });
});
