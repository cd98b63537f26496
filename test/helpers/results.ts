import type { ExtractionResult } from '../../src/model/extraction';
import { articleKey, eventKey, sha256 } from '../../src/model/keys';

/**
 * Hand-built extraction results for writer tests: a small, readable language for "this article says
 * that…", independent of the extractor.
 */
export interface FakeArticle {
  text: string;
  externalId?: string;
  url?: string;
  publishedAt?: string;
  entities: [id: string, type: 'Person' | 'State' | 'Institution' | 'Place', name: string, aliases?: string[]][];
  relations?: [type: string, source: string, target: string, title?: string][];
  events?: [type: string, actors: string[], recipients: string[], date: string | null, place?: string, modality?: 'asserted' | 'negated' | 'future' | 'hypothetical' | 'reported'][];
}

export function fakeResult(a: FakeArticle): ExtractionResult {
  const id = articleKey(a.text);
  const quote = a.text.slice(0, 40);
  const evidence = [{ start: 0, end: quote.length, quote }];
  return {
    article: {
      id, title: a.text.slice(0, 20), url: a.url ?? null, source: 'test', publishedAt: a.publishedAt ?? '2020-01-01',
      contentHash: sha256(a.text), externalId: a.externalId ?? null,
    },
    entities: a.entities.map(([eid, type, name, aliases]) => ({
      id: eid, type, name, aliases: aliases ?? [],
      mentions: [{ start: 0, end: name.length, text: name }, ...(aliases ?? []).map((al) => ({ start: 1, end: 1 + al.length, text: al }))],
      attributes: type === 'Institution' ? { kind: 'government' } : {},
    })),
    relations: (a.relations ?? []).map(([type, source, target, title]) => ({
      type, source, target, properties: title ? { title } : {}, confidence: 0.8, evidence,
    })),
    events: (a.events ?? []).map(([type, actors, recipients, date, place, modality]) => ({
      id: eventKey({ type, mode: null, actors, recipients, date, datePrecision: date ? 'day' : null, articleId: id }),
      type, mode: null, date, datePrecision: date ? ('day' as const) : null, modality: modality ?? ('asserted' as const),
      actors, recipients, place: place ?? null, confidence: 0.7, evidence,
    })),
    issues: [],
  };
}

/** Three overlapping articles: two report the same dated threat, one is about talks. */
export const SAMPLE: FakeArticle[] = [
  {
    text: 'Trump threatened North Korea on 19 September. Tillerson is Secretary of State.',
    externalId: 'a1',
    entities: [
      ['person:donald trump', 'Person', 'Donald Trump', ['Trump']],
      ['state:PRK', 'State', 'North Korea', ['Pyongyang']],
      ['person:rex tillerson', 'Person', 'Rex Tillerson'],
      ['state:USA', 'State', 'United States', ['US']],
    ],
    relations: [['HOLDS_POSITION', 'person:rex tillerson', 'state:USA', 'Secretary of State']],
    events: [['THREATEN', ['person:donald trump'], ['state:PRK'], '2017-09-19']],
  },
  {
    text: 'President Trump vowed on 19 September to destroy North Korea, Washington said.',
    externalId: 'a2',
    entities: [
      ['person:donald trump', 'Person', 'Donald Trump', ['President Trump']],
      ['state:PRK', 'State', 'North Korea'],
      ['state:USA', 'State', 'United States', ['Washington']],
    ],
    events: [['THREATEN', ['person:donald trump'], ['state:PRK'], '2017-09-19']],
  },
  {
    text: 'Joseph Yun held talks with North Korean diplomats in New York. Mr Yun is the US envoy.',
    externalId: 'a3',
    entities: [
      ['person:joseph yun', 'Person', 'Joseph Yun', ['Mr Yun']],
      ['state:PRK', 'State', 'North Korea', ['North Korean']],
      ['state:USA', 'State', 'United States', ['US']],
      ['place:new york:USA', 'Place', 'New York'],
    ],
    relations: [['HOLDS_POSITION', 'person:joseph yun', 'state:USA', 'envoy']],
    events: [
      ['CONSULT', ['person:joseph yun'], ['state:PRK'], null, 'place:new york:USA'],
      ['SANCTION', ['state:USA'], ['state:PRK'], null, undefined, 'negated'],
    ],
  },
];
