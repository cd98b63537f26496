import { join } from 'node:path';
import {
  CuesSchema, FramesTableSchema, LocationPatternsSchema, NamesSchema, OrgPatternsSchema, TriggerSchema, loadTable, mergeStates,
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
      { name: 'Foreign, Commonwealth and Development Office', kind: 'government', country: 'GBR', aliases: ['Foreign Office', "Britain's Foreign Office"], wikidata: null, partOf: 'state:GBR' },
      { name: 'European Commission', kind: 'igo', country: null, aliases: [], wikidata: null, partOf: null },
    ],
    people: [
      { name: 'Donald Trump', aliases: ['Trump'], nationality: 'USA', wikidata: null, offices: [{ title: 'President', org: 'state:USA', from: '2017-01-20', until: '2021-01-20' }] },
      { name: 'Joseph Yun', aliases: [], nationality: 'USA', wikidata: null, offices: [] },
      { name: 'Theresa May', aliases: [], nationality: 'GBR', wikidata: null, offices: [{ title: 'Prime Minister', org: 'state:GBR', from: '2016-07-13', until: '2019-07-24' }] },
      { name: 'Ana Lopez', aliases: [], nationality: 'GBR', wikidata: null, offices: [{ title: 'Foreign Secretary', org: 'Foreign, Commonwealth and Development Office', from: '2015-01-01', until: null, country: 'GBR' }] },
    ],
    titles: {
      honorifics: ['Mr', 'Mrs', 'Ms', 'Dr'],
      titles: [
        { title: 'Secretary of State', aliases: [], orgKind: 'government' },
        { title: 'President', aliases: ['president'], orgKind: 'government' },
        { title: 'Prime Minister', aliases: ['prime minister', 'PM'], orgKind: 'government' },
        { title: 'Foreign Minister', aliases: ['foreign minister'], orgKind: 'government' },
        { title: 'Chief', aliases: ['chief'], orgKind: null },
        { title: 'Leader', aliases: ['leader'], orgKind: 'any' },
        { title: 'MP', aliases: [], orgKind: 'legislature' },
        { title: 'Ambassador', aliases: ['ambassador'], orgKind: 'government' },
        { title: 'Foreign Secretary', aliases: ['foreign secretary'], orgKind: 'government' },
        { title: 'Leader of the Opposition', aliases: ['opposition leader'], orgKind: 'legislature' },
        { title: 'Mayor', aliases: ['mayor'], orgKind: 'government' },
      ],
      roles: ['student', 'missionary'],
    },
    triggers: ([
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
      { phrase: 'criticize', pos: 'verb', type: 'ACCUSE', mode: null, recipientPreps: [] },
      { phrase: 'attack', pos: 'verb', type: 'ASSAULT', mode: null, recipientPreps: [] },
      { phrase: 'attack', pos: 'noun', type: 'ASSAULT', mode: null, recipientPreps: ['on', 'against'] },
      { phrase: 'strike', pos: 'noun', type: 'ASSAULT', mode: null, recipientPreps: ['on', 'against'] },
      { phrase: 'urge', pos: 'verb', type: 'REQUEST', mode: null, recipientPreps: [] },
      { phrase: 'release', pos: 'verb', type: 'RETREAT', mode: 'release', recipientPreps: [], objects: ['prisoner', 'hostage'] },
      { phrase: 'launch', pos: 'verb', type: 'MOBILIZE', mode: 'weapons-test', recipientPreps: [], objects: ['missile', 'rocket'] },
      { phrase: 'fire', pos: 'verb', type: 'MOBILIZE', mode: 'weapons-test', recipientPreps: [], objects: ['missile', 'rocket'] },
      { phrase: 'suspend', pos: 'verb', type: 'RETREAT', mode: null, recipientPreps: [] },
      { phrase: 'suspend', pos: 'verb', type: 'SANCTION', mode: null, recipientPreps: ['with'], objects: ['contact', 'tie'] },
      { phrase: 'summit', pos: 'noun', type: 'CONSULT', mode: 'multilateral', recipientPreps: ['with'] },
      { phrase: 'phone call', pos: 'noun', type: 'CONSULT', mode: 'phone', recipientPreps: ['with'] },
      { phrase: 'tell', pos: 'verb', type: 'REQUEST', mode: null, recipientPreps: [] },
      { phrase: 'help', pos: 'verb', type: 'AID', mode: null, recipientPreps: [] },
      { phrase: 'mediate', pos: 'verb', type: 'CONSULT', mode: 'third-party', recipientPreps: ['between'] },
    ] as unknown[]).map((t) => TriggerSchema.parse(t)),
    places: [
      { name: 'Seoul', aliases: [], kind: 'city', country: 'KOR', population: 10_000_000 },
      { name: 'London', aliases: [], kind: 'city', country: 'GBR', population: 8_000_000 },
      { name: 'Geneva', aliases: [], kind: 'city', country: 'CHE', population: 180_000 },
      { name: 'Downing Street', aliases: [], kind: 'site', country: 'GBR', population: 0 },
      { name: 'Busan', aliases: [], kind: 'city', country: 'KOR', population: 3_400_000 },
      ...territories,
    ],
    cues: loadTable(LEX, 'cues.json', CuesSchema, CuesSchema.parse({})),
    orgPatterns: loadTable(LEX, 'org-patterns.json', OrgPatternsSchema, OrgPatternsSchema.parse({})),
    names: loadTable(LEX, 'names.json', NamesSchema, NamesSchema.parse({})),
    locations: loadTable(LEX, 'locations.json', LocationPatternsSchema, LocationPatternsSchema.parse({})),
    frames: loadTable(LEX, 'frames.json', FramesTableSchema, { frames: [] }).frames,
    loaded: [],
  };
}

let cached: Resources | null = null;
export function fixtureResources(): Resources {
  if (!cached) cached = compileResources(fixtureKnowledge());
  return cached;
}
