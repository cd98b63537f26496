import type { ExtractionResult } from '../../src/model/extraction';
import { articleKey, eventKey, sha256 } from '../../src/model/keys';
import type { EntityLabel, Modality } from '../../src/model/ontology';

/**
 * The fixture graph the report tests run against: six hand-built articles about 2017–2018 diplomacy
 * around North Korea, from three outlets, written with the real Neo4jWriter. Small enough that every
 * expected row can be worked out by hand (see test/integration/reports.test.ts).
 *
 * Each article is described by what it says (entities with how often they are mentioned, relations,
 * events, each with its supporting sentence); `buildResult` turns it into an ExtractionResult with a
 * text that contains every sentence, so quotes and offsets are real.
 */

interface CatalogueEntry {
  type: EntityLabel;
  name: string;
  aliases: string[];
  attributes: Record<string, unknown>;
}

/** Every entity of the fixture, by id. */
export const CATALOGUE: Record<string, CatalogueEntry> = {
  'person:donald trump': { type: 'Person', name: 'Donald Trump', aliases: ['Trump', 'President Trump'], attributes: {} },
  'person:kim jong un': { type: 'Person', name: 'Kim Jong Un', aliases: ['Kim'], attributes: {} },
  /** The same man under another spelling: what duplicate-candidates should find. */
  'person:kim jong-un': { type: 'Person', name: 'Kim Jong-un', aliases: [], attributes: {} },
  'person:mike pompeo': { type: 'Person', name: 'Mike Pompeo', aliases: ['Pompeo'], attributes: {} },
  'person:joseph yun': { type: 'Person', name: 'Joseph Yun', aliases: ['Mr Yun'], attributes: {} },
  'person:ri yong ho': { type: 'Person', name: 'Ri Yong Ho', aliases: ['Ri Yong-ho'], attributes: {} },
  'state:USA': { type: 'State', name: 'United States', aliases: ['US', 'Washington'], attributes: { iso3: 'USA' } },
  'state:PRK': { type: 'State', name: 'North Korea', aliases: ['DPRK'], attributes: { iso3: 'PRK' } },
  'state:KOR': { type: 'State', name: 'South Korea', aliases: ['Seoul'], attributes: { iso3: 'KOR' } },
  'state:SGP': { type: 'State', name: 'Singapore', aliases: [], attributes: { iso3: 'SGP' } },
  'institution:ministry of foreign affairs:PRK': {
    type: 'Institution', name: 'Ministry of Foreign Affairs', aliases: ['Foreign Ministry'], attributes: { kind: 'government', country: 'PRK' },
  },
  /** Same name, other country: must not be taken for a duplicate. */
  'institution:ministry of foreign affairs:KOR': {
    type: 'Institution', name: 'Ministry of Foreign Affairs', aliases: [], attributes: { kind: 'government', country: 'KOR' },
  },
  "institution:workers' party of korea:PRK": {
    type: 'Institution', name: "Workers' Party of Korea", aliases: ['WPK'], attributes: { kind: 'party', country: 'PRK' },
  },
  'institution:state department:USA': {
    type: 'Institution', name: 'State Department', aliases: ['US State Department'], attributes: { kind: 'government', country: 'USA' },
  },
  'institution:un security council': {
    type: 'Institution', name: 'UN Security Council', aliases: ['Security Council'], attributes: { kind: 'igo' },
  },
  /** The same body under its long name, sharing an alias with the one above. */
  'institution:united nations security council': {
    type: 'Institution', name: 'United Nations Security Council', aliases: ['Security Council'], attributes: { kind: 'igo' },
  },
  'place:new york:USA': { type: 'Place', name: 'New York', aliases: [], attributes: { kind: 'city', country: 'USA' } },
  'place:pyongyang:PRK': { type: 'Place', name: 'Pyongyang', aliases: [], attributes: { kind: 'city', country: 'PRK' } },
};

export interface FxRelation { type: string; source: string; target: string; title?: string; quote: string }
export interface FxEvent {
  type: string;
  actors: string[];
  recipients: string[];
  date: string | null;
  mode?: string | null;
  modality?: Modality;
  place?: string | null;
  quote: string;
}
export interface FxArticle {
  externalId: string;
  title: string;
  source: string;
  publishedAt: string;
  /** Entity id → how many times the article mentions it. */
  entities: Record<string, number>;
  relations?: FxRelation[];
  events?: FxEvent[];
}

export function buildResult(a: FxArticle): ExtractionResult {
  const sentences = [...new Set([...(a.relations ?? []).map((r) => r.quote), ...(a.events ?? []).map((e) => e.quote)])];
  const text = `${a.title}\n\n${sentences.join(' ')}`;
  const id = articleKey(text);
  const span = (quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not in text: ${quote}`);
    return { start, end: start + quote.length, quote };
  };
  return {
    article: {
      id, title: a.title, url: `https://example.org/${a.source.toLowerCase()}/${a.externalId}`, source: a.source,
      publishedAt: a.publishedAt, contentHash: sha256(text), externalId: a.externalId,
    },
    entities: Object.entries(a.entities).map(([eid, count]) => {
      const c = CATALOGUE[eid];
      if (!c) throw new Error(`unknown fixture entity ${eid}`);
      const forms = [c.name, ...c.aliases];
      return {
        id: eid, type: c.type, name: c.name, aliases: c.aliases,
        mentions: Array.from({ length: count }, (_, i) => ({ start: 10 * i, end: 10 * i + forms[i % forms.length].length, text: forms[i % forms.length] })),
        attributes: c.attributes,
      };
    }),
    relations: (a.relations ?? []).map((r) => ({
      type: r.type, source: r.source, target: r.target, properties: r.title ? { title: r.title } : {}, confidence: 0.8, evidence: [span(r.quote)],
    })),
    events: (a.events ?? []).map((e) => {
      const precision = e.date ? ('day' as const) : null;
      return {
        id: eventKey({ type: e.type, mode: e.mode ?? null, actors: e.actors, recipients: e.recipients, date: e.date, datePrecision: precision, articleId: id }),
        type: e.type, mode: e.mode ?? null, date: e.date, datePrecision: precision, modality: e.modality ?? 'asserted',
        actors: e.actors, recipients: e.recipients, place: e.place ?? null, confidence: 0.7, evidence: [span(e.quote)],
      };
    }),
    issues: [],
  };
}

const TRUMP = 'person:donald trump';
const KIM = 'person:kim jong un';
const POMPEO = 'person:mike pompeo';
const YUN = 'person:joseph yun';
const RI = 'person:ri yong ho';
const USA = 'state:USA';
const PRK = 'state:PRK';
const KOR = 'state:KOR';
const SGP = 'state:SGP';
const MOFA = 'institution:ministry of foreign affairs:PRK';
const MOFA_KOR = 'institution:ministry of foreign affairs:KOR';
const WPK = "institution:workers' party of korea:PRK";
const STATE_DEPT = 'institution:state department:USA';
const UNSC = 'institution:un security council';
const UNSC_LONG = 'institution:united nations security council';

/** Written first (the writer's clock at 2024-01-10). */
export const FIRST_BATCH: FxArticle[] = [
  {
    externalId: 'r1', title: 'Trump warns North Korea at the United Nations', source: 'Reuters', publishedAt: '2017-09-20',
    entities: { [TRUMP]: 3, [PRK]: 4, [USA]: 1, [KIM]: 1, [UNSC]: 1 },
    events: [
      { type: 'THREATEN', actors: [TRUMP], recipients: [PRK], date: '2017-09-19', quote: 'Trump said the United States would totally destroy North Korea if forced to defend itself.' },
    ],
  },
  {
    externalId: 'r2', title: "North Korea's foreign minister answers Trump", source: 'AP', publishedAt: '2017-09-21',
    entities: { [RI]: 2, [MOFA]: 1, [PRK]: 2, [TRUMP]: 2 },
    relations: [
      { type: 'HOLDS_POSITION', source: RI, target: MOFA, title: 'Foreign Minister', quote: "Ri Yong Ho, North Korea's foreign minister, spoke in New York." },
      { type: 'PART_OF', source: MOFA, target: PRK, quote: "North Korea's Ministry of Foreign Affairs issued a statement." },
    ],
    events: [
      { type: 'THREATEN', actors: [TRUMP], recipients: [PRK], date: '2017-09-19', quote: 'Trump threatened on Tuesday to destroy North Korea.' },
      { type: 'ACCUSE', actors: [RI], recipients: [TRUMP], date: '2017-09-21', modality: 'reported', quote: 'Ri Yong Ho accused Trump of declaring war on his country, officials said.' },
    ],
  },
  {
    externalId: 'r3', title: 'US envoy keeps the New York channel open', source: 'Yonhap', publishedAt: '2017-10-02',
    entities: { [YUN]: 2, [STATE_DEPT]: 1, [USA]: 1, [PRK]: 1, 'place:new york:USA': 1 },
    relations: [
      { type: 'HOLDS_POSITION', source: YUN, target: STATE_DEPT, title: 'Special Representative for North Korea Policy', quote: "Joseph Yun is the State Department's special representative for North Korea policy." },
      { type: 'PART_OF', source: STATE_DEPT, target: USA, quote: 'The State Department runs the foreign policy of the United States.' },
      { type: 'LOCATED_IN', source: 'place:new york:USA', target: USA, quote: 'Diplomats meet in New York, in the United States.' },
    ],
    events: [
      { type: 'CONSULT', mode: 'backchannel', actors: [YUN], recipients: [PRK], date: null, place: 'place:new york:USA', quote: 'Joseph Yun has held quiet talks with North Korean diplomats in New York.' },
    ],
  },
];

/** Written second (the writer's clock at 2024-02-01). */
export const SECOND_BATCH: FxArticle[] = [
  {
    externalId: 'r4', title: 'Pompeo brings three Americans home from Pyongyang', source: 'Reuters', publishedAt: '2018-05-10',
    entities: { [POMPEO]: 2, [KIM]: 1, [PRK]: 2, [USA]: 2, [STATE_DEPT]: 1, 'place:pyongyang:PRK': 1, [WPK]: 1 },
    relations: [
      { type: 'HOLDS_POSITION', source: POMPEO, target: STATE_DEPT, title: 'Secretary of State', quote: 'Secretary of State Mike Pompeo flew to Pyongyang.' },
      { type: 'HOLDS_POSITION', source: KIM, target: WPK, title: 'Chairman', quote: "Kim Jong Un, chairman of the Workers' Party of Korea, received Pompeo." },
    ],
    events: [
      { type: 'RETREAT', mode: 'release', actors: [PRK], recipients: [USA], date: '2018-05-09', quote: 'North Korea released three American detainees on Wednesday.' },
      { type: 'CONSULT', mode: 'visit', actors: [POMPEO], recipients: [KIM], date: '2018-05-09', place: 'place:pyongyang:PRK', quote: 'Pompeo met Kim Jong Un in Pyongyang on Wednesday.' },
    ],
  },
  {
    externalId: 'r5', title: 'Trump and Kim sign an agreement in Singapore', source: 'AP', publishedAt: '2018-06-12',
    entities: { [TRUMP]: 2, [KIM]: 2, [SGP]: 1, [USA]: 1, [PRK]: 1, [POMPEO]: 1, [STATE_DEPT]: 1 },
    relations: [
      { type: 'HOLDS_POSITION', source: POMPEO, target: STATE_DEPT, title: 'Secretary of State', quote: 'Secretary of State Mike Pompeo will lead the follow-up talks.' },
    ],
    events: [
      { type: 'AGREE', actors: [TRUMP], recipients: [KIM], date: '2018-06-12', place: SGP, quote: 'Trump and Kim Jong Un signed a joint statement in Singapore.' },
    ],
  },
  {
    externalId: 'r6', title: 'Seoul welcomes the summit; Pyongyang denies new threats', source: 'Yonhap', publishedAt: '2018-06-13',
    entities: { [KOR]: 2, 'person:kim jong-un': 1, [PRK]: 1, [USA]: 1, [MOFA_KOR]: 1, [UNSC_LONG]: 1 },
    relations: [
      { type: 'PART_OF', source: MOFA_KOR, target: KOR, quote: "South Korea's foreign ministry welcomed the summit." },
    ],
    events: [
      { type: 'THREATEN', actors: [PRK], recipients: [KOR], date: '2018-06-13', modality: 'negated', quote: 'North Korea did not threaten South Korea, the ministry said.' },
      /** A threat whose target the article leaves unnamed: one side only, as extractors often give. */
      { type: 'THREATEN', actors: [PRK], recipients: [], date: '2018-06-13', modality: 'reported', quote: 'North Korea warned it could call off the next round of talks, officials said.' },
      { type: 'REQUEST', actors: [KOR], recipients: [UNSC_LONG], date: '2018-06-13', modality: 'future', quote: 'South Korea will ask the United Nations Security Council to ease sanctions.' },
      { type: 'SUPPORT', actors: [KOR], recipients: [USA], date: '2018-06-13', quote: "South Korea backed the United States' diplomacy." },
    ],
  },
];

export const FIRST_CLOCK = new Date('2024-01-10T09:00:00Z');
export const SECOND_CLOCK = new Date('2024-02-01T09:00:00Z');
