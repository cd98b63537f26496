import type { ArticleInput, Issue } from './extraction';
import type { DatePrecision, EntityLabel, InstitutionKind, Modality, PlaceKind } from './ontology';

/**
 * The one document model that flows through every extraction stage (spaCy's Doc/Span, in spirit).
 * Stages work on `text`, the normalised copy; every offset below indexes into `text` unless it says
 * otherwise, and `toRaw` maps it back to the article's text as given.
 */

export interface Token {
  /** Index in `doc.tokens`. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower case, periods dropped ("U.S." → "us"): the key gazetteers match on. */
  key: string;
  lower: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, AUX, ADP, PUNCT, SPACE, …). */
  pos: string;
  lemma: string;
  /** wink's token type: word, number, punctuation, tabCRLF, … */
  type: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case (and at least one letter). */
  upper: boolean;
  /** wink's negation flag (the token is in the scope of a negation). */
  negated: boolean;
  sentence: number;
  /** Whitespace before the token (in `text`). */
  spaceBefore: boolean;
}

/**
 * The lead: an article's first sentences (its headline included), where it names the day of its story:
 * later sentences that only say "a day after …" or name no time at all may be dated from it.
 */
export const LEAD_SENTENCES = 2;

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  /** Most letters upper case: a shouted headline; capitalisation says nothing about names there. */
  allCaps: boolean;
}

/** How a mention refers to its entity; only `name` and `acronym` are names in the NER sense. */
export type MentionRole = 'name' | 'acronym' | 'demonym' | 'metonym' | 'capital' | 'epithet' | 'reference' | 'descriptor' | 'pronoun';

export type MentionSource = 'gazetteer' | 'pattern' | 'acronym' | 'shape' | 'surname';

export interface TitleSpan {
  title: string;
  start: number;
  end: number;
  /** A title that is an office (from titles.json) rather than a role word ("student"). */
  office: boolean;
  /** "Mr", "Dr": kept in the alias ("Mr Yun"), never a title. */
  honorific?: boolean;
  /** Index in doc.mentions of the state or institution that qualifies the title ("US" in "US Secretary of State"). */
  org?: number;
}

export interface Mention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  text: string;
  type: EntityLabel;
  role: MentionRole;
  source: MentionSource;
  /** A key the mention already carries (gazetteer hit, state); resolution may assign one otherwise. */
  key?: string;
  /** Canonical name for the entity, when known. */
  name?: string;
  /** ISO3 of the associated country, when known. */
  country?: string | null;
  /** Wikidata id from the gazetteer, when known. */
  wikidata?: string | null;
  institutionKind?: InstitutionKind;
  placeKind?: PlaceKind;
  /** Other readings the gazetteer offered (a capital: State or Place). */
  alternatives?: { type: EntityLabel; key: string; name: string; role: MentionRole; country?: string | null }[];
  /** Epithets and references that only hold in a context (ISO3 codes that must be mentioned). */
  context?: string[];
  titles?: TitleSpan[];
  /** For a possessive institution ("Pyongyang's United Nations mission"), the owner's mention index. */
  owner?: number;
  /** The entity it resolved to (index in doc.entities). */
  entity?: number;
  confidence: number;
  /** Dropped by resolution (ambiguous, context missing): kept for debugging, never output. */
  dropped?: boolean;
  /** A place name found playing a game: a team (an Institution) wherever it plays in the article. */
  team?: boolean;
}

export interface DocEntity {
  id: string;
  type: EntityLabel;
  name: string;
  aliases: Set<string>;
  mentions: number[];
  titles: string[];
  nationality?: string | null;
  country?: string | null;
  kind?: string;
  wikidata?: string | null;
}

/**
 * A mention with every field present, in one order: all mentions then share one hidden class, and code
 * reading them stays monomorphic (V8 otherwise made ~28 shapes of optional fields added in various
 * orders, and threw away optimised code on them). An optional field left undefined reads like an absent one.
 */
export function createMention(
  start: number, end: number, tokStart: number, tokEnd: number, text: string,
  type: EntityLabel, role: MentionRole, source: MentionSource, confidence: number,
): Mention {
  return {
    start, end, tokStart, tokEnd, text, type, role, source,
    key: undefined, name: undefined, country: undefined, wikidata: undefined, institutionKind: undefined, placeKind: undefined,
    alternatives: undefined, context: undefined, titles: undefined, owner: undefined, entity: undefined,
    confidence, dropped: undefined, team: undefined,
  };
}

/** An entity with every field present, in one order (one hidden class; see createMention). */
export function createEntity(id: string, type: EntityLabel, name: string): DocEntity {
  return {
    id, type, name, aliases: new Set(), mentions: [], titles: [],
    nationality: undefined, country: undefined, kind: undefined, wikidata: undefined,
  };
}

export interface DocRelation {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  confidence: number;
  /** Evidence span in normalised text (usually the sentence). */
  start: number;
  end: number;
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) at its precision; null when unresolved. */
  value: string | null;
  precision: DatePrecision | null;
  relative: boolean;
  /** For a relative date that could look ahead ("on Friday", "in June"): its reading in the future, for future events. */
  ahead?: { value: string; precision: DatePrecision };
  /**
   * While the dates stage runs: a date told relative to the date in context ("the next day"), or with
   * `story` to the day of the story ("The launch came a day after …").
   */
  anchor?: { shift: number; unit: string; story?: boolean };
}

export interface DocEvent {
  type: string;
  mode: string | null;
  actors: string[];
  recipients: string[];
  place: string | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  modality: Modality;
  confidence: number;
  trigger: string;
  /** Trigger span and evidence span (sentence) in normalised text. */
  triggerStart: number;
  triggerEnd: number;
  start: number;
  end: number;
  summary: string;
  /** Other sentences that tell the same event (evidence spans in normalised text). */
  also?: { start: number; end: number }[];
}

export interface ArticleDoc {
  input: ArticleInput;
  raw: string;
  /** Normalised text: NFC, quotes and dashes straightened, stray whitespace folded. */
  text: string;
  /** offsets[i] = index in `raw` of normalised character i; offsets[text.length] = raw.length. */
  offsets: Int32Array;
  /** Work is capped on huge inputs: stages only look at text[0, limit). */
  limit: number;
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  entities: DocEntity[];
  relations: DocRelation[];
  events: DocEvent[];
  dates: DateMention[];
  issues: Issue[];
}

export function createDoc(input: ArticleInput): ArticleDoc {
  const raw = typeof input.text === 'string' ? input.text : '';
  const offsets = new Int32Array(raw.length + 1);
  for (let i = 0; i <= raw.length; i++) offsets[i] = i;
  return {
    input, raw, text: raw, offsets, limit: raw.length,
    sentences: [], tokens: [], mentions: [], entities: [], relations: [], events: [], dates: [], issues: [],
  };
}

/** Map a normalised offset to the raw text. */
export function toRaw(doc: ArticleDoc, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= doc.text.length) return doc.raw.length;
  return doc.offsets[offset];
}

/** Map a normalised [start, end) range to the raw text: end maps past the last character. */
export function rangeToRaw(doc: ArticleDoc, start: number, end: number): { start: number; end: number } {
  const s = toRaw(doc, start);
  const e = end <= start ? s : toRaw(doc, end - 1) + rawCharLength(doc, end - 1);
  return { start: s, end: Math.max(s, e) };
}

/** How many raw characters the normalised character at `offset` came from (its last one, for a fold). */
function rawCharLength(doc: ArticleDoc, offset: number): number {
  const here = doc.offsets[offset];
  const next = offset + 1 < doc.text.length ? doc.offsets[offset + 1] : doc.raw.length;
  if (next === here) return 1; // several normalised chars from one raw char ("…" → "...")
  // A normalised char standing for a run (folded whitespace, composed accents): cover the raw run only
  // when it is not whitespace, so spans never end in trailing spaces.
  const ch = doc.raw.charCodeAt(here);
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xa0 ? 1 : next - here;
}
