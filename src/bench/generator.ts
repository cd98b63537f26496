import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import type { ArticleInput } from '../model/extraction';
import { inflectPhrase } from './english';
import { createRng, hash32 } from './prng';
import type { Rng } from './prng';

/**
 * A deterministic generator of wire-style news articles for `npm run bench`, so that anyone can run the
 * benchmark without a third-party corpus. Articles are assembled from templates written for this project
 * over the real actor names of the project's own tables (data/people.json, states.json,
 * institutions.json, event-triggers.json): titles glued to names with the office the person held on the
 * publication date ("Iranian Foreign Minister Abbas Araghchi"), appositions ("X, the Y of Z"), quotes,
 * capitals used as actors, acronyms defined in the text, relative dates ("on Tuesday", "three days
 * later") and negated, future and hypothetical events. About 2.5 KB each, like a BBC politics story.
 *
 * The events are invented: the text is benchmark input, made at run time and never stored in the repo.
 * Article `i` depends only on the seed and `i`, not on how many articles are generated.
 */

export interface GeneratorOptions {
  seed?: number;
  dataDir?: string;
  /** Mean length of an article's text in characters (the title is separate). */
  targetChars?: number;
  /** Publication dates are drawn from these years (inclusive). */
  years?: [number, number];
}

export const DEFAULT_SEED = 20_171_101;
export const SOURCE = 'newsgraph bench wire';

// ---- the tables, only the fields used here -------------------------------------------------------

interface RawOffice { title: string; org: string; from?: string | null; until?: string | null; country?: string | null }
interface RawPerson { name: string; aliases?: string[]; nationality?: string | null; offices?: RawOffice[] }
interface RawState { iso3: string; aliases?: string[]; demonyms?: string[]; metonyms?: string[] }
interface RawInstitution { name: string; kind: string; country?: string | null; aliases?: string[] }
interface RawTrigger { phrase: string; pos: string; type: string; mode: string | null; recipientPreps?: string[] }

interface State {
  iso3: string;
  /** As it reads in running text: "the US", "France". */
  name: string;
  /** As it reads in a headline or before a title: "US", "France". */
  bare: string;
  demonym: string;
  capital: string | null;
}
interface Office { title: string; orgName: string; iso3: string | null; viaState: boolean; from: string; until: string }
interface Person { name: string; short: string; offices: Office[] }
interface Institution { name: string; acronym: string | null; kind: string; iso3: string | null }
interface Verb { phrase: string; prep: string | null; type: string; mode: string | null }

export interface Tables {
  states: State[];
  stateByIso: Map<string, State>;
  people: Person[];
  institutions: Institution[];
  verbs: Map<string, Verb[]>;
}

/** Words that may follow a verb in a trigger phrase and still leave a verb frame "X <verb …> Y". */
const PARTICLES = new Set(['on', 'for', 'out', 'at', 'down', 'up', 'off', 'into', 'to', 'with', 'from', 'aside', 'in', 'of', 'away', 'by', 'over', 'behind', 'upon', 'back']);

/**
 * Trigger verbs whose object is not naturally a state, person or institution ("alleged Turkey",
 * "cancelled Iran"), or that need a complement the templates do not supply: left out of the templates.
 */
const NO_ACTOR_OBJECT = new Set([
  'allege', 'convict', 'implicate', 'designate', 'back out of', 'break off', 'call off', 'cancel', 'decline', 'deny',
  'refuse', 'refute', 'renege on', 'rule out', 'scrap', 'tear up', 'veto', 'walk away from', 'walk out of',
  'disavow', 'renounce', 'broker', 'convene', 'discuss', 'mediate', 'join', 'accept', 'approve', 'consent',
  'guarantee', 'offer', 'pledge', 'promise', 'vow', 'commit to', 'contribute', 'donate', 'lend', 'airlift',
  'airdrop', 'rescue', 'demand', 'insist', 'seek', 'request', 'call for', 'press for', 'push for', 'appeal for',
  'apply for', 'detonate', 'elevate', 'hire', 'inaugurate', 'install', 'promote', 'impeach', 'filibuster',
  'decree', 'legislate', 'codify', 'recognize', 'recognise', 'champion', 'phone', 'arrive in',
]);

/** Languages in which the family name comes first, so "Kim Jong-un" is "Kim" on second mention. */
const FAMILY_NAME_FIRST = new Set(['CHN', 'PRK', 'KOR', 'TWN']);

/** Institution names that read with "the" ("the Central Intelligence Agency", but "Chatham House"). */
const TAKES_ARTICLE =
  /\b(Agency|Ministry|Department|Council|Organi[sz]ation|Union|Office|Court|Committee|Commission|Parliament|Assembly|Party|Forces|Army|Navy|Command|Bank|Fund|Institute|Centre|Center|Service|Bureau|Guard|Senate|Congress|Cabinet|League|Association|Alliance|Programme|Program|Authority|Corps|Federation|Foundation|Endowment|Nations|Front|Movement|Conference|Secretariat|Administration|Police|Board)\b/;

/** State names that read with "the" in running text: "the US", "the Philippines", "the Czech Republic". */
const TAKES_THE = /^[A-Z.]{2,}$|^(Philippines|Netherlands|Gambia|Bahamas|Maldives|Comoros|Seychelles|Vatican)$|\b(Republic|Kingdom|States|Emirates|Islands)\b/;

/** "the Central Intelligence Agency", "Chatham House", "NATO". */
const withArticle = (name: string): string => (TAKES_ARTICLE.test(name) && !/^the\s/i.test(name) ? `the ${name}` : name);

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;

export function loadTables(dataDir = path.join(projectRoot(), 'data')): Tables {
  const rawStates = readJson<RawState[]>(dataDir, 'states.json');
  const states: State[] = [];
  for (const s of rawStates) {
    const name = s.aliases?.[0];
    if (!name) continue;
    const demonyms = s.demonyms ?? [];
    // "US Secretary of State", "UK Foreign Secretary": a demonym that is also a short name reads best.
    const demonym = demonyms.find((d) => s.aliases!.includes(d)) ?? demonyms[0] ?? name;
    const capital = (s.metonyms ?? []).find((m) => !/^the\s/i.test(m)) ?? null;
    states.push({ iso3: s.iso3, name: TAKES_THE.test(name) ? `the ${name}` : name, bare: name, demonym, capital });
  }
  const stateByIso = new Map(states.map((s) => [s.iso3, s]));

  const people: Person[] = [];
  for (const p of readJson<RawPerson[]>(dataDir, 'people.json')) {
    const offices: Office[] = [];
    for (const o of p.offices ?? []) {
      const viaState = o.org.startsWith('state:');
      const iso3 = viaState ? o.org.slice('state:'.length) : (o.country ?? null);
      if (iso3 && !stateByIso.has(iso3)) continue;
      const orgName = viaState ? stateByIso.get(iso3!)!.name : o.org;
      offices.push({ title: o.title, orgName, iso3, viaState, from: o.from ?? '0000', until: o.until ?? '9999' });
    }
    if (offices.length === 0) continue;
    people.push({ name: p.name, short: shortName(p), offices });
  }

  const institutions: Institution[] = readJson<RawInstitution[]>(dataDir, 'institutions.json').map((i) => ({
    name: i.name,
    acronym: (i.aliases ?? []).find((a) => /^[A-Z]{2,6}$/.test(a) && a !== i.name) ?? null,
    kind: i.kind,
    iso3: i.country && stateByIso.has(i.country) ? i.country : null,
  }));

  const verbs = new Map<string, Verb[]>();
  const raw = readJson<{ triggers: RawTrigger[] }>(dataDir, 'event-triggers.json').triggers;
  for (const t of raw) {
    if (t.pos !== 'verb' || NO_ACTOR_OBJECT.has(t.phrase)) continue;
    const words = t.phrase.split(' ');
    if (!words.slice(1).every((w) => PARTICLES.has(w))) continue;
    const prep = words.length === 1 && t.recipientPreps?.length ? t.recipientPreps[0] : null;
    const key = t.mode ? `${t.type}.${t.mode}` : t.type;
    for (const k of new Set([t.type, key])) {
      if (!verbs.has(k)) verbs.set(k, []);
      verbs.get(k)!.push({ phrase: t.phrase, prep, type: t.type, mode: t.mode });
    }
  }
  return { states, stateByIso, people, institutions, verbs };
}

function shortName(p: RawPerson): string {
  const parts = p.name.split(' ');
  if (parts.length === 1) return p.name;
  const single = (p.aliases ?? []).filter((a) => !a.includes(' ') && parts.includes(a)).sort((a, b) => a.length - b.length);
  if (single.length) return single[0];
  if (p.nationality && FAMILY_NAME_FIRST.has(p.nationality)) return parts[0];
  return parts[parts.length - 1];
}

// ---- words written for this generator ---------------------------------------------------------

const TOPICS = [
  'the disputed border', 'grain exports', 'the nuclear programme', 'maritime claims in the region', 'detained nationals',
  'energy prices', 'the ceasefire monitoring mission', 'arms shipments', 'tariffs on steel', 'cyber attacks on public services',
  'refugee flows', 'the enrichment facility', 'fishing rights', 'a stalled pipeline project', 'visa restrictions',
  'the missile programme', 'frozen central bank reserves', 'a planned military exercise', 'the expulsion of diplomats',
  'port access', 'election observers', 'water rights on the river', 'sanctions relief', 'prisoner exchanges',
];

const REASONS = [
  (t: string) => `citing what officials called repeated breaches of earlier commitments on ${t}`,
  (t: string) => `in a widening dispute over ${t}`,
  (t: string) => `as tension over ${t} rose again`,
  (t: string) => `after weeks of talks on ${t} ended without agreement`,
  (t: string) => `saying the step was needed to keep negotiations on ${t} alive`,
  (t: string) => `a sharp change of tone after months of quiet contacts over ${t}`,
  (t: string) => `in the latest sign of strain over ${t}`,
];

const QUOTES = [
  'We have made our position clear, and we will not change it under pressure',
  'This is a serious moment, and it needs a serious answer',
  'Our door remains open, but our patience is not unlimited',
  'Nobody gains from another round of escalation',
  'We expect concrete steps, not more statements',
  'The talks were frank and, at times, difficult',
  'We will respond in a measured and proportionate way',
  'There is still a window for diplomacy, though it is closing',
  'These measures are aimed at those responsible, not at ordinary people',
  'We are ready to meet again as soon as next week',
  'It goes against everything that was agreed',
  'Our partners know they can count on us',
  'We did not start this, but we are prepared to end it',
  'The numbers speak for themselves',
];

const SPEECH = ['said', 'told reporters', 'said in a statement', 'told a news conference', 'wrote on social media', 'added'];

const AIMS = [
  'return to the negotiating table', 'show restraint', 'respect the terms of the agreement', 'release those detained',
  'reopen the border crossings', 'allow inspectors back in', 'halt the military build-up', 'resume grain shipments',
];

const WEAPONS = [
  'short-range ballistic missile', 'cruise missile', 'long-range artillery rocket', 'submarine-launched ballistic missile',
  'hypersonic glide vehicle', 'solid-fuel rocket engine', 'anti-ship missile', 'medium-range ballistic missile',
];

const CONDITIONS = ['talks fail', 'the deadline passes', 'the detainees are not freed', 'the troops stay', 'the tests continue'];

const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// ---- one article ------------------------------------------------------------------------------

const DAY = 86_400_000;

class Article {
  private readonly seen = new Set<string>();
  readonly topic: string;

  constructor(
    readonly rng: Rng,
    readonly t: Tables,
    readonly date: Date,
    readonly A: State,
    readonly B: State,
    readonly C: State,
    readonly pA: Person,
    readonly pB: Person | null,
    private readonly cast: { p: Person; iso3: string | null }[],
    readonly inst1: Institution,
    readonly inst2: Institution,
  ) {
    this.topic = rng.pick(TOPICS);
  }

  /** Someone in office on the publication date not yet named in the article (of this state, when given). */
  fresh(iso3: string | null): Person | null {
    const options = this.cast.filter((c) => !this.seen.has(c.p.name) && (iso3 === null || c.iso3 === iso3));
    return options.length ? this.rng.pick(options).p : null;
  }

  get iso(): string {
    return this.date.toISOString().slice(0, 10);
  }

  office(p: Person): Office {
    return p.offices.find((o) => o.from <= this.iso && this.iso <= o.until) ?? p.offices[0];
  }

  /** "Iranian Foreign Minister Abbas Araghchi" on first mention, "Araghchi" after. */
  person(p: Person, form: 'glued' | 'apposition' | 'possessive' = 'glued'): string {
    if (this.seen.has(p.name)) return p.short;
    this.seen.add(p.name);
    const o = this.office(p);
    const state = o.iso3 ? this.t.stateByIso.get(o.iso3)! : null;
    if (form === 'apposition') {
      if (o.viaState && state) return `${p.name}, the ${o.title} of ${state.name},`;
      if (state) return `${p.name}, ${state.bare}'s ${o.title},`;
      return `${p.name}, the ${o.title} of ${withArticle(o.orgName)},`;
    }
    if (form === 'possessive' && state) return `${state.name}'s ${o.title} ${p.name}`.replace(/^the /, '');
    return `${state ? state.demonym : o.orgName} ${o.title} ${p.name}`;
  }

  institution(i: Institution): string {
    const base = withArticle(i.name);
    if (this.seen.has(i.name)) return i.acronym ?? base;
    this.seen.add(i.name);
    return i.acronym ? `${base} (${i.acronym})` : base;
  }

  /** The state as an actor: its name, or its capital standing for it ("Pyongyang said"). */
  state(s: State): string {
    return s.capital && this.rng.chance(0.3) ? s.capital : s.name;
  }

  verb(types: readonly string[]): Verb | null {
    const options = types.flatMap((k) => this.t.verbs.get(k) ?? []);
    return options.length ? this.rng.pick(options) : null;
  }

  /** "accused Iran", "agreed with Iran", "called on Iran". */
  frame(v: Verb, form: 'past' | 'third' | 'base', object: string): string {
    return `${inflectPhrase(v.phrase, form)} ${v.prep ? `${v.prep} ` : ''}${object}`;
  }

  /** A weekday in the last six days, as wire copy says it ("on Tuesday"). */
  recentDay(): string {
    const back = this.rng.between(1, 6);
    return `on ${WEEKDAYS[new Date(this.date.getTime() - back * DAY).getUTCDay()]}`;
  }

  /** An absolute date in the last month ("on March 4"), with the Date for relative follow-ups. */
  earlierDate(): { text: string; at: Date } {
    const at = new Date(this.date.getTime() - this.rng.between(8, 40) * DAY);
    return { text: `on ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}`, at };
  }

  dateExpr(): string {
    const m = this.date.getUTCMonth();
    const options = [this.recentDay(), this.recentDay(), 'last week', 'this week', 'earlier this month', this.earlierDate().text];
    if (m > 0) options.push(`in ${MONTHS[this.rng.int(m)]}`, 'earlier this year');
    return this.rng.pick(options);
  }

  futureExpr(): string {
    const m = this.date.getUTCMonth();
    const options = ['next week', 'later this month', 'next month', 'before the end of the year'];
    if (m < 11) options.push(`in ${MONTHS[m + 1 + this.rng.int(11 - m)]}`);
    return this.rng.pick(options);
  }

  quote(): string {
    return this.rng.pick(QUOTES);
  }

  reason(): string {
    return this.rng.pick(REASONS)(this.topic);
  }
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const an = (word: string): string => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

const HOSTILE = ['ACCUSE', 'THREATEN', 'SANCTION', 'REJECT'];
const FRIENDLY = ['CONSULT', 'COOPERATE', 'SUPPORT', 'AGREE', 'AID'];

/** The lead: who did what to whom, when, and why. Always first. */
function lead(a: Article): { sentences: string[]; verb: Verb } {
  const v = a.verb(HOSTILE)!;
  const object = a.pB && a.rng.chance(0.3) ? a.person(a.pB) : a.state(a.B);
  const first = `${a.person(a.pA, a.rng.chance(0.2) ? 'possessive' : 'glued')} ${a.frame(v, 'past', object)} ${a.recentDay()}, ${a.reason()}.`;
  const back = a.verb(HOSTILE)!;
  const n = a.rng.pick(NUMBERS);
  const second = `The move came ${n} days after ${a.state(a.B)} ${a.frame(back, 'past', a.A.name)} over ${a.topic}, according to officials in ${a.A.capital ?? a.A.bare}.`;
  return { sentences: [first, second], verb: v };
}

interface Template {
  /** May appear a second time in a long article (with fresh choices). */
  repeat: boolean;
  write(a: Article): string[] | null;
}

const TEMPLATES: Template[] = [
  // Quotes and reported speech.
  { repeat: true, write: (a) => {
    const s1 = `"${a.quote()}," ${a.pA.short} ${a.rng.pick(SPEECH)}${a.A.capital ? ` in ${a.A.capital}` : ''}.`;
    const s2 = `${a.pA.short} said ${a.A.name} was still willing to ${a.frame(a.verb(FRIENDLY)!, 'base', a.B.name)} ${a.futureExpr()}, but not "at any price".`;
    return [s1, s2];
  } },
  // The other side answers.
  { repeat: true, write: (a) => {
    const speaker = a.pB ?? a.fresh(a.B.iso3);
    const who = speaker ? a.person(speaker) : `${a.B.demonym} officials`;
    const v = a.verb(HOSTILE)!;
    const s1 = `In ${a.B.capital ?? a.B.bare}, ${who} ${a.frame(v, 'past', a.A.name)} ${a.dateExpr()}, ${a.reason()}.`;
    const f = a.verb(['REQUEST'])!;
    const s2 = `"${a.quote()}," ${speaker ? speaker.short : 'a spokesperson'} said, and ${a.frame(f, 'past', a.A.name)} to ${a.rng.pick(AIMS)}.`;
    return [s1, s2];
  } },
  // An institution weighs in; its acronym is defined on first mention.
  { repeat: false, write: (a) => {
    const r = a.verb(['REQUEST'])!;
    const s1 = `${a.institution(a.inst2)} said in a statement ${a.recentDay()} that it was following events closely, and ${a.frame(r, 'past', `${a.A.name} and ${a.B.name}`)} to ${a.rng.pick(AIMS)}.`;
    const s2 = `A spokesperson for ${a.institution(a.inst1)} declined to comment on ${a.topic}.`;
    return [s1, s2];
  } },
  // Apposition: "X, the Y of Z, ..."
  { repeat: true, write: (a) => {
    const p = a.fresh(null);
    if (!p) return null;
    const v = a.verb(a.rng.chance(0.5) ? FRIENDLY : HOSTILE)!;
    return [`${a.person(p, 'apposition')} ${a.frame(v, 'past', a.state(a.A))} ${a.dateExpr()} and said the dispute over ${a.topic} should be settled "${a.rng.pick(['quietly', 'quickly', 'through dialogue', 'without outside pressure'])}".`];
  } },
  // A dated chain: "On March 4 … Nine days later …"
  { repeat: true, write: (a) => {
    const d = a.earlierDate();
    const v1 = a.verb(FRIENDLY)!;
    const v2 = a.verb(HOSTILE)!;
    const s1 = `${d.text}, envoys from ${a.A.name} ${a.frame(v1, 'past', a.B.name)} in ${a.C.capital ?? a.C.bare}.`;
    const s2 = `${a.rng.pick(NUMBERS)} days later, ${a.B.name} ${a.frame(v2, 'past', a.state(a.A))}, and the talks stalled.`;
    return [s1, s2];
  } },
  // Negated, future and hypothetical events.
  { repeat: false, write: (a) => {
    const v = a.verb(['SANCTION', 'THREATEN'])!;
    const f = a.verb(FRIENDLY)!;
    const s1 = `${a.A.name} did not ${a.frame(a.verb(HOSTILE)!, 'base', a.C.name)}, officials stressed, but it could ${a.frame(v, 'base', a.B.name)} if ${a.rng.pick(CONDITIONS)}.`;
    const s2 = `${a.B.demonym} diplomats are expected to ${a.frame(f, 'base', a.C.name)} ${a.futureExpr()}.`;
    return [s1, s2];
  } },
  // A weapons test.
  { repeat: false, write: (a) => {
    const v = a.verb(['MOBILIZE.weapons-test']);
    if (!v) return null;
    const military = a.t.institutions.find((i) => i.iso3 === a.B.iso3 && i.kind === 'military');
    const by = military ? a.institution(military) : `${a.B.demonym} state media`;
    return [`${a.B.name} ${inflectPhrase(v.phrase, 'past')} ${an(a.rng.pick(WEAPONS))} ${a.dateExpr()}, ${by} said, the ${a.rng.pick(['second', 'third', 'fourth'])} such launch this year.`];
  } },
  // Detainees released.
  { repeat: false, write: (a) => {
    const v = a.verb(['RETREAT.release']);
    if (!v) return null;
    return [`Separately, ${a.A.name} ${inflectPhrase(v.phrase, 'past')} ${a.rng.pick(NUMBERS)} ${a.B.demonym} nationals ${a.dateExpr()}, a gesture officials in ${a.B.capital ?? a.B.bare} called "${a.rng.pick(['overdue', 'welcome', 'a first step', 'not enough'])}".`];
  } },
  // A legislature acts.
  { repeat: false, write: (a) => {
    const legislature = a.t.institutions.find((i) => i.iso3 === a.A.iso3 && i.kind === 'legislature');
    const v = a.verb(['LEGISLATE']);
    if (!legislature || !v) return null;
    return [`Lawmakers in ${a.institution(legislature)} ${inflectPhrase(v.phrase, 'past')} a measure on ${a.topic} ${a.dateExpr()}, a step that ${a.B.name} has long opposed.`];
  } },
  // An appointment.
  { repeat: false, write: (a) => {
    const v = a.verb(['PERSONNEL.appoint']);
    if (!v) return null;
    return [`${a.A.name} also ${inflectPhrase(v.phrase, 'past')} a new ambassador to ${a.B.name} ${a.dateExpr()}, filling a post that had been empty since ${a.date.getUTCFullYear() - 1}.`];
  } },
  // Background.
  { repeat: false, write: (a) => [
    `Relations between ${a.A.name} and ${a.B.name} have been strained since ${a.date.getUTCFullYear() - a.rng.between(1, 6)}, when a row over ${a.rng.pick(TOPICS)} led both sides to recall their ambassadors.`,
    `${a.C.name} has offered to host talks between the two governments but has so far made little progress.`,
  ] },
  // Markets and trade.
  { repeat: false, write: (a) => [
    `Trade between ${a.A.name} and ${a.B.name} fell by ${a.rng.between(3, 40)}% last year, according to figures published ${a.dateExpr()}.`,
    `Analysts at ${a.institution(a.inst2)} said further measures over ${a.topic} would hit ${a.rng.pick(['exporters', 'shipping', 'farmers', 'energy firms'])} on both sides first.`,
  ] },
];

function closing(a: Article): string {
  return a.rng.pick([
    `${a.institution(a.inst1)} did not respond to a request for comment.`,
    `Officials in ${a.C.capital ?? a.C.bare} declined to comment.`,
    `Talks are expected to resume ${a.futureExpr()} in ${a.C.capital ?? a.C.bare}.`,
    `${a.pA.short} is due to travel to ${a.C.name} ${a.futureExpr()}.`,
  ]);
}

function headline(a: Article, leadVerb: Verb): string {
  return cap(`${a.A.bare} ${inflectPhrase(leadVerb.phrase, 'third')}${leadVerb.prep ? ` ${leadVerb.prep}` : ''} ${a.B.bare} over ${a.topic.replace(/^the /, '')}`);
}

/** Capitalises each sentence's first letter ("the US said" at the start of a sentence). */
const paragraph = (sentences: string[]): string => sentences.map(cap).join(' ');

export interface Generator {
  readonly seed: number;
  article(index: number): ArticleInput & { id: string; url: string; title: string; source: string; publishedAt: string };
  articles(start: number, count: number): ArticleInput[];
}

export function createGenerator(options: GeneratorOptions = {}): Generator {
  const seed = options.seed ?? DEFAULT_SEED;
  const tables = loadTables(options.dataDir);
  const target = options.targetChars ?? 2500;
  const [y0, y1] = options.years ?? [2014, 2024];
  const start = Date.UTC(y0, 0, 1);
  const span = Math.floor((Date.UTC(y1, 11, 31) - start) / DAY);
  const govKinds = new Set(['government', 'military', 'intelligence', 'legislature']);
  const outsideKinds = new Set(['igo', 'think_tank', 'ngo', 'media']);
  const outsiders = tables.institutions.filter((i) => outsideKinds.has(i.kind));
  if (tables.states.length < 3 || tables.people.length < 2 || outsiders.length < 2) throw new Error('the data tables are too small to generate articles');
  for (const k of [...HOSTILE, ...FRIENDLY, 'REQUEST']) {
    if (!tables.verbs.get(k)?.length) throw new Error(`data/event-triggers.json has no usable ${k} verb`);
  }

  const article = (index: number) => {
    const rng = createRng(hash32(`${seed}:${index}`));
    const date = new Date(start + rng.int(span + 1) * DAY);
    const iso = date.toISOString().slice(0, 10);
    const officeState = (p: Person) => p.offices.find((o) => o.from <= iso && iso <= o.until)?.iso3 ?? null;
    const inOffice = tables.people.filter((p) => p.offices.some((o) => o.from <= iso && iso <= o.until));
    const national = inOffice.filter((p) => officeState(p));
    const pA = rng.pick(national.length ? national : tables.people);
    const A = tables.stateByIso.get(officeState(pA) ?? '') ?? rng.pick(tables.states);
    const others = national.filter((p) => officeState(p) !== A.iso3);
    const pB = others.length ? rng.pick(others) : null;
    const B = pB ? tables.stateByIso.get(officeState(pB)!)! : rng.pick(tables.states.filter((s) => s !== A));
    const C = rng.pick(tables.states.filter((s) => s !== A && s !== B));
    const home = tables.institutions.filter((i) => i.iso3 === A.iso3 && govKinds.has(i.kind));
    const inst1 = home.length ? rng.pick(home) : rng.pick(outsiders);
    const inst2 = rng.pick(outsiders.filter((i) => i !== inst1));
    const cast = inOffice.filter((p) => p !== pA && p !== pB).map((p) => ({ p, iso3: officeState(p) }));
    const a = new Article(rng, tables, date, A, B, C, pA, pB, cast, inst1, inst2);

    const want = Math.round(target * (0.8 + 0.4 * rng.next()));
    const { sentences, verb } = lead(a);
    const body: string[] = [paragraph(sentences)];
    let length = body[0].length;
    const passes = [rng.sample(TEMPLATES, TEMPLATES.length), rng.sample(TEMPLATES.filter((t) => t.repeat), TEMPLATES.length)];
    for (const template of passes.flat()) {
      if (length >= want - 120) break;
      const written = template.write(a);
      if (!written) continue;
      body.push(paragraph(written));
      length += body[body.length - 1].length + 2;
    }
    body.push(paragraph([closing(a)]));
    return {
      id: `bench-${seed}-${index}`,
      url: `https://news.example.org/bench/${seed}/${index}`,
      title: headline(a, verb),
      source: SOURCE,
      publishedAt: iso,
      text: `${(A.capital ?? A.bare).toUpperCase()} - ${body.join('\n\n')}`,
    };
  };

  return {
    seed,
    article,
    articles: (from, count) => Array.from({ length: count }, (_, i) => article(from + i)),
  };
}

/** `count` articles from index `start` (0 by default) of the seed's stream. */
export function generateArticles(count: number, options: GeneratorOptions & { start?: number } = {}): ArticleInput[] {
  return createGenerator(options).articles(options.start ?? 0, count);
}
