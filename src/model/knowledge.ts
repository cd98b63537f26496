import { existsSync, readFileSync } from 'node:fs';
import { projectRoot } from '../config/paths';
import { join } from 'node:path';
import { z } from 'zod';
import { NewsgraphError } from '../pipeline/errors';
import { EVENT_TYPE_NAMES, INSTITUTION_KINDS, PLACE_KINDS } from './ontology';

/**
 * The knowledge tables in `data/` (gazetteers and lexicons), their zod schemas and loaders.
 * Every table is validated once at load; bad data stops start-up with an error naming the file and
 * the path inside it. Missing optional tables load as empty, so the extractor degrades, never breaks.
 */

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
const strings = z.array(z.string().min(1)).default([]);

export const StateSupplementSchema = z.object({
  iso3,
  name: z.string().min(1).optional(),
  aliases: strings,
  demonyms: strings,
  metonyms: strings,
  epithets: z
    .array(z.object({ phrase: z.string().min(1), context: z.array(iso3).optional() }))
    .default([]),
});
export const StatesTableSchema = z.array(StateSupplementSchema);

export const InstitutionSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(INSTITUTION_KINDS),
  country: iso3.nullable().default(null),
  aliases: strings,
  wikidata: z.string().nullable().default(null),
  partOf: z.string().min(1).nullable().default(null),
});
export const InstitutionsTableSchema = z.array(InstitutionSchema);

export const OfficeSchema = z.object({
  title: z.string().min(1),
  org: z.string().min(1),
  from: z.string().nullable().default(null),
  until: z.string().nullable().default(null),
  /** The state the office belongs to, when `org` is an institution. */
  country: iso3.nullable().optional(),
});
export const PersonSchema = z.object({
  name: z.string().min(1),
  aliases: strings,
  nationality: iso3.nullable().default(null),
  wikidata: z.string().nullable().default(null),
  offices: z.array(OfficeSchema).default([]),
});
export const PeopleTableSchema = z.array(PersonSchema);

export const TitlesTableSchema = z.object({
  honorifics: strings,
  titles: z
    .array(
      z.object({
        title: z.string().min(1),
        aliases: strings,
        orgKind: z.string().nullable().default(null),
        /** ISO3 of the one state that has this office ("Secretary of the Treasury": USA). */
        country: z.string().length(3).nullable().default(null),
      }),
    )
    .default([]),
  roles: strings,
});

export const TriggerSchema = z.object({
  phrase: z.string().min(1),
  pos: z.enum(['verb', 'noun']),
  type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
  mode: z.string().nullable().default(null),
  recipientPreps: strings,
  /** When the trigger has an object, its head noun must be one of these (lemmas; empty: any object). */
  objects: strings,
  /** Object head nouns that make the trigger something else ("meet a deadline", "launch a campaign"). */
  notObjects: strings,
  note: z.string().nullable().optional(),
});
export const TriggersTableSchema = z.object({ triggers: z.array(TriggerSchema) });

export const CitySchema = z.object({
  name: z.string().min(1),
  country: iso3,
  population: z.number().nonnegative(),
  geonamesId: z.number().int().nullable().optional(),
});
export const CitiesTableSchema = z.array(CitySchema);

export const PlaceExtraSchema = z.object({
  name: z.string().min(1),
  aliases: strings,
  kind: z.enum(PLACE_KINDS),
  country: iso3.nullable().default(null),
});
export const PlacesExtraTableSchema = z.array(PlaceExtraSchema);

/** `data/lexicon/cues.json`: closed-class words that drive the rules (see data/README.md). */
export const CuesSchema = z.object({
  reportingVerbs: strings,
  reportingPhrases: strings,
  negation: strings,
  negationVerbs: strings,
  future: strings,
  futureVerbs: strings,
  wrapperVerbs: strings,
  hypothetical: strings,
  hypotheticalVerbs: strings,
  locativePreps: strings,
  originPreps: strings,
  governmentReferences: strings,
  pronounsPerson: strings,
  pronounsOther: strings,
  personRoles: strings,
  nationalityNouns: strings,
  defectVerbs: strings,
  defectorNouns: strings,
  detainVerbs: strings,
  detentionPlaces: strings,
  membershipNouns: strings,
  membershipVerbs: strings,
  clauseMarkers: strings,
  /** Words that say when without a date ("last week", "recently"): a sentence with one keeps to itself. */
  vagueTimes: strings,
  /** Words that open a relative clause ("Mr Milei, who founded the party two years ago, will …"). */
  relativePronouns: strings,
  nonEntityWords: strings,
  relativeDateUnits: strings,
  companyContext: strings,
  teamVerbs: strings,
  /** Players' roles after a place that make it a team ("Surrey captain", "the Kent batsman"). */
  teamRoleNouns: strings,
  miscHeads: strings,
  /** Light verbs that lend their subject to the event noun they govern ("held talks", "launched an attack"). */
  supportVerbs: strings,
  /** Verbs whose event-noun object did not happen ("called off strikes", "cancelled the visit"). */
  cancelVerbs: strings,
  /** Verbs that pin an act on their object through a preposition ("accused China of a hack", "blamed Iran for the attacks"): the object owns the act, reported. */
  attributionVerbs: strings,
  /** The prepositions of those verbs that introduce the act. */
  attributionPreps: strings,
  /** Day and month names: a name does not run on into them through a connector ("the Strait of Hormuz on Friday"). */
  calendarWords: strings,
  /** Prepositions that name the target in a threat's complement ("close the strait to US ships", "warned against …"). */
  threatTargetPreps: strings,
  /** Prepositions in front of a meeting noun whose participants are the clause's ("in a phone call"). */
  meetingPreps: strings,
  /** Verbs whose subject is the winner of an election noun in their clause ("won the election"). */
  winVerbs: strings,
  /** Prepositions that give a launch or a firing a target: it is an attack ("fired rockets at X"). */
  attackPreps: strings,
  /** Nouns after an attack preposition that are no target ("fired a missile into the sea"). */
  testTargets: strings,
  /** Phrases that make what follows a purpose, not a fact ("in a bid to", "aimed at"). */
  purposePhrases: strings,
  /** Verbs of prevention: "prevent X from launching" (the launching did not happen). */
  preventionVerbs: strings,
  /** Determiners that make an event noun given information ("the strike", "its invasion"). */
  definiteDeterminers: strings,
  /** Event types whose noun takes a state or institution written before it as its actor ("US strikes"). */
  modifierActorTypes: strings,
  /** "the two leaders", "both rivals": the last two people named. */
  pairNounsPerson: strings,
  /** "the two countries", "both sides": the last two states named. */
  pairNounsState: strings,
  /** "X, who heads Z", "Z, led by X": verbs that make their subject the head of their object. */
  leadVerbs: strings,
  /** Offices of a city, not of the state its name can stand for ("Moscow Mayor"). */
  cityOffices: strings,
  /** Offices held abroad or for another party ("Ambassador X"): never the office of the state the article is about. */
  foreignPostTitles: strings,
  /** Words before a title that make it no office of a state ("shadow foreign secretary"). */
  nonOfficeModifiers: strings,
  /** Kinds of institution that are part of their state ("Russia's Defence Ministry"); others are only located there. */
  stateInstitutionKinds: strings,
  /** Kinds of institution a state qualifier only locates ("the Lebanese group Hezbollah"). */
  locatedInstitutionKinds: strings,
  /** Words that may stand between a member and "member of" ("X as the only member of Y"). */
  memberLinks: strings,
  /** Verbs that are requests when a "to"-infinitive follows their object ("told residents to leave"). */
  directiveVerbs: strings,
  /** "the group", "the Palestinian militant group": the organisation named last (of the demonym's state). */
  groupNouns: strings,
  /** Bodies that act for the state of their demonym ("American warplanes struck", "Russian troops crossed"). */
  agentNouns: strings,
  /** Prepositions that make a date a deadline ("by Tuesday", "until June"), not the date of the event. */
  deadlinePreps: strings,
  /** Subordinators whose clause is told as a fact even inside a report ("… after Mr Kim met Mr Putin"). */
  factClauseMarkers: strings,
  /** Event nouns a state before them only locates ("the Iraq war", "the Rwandan genocide"). */
  placeModifiedNouns: strings,
  /** Nouns of time that may stand between a subject and its verb ("Israel last week struck"). */
  timeNouns: strings,
  /** Nouns of quantity: the object is what follows their "of" ("tens of thousands of reservists"). */
  quantityNouns: strings,
  /** Titles that name no particular office ("leader Kim Jong-un"): the person's office of a state. */
  genericTitles: strings,
  /** "the alliance", "the bloc": the international organisation named last. */
  igoReferences: strings,
});

/** `data/lexicon/frames.json`: how one event word governs another ("vowed to destroy X" is a threat). */
export const FrameSchema = z.object({
  name: z.string().min(1),
  /** Lemmas of the governing word ("vow", "warn"). */
  governors: strings,
  /** Or: event types of governing triggers ("REQUEST"). */
  governorTypes: z.array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]])).default([]),
  /** Event types of the governed trigger; empty: any. */
  governedTypes: z.array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]])).default([]),
  /** What the governed event becomes; null: it is dropped (it did not happen). */
  result: z.object({ type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]), mode: z.string().nullable().default(null) }).nullable(),
  note: z.string().nullable().optional(),
});
export const FramesTableSchema = z.object({ frames: z.array(FrameSchema).default([]) });

/** `data/lexicon/org-patterns.json`: how unknown institutions are recognised from their shape. */
export const OrgPatternsSchema = z.object({
  heads: z.array(z.object({ word: z.string().min(1), kind: z.enum(INSTITUTION_KINDS) })).default([]),
  prefixes: z.array(z.object({ phrase: z.string().min(1), kind: z.enum(INSTITUTION_KINDS) })).default([]),
  companySuffixes: strings,
  possessiveHeads: z.array(z.object({ phrase: z.string().min(1), kind: z.enum(INSTITUTION_KINDS) })).default([]),
  /** Common nouns that, next to an unknown name, make it an organisation ("carmaker", "news agency"). */
  orgNouns: z.array(z.object({ phrase: z.string().min(1), kind: z.enum(INSTITUTION_KINDS) })).default([]),
  /** Words a possessive may follow inside a name ("People's Party", "Workers' Party"). */
  possessiveNameWords: strings,
  connectors: strings,
});

/** `data/lexicon/names.json`: given names and name particles for typing unknown people. */
export const NamesSchema = z.object({
  givenNames: strings,
  familyNameFirst: strings,
  particles: strings,
});

/** `data/lexicon/locations.json`: shapes of unknown places. */
export const LocationPatternsSchema = z.object({
  heads: strings,
  /** Common nouns for places: "the capital, Sanaa", "the port of Bandar Abbas". */
  placeNouns: strings,
  prefixes: strings,
  directions: strings,
});

export type StateSupplement = z.infer<typeof StateSupplementSchema>;
export type InstitutionRecord = z.infer<typeof InstitutionSchema>;
export type PersonRecord = z.infer<typeof PersonSchema>;
export type TitlesTable = z.infer<typeof TitlesTableSchema>;
export type TriggerRecord = z.infer<typeof TriggerSchema>;
export type CityRecord = z.infer<typeof CitySchema>;
export type PlaceExtraRecord = z.infer<typeof PlaceExtraSchema>;
export type Cues = z.infer<typeof CuesSchema>;
export type OrgPatterns = z.infer<typeof OrgPatternsSchema>;
export type NamesLexicon = z.infer<typeof NamesSchema>;
export type LocationPatterns = z.infer<typeof LocationPatternsSchema>;
export type FrameRecord = z.infer<typeof FrameSchema>;

/** A state as the extractor sees it: world-countries merged with the curated supplement. */
export interface StateRecord {
  iso3: string;
  name: string;
  /** Names and abbreviations that denote the state itself. */
  aliases: string[];
  /** Adjectives and nouns of nationality ("North Korean"), used as modifiers. */
  demonyms: string[];
  /** Capitals, seats and buildings that stand for the government ("Pyongyang", "the Kremlin"). */
  metonyms: string[];
  /** Capitals proper: a metonym in actor position, a place after a locative preposition. */
  capitals: string[];
  epithets: { phrase: string; context?: string[] }[];
}

/** A place that is not a state: cities from GeoNames plus curated regions and features. */
export interface PlaceRecord {
  name: string;
  aliases: string[];
  kind: (typeof PLACE_KINDS)[number];
  country: string | null;
  population: number;
}

export interface Knowledge {
  states: StateRecord[];
  institutions: InstitutionRecord[];
  people: PersonRecord[];
  titles: TitlesTable;
  triggers: TriggerRecord[];
  places: PlaceRecord[];
  cues: Cues;
  orgPatterns: OrgPatterns;
  names: NamesLexicon;
  locations: LocationPatterns;
  frames: FrameRecord[];
  /** Which tables were found, for diagnostics. */
  loaded: string[];
}

export class KnowledgeError extends NewsgraphError {
  constructor(message: string, readonly file: string) {
    super('E_KNOWLEDGE', message, false);
    this.name = 'KnowledgeError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

/** Parse a table with its schema; on bad data throw a KnowledgeError naming the file and the path. */
export function parseTable<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = r.error.issues.length > 3 ? ` (and ${r.error.issues.length - 3} more)` : '';
  throw new KnowledgeError(`invalid knowledge table ${file}: ${first.join('; ')}${more}`, file);
}

function readJson(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KnowledgeError(`invalid JSON in knowledge table ${file}: ${(e as Error).message}`, file);
  }
}

/** Load one table; a missing file gives `fallback`. */
export function loadTable<S extends z.ZodType>(dir: string, name: string, schema: S, fallback: z.infer<S>, loaded?: string[]): z.infer<S> {
  const file = join(dir, name);
  if (!existsSync(file)) return fallback;
  const value = parseTable(schema, readJson(file), file);
  loaded?.push(name);
  return value;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  unMember?: boolean;
  independent?: boolean | null;
}

const LATIN = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}'’.-]+$/u;

/** world-countries gives Kosovo the user-assigned code UNK; the project uses XKX. */
const WC_CODE_FIX: Record<string, string> = { UNK: 'XKX' };

/**
 * Merge world-countries with the curated supplement. The states are the UN members plus every state the
 * supplement lists (observers, Taiwan, Kosovo); other world-countries entries (territories) become places.
 */
export function mergeStates(worldCountries: readonly WorldCountry[], supplement: readonly StateSupplement[]): { states: StateRecord[]; territories: PlaceRecord[] } {
  const sup = new Map<string, StateSupplement>();
  for (const s of supplement) sup.set(s.iso3, s);
  const states: StateRecord[] = [];
  const territories: PlaceRecord[] = [];
  const seen = new Set<string>();
  for (const c of worldCountries) {
    const code = WC_CODE_FIX[c.cca3] ?? c.cca3;
    const s = sup.get(code);
    const alt = (c.altSpellings ?? []).filter((a) => a.length > 2 && LATIN.test(a));
    if (!c.unMember && !s) {
      territories.push({ name: c.name.common, aliases: uniq([c.name.official, ...alt]).filter((a) => a !== c.name.common), kind: 'region', country: null, population: 0 });
      continue;
    }
    seen.add(code);
    const dem = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d);
    const capitals = (c.capital ?? []).filter((x) => LATIN.test(x));
    states.push({
      iso3: code,
      name: s?.name ?? c.name.common,
      aliases: uniq([c.name.common, c.name.official, ...alt, ...(s?.aliases ?? [])]),
      demonyms: uniq([...dem, ...(s?.demonyms ?? [])]),
      metonyms: uniq([...(s?.metonyms ?? [])]),
      capitals: uniq(capitals),
      epithets: s?.epithets ?? [],
    });
  }
  for (const s of supplement) {
    if (seen.has(s.iso3)) continue;
    states.push({ iso3: s.iso3, name: s.name ?? s.aliases[0] ?? s.iso3, aliases: uniq(s.aliases), demonyms: uniq(s.demonyms), metonyms: uniq(s.metonyms), capitals: [], epithets: s.epithets });
  }
  states.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  return { states, territories };
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

const EMPTY_CUES: Cues = CuesSchema.parse({});
const EMPTY_ORG: OrgPatterns = OrgPatternsSchema.parse({});
const EMPTY_NAMES: NamesLexicon = NamesSchema.parse({});
const EMPTY_LOC: LocationPatterns = LocationPatternsSchema.parse({});

/** The default data directory: `data/` at the package root (the same from src/ and from the compiled dist/src/). */
export function defaultDataDir(): string {
  return join(projectRoot(), 'data');
}

/** Every table the package ships: from the default directory, a missing one is a broken install, not an empty table. */
export const SHIPPED_TABLES = [
  'states.json', 'places-cities.json', 'places-extra.json', 'lexicon/historical-places.json', 'institutions.json', 'people.json',
  'titles.json', 'event-triggers.json', 'lexicon/cues.json', 'lexicon/org-patterns.json', 'lexicon/names.json', 'lexicon/locations.json',
  'lexicon/frames.json',
] as const;

/** Load every table from `dataDir` (default: the package's `data/`, where every table must be present). */
export function loadKnowledge(dataDir: string = defaultDataDir()): Knowledge {
  if (dataDir === defaultDataDir()) {
    const missing = SHIPPED_TABLES.filter((t) => !existsSync(join(dataDir, t)));
    if (missing.length) throw new KnowledgeError(`knowledge tables missing from ${dataDir}: ${missing.join(', ')}`, join(dataDir, missing[0]));
  }
  const loaded: string[] = [];
  const supplement = loadTable(dataDir, 'states.json', StatesTableSchema, [], loaded);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wc = require('world-countries') as WorldCountry[] | { default: WorldCountry[] };
  const worldCountries = Array.isArray(wc) ? wc : wc.default;
  const { states, territories } = mergeStates(worldCountries, supplement);
  const cities = loadTable(dataDir, 'places-cities.json', CitiesTableSchema, [], loaded);
  const extra = loadTable(dataDir, 'places-extra.json', PlacesExtraTableSchema, [], loaded);
  const historical = loadTable(dataDir, 'lexicon/historical-places.json', PlacesExtraTableSchema, [], loaded);
  const places: PlaceRecord[] = [
    ...extra.map((p) => ({ name: p.name, aliases: p.aliases, kind: p.kind, country: p.country, population: 0 })),
    ...historical.map((p) => ({ name: p.name, aliases: p.aliases, kind: p.kind, country: p.country, population: 0 })),
    ...cities.map((c) => ({ name: c.name, aliases: [], kind: 'city' as const, country: c.country, population: c.population })),
    ...territories,
  ];
  return {
    states,
    institutions: loadTable(dataDir, 'institutions.json', InstitutionsTableSchema, [], loaded),
    people: loadTable(dataDir, 'people.json', PeopleTableSchema, [], loaded),
    titles: loadTable(dataDir, 'titles.json', TitlesTableSchema, { honorifics: [], titles: [], roles: [] }, loaded),
    triggers: loadTable(dataDir, 'event-triggers.json', TriggersTableSchema, { triggers: [] }, loaded).triggers,
    places,
    cues: loadTable(dataDir, 'lexicon/cues.json', CuesSchema, EMPTY_CUES, loaded),
    orgPatterns: loadTable(dataDir, 'lexicon/org-patterns.json', OrgPatternsSchema, EMPTY_ORG, loaded),
    names: loadTable(dataDir, 'lexicon/names.json', NamesSchema, EMPTY_NAMES, loaded),
    locations: loadTable(dataDir, 'lexicon/locations.json', LocationPatternsSchema, EMPTY_LOC, loaded),
    frames: loadTable(dataDir, 'lexicon/frames.json', FramesTableSchema, { frames: [] }, loaded).frames,
    loaded,
  };
}
