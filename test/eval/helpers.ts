import type { ExtractedEntity, ExtractedEvent, ExtractedRelation, ExtractionResult } from '../../src/model/extraction';
import type { EntityLabel } from '../../src/model/ontology';

/** Hand-built extraction results for scorer tests. */

export function ent(id: string, type: EntityLabel, name: string, aliases: string[] = []): ExtractedEntity {
  return { id, type, name, aliases, mentions: [{ start: 0, end: name.length, text: name }], attributes: {} };
}

export function rel(type: string, source: string, target: string, title?: string): ExtractedRelation {
  return {
    type,
    source,
    target,
    properties: title ? { title } : {},
    confidence: 0.9,
    evidence: [{ start: 0, end: 1, quote: 'x' }],
  };
}

export function ev(
  type: string,
  actors: string[],
  recipients: string[] = [],
  extra: Partial<ExtractedEvent> = {},
): ExtractedEvent {
  return {
    id: `event:${type}:${actors.join(',')}`,
    type,
    mode: null,
    date: null,
    datePrecision: null,
    modality: 'asserted',
    actors,
    recipients,
    place: null,
    confidence: 0.7,
    evidence: [{ start: 0, end: 1, quote: 'x' }],
    ...extra,
  };
}

export function result(
  entities: ExtractedEntity[],
  relations: ExtractedRelation[] = [],
  events: ExtractedEvent[] = [],
): ExtractionResult {
  return {
    article: { id: 'article:test', title: null, url: null, source: null, publishedAt: null, contentHash: 'x' },
    entities,
    relations,
    events,
    issues: [],
  };
}

/** A small gold file in the documented format (original text written for the tests). */
export const GOLD_JSON = {
  article: {
    id: 'gold-test-summit',
    title: 'Leaders meet at the border',
    publishedAt: '2018-04-27',
    text:
      'South Korean President Moon Jae-in met North Korean leader Kim Jong-un at Panmunjom on Friday. ' +
      'Mr Moon said Seoul and Pyongyang would work towards a peace agreement. ' +
      'The United Nations Command said it welcomed the talks.',
  },
  entities: [
    { type: 'Person', name: 'Moon Jae-in', aliases: ['Moon', 'Mr Moon'] },
    { type: 'Person', name: 'Kim Jong-un', aliases: ['Kim'] },
    { type: 'State', name: 'South Korea', aliases: ['Seoul', 'South Korean'] },
    { type: 'State', name: 'North Korea', aliases: ['Pyongyang', 'North Korean'] },
    { type: 'Institution', name: 'United Nations Command', aliases: [] },
    { type: 'Place', name: 'Panmunjom', aliases: [] },
  ],
  relations: [
    { type: 'HOLDS_POSITION', source: 'Moon Jae-in', target: 'South Korea', title: 'President' },
    { type: 'HOLDS_POSITION', source: 'Kim Jong-un', target: 'North Korea', title: 'leader' },
  ],
  events: [
    {
      type: 'CONSULT',
      mode: 'multilateral',
      actors: ['Moon Jae-in'],
      recipients: ['Kim Jong-un'],
      date: '2018-04-27',
      datePrecision: 'day',
      modality: 'asserted',
      trigger: 'met',
    },
    {
      type: 'COOPERATE',
      mode: null,
      actors: ['Seoul', 'Pyongyang'],
      recipients: [],
      date: null,
      datePrecision: null,
      modality: 'future',
      trigger: 'work towards',
    },
  ],
};

/** A prediction that gets everything in GOLD_JSON right. */
export function perfectPrediction(): ExtractionResult {
  return result(
    [
      ent('person:moon jae-in', 'Person', 'Moon Jae-in', ['Mr Moon']),
      ent('person:kim jong-un', 'Person', 'Kim Jong-un'),
      ent('state:KOR', 'State', 'South Korea', ['Seoul']),
      ent('state:PRK', 'State', 'North Korea', ['Pyongyang']),
      ent('institution:united nations command', 'Institution', 'United Nations Command'),
      ent('place:panmunjom', 'Place', 'Panmunjom'),
    ],
    [
      rel('HOLDS_POSITION', 'person:moon jae-in', 'state:KOR', 'President'),
      rel('HOLDS_POSITION', 'person:kim jong-un', 'state:PRK', 'leader'),
    ],
    [
      ev('CONSULT', ['person:moon jae-in'], ['person:kim jong-un'], {
        mode: 'multilateral',
        date: '2018-04-27',
        datePrecision: 'day',
      }),
      ev('COOPERATE', ['state:KOR', 'state:PRK'], [], { modality: 'future' }),
    ],
  );
}
