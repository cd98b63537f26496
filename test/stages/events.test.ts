import type { ArticleDoc, DocEvent } from '../../src/model/doc';
import { run } from './helpers';

function only(doc: ArticleDoc, type: string): DocEvent {
  const evs = doc.events.filter((e) => e.type === type);
  expect(evs).toHaveLength(1);
  return evs[0];
}

describe('events', () => {
  it('finds a verb trigger with its subject and object', () => {
    const e = only(run('North Korea threatened the United States with a strike.'), 'THREATEN');
    expect(e.actors).toEqual(['state:PRK']);
    expect(e.recipients).toEqual(['state:USA']);
    expect(e.modality).toBe('asserted');
    expect(e.trigger).toBe('threatened');
  });

  it('swaps actor and recipient in the passive', () => {
    const e = only(run('Tony Kim was detained by North Korea.'), 'COERCE');
    expect(e.actors).toEqual(['state:PRK']);
    expect(e.recipients).toEqual(['person:tony kim']);
    expect(e.mode).toBe('arrest');
  });

  it('marks negated, future and hypothetical events', () => {
    expect(only(run('Britain did not threaten North Korea.'), 'THREATEN').modality).toBe('negated');
    expect(only(run('Britain refused to meet North Korea.'), 'CONSULT').modality).toBe('negated');
    expect(only(run('Britain will meet North Korea next week.'), 'CONSULT').modality).toBe('future');
    expect(only(run('Britain plans to meet North Korea.'), 'CONSULT').modality).toBe('future');
    expect(only(run('Britain could attack North Korea if talks fail.'), 'ASSAULT').modality).toBe('hypothetical');
  });

  it('takes the actor from the reported clause and marks it reported', () => {
    const e = only(run('Mr Yun said North Korea threatened Britain.'), 'THREATEN');
    expect(e.actors).toEqual(['state:PRK']);
    expect(e.recipients).toEqual(['state:GBR']);
    expect(e.modality).toBe('reported');
  });

  it('a subject that reports its own act is asserted', () => {
    const e = only(run('Britain said it would impose sanctions on North Korea.'), 'SANCTION');
    expect(e.actors).toEqual(['state:GBR']);
    expect(e.recipients).toEqual(['state:PRK']);
    expect(e.modality).toBe('future');
  });

  it('finds recipients through the trigger prepositions and the place of the event', () => {
    const e = only(run('Britain imposed sanctions on North Korea in Geneva on Tuesday.'), 'SANCTION');
    expect(e.recipients).toEqual(['state:PRK']);
    expect(e.place).toBe('place:geneva:CHE');
    expect(e.date).toBe('2017-10-31');
    expect(e.datePrecision).toBe('day');
  });

  it('resolves a pronoun subject to the last person', () => {
    const e = only(run('Joseph Yun flew to Seoul. He met South Korea officials on Monday.'), 'CONSULT');
    expect(e.actors).toEqual(['person:joseph yun']);
  });

  it('noun triggers take a possessive actor and recipients after a preposition', () => {
    const e = only(run("Britain's talks with North Korea stalled."), 'CONSULT');
    expect(e.actors).toEqual(['state:GBR']);
    expect(e.recipients).toEqual(['state:PRK']);
  });

  it('skips events without participants', () => {
    expect(run('Talks were held.').events).toEqual([]);
  });
});

describe('events: subjects', () => {
  it('an opening participle takes the main clause subject', () => {
    const e = only(run('Speaking to reporters in Seoul, Joseph Yun threatened North Korea.'), 'THREATEN');
    expect(e.actors).toEqual(['person:joseph yun']);
    expect(e.place).toBe('place:seoul:KOR');
  });

  it('a pronoun after "said" is the reporter, even unnamed', () => {
    const e = run('A North Korean defector said he criticised Britain.').events.find((x) => x.type === 'ACCUSE');
    expect(e?.actors ?? []).toEqual([]);
  });

  it('a preposition before a determiner still hides a name from the subject slot', () => {
    const e = only(run('Speaking at the UN, called him names and threatened Britain.'), 'THREATEN');
    expect(e.actors).not.toContain('institution:united nations');
  });
});
