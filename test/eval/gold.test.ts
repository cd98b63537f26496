import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoldFormatError, loadGoldDir, loadGoldFile, parseGold } from '../../src/eval/gold';
import { GOLD_JSON } from './helpers';

type Json = Record<string, any>;
const clone = (): Json => structuredClone(GOLD_JSON);

function problemsOf(json: unknown): string[] {
  try {
    parseGold(json, 'bad.json');
  } catch (err) {
    expect(err).toBeInstanceOf(GoldFormatError);
    expect((err as GoldFormatError).code).toBe('E_GOLD_INVALID');
    expect((err as Error).message).toContain('bad.json');
    return (err as GoldFormatError).problems;
  }
  throw new Error('expected a GoldFormatError');
}

describe('parseGold', () => {
  it('resolves participants to entity indexes', () => {
    const g = parseGold(clone(), 'summit.json');
    expect(g.file).toBe('summit.json');
    expect(g.article).toMatchObject({ id: 'gold-test-summit', publishedAt: '2018-04-27', url: null });
    expect(g.entities[0]).toEqual({ type: 'Person', name: 'Moon Jae-in', aliases: ['Moon', 'Mr Moon'], keys: ['moon jae-in', 'moon', 'mr moon'] });
    expect(g.relations[0]).toEqual({ type: 'HOLDS_POSITION', source: 0, target: 2, title: 'President' });
    expect(g.events[0]).toMatchObject({ type: 'CONSULT', actors: [0], recipients: [1], datePrecision: 'day', trigger: 'met' });
    expect(g.events[1]).toMatchObject({ actors: [2, 3], modality: 'future', date: null, datePrecision: null });
    expect(g.warnings).toEqual([]);
  });

  it('fills defaults for optional fields', () => {
    const j = clone();
    delete j.relations;
    j.entities[5] = { type: 'Place', name: 'Panmunjom' };
    j.events = [{ type: 'CONSULT', actors: ['Moon'], date: '2018-04' }];
    const g = parseGold(j);
    expect(g.relations).toEqual([]);
    expect(g.entities[5].aliases).toEqual([]);
    expect(g.events[0]).toMatchObject({ mode: null, recipients: [], modality: 'asserted', datePrecision: 'month' });
  });

  it('names the JSON path of schema errors', () => {
    const j = clone();
    j.entities[1].type = 'Organisation';
    delete j.article.text;
    j.events[0].recipient = ['Kim'];
    const problems = problemsOf(j);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^entities\[1\]\.type: /),
        expect.stringMatching(/^article\.text: /),
        expect.stringMatching(/^events\[0\]: .*recipient/),
      ]),
    );
  });

  it('rejects participants that are not gold entities', () => {
    const j = clone();
    j.relations[0].target = 'Republic of Korea';
    j.events[0].actors = ['Moon', 'Donald Trump'];
    expect(problemsOf(j)).toEqual([
      'relations[0].target: "Republic of Korea" is not the name or an alias of any entity in "entities"',
      'events[0].actors[1]: "Donald Trump" is not the name or an alias of any entity in "entities"',
    ]);
  });

  it('rejects relations whose endpoints do not fit the ontology', () => {
    const j = clone();
    j.relations.push({ type: 'CITIZEN_OF', source: 'Moon', target: 'United Nations Command' });
    expect(problemsOf(j)).toEqual([expect.stringMatching(/^relations\[2\]\.target: CITIZEN_OF goes to State, not Institution/)]);
  });

  it('uses the relation types to choose between entities sharing a surface form', () => {
    const j = clone();
    j.entities.push({ type: 'Place', name: 'Seoul' }); // the city, beside the State alias "Seoul"
    j.relations.push({ type: 'CITIZEN_OF', source: 'Moon', target: 'Seoul' });
    const g = parseGold(j);
    expect(g.relations[2].target).toBe(2); // the State, whose alias it is, not the Place
    j.events[0].actors = ['Seoul'];
    // the Place is named "Seoul": a name beats an alias where the type does not decide
    expect(parseGold(j).events[0].actors).toEqual([6]);
  });

  it('rejects two entities of one type sharing a name or alias', () => {
    const j = clone();
    j.entities.push({ type: 'Person', name: 'Kim Yo-jong', aliases: ['Kim'] });
    expect(problemsOf(j)).toEqual([expect.stringMatching(/^entities\[6\]: "kim" \(Person\) is also a name or alias of entities\[1\]/)]);
  });

  it('checks modes and dates', () => {
    const j = clone();
    j.events[0].mode = 'summit';
    j.events[1].mode = 'joint';
    j.events.push({ type: 'AGREE', actors: ['Moon'], date: '27 April 2018' });
    j.events.push({ type: 'AGREE', actors: ['Moon'], date: null, datePrecision: 'day' });
    j.events.push({ type: 'AGREE', actors: ['Moon'], date: '2018-04', datePrecision: 'day' });
    j.events.push({ type: 'AGREE', actors: [] });
    j.events[0].place = 'Hanoi';
    const problems = problemsOf(j);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^events\[2\]\.date: must be YYYY, YYYY-MM or YYYY-MM-DD/),
        expect.stringMatching(/^events\[5\]\.actors: an event needs at least one actor/),
      ]),
    );
    // semantic checks run once the schema passes
    j.events.splice(2, 1);
    j.events.pop();
    expect(problemsOf(j)).toEqual([
      'events[0].mode: "summit" is not a mode of CONSULT (one of visit, phone, multilateral, backchannel, third-party, or null)',
      'events[0].place: "Hanoi" is not the name or an alias of any entity in "entities"',
      'events[1].mode: "joint" is not a mode of COOPERATE (it has no modes: use null)',
      'events[2].datePrecision: set while "date" is null',
      'events[3].date: "2018-04" is too short for precision "day"',
    ]);
  });

  it('warns about entities none of whose names occur in the text', () => {
    const j = clone();
    j.entities.push({ type: 'Institution', name: 'White House', aliases: ['the administration'] });
    // a State may be there only through a demonym: no warning
    j.entities.push({ type: 'State', name: 'Japan', aliases: [] });
    expect(parseGold(j, 'x.json').warnings).toEqual([
      'x.json: entities[6] Institution "White House": neither the name nor an alias occurs in the text',
    ]);
  });
});

describe('loading files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-gold-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every .json file in name order and skips other files', () => {
    const b = clone();
    b.article.id = 'gold-b';
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(clone()));
    writeFileSync(join(dir, 'README.md'), '# gold');
    const docs = loadGoldDir(dir);
    expect(docs.map((d) => d.article.id)).toEqual(['gold-test-summit', 'gold-b']);
    expect(docs[0].file).toBe(join(dir, 'a.json'));
    expect(loadGoldDir(join(dir, 'b.json'))).toHaveLength(1);
  });

  it('reports invalid JSON with the file name', () => {
    const f = join(dir, 'broken.json');
    writeFileSync(f, '{"article": ');
    expect(() => loadGoldFile(f)).toThrow(/broken\.json: invalid gold annotation\n {2}- not valid JSON/);
  });

  it('reports every broken file at once, and duplicate article ids', () => {
    const one = clone();
    one.entities[0].type = 'Human';
    const two = clone();
    two.relations[0].source = 'Nobody';
    writeFileSync(join(dir, 'one.json'), JSON.stringify(one));
    writeFileSync(join(dir, 'two.json'), JSON.stringify(two));
    writeFileSync(join(dir, 'three.json'), JSON.stringify(clone()));
    writeFileSync(join(dir, 'four.json'), JSON.stringify(clone()));
    let message = '';
    try {
      loadGoldDir(dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/one\.json: entities\[0\]\.type: /);
    expect(message).toMatch(/two\.json: relations\[0\]\.source: "Nobody" is not the name/);
    expect(message).toMatch(/three\.json: article\.id: "gold-test-summit" is also the id of four\.json/);
  });

  it('fails clearly on an empty or missing directory', () => {
    expect(() => loadGoldDir(dir)).toThrow(/no gold files \(\*\.json\) found/);
    expect(() => loadGoldDir(join(dir, 'nope'))).toThrow(/cannot read gold directory/);
  });
});
