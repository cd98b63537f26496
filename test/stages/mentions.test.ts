import { entity, ids, run, surface } from './helpers';

describe('mentions', () => {
  it('matches gazetteer names, longest first', () => {
    const doc = run('Envoys from North Korea met United Nations staff and NATO officers.');
    expect(ids(doc)).toEqual(expect.arrayContaining(['state:PRK', 'institution:united nations', 'institution:nato']));
    expect(ids(doc)).not.toContain('state:KOR');
  });

  it('needs the right case: "us" is not the United States', () => {
    const doc = run('They told us that the talks would go on.');
    expect(ids(doc)).not.toContain('state:USA');
  });

  it('keeps titles out of names but on the person', () => {
    const doc = run('US Secretary of State Rex Tillerson arrived late.');
    const p = entity(doc, 'person:rex tillerson');
    expect(p?.name).toBe('Rex Tillerson');
    expect(p?.titles).toContain('Secretary of State');
    expect(ids(doc)).toContain('state:USA');
  });

  it('finds multi-part and East Asian names', () => {
    const doc = run('The envoy named Kim Hak Song, Thae Yong Ho and Kim Jong-un in his report.');
    expect(ids(doc)).toEqual(expect.arrayContaining(['person:kim hak song', 'person:thae yong ho', 'person:kim jong-un']));
  });

  it('finds people after honorifics', () => {
    const doc = run('Ms Hassan left the room before Dr Okafor spoke.');
    expect(ids(doc)).toEqual(expect.arrayContaining(['person:hassan', 'person:okafor']));
    expect(entity(doc, 'person:hassan')?.aliases.has('Ms Hassan')).toBe(true);
  });

  it('reads demonyms as modifiers of the state', () => {
    const doc = run('A North Korean defector spoke to reporters.');
    const m = doc.mentions.find((x) => x.text === 'North Korean');
    expect(m?.type).toBe('State');
    expect(m?.role).toBe('demonym');
  });

  it('recognises unknown institutions by their shape', () => {
    const doc = run('The Ministry of Fisheries and the Green Party and the Centre for Coastal Studies objected, as did Acme Widgets Inc.');
    expect(ids(doc)).toEqual(expect.arrayContaining([
      'institution:ministry of fisheries', 'institution:green party', 'institution:centre for coastal studies', 'institution:acme widgets inc',
    ]));
    expect(entity(doc, 'institution:green party')?.kind).toBe('party');
  });

  it('links an acronym defined in the text to its full name', () => {
    const doc = run('The Maritime Safety Bureau (MSB) issued a warning. Later the MSB withdrew it.');
    const e = entity(doc, 'institution:maritime safety bureau');
    expect(e).toBeDefined();
    expect(surface(doc, 'institution:maritime safety bureau')).toEqual(['Maritime Safety Bureau', 'MSB', 'MSB']);
    expect(ids(doc).filter((x) => x.includes('msb'))).toEqual([]);
  });

  it('does not take acronyms of common words for names', () => {
    const doc = run('It tested intercontinental ballistic missiles (ICBMs) again. An ICBM flew far.');
    expect(doc.entities.filter((e) => e.name.startsWith('ICBM'))).toEqual([]);
  });

  it('makes a possessive institution part of its state', () => {
    const doc = run("Diplomats at Pyongyang's United Nations mission replied.");
    const e = entity(doc, 'institution:united nations mission:PRK');
    expect(e?.type).toBe('Institution');
    expect(ids(doc)).not.toContain('institution:united nations');
  });

  it('reads a capital as the state in actor position and as a place after "in"', () => {
    const doc = run('Pyongyang has made its position clear. A meeting was held in Pyongyang.');
    const state = entity(doc, 'state:PRK');
    const place = doc.entities.find((e) => e.type === 'Place' && e.name === 'Pyongyang');
    expect(state?.mentions).toHaveLength(1);
    expect(place?.mentions).toHaveLength(1);
    expect(doc.mentions[state!.mentions[0]].start).toBeLessThan(doc.mentions[place!.mentions[0]].start);
  });

  it('makes no garbage of shouted headlines', () => {
    const doc = run('WORLD WAR 3: US SECRETLY IN TALKS WITH NORTH KOREA DESPITE OBJECTIONS\n\nThe talks went on.');
    expect(doc.entities.map((e) => e.type).sort()).toEqual(['State', 'State']);
  });

  it('makes no garbage of scraped gaps', () => {
    const doc = run("But 's threats against are believed to have complicated the effort. Speaking at the event on Monday, called it a failure.");
    expect(doc.entities).toEqual([]);
  });

  it('keeps month names and sentence-initial words out of names', () => {
    const doc = run('May was warm. However, Nobody came in June.');
    expect(doc.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });
});

describe('mentions in context', () => {
  it('leaves laws and prizes out, and everyday words alone', () => {
    const doc = run('Repealing the Hunting Bill was the aim. Licensees objected.');
    expect(doc.entities).toEqual([]);
  });

  it('makes places that play a game teams', () => {
    const doc = run('Geneva beat London 3-1 on Sunday.');
    expect(doc.entities.map((e) => e.type)).toEqual(['Institution', 'Institution']);
  });

  it('reads unknown names next to organisation nouns as institutions', () => {
    const doc = run('The tyre maker Vorlani said Brixco shares fell.');
    expect(doc.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Institution:Vorlani', 'Institution:Brixco']);
  });
});

describe('mentions: names in context', () => {
  it('a word after an honorific is a name even when it is a month ("Mrs May")', () => {
    const doc = run('Theresa May spoke. Mrs May left.');
    expect(doc.entities.filter((e) => e.type === 'Person').map((e) => e.id)).toEqual(['person:theresa may']);
    expect(surface(doc, 'person:theresa may')).toEqual(['Theresa May', 'May']);
  });

  it('joins hyphenated name particles ("al-Zayani")', () => {
    expect(ids(run('Abdullatif al-Zayani spoke.'))).toContain('person:abdullatif al-zayani');
  });

  it('a head noun after "the" names the institution mentioned last with it ("the Commission")', () => {
    const doc = run('The European Commission met. Later the Commission denied it.');
    expect(surface(doc, 'institution:european commission')).toEqual(['European Commission', 'Commission']);
  });

  it('an acronym in parentheses shows how far a name goes ("Taiwan People\'s Party (TPP)")', () => {
    const doc = run("Ko Wen-je of the Taiwan People's Party (TPP) spoke.");
    expect(ids(doc)).toContain("institution:taiwan people's party:TWN");
    expect(surface(doc, "institution:taiwan people's party:TWN")).toEqual(["Taiwan People's Party", 'TPP']);
  });

  it('a seat of government is the state as an actor and a place after a preposition', () => {
    expect(ids(run('Downing Street said no.'))).toContain('state:GBR');
    expect(ids(run('They met at Downing Street.'))).toContain('place:downing street:GBR');
  });

  it('an institution named with its state also goes by the name without it', () => {
    const e = entity(run("Britain's Foreign Office said no."), 'institution:foreign, commonwealth and development office:GBR');
    expect([...(e?.aliases ?? [])]).toEqual(expect.arrayContaining(["Britain's Foreign Office", 'Foreign Office']));
  });
});
