import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGenerator, generateArticles, loadTables } from '../../src/bench/generator';
import { projectRoot } from '../../src/config/paths';

const DATA = path.join(projectRoot(), 'data');
const people = JSON.parse(readFileSync(path.join(DATA, 'people.json'), 'utf8')) as { name: string }[];

describe('the benchmark article generator', () => {
  const gen = createGenerator({ seed: 11 });
  const sample = gen.articles(0, 40);

  it('is deterministic: the same seed and index give the same article, whatever else is generated', () => {
    const again = createGenerator({ seed: 11 });
    expect(again.article(17)).toEqual(sample[17]);
    expect(generateArticles(3, { seed: 11, start: 17 })[0]).toEqual(sample[17]);
    expect(createGenerator({ seed: 12 }).article(17).text).not.toBe(sample[17].text);
  });

  it('writes wire-style articles of about 2.5 KB with the JSON input fields', () => {
    const lengths = sample.map((a) => a.text.length);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(mean).toBeGreaterThan(2000);
    expect(mean).toBeLessThan(3000);
    for (const a of sample) {
      expect(a.title).toBeTruthy();
      expect(a.publishedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(a.id).toMatch(/^bench-11-\d+$/);
      expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(sample.map((a) => a.text)).size).toBe(sample.length);
  });

  it('names real people from data/people.json, quotes them and uses relative dates', () => {
    const names = people.map((p) => p.name);
    const withPerson = sample.filter((a) => names.some((n) => a.text.includes(n)));
    expect(withPerson.length).toBe(sample.length);
    expect(sample.filter((a) => /"[^"]{10,}," /.test(a.text)).length).toBeGreaterThan(sample.length / 2);
    expect(sample.filter((a) => /\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(a.text)).length).toBe(sample.length);
    expect(sample.some((a) => /\b(two|three|four|five|six|seven|eight|nine|ten|twelve) days later\b/i.test(a.text))).toBe(true);
  });

  it('keeps the verb lemmas of data/event-triggers.json usable', () => {
    const t = loadTables(DATA);
    for (const type of ['ACCUSE', 'THREATEN', 'CONSULT', 'SUPPORT', 'REQUEST']) expect(t.verbs.get(type)?.length).toBeGreaterThan(3);
  });
});

describe('the generator over small tables', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
    const write = (f: string, v: unknown) => writeFileSync(path.join(dir, f), JSON.stringify(v));
    write('states.json', [
      { iso3: 'AAA', aliases: ['Avaria'], demonyms: ['Avarian'], metonyms: ['Avaton'] },
      { iso3: 'BBB', aliases: ['Borland'], demonyms: ['Borlandic'], metonyms: ['Bexley'] },
      { iso3: 'CCC', aliases: ['Cestia'], demonyms: ['Cestian'], metonyms: ['Corvo'] },
    ]);
    write('people.json', [
      { name: 'Ana Tamsin', aliases: ['Tamsin'], nationality: 'AAA', offices: [{ title: 'Prime Minister', org: 'state:AAA', from: '2016-01-01', until: '2016-12-31' }] },
      { name: 'Bo Ferrand', aliases: [], nationality: 'BBB', offices: [{ title: 'Foreign Minister', org: 'Borland Foreign Ministry', country: 'BBB', from: '2010-01-01', until: null }] },
      { name: 'Cy Later', aliases: [], nationality: 'CCC', offices: [{ title: 'President', org: 'state:CCC', from: '2030-01-01', until: null }] },
    ]);
    write('institutions.json', [
      { name: 'Council of Nations', kind: 'igo', country: null, aliases: ['CON'] },
      { name: 'Avaria Institute', kind: 'think_tank', country: 'AAA', aliases: [] },
    ]);
    const verbs = (type: string, phrases: string[]) => phrases.map((phrase) => ({ phrase, pos: 'verb', type, mode: null, recipientPreps: [] }));
    write('event-triggers.json', {
      triggers: [
        ...verbs('ACCUSE', ['accuse']), ...verbs('THREATEN', ['warn']), ...verbs('SANCTION', ['punish']), ...verbs('REJECT', ['rebuff']),
        ...verbs('CONSULT', ['visit']), ...verbs('COOPERATE', ['partner']), ...verbs('SUPPORT', ['praise']), ...verbs('AGREE', ['settle']),
        ...verbs('AID', ['help']), ...verbs('REQUEST', ['urge']),
      ],
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('glues to a name only the office held on the publication date', () => {
    const in2016 = createGenerator({ dataDir: dir, seed: 3, years: [2016, 2016] }).articles(0, 30);
    const texts = in2016.map((a) => a.text).join('\n');
    expect(texts).toMatch(/Avarian Prime Minister Ana Tamsin|Avaria's Prime Minister Ana Tamsin|Ana Tamsin, the Prime Minister of Avaria/);
    expect(texts).toContain('Borlandic Foreign Minister Bo Ferrand');
    expect(texts).not.toContain('Cy Later');
    const in2020 = createGenerator({ dataDir: dir, seed: 3, years: [2020, 2020] }).articles(0, 30).map((a) => a.text).join('\n');
    expect(in2020).not.toContain('Ana Tamsin');
    expect(in2020).toContain('Bo Ferrand');
  });

  it('defines an acronym on first mention and uses it after', () => {
    const texts = createGenerator({ dataDir: dir, seed: 5 }).articles(0, 30).map((a) => a.text);
    const both = texts.filter((t) => t.includes('the Council of Nations (CON)') && /\bCON\b(?!\))/.test(t.replace('(CON)', '')));
    expect(both.length).toBeGreaterThan(0);
  });
});
