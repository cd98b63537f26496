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
    const evs = run('Speaking at the UN, called him names and threatened Britain.').events;
    expect(evs.filter((e) => e.actors.includes('institution:united nations'))).toEqual([]);
  });
});

describe('events: who acts', () => {
  const types = (doc: ArticleDoc): string[] => doc.events.map((e) => `${e.type} ${e.actors.join(',')} -> ${e.recipients.join(',')} ${e.modality}`);

  it('drops an event nobody does ("vowed to attack" with its subject scraped away)', () => {
    expect(run('Speaking in Geneva on Monday, vowed to attack North Korea.').events).toEqual([]);
  });

  it('an event noun needs an owner: a possessive, a modifier, an agent or a light verb', () => {
    expect(types(run('Britain held talks with North Korea.'))).toEqual(['CONSULT state:GBR -> state:PRK asserted']);
    expect(types(run('US strikes on North Korea continued.'))).toEqual(['ASSAULT state:USA -> state:PRK asserted']);
    expect(types(run('The attack by North Korea on Britain failed.'))).toEqual(['ASSAULT state:PRK -> state:GBR asserted']);
    // Only talked about: criticising talks is no consultation.
    expect(types(run('Britain criticised the talks.'))).toEqual(['ACCUSE state:GBR ->  asserted']);
  });

  it('a noun modifying a noun and a participle used as an adjective are no events', () => {
    expect(run('Britain launched a strike group.').events).toEqual([]);
    expect(run('Britain inspected the attacked convoy.').events).toEqual([]);
  });

  it('a consultation needs two sides', () => {
    expect(run('Joseph Yun met in Geneva.').events).toEqual([]);
    expect(types(run('Joseph Yun met North Korea.'))).toEqual(['CONSULT person:joseph yun -> state:PRK asserted']);
  });

  it('"told X in a phone call": both took part in the call', () => {
    expect(types(run('Joseph Yun told Donald Trump in a phone call that he was ready.'))).toContain('CONSULT person:joseph yun -> person:donald trump asserted');
  });

  it('a second verb shares the first one\'s subject ("X criticised Y and threatened Z")', () => {
    const e = run('Britain criticised North Korea on Monday and threatened the United States.').events.find((x) => x.type === 'THREATEN');
    expect(e?.actors).toEqual(['state:GBR']);
    expect(e?.recipients).toEqual(['state:USA']);
  });

  it('"the two leaders" are the last two people named', () => {
    const e = run('Donald Trump flew to Seoul with Joseph Yun. The two leaders met North Korea on Friday.').events.find((x) => x.type === 'CONSULT' && x.trigger === 'met');
    expect(e?.actors.sort()).toEqual(['person:donald trump', 'person:joseph yun']);
  });

  it('an apposition between the subject and its verb is skipped', () => {
    const e = only(run('Joseph Yun, a veteran envoy of the United States, criticised North Korea.'), 'ACCUSE');
    expect(e.actors).toEqual(['person:joseph yun']);
  });
});

describe('events: frames and modality', () => {
  it('a threat verb governing an attack or a sanction is a threat against its target', () => {
    const doc = run('Britain vowed to attack North Korea.');
    expect(doc.events.map((e) => e.type)).toEqual(['THREATEN']);
    expect(doc.events[0].actors).toEqual(['state:GBR']);
    expect(doc.events[0].recipients).toEqual(['state:PRK']);
    expect(doc.events[0].modality).toBe('asserted');
    const t = run('Britain threatened to impose sanctions on North Korea on Tuesday.');
    expect(t.events.map((e) => `${e.type} ${e.recipients.join(',')} ${e.date}`)).toEqual(['THREATEN state:PRK 2017-10-31']);
  });

  it('what is urged did not happen: the request is the only event', () => {
    const doc = run('Britain urged North Korea to release the prisoners.');
    expect(doc.events.map((e) => e.type)).toEqual(['REQUEST']);
  });

  it('"told X to do": a directive is a request; "told X that" is not', () => {
    expect(run('Joseph Yun told North Korea to stop.').events.map((e) => e.type)).toEqual(['REQUEST']);
    expect(run('Joseph Yun told North Korea that he would stay.').events).toEqual([]);
  });

  it('prevention makes the prevented act hypothetical; "called off" makes it negated', () => {
    const e = run('Senators acted to prevent Britain from launching an attack on North Korea.').events.find((x) => x.type === 'ASSAULT');
    expect(e?.actors).toEqual(['state:GBR']);
    expect(e?.modality).toBe('hypothetical');
  });

  it('a participle after the event ("…, saying") does not make it reported', () => {
    const e = only(run('Britain criticised North Korea on Monday, saying it was reckless.'), 'ACCUSE');
    expect(e.modality).toBe('asserted');
    expect(only(run('North Korea attacked Britain, the envoy said.'), 'ASSAULT').modality).toBe('reported');
  });

  it('triggers that need a kind of object: "launch a missile", not "launch a campaign"', () => {
    expect(run('North Korea launched a missile.').events.map((e) => e.type)).toEqual(['MOBILIZE']);
    expect(run('North Korea launched a campaign.').events).toEqual([]);
    // Several readings: the one its object asks for, else the general one.
    expect(run('Britain suspended all planned contacts with North Korea.').events.map((e) => e.type)).toEqual(['SANCTION']);
    expect(run('Britain suspended the programme.').events.map((e) => e.type)).toEqual(['RETREAT']);
  });

  it('a launch or a firing with a target is an attack', () => {
    const e = run('North Korea fired missiles and rockets at Britain.').events[0];
    expect(e.type).toBe('ASSAULT');
    expect(run('North Korea fired a missile into the sea.').events[0].type).toBe('MOBILIZE');
  });
});

describe('events: threats with a condition', () => {
  it('finds the target of a threat in the main clause after its condition', () => {
    const doc = run('Donald Trump threatened that if the United States were forced to defend itself it would have no choice but to totally destroy North Korea.');
    expect(only(doc, 'THREATEN').recipients).toEqual(['state:PRK']);
    const comma = run('Donald Trump threatened that if Iran attacked Israel, the United States would respond.');
    expect(only(comma, 'THREATEN').recipients).not.toContain('state:ISR');
  });
});

describe('events: dates', () => {
  // Published on Wednesday 1 November 2017.
  it('a future event on a weekday looks ahead', () => {
    expect(only(run('Britain will meet North Korea on Friday.'), 'CONSULT').date).toBe('2017-11-03');
    expect(only(run('Britain met North Korea on Friday.'), 'CONSULT').date).toBe('2017-10-27');
  });

  it('a date quoted is the speaker\'s, not the date of a verb outside the quotation', () => {
    const doc = run('Britain met North Korea on Monday. "We will meet again next week," Joseph Yun said, and accused the United States.');
    expect(only(doc, 'ACCUSE').date).toBe('2017-10-30');
  });

  it('a deadline is never the date of the event', () => {
    expect(only(run('Britain will meet North Korea within two weeks.'), 'CONSULT').date).toBeNull();
    expect(only(run('Britain met North Korea on Friday to settle the dispute within two months.'), 'CONSULT').date).toBe('2017-10-27');
  });

  it('a date in a relative clause before the trigger belongs to that clause', () => {
    // Published Wednesday 1 November 2017: "on Monday" was 30 October, "on Friday" ahead is 3 November.
    const e = only(run('Britain, which expelled diplomats on Monday, will meet North Korea on Friday.'), 'CONSULT');
    expect(e.date).toBe('2017-11-03');
  });

  it('a sentence without a date takes the date of its paragraph', () => {
    const doc = run('Britain criticised North Korea on Monday. Joseph Yun also accused the United States.');
    expect(doc.events.map((e) => e.date)).toEqual(['2017-10-30', '2017-10-30']);
  });

  it("the lead's day carries over one paragraph break, to a past event in a sentence that names no time", () => {
    const dates = (text: string) => run(text).events.map((e) => e.date);
    expect(dates('Britain criticised North Korea on Monday.\n\nJoseph Yun also accused the United States.')).toEqual(['2017-10-30', '2017-10-30']);
    // Not to a sentence that says when in other words, nor to a verb in the present tense.
    expect(dates('Britain criticised North Korea on Monday.\n\nJoseph Yun recently accused the United States.')).toEqual(['2017-10-30', null]);
    expect(dates('Britain criticised North Korea on Monday.\n\nJoseph Yun accuses the United States.')).toEqual(['2017-10-30', null]);
    // Not from a sentence past the lead, nor over two breaks.
    const later = 'The talks went on. Officials met. Delegates spoke. Britain criticised North Korea on Monday.\n\nJoseph Yun accused the United States.';
    expect(dates(later)).toEqual(['2017-10-30', null]);
    expect(dates('Britain criticised North Korea on Monday.\n\nThe talks went on.\n\nJoseph Yun accused the United States.')).toEqual(['2017-10-30', null]);
  });

  it('"a day after" dates the clause that follows from the date in context', () => {
    const doc = run('Britain met North Korea on Tuesday, a day after North Korea attacked the United States.');
    expect(only(doc, 'ASSAULT').date).toBe('2017-10-30');
    expect(only(doc, 'CONSULT').date).toBe('2017-10-31');
  });
});

describe('events: one event told twice, bodies that act for a state, deadlines', () => {
  it('merges a later re-mention of the same event into the first, with its evidence', () => {
    const doc = run('US warplanes attacked North Korea on Tuesday. North Korea condemned the US strikes.');
    const assaults = doc.events.filter((e) => e.type === 'ASSAULT');
    expect(assaults).toHaveLength(1);
    expect(assaults[0].actors).toEqual(['state:USA']);
    expect(assaults[0].date).toBe('2017-10-31');
  });

  it('keeps two tellings apart when their dates differ', () => {
    const doc = run('Britain imposed sanctions on North Korea on Tuesday. Britain imposed sanctions on North Korea in 2004.');
    expect(doc.events.map((e) => e.date)).toEqual(['2017-10-31', '2004']);
  });

  it('"American warplanes struck": an armed body acts for the state of its demonym; a defector does not', () => {
    expect(only(run('American and British warplanes attacked North Korea.'), 'ASSAULT').actors.sort()).toEqual(['state:GBR', 'state:USA']);
    expect(run('A North Korean defector criticised Britain.').events.filter((e) => e.actors.includes('state:PRK'))).toEqual([]);
  });

  it('a deadline ("by Tuesday") is not the date of the demand', () => {
    const e = only(run('On Monday, Britain criticised North Korea and urged it to stop by Friday.'), 'REQUEST');
    expect(e.date).toBe('2017-10-30');
  });
});

describe('events: subjects nobody named, and reports', () => {
  it('a common noun before the verb is the subject: nobody named acts', () => {
    expect(run('Britain voted, and its allies in NATO criticised North Korea.').events.filter((e) => e.type === 'ACCUSE')).toEqual([]);
    // ... unless an institution qualifies it: its spokesman speaks for it.
    expect(only(run('A Labour Party spokesman criticised North Korea.'), 'ACCUSE').actors).toEqual(['institution:labour party:GBR']);
  });

  it('a temporal clause inside a report is told as a fact', () => {
    const doc = run('Joseph Yun said North Korea would attack Britain after the United States met North Korea.');
    expect(only(doc, 'CONSULT').modality).toBe('asserted');
    expect(only(doc, 'ASSAULT').modality).toBe('future');
  });

  it('a reporting verb after the event with a complement of its own does not report it', () => {
    expect(only(run('Britain criticised North Korea and said the talks would fail.'), 'ACCUSE').modality).toBe('asserted');
  });
});

describe('events: auxiliaries of events', () => {
  it('"helped broker the talks": the brokering is the event, not help', () => {
    const fx = run('Joseph Yun, who helped mediate the talks, left.').events.map((e) => `${e.type} ${e.actors.join(',')}`);
    expect(fx).toEqual(['CONSULT person:joseph yun']);
    expect(run('Joseph Yun helped Britain.').events.map((e) => e.type)).toEqual(['AID']);
  });

  it('"both sides" can be a state and an armed group, not a demonym of an envoy', () => {
    const doc = run('Britain and the Labour Party held talks. Former South Korean envoy Joseph Yun said both sides met again.');
    const e = doc.events.find((x) => x.trigger === 'met');
    expect(e?.actors.sort()).toEqual(['institution:labour party:GBR', 'state:GBR']);
  });
});
