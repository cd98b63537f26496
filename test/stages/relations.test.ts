import type { ArticleDoc } from '../../src/model/doc';
import { run } from './helpers';

function rels(doc: ArticleDoc): string[] {
  return doc.relations.map((r) => `${r.type} ${r.source} -> ${r.target}${r.properties.title ? ` [${String(r.properties.title)}]` : ''}`);
}

describe('relations', () => {
  it('HOLDS_POSITION from a title in front of the name', () => {
    const doc = run('US Secretary of State Rex Tillerson spoke on Monday.');
    expect(rels(doc)).toContain('HOLDS_POSITION person:rex tillerson -> state:USA [Secretary of State]');
    const r = doc.relations[0];
    expect(doc.text.slice(r.start, r.end)).toBe('US Secretary of State Rex Tillerson spoke on Monday.');
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('HOLDS_POSITION with an institution: "NATO chief X"', () => {
    expect(rels(run('NATO chief Jens Stoltenberg urged calm.'))).toContain('HOLDS_POSITION person:jens stoltenberg -> institution:nato [Chief]');
  });

  it('HOLDS_POSITION from an apposition: "X, the Y of Z"', () => {
    expect(rels(run('Ana Diaz, the ambassador of Britain, left early.'))).toContain('HOLDS_POSITION person:ana diaz -> state:GBR [Ambassador]');
  });

  it("HOLDS_POSITION from a possessive: \"Z's Y X\"", () => {
    expect(rels(run("Britain's Foreign Minister Ana Diaz left early."))).toContain('HOLDS_POSITION person:ana diaz -> state:GBR [Foreign Minister]');
  });

  it('CITIZEN_OF from a nationality modifier and from a list of citizens', () => {
    expect(rels(run('US student Otto Warmbier returned home.'))).toContain('CITIZEN_OF person:otto warmbier -> state:USA');
    const list = rels(run('They demanded the release of two US citizens: missionary Ann Lee and Tony Kim.'));
    expect(list).toEqual(expect.arrayContaining(['CITIZEN_OF person:ann lee -> state:USA', 'CITIZEN_OF person:tony kim -> state:USA']));
  });

  it('MEMBER_OF from "a member of" and from a party title', () => {
    expect(rels(run('Ana Diaz, a member of the Labour Party, objected.'))).toContain('MEMBER_OF person:ana diaz -> institution:labour party:GBR');
    expect(rels(run('Labour MP Ana Diaz objected.'))).toContain('MEMBER_OF person:ana diaz -> institution:labour party:GBR');
  });

  it("PART_OF from a possessive institution and from the gazetteer", () => {
    expect(rels(run("Staff at Pyongyang's United Nations mission replied."))).toContain('PART_OF institution:united nations mission:PRK -> state:PRK');
    const gaz = rels(run('The State Department said the United States would respond.'));
    expect(gaz).toContain('PART_OF institution:state department:USA -> state:USA');
    expect(rels(run('The State Department said nothing.'))).not.toContain('PART_OF institution:state department:USA -> state:USA');
  });

  it('DEFECTED_FROM from a verb with "from" and from the sentence context', () => {
    expect(rels(run('Lee Min-ho defected from North Korea in 2016.'))).toContain('DEFECTED_FROM person:lee min-ho -> state:PRK');
    expect(rels(run("Thae Yong Ho was a diplomat at Pyongyang's embassy in London until he defected."))).toContain('DEFECTED_FROM person:thae yong ho -> state:PRK');
  });

  it('DETAINED_BY from the passive and the active voice', () => {
    expect(rels(run('Tony Kim was detained by North Korea in April.'))).toContain('DETAINED_BY person:tony kim -> state:PRK');
    expect(rels(run('North Korea arrested Tony Kim at the airport.'))).toContain('DETAINED_BY person:tony kim -> state:PRK');
  });

  it("LOCATED_IN from \"X's embassy in London\"", () => {
    const r = rels(run("He worked at Pyongyang's embassy in London for years."));
    expect(r).toContain('LOCATED_IN institution:embassy in london:PRK -> place:london:GBR');
  });
});
