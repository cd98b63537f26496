import { entity, ids, run } from './helpers';

describe('resolve', () => {
  it('joins "Mr Yun" and "Yun" to the full name mentioned earlier', () => {
    const doc = run('Envoy Joseph Yun flew out. Mr Yun met the team. Later Yun said little.');
    const persons = doc.entities.filter((e) => e.type === 'Person');
    expect(persons.map((p) => p.id)).toEqual(['person:joseph yun']);
    expect([...persons[0].aliases].sort()).toEqual(['Mr Yun', 'Yun']);
    expect(persons[0].mentions).toHaveLength(3);
  });

  it('joins surnames of people not in the people table too', () => {
    const doc = run('Analyst Maria Okonkwo wrote the study. Ms Okonkwo said the risk was high.');
    expect(doc.entities.filter((e) => e.type === 'Person').map((p) => p.id)).toEqual(['person:maria okonkwo']);
  });

  it('keeps two people with one surname apart', () => {
    const doc = run('Tony Kim and Kim Hak Song were held for months.');
    expect(ids(doc)).toEqual(expect.arrayContaining(['person:tony kim', 'person:kim hak song']));
  });

  it('resolves a known surname through the people table when the article is about his country', () => {
    const doc = run('Trump spoke to US reporters at length on Friday.');
    expect(entity(doc, 'person:donald trump')?.aliases.has('Trump')).toBe(true);
    const elsewhere = run('In Oslo, Trump Hansen said the ferry was late.');
    expect(ids(elsewhere)).not.toContain('person:donald trump');
  });

  it('resolves "the administration" to the state of the official in context', () => {
    const doc = run('US Secretary of State Rex Tillerson spoke. The administration has demanded answers from North Korea.');
    const usa = entity(doc, 'state:USA');
    expect(usa?.mentions.map((k) => doc.mentions[k].text)).toContain('administration');
  });

  it('resolves epithets, and "the North" only in a Korean context', () => {
    const withCtx = run('North Korea fired again. The hermit kingdom and the North are one.');
    expect(entity(withCtx, 'state:PRK')?.mentions).toHaveLength(3);
    const without = run('Storms hit the North of the island.');
    expect(ids(without)).not.toContain('state:PRK');
  });

  it('gives each referent one entity', () => {
    const doc = run('The United Nations met. The UN said little. North Korea and the DPRK were named.');
    expect(doc.entities.map((e) => e.id).sort()).toEqual(['institution:united nations', 'state:PRK']);
  });
});

describe('resolve: names shared across countries', () => {
  it('a name two institutions share goes to the one of the article\'s country', async () => {
    const { compileResources } = await import('../../src/pipeline/resources');
    const { fixtureKnowledge } = await import('../pipeline/fixture-knowledge');
    const { analyse } = await import('../../src/pipeline/extract');
    const k = fixtureKnowledge();
    k.institutions.push(
      { name: 'US Congress', kind: 'legislature', country: 'USA', aliases: ['Congress'], wikidata: null, partOf: 'state:USA' },
      { name: 'Indian National Congress', kind: 'party', country: 'IND', aliases: ['Congress'], wikidata: null, partOf: null },
    );
    const res = compileResources(k);
    const ids = (text: string): string[] => analyse({ text, publishedAt: '2024-06-05' }, res).entities.map((e) => e.id);
    expect(ids('India voted. Indian voters backed Congress in India.')).toContain('institution:indian national congress:IND');
    expect(ids('America voted. Congress passed the bill in the United States.')).toContain('institution:us congress:USA');
    // With nothing to go by, the state organ.
    expect(ids('Congress passed the bill.')).toContain('institution:us congress:USA');
  });

  it('a capital in apposition to "the capital" is a place', () => {
    expect(ids(run('Protests spread across South Korea, including the capital, Seoul.'))).toContain('place:seoul:KOR');
  });
});

describe('resolve: datelines and government references', () => {
  it('a capital opening a sentence with a comma is a place only in a dateline', () => {
    expect(ids(run('SEOUL, Monday - North Korea fired a missile.'))).toContain('place:seoul:KOR');
    expect(ids(run('Washington, which backs Seoul, objected.'))).toContain('state:USA');
  });

  it('"the government" is not the state of a foreign envoy the article does not name', () => {
    const doc = run('South Korean police detained Ana Diaz. Envoy Joseph Yun urged the government to release her.');
    const ref = doc.mentions.find((m) => m.role === 'reference' && !m.dropped);
    expect(ref?.key).toBe('state:KOR');
  });
});
