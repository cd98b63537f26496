import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError, SHIPPED_TABLES, loadKnowledge, mergeStates } from '../../src/model/knowledge';
import { createExtractor } from '../../src/pipeline/extract';

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ng-knowledge-'));
  mkdirSync(join(dir, 'lexicon'));
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return dir;
}

describe('knowledge tables', () => {
  it('loads what exists; missing tables are empty', () => {
    const k = loadKnowledge(dirWith({}));
    expect(k.loaded).toEqual([]);
    expect(k.people).toEqual([]);
    // world-countries alone still gives every UN member
    expect(k.states.length).toBeGreaterThanOrEqual(193);
  });

  it('names the file and the path on bad data', () => {
    const dir = dirWith({ 'people.json': [{ name: 'Ann Lee', aliases: [], nationality: 'usa', wikidata: null, offices: [] }] });
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/people\.json: \[0\]\.nationality: expected an ISO 3166-1 alpha-3 code/);
  });

  it('names the file on invalid JSON', () => {
    const dir = dirWith({ 'institutions.json': '[{"name": ' });
    expect(() => loadKnowledge(dir)).toThrow(/invalid JSON in knowledge table .*institutions\.json/);
  });

  it('merges world-countries with the supplement: Taiwan and Kosovo are states, Kosovo is XKX', () => {
    const { states, territories } = mergeStates(
      [
        { name: { common: 'Kosovo', official: 'Republic of Kosovo' }, cca3: 'UNK', capital: ['Pristina'], altSpellings: ['XK', 'Republika e Kosovës'], unMember: false },
        { name: { common: 'France', official: 'French Republic' }, cca3: 'FRA', capital: ['Paris'], altSpellings: ['FR'], demonyms: { eng: { m: 'French', f: 'French' } }, unMember: true },
        { name: { common: 'Greenland', official: 'Greenland' }, cca3: 'GRL', unMember: false },
      ],
      [{ iso3: 'XKX', aliases: ['Kosova'], demonyms: ['Kosovar'], metonyms: [], epithets: [] }],
    );
    expect(states.map((s) => s.iso3)).toEqual(['FRA', 'XKX']);
    const fra = states[0];
    expect(fra.aliases).toEqual(['France', 'French Republic']);
    expect(fra.demonyms).toEqual(['French']);
    expect(fra.capitals).toEqual(['Paris']);
    expect(states[1].aliases).toContain('Kosova');
    expect(territories.map((t) => t.name)).toEqual(['Greenland']);
  });

  it("the project's own tables load and validate", () => {
    const k = loadKnowledge();
    expect([...k.loaded].sort()).toEqual([...SHIPPED_TABLES].sort());
    expect(k.triggers.length).toBeGreaterThanOrEqual(300);
    expect(k.institutions.length).toBeGreaterThanOrEqual(300);
    for (const iso of ['USA', 'PRK', 'TWN', 'XKX', 'PSE', 'VAT']) expect(k.states.find((s) => s.iso3 === iso)).toBeDefined();
    expect(() => createExtractor()).not.toThrow();
  });
});
