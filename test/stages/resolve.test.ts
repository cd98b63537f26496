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
