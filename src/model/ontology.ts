/**
 * Ontology v1 (ARCHITECTURE.md §2) as data. Nothing outside these tables is written to the graph.
 */

export const ENTITY_LABELS = ['Person', 'State', 'Institution', 'Place'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/**
 * Every node label; each has a unique `id` (its deterministic key), and `init` makes one uniqueness
 * constraint per label. `Entity` is the umbrella label every Person, State, Institution and Place also
 * carries, so that relationships can be written without knowing their endpoints' labels.
 */
export const ENTITY_UMBRELLA = 'Entity';
export const NODE_LABELS = [...ENTITY_LABELS, ENTITY_UMBRELLA, 'Event', 'Article', 'IngestRun', 'Job'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const INSTITUTION_KINDS = [
  'government', 'legislature', 'military', 'intelligence', 'court', 'party', 'igo', 'ngo',
  'think_tank', 'academic', 'media', 'company', 'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const PLACE_KINDS = ['city', 'region', 'feature', 'continent', 'site', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface RelationSpec {
  readonly from: readonly EntityLabel[];
  readonly to: readonly EntityLabel[];
  readonly meaning: string;
  /** Properties that are part of the relationship's identity (two titles give two relationships). */
  readonly identity?: readonly string[];
}

export const RELATION_TYPES = {
  HOLDS_POSITION: { from: ['Person'], to: ['Institution', 'State'], meaning: 'office or role', identity: ['title'] },
  MEMBER_OF: { from: ['Person', 'State', 'Institution'], to: ['Institution'], meaning: 'membership' },
  PART_OF: { from: ['Institution'], to: ['State', 'Institution'], meaning: 'part of a state or institution' },
  CITIZEN_OF: { from: ['Person'], to: ['State'], meaning: 'nationality' },
  DEFECTED_FROM: { from: ['Person'], to: ['State', 'Institution'], meaning: 'defection' },
  DETAINED_BY: { from: ['Person'], to: ['State', 'Institution'], meaning: 'held in custody' },
  LOCATED_IN: { from: ['Place', 'Institution'], to: ['Place', 'State'], meaning: 'geography, seat' },
} as const satisfies Record<string, RelationSpec>;
export type RelationType = keyof typeof RELATION_TYPES;

/** The identity properties of a relation type (see RelationSpec.identity). */
export const relationIdentity = (type: RelationType): readonly string[] => (RELATION_TYPES[type] as RelationSpec).identity ?? [];
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export interface EventTypeSpec {
  readonly modes: readonly string[];
  /** Name of the aggregated actor→recipient relationship. */
  readonly aggregate: string;
  /** Goldstein-like score used by the cooperation/conflict report (-10 conflict … +10 cooperation). */
  readonly score: number;
}

export const EVENT_TYPES = {
  AGREE: { modes: [], aggregate: 'AGREES_WITH', score: 4 },
  CONSULT: { modes: ['visit', 'phone', 'multilateral', 'backchannel', 'third-party'], aggregate: 'CONSULTS', score: 2 },
  SUPPORT: { modes: [], aggregate: 'SUPPORTS', score: 3 },
  COOPERATE: { modes: [], aggregate: 'COOPERATES_WITH', score: 5 },
  AID: { modes: [], aggregate: 'AIDS', score: 6 },
  CONCEDE: { modes: [], aggregate: 'CONCEDES_TO', score: 4 },
  RETREAT: { modes: ['release', 'withdraw', 'ceasefire', 'resign'], aggregate: 'RETREATS_FROM', score: 3 },
  REQUEST: { modes: [], aggregate: 'REQUESTS', score: -1 },
  ACCUSE: { modes: [], aggregate: 'ACCUSES', score: -3 },
  REJECT: { modes: [], aggregate: 'REJECTS', score: -4 },
  THREATEN: { modes: [], aggregate: 'THREATENS', score: -6 },
  PROTEST: { modes: [], aggregate: 'PROTESTS_AGAINST', score: -5 },
  SANCTION: { modes: [], aggregate: 'SANCTIONS', score: -7 },
  MOBILIZE: { modes: ['troops', 'weapons', 'weapons-test'], aggregate: 'MOBILIZES_AGAINST', score: -6 },
  COERCE: { modes: ['arrest', 'deport', 'seize', 'restrict'], aggregate: 'COERCES', score: -7 },
  ASSAULT: { modes: [], aggregate: 'ASSAULTS', score: -10 },
  ELECTION: { modes: [], aggregate: 'ELECTS', score: 0 },
  PERSONNEL: { modes: ['appoint', 'dismiss', 'resign', 'defect'], aggregate: 'PERSONNEL_CHANGE', score: 0 },
  LEGISLATE: { modes: [], aggregate: 'LEGISLATES_ON', score: 0 },
} as const satisfies Record<string, EventTypeSpec>;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export const MODALITIES = ['asserted', 'future', 'hypothetical', 'negated', 'reported'] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * The modalities that make an aggregated actor→recipient relationship (THREATENS, …): what was done or is
 * reported as done. A denied, hypothetical or announced event stays an Event node but draws no edge.
 */
export const AGGREGATED_MODALITIES: readonly Modality[] = ['asserted', 'reported'];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
