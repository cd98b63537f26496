import { join } from 'node:path';
import {
  CuesSchema, LocationPatternsSchema, NamesSchema, OrgPatternsSchema, loadTable, mergeStates,
  type Knowledge, type StateSupplement,
} from '../../src/model/knowledge';
import { compileResources, type Resources } from '../../src/pipeline/resources';

/**
 * A small, hand-made knowledge base for unit tests: world-countries plus a few supplements, a handful of
 * people, institutions, titles and triggers. The rule lexicons are the project's own (data/lexicon).
 */

const LEX = join(__dirname, '..', '..', 'data', 'lexicon');

const supplement: StateSupplement[] = [
  { iso3: 'USA', aliases: ['US', 'U.S.', 'United States', 'America'], demonyms: ['American', 'US'], metonyms: ['Washington'], epithets: [] },
  { iso3: 'PRK', aliases: ['North Korea', 'DPRK'], demonyms: ['North Korean'], metonyms: [], epithets: [{ phrase: 'the hermit kingdom' }, { phrase: 'the North', context: ['KOR', 'PRK'] }] },
  { iso3: 'KOR', aliases: ['South Korea'], demonyms: ['South Korean'], metonyms: [], epithets: [] },
  { iso3: 'GBR', aliases: ['UK', 'Britain', 'United Kingdom'], demonyms: ['British'], metonyms: ['London', 'Downing Street'], epithets: [] },
  { iso3: 'TWN', name: 'Taiwan', aliases: ['Taiwan'], demonyms: ['Taiwanese'], metonyms: ['Taipei'], epithets: [] },
  { iso3: 'XKX', name: 'Kosovo', aliases: ['Kosovo'], demonyms: ['Kosovar'], metonyms: ['Pristina'], epithets: [] },
];

export function fixtureKnowledge(): Knowledge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wc = require('world-countries');
  const { states, territories } = mergeStates(Array.isArray(wc) ? wc : wc.default, supplement);
  return {
    states,
    institutions: [
      { name: 'NATO', kind: 'igo', country: null, aliases: ['North Atlantic Treaty Organization'], wikidata: 'Q7184', partOf: null },
      { name: 'United Nations', kind: 'igo', country: null, aliases: ['UN', 'U.N.'], wikidata: 'Q1065', partOf: null },
      { name: 'State Department', kind: 'government', country: 'USA', aliases: ['US State Department'], wikidata: null, partOf: 'state:USA' },
      { name: 'Labour Party', kind: 'party', country: 'GBR', aliases: ['Labour'], wikidata: null, partOf: null },
    ],
    people: [
      { name: 'Donald Trump', aliases: ['Trump'], nationality: 'USA', wikidata: null, offices: [{ title: 'President', org: 'state:USA', from: '2017-01-20', until: '2021-01-20' }] },
      { name: 'Joseph Yun', aliases: [], nationality: 'USA', wikidata: null, offices: [] },
    ],
    titles: {
      honorifics: ['Mr', 'Mrs', 'Ms', 'Dr'],
      titles: [
        { title: 'Secretary of State', aliases: [], orgKind: 'government' },
        { title: 'President', aliases: ['president'], orgKind: 'government' },
        { title: 'Prime Minister', aliases: ['prime minister', 'PM'], orgKind: 'government' },
        { title: 'Foreign Minister', aliases: ['foreign minister'], orgKind: 'government' },
        { title: 'Chief', aliases: ['chief'], orgKind: null },
        { title: 'MP', aliases: [], orgKind: 'legislature' },
        { title: 'Ambassador', aliases: ['ambassador'], orgKind: 'government' },
      ],
      roles: ['student', 'missionary'],
    },
    triggers: [
      { phrase: 'threaten', pos: 'verb', type: 'THREATEN', mode: null, recipientPreps: [] },
      { phrase: 'meet', pos: 'verb', type: 'CONSULT', mode: null, recipientPreps: ['with'] },
      { phrase: 'talk', pos: 'noun', type: 'CONSULT', mode: null, recipientPreps: ['with'] },
      { phrase: 'detain', pos: 'verb', type: 'COERCE', mode: 'arrest', recipientPreps: [] },
      { phrase: 'arrest', pos: 'verb', type: 'COERCE', mode: 'arrest', recipientPreps: [] },
      { phrase: 'impose sanction', pos: 'verb', type: 'SANCTION', mode: null, recipientPreps: ['on', 'against'] },
      { phrase: 'sanction', pos: 'noun', type: 'SANCTION', mode: null, recipientPreps: ['on', 'against'] },
      { phrase: 'visit', pos: 'verb', type: 'CONSULT', mode: 'visit', recipientPreps: [] },
      { phrase: 'accuse', pos: 'verb', type: 'ACCUSE', mode: null, recipientPreps: [] },
      { phrase: 'criticise', pos: 'verb', type: 'ACCUSE', mode: null, recipientPreps: [] },
      { phrase: 'attack', pos: 'verb', type: 'ASSAULT', mode: null, recipientPreps: [] },
    ],
    places: [
      { name: 'Seoul', aliases: [], kind: 'city', country: 'KOR', population: 10_000_000 },
      { name: 'London', aliases: [], kind: 'city', country: 'GBR', population: 8_000_000 },
      { name: 'Geneva', aliases: [], kind: 'city', country: 'CHE', population: 180_000 },
      ...territories,
    ],
    cues: loadTable(LEX, 'cues.json', CuesSchema, CuesSchema.parse({})),
    orgPatterns: loadTable(LEX, 'org-patterns.json', OrgPatternsSchema, OrgPatternsSchema.parse({})),
    names: loadTable(LEX, 'names.json', NamesSchema, NamesSchema.parse({})),
    locations: loadTable(LEX, 'locations.json', LocationPatternsSchema, LocationPatternsSchema.parse({})),
    loaded: [],
  };
}

let cached: Resources | null = null;
export function fixtureResources(): Resources {
  if (!cached) cached = compileResources(fixtureKnowledge());
  return cached;
}
