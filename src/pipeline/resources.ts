import type { Knowledge, PersonRecord, StateRecord, InstitutionRecord, Cues } from '../model/knowledge';
import type { MentionRole } from '../model/doc';
import type { EntityLabel, InstitutionKind, PlaceKind } from '../model/ontology';
import { institutionKey, normaliseName, personKey, placeKey, stateKey } from '../model/keys';
import { TokenTrie, tokenisePhrases, type PhraseToken } from '../stages/mentions/trie';

/**
 * Knowledge compiled for fast matching, built once per extractor: token tries for gazetteers, titles,
 * org and place shapes, and sets for every cue list.
 */

export interface GazEntry {
  type: EntityLabel;
  key: string;
  name: string;
  role: MentionRole;
  country: string | null;
  institutionKind?: InstitutionKind;
  placeKind?: PlaceKind;
  context?: string[];
  /** The phrase as written in the table, for case checks. */
  phrase: PhraseToken[];
  /** Higher wins among entries for the same phrase. */
  rank: number;
  /** Only a surname of a known person: weak evidence. */
  surname?: boolean;
  /** For a state: the record; for a person or institution: its record. */
  state?: StateRecord;
  person?: PersonRecord;
  institution?: InstitutionRecord;
}

export interface TitleEntry {
  title: string;
  office: boolean;
  honorific: boolean;
  orgKind: string | null;
  phrase: PhraseToken[];
}

export interface TriggerEntry {
  lemmas: string[];
  pos: 'verb' | 'noun';
  type: string;
  mode: string | null;
  recipientPreps: string[];
  /** Allowed object head lemmas (null: any object). */
  objects: Set<string> | null;
  /** Object head lemmas that veto the trigger (null: none). */
  notObjects: Set<string> | null;
  /** Another entry for the same phrase takes any object: this one needs one of its objects. */
  hasDefault: boolean;
  /** A hyphenated phrase split as the tokeniser splits it ("run - off"): no part of speech to check. */
  compound?: boolean;
}

/** A frame compiled for look-up (data/lexicon/frames.json). */
export interface FrameEntry {
  name: string;
  governors: Set<string>;
  governorTypes: Set<string>;
  /** Empty: any type. */
  governedTypes: Set<string>;
  result: { type: string; mode: string | null } | null;
}

export type CueSets = { [K in keyof Cues]: Set<string> };

export interface Resources {
  knowledge: Knowledge;
  gazetteer: TokenTrie<GazEntry>;
  titles: TokenTrie<TitleEntry>;
  orgPrefixes: TokenTrie<InstitutionKind>;
  possessiveHeads: TokenTrie<{ phrase: string; kind: InstitutionKind }>;
  placePrefixes: TokenTrie<string>;
  reportingPhrases: TokenTrie<string>;
  orgHeads: Map<string, InstitutionKind>;
  /** Lemmatised org nouns ("maker", "news agency"). */
  orgNouns: Map<string, InstitutionKind>;
  companySuffixes: Set<string>;
  connectors: Set<string>;
  possessiveNameWords: Set<string>;
  placeHeads: Set<string>;
  /** Common nouns for places ("capital", "city", "port"). */
  placeNouns: Set<string>;
  directions: Set<string>;
  givenNames: Set<string>;
  familyFirst: Set<string>;
  particles: Set<string>;
  cues: CueSets;
  /** Trigger entries by their first lemma. */
  triggers: Map<string, TriggerEntry[]>;
  frames: FrameEntry[];
  states: Map<string, StateRecord>;
  /** Normalised institution name or alias → record, for `partOf` by name. */
  institutionsByName: Map<string, InstitutionRecord>;
  /** People by normalised surname. */
  peopleBySurname: Map<string, PersonRecord[]>;
  /** People by entity key ("person:donald trump"). */
  peopleByKey: Map<string, PersonRecord>;
  /** Lower-cased title or alias → canonical title (titles.json). */
  titleCanon: Map<string, { title: string; orgKind: string | null; country: string | null }>;
}

const RANK = { stateName: 100, institution: 90, person: 85, metonym: 75, demonym: 70, place: 60, capital: 55, epithet: 50, surname: 20 };

function isUpperWord(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

export function compileResources(k: Knowledge): Resources {
  const phrases: string[] = [];
  const sinks: ((toks: PhraseToken[]) => void)[] = [];
  const add = (phrase: string, sink: (toks: PhraseToken[]) => void): void => {
    const p = phrase.trim();
    if (!p) return;
    phrases.push(p);
    sinks.push(sink);
  };

  const gazetteer = new TokenTrie<GazEntry>();
  const addGaz = (phrase: string, e: Omit<GazEntry, 'phrase'>): void =>
    add(phrase, (toks) => gazetteer.add(toks.map((t) => t.key), { ...e, phrase: toks }));

  const states = new Map<string, StateRecord>();
  for (const s of k.states) {
    states.set(s.iso3, s);
    const key = stateKey(s.iso3);
    for (const a of s.aliases) addGaz(a, { type: 'State', key, name: s.name, role: isUpperWord(a.replace(/[.\s]/g, '')) ? 'acronym' : 'name', country: s.iso3, rank: RANK.stateName, state: s });
    for (const d of s.demonyms) addGaz(d, { type: 'State', key, name: s.name, role: 'demonym', country: s.iso3, rank: RANK.demonym, state: s });
    for (const m of s.metonyms) addGaz(m, { type: 'State', key, name: s.name, role: 'metonym', country: s.iso3, rank: RANK.metonym, state: s });
    for (const c of s.capitals) addGaz(c, { type: 'Place', key: placeKey(c, s.iso3), name: c, role: 'capital', country: s.iso3, placeKind: 'city', rank: RANK.capital, state: s });
    for (const e of s.epithets) addGaz(e.phrase, { type: 'State', key, name: s.name, role: 'epithet', country: s.iso3, context: e.context, rank: RANK.epithet, state: s });
  }

  const institutionsByName = new Map<string, InstitutionRecord>();
  for (const inst of k.institutions) {
    const key = institutionKey(inst.name, inst.country);
    const names = [inst.name, ...inst.aliases];
    for (const n of names) {
      if (!institutionsByName.has(normaliseName(n))) institutionsByName.set(normaliseName(n), inst);
      // A name shared by a state organ and a party or a company ("Congress") reads as the organ unless the
      // article's country says otherwise (see the resolver).
      const organ = inst.kind === 'legislature' || inst.kind === 'government' || inst.kind === 'court' || inst.kind === 'military';
      addGaz(n, { type: 'Institution', key, name: inst.name, role: isUpperWord(n.replace(/[.\s&-]/g, '')) && n.length <= 8 ? 'acronym' : 'name', country: inst.country, institutionKind: inst.kind, rank: RANK.institution + (organ ? 1 : 0), institution: inst });
    }
  }

  const peopleBySurname = new Map<string, PersonRecord[]>();
  const peopleByKey = new Map<string, PersonRecord>();
  for (const p of k.people) {
    const key = personKey(p.name);
    if (!peopleByKey.has(key)) peopleByKey.set(key, p);
    for (const n of [p.name, ...p.aliases]) {
      // A one-word alias ("McConnell") is only a surname: weak evidence, confirmed by the resolver.
      const single = !/[\s-]/.test(n.trim());
      addGaz(n, { type: 'Person', key, name: p.name, role: 'name', country: p.nationality, rank: single ? RANK.surname : RANK.person, surname: single || undefined, person: p });
    }
    const parts = p.name.split(/\s+/);
    if (parts.length >= 2) {
      const last = parts[parts.length - 1];
      const sk = normaliseName(last);
      const list = peopleBySurname.get(sk) ?? [];
      list.push(p);
      peopleBySurname.set(sk, list);
    }
  }
  for (const [sk, list] of peopleBySurname) {
    if (sk.length < 3 || k.cues.nonEntityWords.includes(sk)) continue;
    const p = list[0];
    const last = p.name.split(/\s+/).pop() as string;
    addGaz(last, { type: 'Person', key: list.length === 1 ? personKey(p.name) : '', name: list.length === 1 ? p.name : last, role: 'name', country: list.length === 1 ? p.nationality : null, rank: RANK.surname, surname: true, person: list.length === 1 ? p : undefined });
  }

  for (const pl of k.places) {
    const key = placeKey(pl.name, pl.country);
    const rank = RANK.place + Math.min(9, Math.log10(1 + pl.population));
    for (const n of [pl.name, ...pl.aliases]) addGaz(n, { type: 'Place', key, name: pl.name, role: 'name', country: pl.country, placeKind: pl.kind, rank });
  }

  const titles = new TokenTrie<TitleEntry>();
  for (const t of k.titles.titles) for (const n of [t.title, ...t.aliases]) add(n, (toks) => titles.add(toks.map((x) => x.key), { title: t.title, office: true, honorific: false, orgKind: t.orgKind, phrase: toks }));
  for (const h of k.titles.honorifics) add(h, (toks) => titles.add(toks.map((x) => x.key), { title: h.replace(/\.$/, ''), office: false, honorific: true, orgKind: null, phrase: toks }));
  for (const r of [...k.titles.roles, ...k.cues.personRoles]) add(r, (toks) => titles.add(toks.map((x) => x.key), { title: r, office: false, honorific: false, orgKind: null, phrase: toks }));

  const orgPrefixes = new TokenTrie<InstitutionKind>();
  for (const p of k.orgPatterns.prefixes) add(p.phrase, (toks) => orgPrefixes.add(toks.map((x) => x.key), p.kind));
  const possessiveHeads = new TokenTrie<{ phrase: string; kind: InstitutionKind }>();
  for (const p of k.orgPatterns.possessiveHeads) add(p.phrase, (toks) => possessiveHeads.add(toks.map((x) => x.key), p));
  const placePrefixes = new TokenTrie<string>();
  for (const p of k.locations.prefixes) add(p, (toks) => placePrefixes.add(toks.map((x) => x.key), p));
  const reportingPhrases = new TokenTrie<string>();
  for (const p of k.cues.reportingPhrases) add(p, (toks) => reportingPhrases.add(toks.map((x) => x.key), p));

  const companySuffixes = new Set<string>();
  for (const s of k.orgPatterns.companySuffixes) add(s, (toks) => { if (toks.length === 1) companySuffixes.add(toks[0].key); });

  const cut = tokenisePhrases(phrases);
  for (let i = 0; i < cut.length; i++) sinks[i](cut[i]);

  const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  const cues = {} as CueSets;
  for (const name of Object.keys(k.cues) as (keyof Cues)[]) cues[name] = lower(k.cues[name]);

  const triggers = new Map<string, TriggerEntry[]>();
  for (const t of k.triggers) {
    const words = t.phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const set = (xs: readonly string[] | undefined): Set<string> | null => (xs && xs.length > 0 ? new Set(xs.map((x) => x.toLowerCase())) : null);
    // A hyphenated phrase is matched whole ("re-election") and split as the tokeniser may split it ("run - off").
    const split = words.flatMap((w) => (/\w-\w/.test(w) ? w.split(/(-)/).filter(Boolean) : [w]));
    const variants = split.length > words.length ? [words, split] : [words];
    for (const lemmas of variants) {
      const entry: TriggerEntry = {
        lemmas, pos: t.pos, type: t.type, mode: t.mode, recipientPreps: t.recipientPreps.map((p) => p.toLowerCase()),
        objects: set(t.objects), notObjects: set(t.notObjects), hasDefault: false, compound: lemmas === split || undefined,
      };
      const list = triggers.get(lemmas[0]) ?? [];
      list.push(entry);
      triggers.set(lemmas[0], list);
    }
  }
  for (const list of triggers.values()) {
    list.sort((a, b) => b.lemmas.length - a.lemmas.length);
    for (const e of list) e.hasDefault = !!e.objects && list.some((x) => x !== e && !x.objects && x.pos === e.pos && x.lemmas.join(' ') === e.lemmas.join(' '));
  }

  return {
    knowledge: k,
    gazetteer,
    titles,
    orgPrefixes,
    possessiveHeads,
    placePrefixes,
    reportingPhrases,
    orgHeads: new Map(k.orgPatterns.heads.map((h) => [h.word.toLowerCase(), h.kind])),
    orgNouns: new Map(k.orgPatterns.orgNouns.map((h) => [h.phrase.toLowerCase(), h.kind])),
    companySuffixes,
    connectors: lower(k.orgPatterns.connectors),
    possessiveNameWords: lower(k.orgPatterns.possessiveNameWords ?? []),
    placeHeads: lower(k.locations.heads),
    placeNouns: lower(k.locations.placeNouns ?? []),
    directions: lower(k.locations.directions),
    givenNames: lower(k.names.givenNames),
    familyFirst: lower(k.names.familyNameFirst),
    particles: lower(k.names.particles),
    cues,
    triggers,
    frames: (k.frames ?? []).map((f) => ({
      name: f.name, governors: lower(f.governors), governorTypes: new Set(f.governorTypes), governedTypes: new Set(f.governedTypes), result: f.result,
    })),
    states,
    institutionsByName,
    peopleBySurname,
    peopleByKey,
    titleCanon: new Map(k.titles.titles.flatMap((t) => [t.title, ...t.aliases].map((n) => [n.toLowerCase(), { title: t.title, orgKind: t.orgKind, country: t.country }] as const))),
  };
}
