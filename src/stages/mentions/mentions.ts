import { createMention, type ArticleDoc, type Mention, type Sentence, type TitleSpan, type Token } from '../../model/doc';
import type { EntityLabel, InstitutionKind, PlaceKind } from '../../model/ontology';
import type { GazEntry, Resources, TitleEntry } from '../../pipeline/resources';
import { lexiconPos } from '../segment/nlp';
import { isUpperAcronym, phraseIds } from './trie';
import { CUE, VERSUS, anyCue, tokenCues } from './cues';
import { isNameHead } from '../../model/keys';

/**
 * Mentions: gazetteer hits (longest match), shapes of unknown institutions and places, acronyms
 * defined in the text, possessive institutions, government references, and capitalised runs typed by
 * their cues. Titles and honorifics are found first and kept out of names.
 */

interface Cand {
  a: number;
  b: number;
  type: EntityLabel;
  prio: number;
  rank: number;
  source: Mention['source'];
  role: Mention['role'];
  entries?: GazEntry[];
  /** An earlier mention this one names again by its head ("the Commission" after "the European Commission"). */
  ref?: Mention;
  kind?: InstitutionKind;
  placeKind?: PlaceKind;
  /** A state named inside the name ("Election Commission of India"). */
  country?: string | null;
  confidence: number;
}

/** Optional parts of a candidate, given to `cand` by name. */
type CandExtras = Pick<Cand, 'entries' | 'ref' | 'kind' | 'placeKind' | 'country'>;

/** A candidate with every field present, in one order: one hidden class for all of them (see createMention). */
function cand(
  a: number, b: number, type: EntityLabel, prio: number, rank: number, source: Mention['source'], role: Mention['role'],
  confidence: number, x?: Partial<CandExtras>,
): Cand {
  return {
    a, b, type, prio, rank, source, role,
    entries: x?.entries, ref: x?.ref, kind: x?.kind, placeKind: x?.placeKind, country: x?.country, confidence,
  };
}

interface TitleMatch {
  a: number;
  b: number;
  entry: TitleEntry;
  /** Swallowed by a longer name. */
  dropped: boolean;
}

const MAX_RUN = 12;

function isWord(t: Token): boolean {
  return t.type === 'word' || t.type === 'abbreviation' || t.type === 'url' || t.type === 'hashtag';
}

/**
 * An article's working arrays, indexed by token (but `runs`). Allocated once per article, not per sentence:
 * each sentence reads and writes only its own tokens' marks, so no sentence sees another's.
 */
interface Marks {
  /** The token is in a chosen mention. */
  taken: Uint8Array;
  /** Index of the title match covering the token in its sentence's title list, or -1. */
  titleAt: Int32Array;
  /** The token is in a title that stays. */
  titleTok: Uint8Array;
  /** The token's cue words and the tries with a phrase starting at its key (`CUE` bits). */
  cues: Uint16Array;
  /** The tokens' phrase key numbers (`phraseIds`). */
  ids: Int32Array;
  /** Room for one sentence's capitalised runs (`capRuns`; each call overwrites the last). */
  runs: Int32Array;
}

/**
 * The typed arrays of `Marks` (but `ids`, which later stages share), kept from one article to the next, grown
 * for a longer one and cleared for each: allocating five typed arrays per article (each with memory outside
 * the heap, which the GC also tracks) costs more than clearing them. Nothing of one article reaches the next.
 */
class MarkBuffers {
  private bytes = new Uint8Array(0);
  private shorts = new Uint16Array(0);
  private ints = new Int32Array(0);

  /** Cleared arrays for an article of `n` tokens; `titleAt` is all -1. `cues` is filled by `tokenCues`. */
  take(n: number): Omit<Marks, 'ids'> {
    if (this.bytes.length < 2 * n) this.bytes = new Uint8Array(Math.max(2 * n, 2 * this.bytes.length));
    if (this.shorts.length < n) this.shorts = new Uint16Array(Math.max(n, 2 * this.shorts.length));
    if (this.ints.length < 3 * n) this.ints = new Int32Array(Math.max(3 * n, 2 * this.ints.length));
    const taken = this.bytes.subarray(0, n);
    const titleTok = this.bytes.subarray(n, 2 * n);
    const cues = this.shorts.subarray(0, n);
    const titleAt = this.ints.subarray(0, n);
    const runs = this.ints.subarray(n, 3 * n);
    taken.fill(0);
    titleTok.fill(0);
    titleAt.fill(-1);
    return { taken, titleAt, titleTok, cues, runs };
  }
}

const BUFFERS = new MarkBuffers();

export function findMentions(doc: ArticleDoc, res: Resources): void {
  const buffers = BUFFERS.take(doc.tokens.length);
  tokenCues(doc.tokens, res, buffers.cues); // before phraseIds: it may number the cue words
  const marks: Marks = { ...buffers, ids: phraseIds(doc.tokens) };
  const cues = marks.cues;
  for (const s of doc.sentences) sentenceMentions(doc, res, s, marks);
  teamsEverywhere(doc);
  // Acronyms are defined (or shown to be common words) in parentheses only: without one, nothing to link.
  if (anyCue(cues, CUE.openParen)) linkAcronyms(doc, res);
}

/** A place the article has shown to be a team is the team wherever else it plays a part, but not after "in"/"at". */
function teamsEverywhere(doc: ArticleDoc): void {
  const ms = doc.mentions;
  let teams: Set<string> | null = null;
  for (const m of ms) if (m.team) (teams ??= new Set()).add(m.text);
  if (!teams) return;
  const T = doc.tokens;
  for (const m of ms) {
    if (m.team || m.type !== 'Place' || (m.role !== 'name' && m.role !== 'capital') || !teams.has(m.text)) continue;
    const prev = m.tokStart > 0 ? T[m.tokStart - 1] : null;
    if (prev && (prev.key === 'in' || prev.key === 'at' || prev.key === 'near' || prev.key === 'from' || prev.key === 'to')) continue;
    makeTeam(m, false);
  }
}

function makeTeam(m: Mention, everywhere = true): void {
  m.type = 'Institution';
  m.role = 'name';
  m.institutionKind = 'other';
  m.alternatives = undefined;
  if (m.source === 'gazetteer') { m.key = undefined; m.country = null; }
  m.confidence = Math.min(m.confidence, 0.6);
  if (everywhere) m.team = true;
}

function caseOk(e: GazEntry, toks: Token[], a: number, s: Sentence, res: Resources): boolean {
  const n = e.phrase.length;
  const first = toks[a];
  if (n === 1 && res.cues.nonEntityWords.has(first.key) && e.type !== 'State') return false;
  if (s.allCaps) {
    // Shouted text: trust only multi-token names and entries that are not everyday words.
    return n > 1 || e.type === 'State' || e.type === 'Institution' || e.role === 'capital' || first.pos === 'PROPN' || first.pos === 'NOUN';
  }
  for (let k = 0; k < n; k++) {
    const shape = e.phrase[k].shape;
    const t = toks[a + k];
    if (shape === 'acronym' ? !t.upper : shape === 'capitalised' && !t.cap) return false;
  }
  // A single capitalised word that could be an everyday word ("Reading", "Nice") must be a proper noun.
  if (n === 1 && (e.type === 'Place' || e.surname || e.type === 'Person') && first.pos !== 'PROPN' && !first.upper) return false;
  if (n === 1 && a === s.tokStart && first.pos !== 'PROPN' && !first.upper && e.type !== 'State') return false;
  return true;
}

/**
 * The entries whose written case fits the tokens at `a`. (A helper rather than a closure in the per-token
 * loops: a closure capturing the loop variable costs a context allocation on every iteration.)
 */
function casedEntries(entries: readonly GazEntry[], toks: Token[], a: number, s: Sentence, res: Resources): GazEntry[] {
  const ok: GazEntry[] = [];
  for (const e of entries) if (caseOk(e, toks, a, s, res)) ok.push(e);
  return ok;
}

/** Whether a mention ends right before token `i`. */
function mentionEndingAt(ms: readonly Mention[], i: number): boolean {
  for (const m of ms) if (m.tokEnd === i) return true;
  return false;
}

/** Whether a span of `spans` other than `except` overlaps tokens [a, b). */
function overlapsSpan(spans: readonly { a: number; b: number }[], a: number, b: number, except?: object): boolean {
  for (const o of spans) if (o !== except && o.a < b && o.b > a) return true;
  return false;
}

/** The title ending right before token `tok` (titles are apart: at most one). */
function titleEndingAt(titles: readonly TitleMatch[], tok: number): TitleMatch | undefined {
  for (const t of titles) if (t.b === tok) return t;
  return undefined;
}

/** Whether a title starts at token `tok`. */
function titleStartsAt(titles: readonly TitleMatch[], tok: number): boolean {
  for (const t of titles) if (t.a === tok) return true;
  return false;
}

/** Whether an entry reads the name as a city (a capital or a city). */
function namesCity(entries: readonly GazEntry[] | undefined): boolean {
  if (entries) for (const e of entries) if (e.role === 'capital' || e.placeKind === 'city') return true;
  return false;
}

/** The first of `cands` on the same tokens as `cands[k]` (it may be that one). */
function firstWithSpan(cands: readonly Cand[], k: number): Cand {
  const c = cands[k];
  for (let j = 0; j < k; j++) if (cands[j].a === c.a && cands[j].b === c.b) return cands[j];
  return c;
}

/** Whether no token in [a, b) is capitalised. */
function noCapitals(T: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (T[k].cap) return false;
  return true;
}

/**
 * Sort a sentence's short list in place, stably: the same order as Array.prototype.sort (stable too), without
 * the work arrays the built-in sort allocates on every call. Longer lists go to the built-in sort.
 */
function sortShort<T>(xs: T[], cmp: (x: T, y: T) => number): void {
  if (xs.length > 16) { xs.sort(cmp); return; }
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && cmp(xs[j], x) > 0) { xs[j + 1] = xs[j]; j--; }
    xs[j + 1] = x;
  }
}

/** Whether `xs` from `from` on is already in the order `cmp` sorts to. */
function inOrder<T>(xs: readonly T[], from: number, cmp: (x: T, y: T) => number): boolean {
  for (let i = from + 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

const isLive = (t: TitleMatch): boolean => !t.dropped;
const isDropped = (t: TitleMatch): boolean => t.dropped;

const NO_SURNAMES: ReadonlyMap<number, GazEntry[]> = new Map();

// Sort orders (functions made once, not a closure per call).
const byRankDesc = (x: { rank: number }, y: { rank: number }): number => y.rank - x.rank;
/** Longest first, then the stronger source, the higher rank, the earlier start. */
const bySelectionOrder = (x: Cand, y: Cand): number => (y.b - y.a) - (x.b - x.a) || y.prio - x.prio || y.rank - x.rank || x.a - y.a;
const byStartToken = (x: Cand, y: Cand): number => x.a - y.a;
const byOffsets = (x: Mention, y: Mention): number => x.start - y.start || x.end - y.end;

/** Index of the first mention covering token `i`, or -1. */
function mentionAt(ms: readonly Mention[], i: number): number {
  for (let k = 0; k < ms.length; k++) if (ms[k].tokStart <= i && ms[k].tokEnd > i) return k;
  return -1;
}

function sentenceMentions(doc: ArticleDoc, res: Resources, s: Sentence, marks: Marks): void {
  const T = doc.tokens;
  const a0 = s.tokStart;
  const b0 = s.tokEnd;
  const ids = marks.ids;
  const cues = marks.cues;

  // 1. Titles, honorifics and role words (greedy, longest first).
  const titles: TitleMatch[] = [];
  for (let i = a0; i < b0; i++) {
    if (!(cues[i] & CUE.titleStart)) continue;
    const m = res.titles.longest(ids, i, b0);
    if (!m) continue;
    const entry = pickTitle(m.values, T, i);
    if (!entry) continue;
    // A title word glued by a hyphen to a name word is part of that word ("Hossein Amir-Abdollahian",
    // "Choe Son-hui", "Abdel-Amir"); hyphenated titles themselves ("President-elect") match whole.
    if (gluedHyphenAfter(T, m.end, b0) || gluedHyphenBefore(T, i, a0)) continue;
    // A capitalised role word inside a sentence at the head of an organisation's name is part of it
    // ("the Royal Marines", "the Student Union"), not "Activist Joshua Wong", "Professor Joni Lovenduski".
    if (!entry.office && !entry.honorific && T[i].cap && i > a0 && !s.allCaps && orgNameAfter(T, m.end, b0, res)) continue;
    titles.push({ a: i, b: m.end, entry, dropped: false });
    i = m.end - 1;
  }

  // 2. Candidates.
  const cands: Cand[] = [];
  // Known surnames by token (most sentences have none: the map is made for the first).
  let found: Map<number, GazEntry[]> | null = null;
  for (let i = a0; i < b0; i++) {
    // (A key no name starts with starts no match: skipped before the token is read.)
    if (!(cues[i] & CUE.gazetteerStart) || (!isWord(T[i]) && T[i].pos !== 'PUNCT')) continue;
    const matches = res.gazetteer.matchAll(ids, i, b0);
    // The shortest name kept so far at i: its end and key (-1: none).
    let shortestB = -1;
    let shortestKey = '';
    for (let mi = matches.length - 1; mi >= 0; mi--) {
      const m = matches[mi];
      const ok = casedEntries(m.values, T, i, s, res);
      if (ok.length === 0) continue;
      sortShort(ok, byRankDesc);
      const e = ok[0];
      if (e.surname) {
        // A known person's surname alone is weak: it only helps type a lone capitalised word.
        if (m.end === i + 1) (found ??= new Map()).set(i, ok);
        continue;
      }
      // "Interfax news agency": the lower-case tail of an alias is description, not name.
      if (shortestB >= 0 && shortestKey === e.key && !s.allCaps && noCapitals(T, shortestB, m.end)) continue;
      // "Russia's military intelligence agency", "Tehran's military influence": a lower-case last word
      // that modifies the noun after it is no head of a name.
      const last = T[m.end - 1];
      const after = m.end < b0 ? T[m.end] : null;
      if (!s.allCaps && !last.cap && after && after.pos === 'NOUN' && !after.cap && e.type === 'Institution') continue;
      if (shortestB < 0) { shortestB = m.end; shortestKey = e.key; }
      let a = i;
      // "the Netherlands", "the West Bank": the article is no part of the name.
      if (T[a].key === 'the' && m.end - a > 1 && (e.role === 'name' || e.role === 'acronym' || e.role === 'metonym') && (T[a + 1].cap || s.allCaps)) a++;
      cands.push(cand(a, m.end, e.type, 3, e.rank, 'gazetteer', e.role, 0.9, { entries: ok }));
    }
  }
  const surnames: ReadonlyMap<number, GazEntry[]> = found ?? NO_SURNAMES;
  // A lone place or state name glued to an unknown capitalised word is part of a bigger name
  // ("Van Gaal", "Jordan Henderson"): leave it to the run.
  for (const c of cands) {
    if (c.b - c.a !== 1 || s.allCaps || (c.type !== 'Place' && c.type !== 'State') || c.role === 'acronym' || c.role === 'demonym') continue;
    const nx = T[c.b];
    if (!nx || c.b >= b0 || !nx.cap || nx.pos !== 'PROPN' || res.cues.nonEntityWords.has(nx.key)) continue;
    if (res.orgHeads.has(nx.lower) || res.placeHeads.has(nx.lower) || res.companySuffixes.has(nx.key)) continue;
    if (overlapsSpan(cands, c.b, c.b + 1, c) || titleStartsAt(titles, c.b)) continue;
    // Only when the word itself reads as the start of a person's name.
    const first = T[c.a];
    if (!res.givenNames.has(first.lower) && !res.particles.has(first.lower) && !res.familyFirst.has(first.lower) && !titleEndingAt(titles, c.a)) continue;
    c.prio = -1;
  }
  // ... and so is one preceded by an unknown capitalised word inside the sentence ("Wang Donghai").
  for (const c of cands) {
    // A one-word company after a given name or an honorific is a surname ("Barbara Roche", "Ms Roche").
    const company = c.type === 'Institution' && c.role === 'name' && c.entries?.[0]?.institutionKind === 'company';
    if (company && c.b - c.a === 1 && !s.allCaps && c.a - 1 >= a0 && (res.givenNames.has(T[c.a - 1].lower) || titleEndingAt(titles, c.a)?.entry.honorific) && T[c.a - 1].cap) { c.prio = -1; continue; }
    if (c.prio < 0 || c.b - c.a !== 1 || s.allCaps || c.type !== 'Place' || c.role === 'capital') continue;
    const pv = c.a - 1 > a0 ? T[c.a - 1] : null;
    if (!pv || !pv.cap || pv.pos !== 'PROPN' || res.cues.nonEntityWords.has(pv.key)) continue;
    if (!res.givenNames.has(pv.lower) && !res.familyFirst.has(pv.lower)) continue;
    if (overlapsSpan(cands, c.a - 1, c.a, c) || titleEndingAt(titles, c.a)) continue;
    c.prio = -1;
  }
  for (let k = cands.length - 1; k >= 0; k--) if (cands[k].prio < 0) cands.splice(k, 1);
  // "Hansa Rostock", "Sparta Prague", "PSV Eindhoven": an unknown name word (no everyday word, given name or
  // title) right before a city is a club or a company named after the city.
  if (!s.allCaps) {
    const n = cands.length;
    for (let ci = 0; ci < n; ci++) {
      const c = cands[ci];
      if (c.b - c.a !== 1 || c.a - 1 < a0 || !namesCity(c.entries)) continue;
      const pv = T[c.a - 1];
      if (!pv.cap || pv.pos !== 'PROPN') continue;
      if (!/^(\p{Lu}\p{Ll}+|\p{Lu}{2,4})$/u.test(pv.text) || c.a - 2 >= a0 && T[c.a - 2].cap && isWord(T[c.a - 2])) continue;
      if (res.givenNames.has(pv.lower) || res.familyFirst.has(pv.lower) || res.particles.has(pv.lower) || res.cues.nonEntityWords.has(pv.key) || isEverydayWord(pv.lower, res)) continue;
      // Not a known person's surname ("Blunkett Sheffield trip"), nor a city that is also a word ("Mobile").
      if (surnames.has(c.a - 1) || isEverydayWord(T[c.a].lower, res) || (c.b < b0 && T[c.b].cap && isWord(T[c.b])) || surnameInText(doc.text, pv.text, res)) continue;
      if (overlapsSpan(titles, c.a - 1, c.a) || overlapsSpan(cands, c.a - 1, c.a)) continue;
      cands.push(cand(c.a - 1, c.b, 'Institution', 2, 0, 'pattern', 'name', 0.6, { kind: 'other' }));
    }
    // "the Seattle Mariners", "the New York Mets", "the Toronto Blue Jays": a city and a capitalised plural
    // after it (one or two words, no organisation, place or event head) is a team.
    for (let ci = 0; ci < n; ci++) {
      const c = cands[ci];
      if (c.b + 1 > b0 || !namesCity(c.entries)) continue;
      let e = c.b;
      while (e < b0 && e - c.b < 2 && T[e].cap && isWord(T[e]) && T[e].key !== "'s") e++;
      if (e === c.b || (e < b0 && T[e].cap && isWord(T[e]))) continue;
      const last = T[e - 1];
      // The plural of a word ("Mets", "Mariners", "Harriers"), not a surname ("Milan Baros"), after a city that is no given name.
      if (!/^\p{Lu}\p{Ll}+s$/u.test(last.text) || lexiconPos(last.lower.slice(0, -1)) === null || res.givenNames.has(T[c.b - 1].lower) || res.orgHeads.has(last.lower) || res.placeHeads.has(last.lower) || res.cues.miscHeads.has(last.lower) || res.cues.nonEntityWords.has(last.key)) continue;
      if (overlapsSpan(cands, c.b, e, c) || overlapsSpan(titles, c.b, e)) continue;
      cands.push(cand(c.a, e, 'Institution', 2, 0, 'pattern', 'name', 0.6, { kind: 'other' }));
    }
  }
  // Gazetteer hits on the same span pool their readings ("the Kremlin" the metonym, "Kremlin" the building),
  // so a seat of government can be a state or a place by position, like a capital.
  // (The entries of a candidate that pools nothing are already in rank order.)
  let pooled: Cand[] | null = null;
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k];
    const first = firstWithSpan(cands, k);
    if (first === c) continue;
    for (const e of c.entries ?? []) if (!first.entries?.includes(e)) first.entries?.push(e);
    (pooled ??= []).push(first);
  }
  if (pooled) for (const c of pooled) if (c.entries) sortShort(c.entries, byRankDesc);
  if (!s.allCaps) patternCandidates(doc, res, s, cands, marks);

  // 3. Select: longest first, then the stronger source; titles only yield to longer names.
  sortShort(cands, bySelectionOrder);
  const { taken, titleAt, titleTok } = marks;
  for (let ti = 0; ti < titles.length; ti++) for (let k = titles[ti].a; k < titles[ti].b; k++) titleAt[k] = ti;
  const chosen: Cand[] = [];
  for (const c of cands) {
    let free = true;
    for (let k = c.a; k < c.b; k++) if (taken[k]) { free = false; break; }
    if (!free) continue;
    // Titles are in order and apart: those the candidate overlaps are the indices first..last.
    let first = -1;
    let last = -1;
    for (let k = c.a; k < c.b; k++) if (titleAt[k] >= 0) { if (first < 0) first = titleAt[k]; last = titleAt[k]; }
    if (first >= 0) {
      let contains = c.prio >= 2 && c.type !== 'Person';
      for (let ti = first; ti <= last; ti++) {
        const t = titles[ti];
        if (t.a < c.a || t.b > c.b || t.b - t.a >= c.b - c.a) contains = false;
      }
      // A role word ("chief") never swallows a gazetteer name it only borders.
      if (!contains) continue;
      for (let ti = first; ti <= last; ti++) titles[ti].dropped = true;
    }
    for (let k = c.a; k < c.b; k++) taken[k] = 1;
    chosen.push(c);
  }
  const liveTitles = titles.some(isDropped) ? titles.filter(isLive) : titles;
  for (const t of liveTitles) for (let k = t.a; k < t.b; k++) titleTok[k] = 1;

  // 4. Capitalised runs nobody claimed: unknown names typed by their cues.
  if (!s.allCaps) {
    const runs = marks.runs;
    const nRuns = capRuns(T, res, a0, b0, marks, runs);
    for (let r = 0; r < nRuns; r += 2) {
      const ra = runs[r];
      const rb = runs[r + 1];
      const c = headReference(doc, res, s, ra, rb) ?? typeRun(doc, res, s, ra, rb, liveTitles, surnames);
      // A lone word that is a known person's surname carries that person as a candidate.
      if (c && c.type === 'Person' && c.b - c.a === 1 && surnames.has(c.a) && !c.entries) { c.source = 'surname'; c.entries = surnames.get(c.a); }
      if (c) {
        for (let k = c.a; k < c.b; k++) taken[k] = 1;
        chosen.push(c);
      }
    }
  }
  sortShort(chosen, byStartToken);

  const base = doc.mentions.length;
  for (const c of chosen) doc.mentions.push(toMention(doc, c));

  // 5. Possessive and modifier institutions: "Pyongyang's United Nations mission", "the US embassy".
  possessiveInstitutions(doc, res, s, base, marks);

  // 6a. "the alliance", "the bloc": the international organisation named last (within five sentences).
  for (let i = a0 + 1; i < b0; i++) {
    const t = T[i];
    if (!(cues[i] & CUE.igoReference) || t.cap || T[i - 1].key !== 'the' || T[i].pos !== 'NOUN') continue;
    if (i + 1 < b0 && (T[i + 1].key === 'of' || (T[i + 1].pos === 'NOUN' && T[i + 1].key !== "'s"))) continue;
    if (mentionAt(doc.mentions, i) >= 0) continue;
    let ref: Mention | undefined;
    for (let k = doc.mentions.length - 1; k >= 0; k--) {
      const m = doc.mentions[k];
      if (m.tokStart >= i || m.dropped) continue;
      if (T[m.tokStart].sentence < s.i - 5) break;
      if (m.type === 'Institution' && m.institutionKind === 'igo' && m.key) { ref = m; break; }
    }
    if (!ref) continue;
    const m = createMention(t.start, t.end, i, i + 1, t.text, 'Institution', 'reference', 'pattern', 0.6);
    m.key = ref.key; m.name = ref.name; m.country = ref.country ?? null; m.institutionKind = ref.institutionKind;
    doc.mentions.push(m);
  }

  // 6. Government references: "the administration", "the Trump administration".
  for (let i = a0; i < b0; i++) {
    const t = T[i];
    if (!(cues[i] & CUE.governmentReference) || (t.cap && !s.allCaps && i !== a0 && T[i - 1].key !== 'the')) continue;
    if (mentionAt(doc.mentions, i) >= 0) continue;
    const prev = i > a0 ? T[i - 1] : null;
    const modIdx = findMentionEndingAt(doc, base, i);
    const pronoun = prev && (prev.key === 'his' || prev.key === 'her');
    if (!prev || (prev.key !== 'the' && modIdx < 0 && prev.key !== "'s" && !pronoun)) continue;
    let owner = modIdx;
    if (prev.key === "'s") owner = findMentionEndingAt(doc, base, i - 1);
    // "his government": the first person of this sentence (its subject, mostly), else the last one before.
    if (pronoun) {
      owner = -1;
      for (let k = doc.mentions.length - 1; k >= 0; k--) {
        const m = doc.mentions[k];
        if (m.tokStart >= i || m.dropped || m.type !== 'Person') continue;
        const sn = T[m.tokStart].sentence;
        if (sn < s.i - 1 || (sn < s.i && owner >= 0)) break;
        owner = k;
      }
      if (owner < 0) continue;
    }
    const m = createMention(t.start, t.end, i, i + 1, t.text, 'State', 'reference', 'pattern', 0.6);
    if (owner >= 0) m.owner = owner;
    doc.mentions.push(m);
  }

  // 6b. Places playing a game are teams: "Leeds 2 Chelsea 1", "Leicestershire beat Somerset".
  teamFrames(doc, res, s, base, cues);

  // 7. Titles and honorifics in front of people.
  for (let k = base, end = doc.mentions.length; k < end; k++) {
    const m = doc.mentions[k];
    if (m.type !== 'Person') continue;
    attachTitles(doc, m, liveTitles, base);
  }
  // Earlier sentences' mentions are in order and all before this one's: only the new ones need sorting.
  if (doc.mentions.length - base > 1 && !inOrder(doc.mentions, base, byOffsets)) {
    const added = doc.mentions.splice(base).sort(byOffsets);
    for (const m of added) doc.mentions.push(m);
  }
}

/**
 * "the Commission" after "the European Commission", "the Assembly" after "the Supreme People's Assembly":
 * a capitalised organisation head after "the" names the last institution mentioned with that head.
 */
function headReference(doc: ArticleDoc, res: Resources, s: Sentence, ra: number, rb: number): Cand | null {
  const T = doc.tokens;
  if (T[ra].key === 'the' && rb - ra === 2) ra++; // "The Commission" opening a sentence
  if (rb - ra !== 1 || ra - 1 < s.tokStart || T[ra - 1].key !== 'the' || !res.orgHeads.has(T[ra].lower)) return null;
  if (rb < s.tokEnd && (T[rb].key === 'of' || T[rb].key === 'for' || T[rb].cap)) return null;
  for (let k = doc.mentions.length - 1; k >= 0; k--) {
    const m = doc.mentions[k];
    if (m.dropped || m.type !== 'Institution' || m.role === 'acronym') continue;
    // "the Commission" after "the European Commission"; "the Court" after "the Supreme Court of Israel"
    // (the words before "of" are the name's head). Longer heads ("the Supreme Court") are resolved later.
    if (!isNameHead([T[ra].lower], m.name ?? m.text)) continue;
    return cand(ra, rb, 'Institution', 1, 0, 'pattern', 'name', 0.7, { ref: m, kind: m.institutionKind });
  }
  return null;
}


/** Whether capitalised words from `j` (one to three) end in an organisation head ("Marines", "Union"). */
function orgNameAfter(T: Token[], j: number, b0: number, res: Resources): boolean {
  let e = j;
  while (e < b0 && e - j < 3 && T[e].cap && isWord(T[e])) e++;
  return e > j && !(e < b0 && T[e].cap && isWord(T[e])) && res.orgHeads.has(T[e - 1].lower);
}

function gluedHyphenAfter(T: Token[], end: number, b0: number): boolean {
  return end + 1 < b0 && T[end].text === '-' && !T[end].spaceBefore && !T[end + 1].spaceBefore && isWord(T[end + 1]);
}

function gluedHyphenBefore(T: Token[], i: number, a0: number): boolean {
  return i - 2 >= a0 && T[i - 1].text === '-' && !T[i - 1].spaceBefore && !T[i].spaceBefore && T[i - 2].cap && isWord(T[i - 2]);
}

function pickTitle(values: TitleEntry[], T: Token[], i: number): TitleEntry | null {
  // Honorifics are names' companions only when capitalised ("Mr"), never the word "mister".
  const office = values.find((v) => v.office);
  if (office) return office;
  const hon = values.find((v) => v.honorific);
  if (hon) return T[i].cap ? hon : null;
  return values[0] ?? null;
}

function findMentionEndingAt(doc: ArticleDoc, base: number, tok: number): number {
  for (let k = doc.mentions.length - 1; k >= base; k--) if (doc.mentions[k].tokEnd === tok) return k;
  return -1;
}

/** The entries after the first with a key other than `key` (a name's other readings). */
function otherReadings(entries: readonly GazEntry[], key: string): GazEntry[] {
  const out: GazEntry[] = [];
  for (let k = 1; k < entries.length; k++) if (entries[k].key && entries[k].key !== key) out.push(entries[k]);
  return out;
}

function toMention(doc: ArticleDoc, given: Cand): Mention {
  let c = given;
  const T = doc.tokens;
  const start = T[c.a].start;
  const end = T[c.b - 1].end;
  let e = c.entries?.[0];
  // A metonym that is also a city ("London" for the UK) reads like a capital: place or state by position.
  if (e && e.role === 'metonym' && e.state) {
    const place = c.entries?.find((x) => x.type === 'Place');
    if (place) e = { ...place, role: 'capital', state: e.state };
    else if (c.b - c.a === 1 && !/^the$/i.test(doc.tokens[c.a].text)) {
      const st = e.state;
      const ci = st.capitals.indexOf(doc.text.slice(start, end));
      const cap = ci >= 0 ? st.capitals[ci] : undefined;
      if (cap) e = { ...e, type: 'Place', role: 'capital', key: `place:${cap.toLowerCase()}:${st.iso3}`, name: cap };
    }
  }
  if (e && e.role === 'capital') c = cand(c.a, c.b, 'Place', c.prio, c.rank, c.source, 'capital', c.confidence, c);
  const m = createMention(start, end, c.a, c.b, doc.text.slice(start, end), c.type, c.role, c.source, c.confidence);
  if (c.ref) {
    const r = c.ref;
    if (r.key) m.key = r.key;
    m.name = r.name ?? r.text;
    m.country = r.country;
    if (r.wikidata) m.wikidata = r.wikidata;
    if (r.institutionKind) m.institutionKind = r.institutionKind;
  } else if (e) {
    if (e.key) m.key = e.key;
    m.name = e.name;
    const wd = e.person?.wikidata ?? e.institution?.wikidata;
    if (wd) m.wikidata = wd;
    m.country = e.country;
    if (e.institutionKind) m.institutionKind = e.institutionKind;
    if (e.placeKind) m.placeKind = e.placeKind;
    if (e.context) m.context = e.context;
    const alts = otherReadings(c.entries ?? [], e.key);
    // A capital is also its state (a metonym); the resolver decides by position.
    if (e.role === 'capital' && e.state) alts.unshift({ ...e, type: 'State', key: `state:${e.state.iso3}`, name: e.state.name, role: 'metonym' });
    if (alts.length > 0) m.alternatives = alts.map((x) => ({ type: x.type, key: x.key, name: x.name, role: x.role, country: x.country }));
  } else {
    if (c.kind) m.institutionKind = c.kind;
    if (c.placeKind) m.placeKind = c.placeKind;
    if (c.country) m.country = c.country;
  }
  return m;
}

/** Whether token k is in a chosen mention or a title (never, without marks). */
function blockedAt(marks: Marks | null, k: number): boolean {
  return marks !== null && (marks.taken[k] === 1 || marks.titleTok[k] === 1);
}

/**
 * Maximal runs of capitalised words, joined by connectors, particles and in-word hyphens, written to `runs`
 * as [start, end) pairs (`[a1, b1, a2, b2, ...]`); returns how many numbers it wrote. With `marks`, tokens
 * already taken or in a title are in none.
 */
function capRuns(T: Token[], res: Resources, a0: number, b0: number, marks: Marks | null, runs: Int32Array, joinConnectors = false): number {
  let count = 0;
  let i = a0;
  while (i < b0) {
    if (blockedAt(marks, i) || !T[i].cap || !isWord(T[i]) || T[i].key === "'s") { i++; continue; }
    let j = i + 1;
    while (j < b0 && j - i < MAX_RUN) {
      const t = T[j];
      if (blockedAt(marks, j)) break;
      if (t.cap && isWord(t) && t.key !== "'s") { j++; continue; }
      // In-word hyphen: "Jong-un", "Abdel-Fattah".
      if (t.text === '-' && !t.spaceBefore && j + 1 < b0 && !T[j + 1].spaceBefore && isWord(T[j + 1]) && !blockedAt(marks, j + 1)) { j += 2; continue; }
      // Initials: "George W. Bush" is one token "W." in wink; a lone "." after a capital letter joins too.
      if ((res.particles.has(t.key) || (joinConnectors && res.connectors.has(t.key))) && !t.cap && j + 1 < b0 && T[j + 1].cap && isWord(T[j + 1]) && !blockedAt(marks, j + 1) && !res.cues.calendarWords.has(T[j + 1].key)) { j += 2; continue; }
      // A hyphenated particle: "Abdullatif al-Zayani", "Abu Mahdi al-Muhandis".
      if (res.particles.has(t.key) && !t.cap && j + 2 < b0 && T[j + 1].text === '-' && !T[j + 1].spaceBefore && !T[j + 2].spaceBefore && T[j + 2].cap && isWord(T[j + 2]) && !blockedAt(marks, j + 1) && !blockedAt(marks, j + 2)) { j += 3; continue; }
      // A possessive inside a name: "Taiwan People's Party", "Workers' Party of Korea".
      if (t.key === "'s" && res.possessiveNameWords.has(T[j - 1].lower) && j + 1 < b0 && T[j + 1].cap && isWord(T[j + 1]) && !blockedAt(marks, j + 1)) { j += 2; continue; }
      break;
    }
    runs[count++] = i;
    runs[count++] = j;
    i = j;
  }
  return count;
}

/** Length of a state name or demonym starting at i (cut off institution names: "US State Department"). */
function stateAt(T: Token[], res: Resources, s: Sentence, marks: Marks, i: number): number {
  if (!(marks.cues[i] & CUE.gazetteerStart)) return 0;
  let best = 0;
  for (const m of res.gazetteer.matchAll(marks.ids, i, s.tokEnd)) {
    for (const e of m.values) {
      if (e.type === 'State' && (e.role === 'name' || e.role === 'acronym' || e.role === 'demonym') && caseOk(e, T, i, s, res)) { best = Math.max(best, m.end - i); break; }
    }
  }
  return best;
}

/** Length and country of a state's name (not a demonym) starting at i. */
function stateNameAt(T: Token[], res: Resources, s: Sentence, marks: Marks, i: number): { len: number; country: string | null } {
  let best = 0;
  let country: string | null = null;
  if (!(marks.cues[i] & CUE.gazetteerStart)) return { len: best, country };
  for (const m of res.gazetteer.matchAll(marks.ids, i, s.tokEnd)) {
    let e: GazEntry | undefined;
    for (const x of m.values) if (x.type === 'State' && x.role === 'name' && caseOk(x, T, i, s, res)) { e = x; break; }
    if (e && m.end - i > best) { best = m.end - i; country = e.country ?? null; }
  }
  return { len: best, country };
}

function patternCandidates(doc: ArticleDoc, res: Resources, s: Sentence, cands: Cand[], marks: Marks): void {
  const T = doc.tokens;
  const ids = marks.ids;
  const cues = marks.cues;
  const a0 = s.tokStart;
  const b0 = s.tokEnd;
  // Prefix shapes: "Ministry of Defence", "Centre for Strategic and International Studies", "Gulf of Aden".
  // The prefix itself must be capitalised ("Ministry of", not "ministry of").
  for (let i = a0; i < b0; i++) {
    if (!T[i].cap) continue;
    const org = cues[i] & CUE.orgPrefixStart ? res.orgPrefixes.longest(ids, i, b0) : undefined;
    const orgEnd = org ? prefixNameEnd(T, res, i, org.end, b0) : -1;
    if (org && orgEnd >= 0) cands.push(cand(i, orgEnd, 'Institution', 2, 0, 'pattern', 'name', 0.75, { kind: org.values[0] }));
    const place = cues[i] & CUE.placePrefixStart ? res.placePrefixes.longest(ids, i, b0) : undefined;
    const placeEnd = place ? prefixNameEnd(T, res, i, place.end, b0) : -1;
    if (place && placeEnd >= 0 && (place.end - i === 1 ? T[i].pos === 'PROPN' : true)) cands.push(cand(i, placeEnd, 'Place', 2, 0, 'pattern', 'name', 0.6, { placeKind: 'feature' }));
  }

  // Head shapes: "Foreign Affairs Committee", "Labour Party", "Apple Inc", "Yalu River".
  const runs = marks.runs;
  const nRuns = capRuns(T, res, a0, b0, null, runs, true);
  for (let r = 0; r < nRuns; r += 2) {
    const ra = runs[r];
    const rb = runs[r + 1];
    let a = ra;
    while (a < rb && (T[a].key === 'the' || (a === a0 && T[a].pos !== 'PROPN' && !res.orgHeads.has(T[a].lower)))) a++;
    if (a >= rb) continue;
    // Company suffix right after the run: "Toyota Motor Corp".
    let b = rb;
    if (b < b0 && res.companySuffixes.has(T[b].key) && b > a) {
      cands.push(cand(a, b + 1, 'Institution', 2, 0, 'pattern', 'name', 0.75, { kind: 'company' }));
      continue;
    }
    if (res.companySuffixes.has(T[b - 1].key) && b - a >= 2) {
      cands.push(cand(a, b, 'Institution', 2, 0, 'pattern', 'name', 0.75, { kind: 'company' }));
      continue;
    }
    // An event or a law named after a body is neither ("the Consumer Electronics Show").
    if (res.cues.miscHeads.has(T[b - 1].lower)) continue;
    // The last head in the run decides.
    let h = -1;
    for (let k = b - 1; k > a; k--) {
      if (res.orgHeads.has(T[k].lower) || res.placeHeads.has(T[k].lower)) { h = k; break; }
    }
    if (h < 0) continue;
    b = h + 1;
    const sl = stateAt(T, res, s, marks, a);
    const isOrg = res.orgHeads.has(T[h].lower);
    if (sl > 0 && b - (a + sl) >= 2) a += sl; // "US State Department" → "State Department" with a state modifier
    if (b - a < 2) continue;
    // "Election Commission of India", "Central Bank of Nigeria": the state the body belongs to is part of its name.
    let country: string | null = null;
    if (isOrg && b + 1 < b0 && T[b].key === 'of' && T[b + 1].cap) {
      const st = stateNameAt(T, res, s, marks, b + 1);
      if (st.len > 0 && !(b + 1 + st.len < b0 && T[b + 1 + st.len].cap && isWord(T[b + 1 + st.len]))) { b += 1 + st.len; country = st.country; }
    }
    if (isOrg) cands.push(cand(a, b, 'Institution', 2, 0, 'pattern', 'name', 0.7, { kind: res.orgHeads.get(T[h].lower), country }));
    else cands.push(cand(a, b, 'Place', 2, 0, 'pattern', 'name', 0.6, { placeKind: 'feature' }));
  }
}

/** End of the capitalised words after a prefix shape (tokens `i` to `j`: "Ministry of" + "Defence"), or -1 for none. */
function prefixNameEnd(T: Token[], res: Resources, i: number, j: number, b0: number): number {
  let last = -1;
  while (j < b0 && j - i < MAX_RUN) {
    const t = T[j];
    if (t.cap && isWord(t) && t.key !== "'s") { last = j; j++; continue; }
    // Not into a date: "the Strait of Hormuz on Friday".
    if (res.connectors.has(t.key) && !t.cap && j + 1 < b0 && T[j + 1].cap && !res.cues.calendarWords.has(T[j + 1].key)) { j++; continue; }
    if (t.text === '-' && !t.spaceBefore && j + 1 < b0 && !T[j + 1].spaceBefore) { j++; continue; }
    break;
  }
  return last < 0 ? -1 : last + 1;
}

/** One to three ASCII digits ("2" in "Leeds 2 Chelsea 1"). */
function isSmallInt(text: string): boolean {
  if (text.length === 0 || text.length > 3) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A score: a small number, or runs for wickets ("429-7", "108/3"). */
function isScore(text: string): boolean {
  const c = text.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false;
  if (isSmallInt(text)) return true;
  const d = text.indexOf('-') >= 0 ? text.indexOf('-') : text.indexOf('/');
  return d > 0 && text.length - d - 1 <= 2 && isSmallInt(text.slice(0, d)) && isSmallInt(text.slice(d + 1));
}

/** A mention that can be a team in a game frame: a named place or city, or a lone word typed by shape. */
function placeLike(m: Mention): boolean {
  return (m.type === 'Place' && (m.role === 'name' || m.role === 'capital')) || (m.source === 'shape' && m.tokEnd - m.tokStart === 1 && m.type !== 'Institution');
}

function teamFrames(doc: ArticleDoc, res: Resources, s: Sentence, base: number, cues: Uint16Array): void {
  const T = doc.tokens;
  // Most sentences have no candidate team: no need to read their words for a game frame.
  let candidates = false;
  for (let k = base; k < doc.mentions.length && !candidates; k++) candidates = placeLike(doc.mentions[k]);
  if (!candidates) return;
  let ints = 0;
  let verb = false;
  let role = false;
  let versus = false;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (isScore(T[i].text)) ints++;
    if (cues[i] & CUE.teamRole) role = true;
    if (T[i].pos === 'VERB' && res.cues.teamVerbs.has(T[i].lemma)) verb = true;
    if (cues[i] & CUE.versus) versus = true;
  }
  if (ints < 2 && !verb && !role && !versus) return;
  for (let k = base; k < doc.mentions.length; k++) {
    const m = doc.mentions[k];
    if (!placeLike(m)) continue;
    const next = m.tokEnd < s.tokEnd ? T[m.tokEnd] : null;
    const prev = m.tokStart > s.tokStart ? T[m.tokStart - 1] : null;
    const scored = ints >= 2 && next !== null && isScore(next.text);
    const playing = (next && res.cues.teamVerbs.has(next.lemma) && next.pos === 'VERB') ||
      (prev && verb && (res.cues.teamVerbs.has(prev.lemma) || prev.key === 'against' || VERSUS.has(prev.key))) ||
      // "Leeds v Chelsea", "Worcestershire v Surrey": either side of a "v" is a club (a country there is its
      // national side, which stays a place).
      ((m.placeKind === 'city' || m.source === 'shape') && ((next && VERSUS.has(next.key) && next.key !== 'versus') || (prev && VERSUS.has(prev.key) && prev.key !== 'versus')));
    // "Surrey captain Chris Lewis", "the Kent batsman": a place with a player's role after it.
    const member = role && next !== null && res.cues.teamRoleNouns.has(next.key);
    if (!scored && !playing && !member) continue;
    // Only a score or a player's role marks the name as a team for the rest of the article: a verb
    // such as "host" is weaker evidence ("Bournemouth hosted the conference").
    makeTeam(m, scored || member);
  }
}

const EVERYDAY_POS = new Set(['ADJ', 'NOUN', 'VERB', 'ADV', 'ADP', 'NUM']);

/** Whether the word follows a given name somewhere in the text ("David Blunkett"): a surname (first five uses). */
function surnameInText(text: string, word: string, res: Resources): boolean {
  let at = text.indexOf(word);
  for (let n = 0; at >= 0 && n < 5; n++, at = text.indexOf(word, at + word.length)) {
    if (at < 2 || text[at - 1] !== ' ') continue;
    const from = text.lastIndexOf(' ', at - 2) + 1;
    if (res.givenNames.has(text.slice(from, at - 1).toLowerCase())) return true;
  }
  return false;
}

function isEverydayWord(lower: string, res: Resources): boolean {
  if (res.givenNames.has(lower)) return false;
  const pos = lexiconPos(lower);
  return pos !== null && EVERYDAY_POS.has(pos);
}

/** Words around a name that say it is an organisation: "tyre maker Pirelli", "Interfax news agency", "Jones shares". */
function orgContext(doc: ArticleDoc, res: Resources, s: Sentence, a: number, b: number): InstitutionKind | null {
  const T = doc.tokens;
  const prev = a > s.tokStart ? T[a - 1] : null;
  const next = b < s.tokEnd ? T[b] : null;
  const next2 = b + 1 < s.tokEnd ? T[b + 1] : null;
  if (prev && !prev.cap && res.orgNouns.has(prev.lemma)) return res.orgNouns.get(prev.lemma) ?? null;
  if (next && !next.cap && res.orgNouns.has(next.lemma) && next.pos === 'NOUN' && !(next2 && next2.key === 'of')) return res.orgNouns.get(next.lemma) ?? null;
  if (next && next2 && !next.cap && !next2.cap && res.orgNouns.has(`${next.lemma} ${next2.lemma}`)) return res.orgNouns.get(`${next.lemma} ${next2.lemma}`) ?? null;
  if (next && !next.cap && res.cues.companyContext.has(next.lemma)) return 'company';
  return null;
}

const DIGIT = /\d/;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const CAPITALISED_START = /^\p{Lu}\p{Ll}/u;

/** A proper noun written "Xx...". */
const isPlainProperNoun = (w: Token): boolean => w.pos === 'PROPN' && CAPITALISED_START.test(w.text);

/** The run's words: no hyphens, particles or connectors. */
function nameWords(T: Token[], a: number, b: number, res: Resources): Token[] {
  const words: Token[] = [];
  for (let k = a; k < b; k++) {
    const t = T[k];
    if (t.text !== '-' && !res.particles.has(t.key) && !res.connectors.has(t.key)) words.push(t);
  }
  return words;
}

/** Whether every word is an everyday word (by its form, or also by its lemma). */
function allEveryday(words: readonly Token[], res: Resources, byLemma: boolean): boolean {
  for (const w of words) {
    if (isEverydayWord(w.lower, res)) continue;
    if (byLemma && w.lemma !== w.lower && isEverydayWord(w.lemma, res)) continue;
    return false;
  }
  return true;
}

/** A candidate typed by its shape and cues. */
function shapeCand(a: number, b: number, type: EntityLabel, confidence: number, extra?: Partial<CandExtras>, role: Mention['role'] = 'name'): Cand {
  return cand(a, b, type, 1, 0, 'shape', role, confidence, extra);
}

/** Type an unclaimed capitalised run from its cues; null when it is not a name. */
function typeRun(doc: ArticleDoc, res: Resources, s: Sentence, ra: number, rb: number, titles: TitleMatch[], surnames: ReadonlyMap<number, GazEntry[]>): Cand | null {
  const T = doc.tokens;
  const a0 = s.tokStart;
  let a = ra;
  let b = rb;
  // Sentence-initial everyday words and words that are never names; after an honorific, a capitalised
  // word is a name whatever else it can be ("Mrs May").
  const honorific = !!titleEndingAt(titles, ra)?.entry.honorific;
  while (a < b && !(honorific && a === ra && T[a].pos !== 'PRON' && T[a].pos !== 'DET') && (res.cues.nonEntityWords.has(T[a].key) || (a === a0 && T[a].pos !== 'PROPN' && !res.givenNames.has(T[a].lower)) || T[a].pos === 'PRON' || T[a].pos === 'DET')) a++;
  while (b > a && (res.cues.nonEntityWords.has(T[b - 1].key) && b - a > 1)) b--;
  if (a >= b) return null;
  for (let k = a; k < b; k++) if (DIGIT.test(T[k].text)) return null;
  const words = nameWords(T, a, b, res);
  const n = words.length;
  if (n === 0) return null;
  if (n === 1 && res.cues.nonEntityWords.has(words[0].key) && !(honorific && a === ra)) return null;
  const prev = a > a0 ? T[a - 1] : null;
  const prev2 = a - 1 > a0 ? T[a - 2] : null;
  const next = b < s.tokEnd ? T[b] : null;
  const next2 = b + 1 < s.tokEnd ? T[b + 1] : null;
  const titleBefore = titleEndingAt(titles, a);
  const quoted = prev?.text === '"' || prev?.text === "'";

  // An everyday word alone is no name ("Licensees", "Scottish"), whatever stands before it,
  // unless an honorific does ("Mr Brown").
  const everyday = allEveryday(words, res, true) && !(n === 1 && surnames.has(a));
  if (everyday && !(titleBefore?.entry.honorific)) return null;
  if (titleBefore && (titleBefore.entry.honorific || titleBefore.entry.office || !quoted)) return shapeCand(a, b, 'Person', 0.8);
  if (n <= 4 && res.givenNames.has(words[0].lower) && n >= 2) return shapeCand(a, b, 'Person', 0.8);
  if (n >= 2 && n <= 3 && res.familyFirst.has(words[0].lower) && words.every((w) => w.text.length <= 8)) return shapeCand(a, b, 'Person', 0.7);
  const lastLower = words[n - 1].lower;
  // Laws, treaties, prizes and events are no entities of the ontology ("the Hunting Bill").
  if (n >= 2 && res.cues.miscHeads.has(lastLower)) return null;
  if (n >= 2 && res.orgHeads.has(lastLower)) return shapeCand(a, b, 'Institution', 0.6, { kind: res.orgHeads.get(lastLower) });
  if (n >= 2 && res.placeHeads.has(lastLower)) return shapeCand(a, b, 'Place', 0.6, { placeKind: 'feature' });
  if (n === 1 && !(prev && (prev.key === 'a' || prev.key === 'an')) && isUpperAcronym(words[0].text) && words[0].text.length >= 2 && words[0].text.length <= 6) return shapeCand(a, b, 'Institution', 0.5, undefined, 'acronym');
  const orgCue = orgContext(doc, res, s, a, b);
  if (orgCue) return shapeCand(a, b, 'Institution', 0.55, { kind: orgCue });
  const followedByWho = next?.key === 'who' || (next?.text === ',' && next2?.key === 'who');
  const reportingNext = next && (res.cues.reportingVerbs.has(next.lemma) && (next.pos === 'VERB' || next.pos === 'AUX'));
  if (followedByWho) return shapeCand(a, b, 'Person', 0.7);
  if (prev && res.cues.locativePreps.has(prev.key) && prev.key !== 'on' && n <= 3 && next?.key !== "'s") return shapeCand(a, b, 'Place', 0.55);
  if (prev && prev.key === 'from' && prev2 && (prev2.pos === 'VERB' || prev2.pos === 'NOUN') && n <= 2) return shapeCand(a, b, 'Place', 0.45);
  if (reportingNext && n <= 3) return shapeCand(a, b, 'Person', 0.6);
  // Two or three plain proper nouns read as a name, unless one is an everyday word ("Human Rights").
  if (n >= 2 && n <= 3 && !quoted && words.every(isPlainProperNoun) && !allEveryday(words, res, false)) return shapeCand(a, b, 'Person', 0.5);
  if (n === 1 && words[0].pos === 'PROPN' && CAPITALISED_WORD.test(words[0].text)) {
    // A known person's surname, or a bare surname of someone named in full elsewhere: the resolver
    // confirms or drops it.
    const sur = surnames.get(a);
    if (sur) return cand(a, b, 'Person', 1, 0, 'surname', 'name', 0.45, { entries: sur });
    return shapeCand(a, b, 'Person', 0.3);
  }
  return null;
}

const isHonorific = (o: TitleSpan): boolean | undefined => o.honorific;
const QUALIFIER_TYPES: ReadonlySet<string> = new Set(['State', 'Institution']);
const APPOSITION_LEADS: ReadonlySet<string> = new Set(['the', 'his', 'her', 'its', 'their']);
const APPOSITION_ENDS: ReadonlySet<string> = new Set([',', '.', ';', ')']);

function attachTitles(doc: ArticleDoc, m: Mention, titles: TitleMatch[], base: number): void {
  const T = doc.tokens;
  let at = m.tokStart;
  const out: TitleSpan[] = [];
  let appositive = false;
  for (let guard = 0; guard < 4; guard++) {
    let t = titleEndingAt(titles, at);
    // "Iran's Supreme Leader, Ayatollah Ali Khamenei", "his home minister, Amit Shah": a title in apposition
    // before the name, introduced by a possessive or a determiner.
    if (!t && !appositive && out.every(isHonorific) && at - 1 > 0 && T[at - 1].text === ',') {
      const before = titleEndingAt(titles, at - 1);
      const c = before && !before.entry.honorific ? before : undefined;
      let lead = c ? c.a - 1 : -1;
      while (c && lead >= 0 && T[lead].pos === 'ADJ' && !T[lead].cap) lead--;
      // "Ukraine's Infrastructure Minister, Oleksandr Kubrakov": a portfolio word before the title.
      if (c && lead > 0 && T[lead].cap && T[lead].pos !== 'PUNCT' && (T[lead - 1].key === "'s" || APPOSITION_LEADS.has(T[lead - 1].key)) && mentionAt(doc.mentions, lead) < 0) lead--;
      // "Iran's Foreign Ministry spokesman, Abbas Mousavi": an institution right before the title.
      const qualified = c && lead >= 0 && findMentionEndingAt(doc, base, lead + 1) >= 0 && QUALIFIER_TYPES.has(doc.mentions[findMentionEndingAt(doc, base, lead + 1)].type);
      if (c && lead >= 0 && (qualified || T[lead].key === "'s" || APPOSITION_LEADS.has(T[lead].key))) {
        const closes = m.tokEnd >= T.length || T[m.tokEnd].sentence !== T[m.tokStart].sentence || APPOSITION_ENDS.has(T[m.tokEnd].text) || T[m.tokEnd].pos === 'VERB' || T[m.tokEnd].pos === 'AUX';
        if (closes) { t = c; appositive = true; }
      }
    }
    if (!t) break;
    const span: TitleSpan = { title: titleText(doc, t), start: T[t.a].start, end: T[t.b - 1].end, office: t.entry.office || (!t.entry.honorific && !!t.entry.orgKind), honorific: t.entry.honorific };
    if (t.entry.honorific) {
      span.office = false;
      out.push(span);
      at = t.a;
      continue;
    }
    // The qualifier in front of the title: "US" Secretary of State, "NATO" chief, "Britain's" Prime Minister.
    // Adjectives between the qualifier and the title: "Iraq's caretaker prime minister".
    let qa = t.a;
    while (qa - 1 > 0 && T[qa - 1].pos === 'ADJ' && !T[qa - 1].cap && findMentionEndingAt(doc, base, qa) < 0) qa--;
    let q = findMentionEndingAt(doc, base, qa);
    if (q < 0 && qa > 0 && T[qa - 1].key === "'s") q = findMentionEndingAt(doc, base, qa - 1);
    // "after its president, Ursula von der Leyen": "its" is the institution that opens the sentence.
    if (q < 0 && appositive && qa > 0 && (T[qa - 1].key === 'its' || T[qa - 1].key === 'their')) {
      const sentStart = doc.sentences[T[qa].sentence].tokStart;
      q = doc.mentions.findIndex((x) => !x.dropped && x.tokStart >= sentStart && x.tokEnd <= qa && x.type === 'Institution' && x.role !== 'acronym');
    }
    // A portfolio between the qualifier and the title: "EU Trade Commissioner", "Ukraine's Infrastructure Minister".
    const qEnd = t.a - 2 > 0 && T[t.a - 2].key === "'s" ? t.a - 2 : t.a - 1;
    if (q < 0 && t.a - 1 > 0 && T[t.a - 1].cap && T[t.a - 1].pos !== 'PUNCT' && findMentionEndingAt(doc, base, qEnd) >= 0 && mentionAt(doc.mentions, t.a - 1) < 0) {
      q = findMentionEndingAt(doc, base, qEnd);
      span.title = `${T[t.a - 1].text} ${span.title}`;
      span.start = T[t.a - 1].start;
    }
    if (q >= 0) {
      const qm = doc.mentions[q];
      if (qm.type === 'State' || qm.type === 'Institution' || (qm.type === 'Place' && qm.role === 'capital')) span.org = q;
    }
    out.push(span);
    at = q >= 0 && span.org === q ? doc.mentions[q].tokStart : t.a;
    if (appositive) break;
  }
  if (out.length > 0) m.titles = out.reverse();
}

function titleText(doc: ArticleDoc, t: TitleMatch): string {
  if (t.entry.office) return t.entry.title;
  // A role in the singular ("academics" → "academic").
  const head = doc.tokens[t.b - 1];
  const before = t.b - 1 > t.a ? doc.text.slice(doc.tokens[t.a].start, head.start) : '';
  return `${before}${head.lemma}`.toLowerCase();
}

function possessiveInstitutions(doc: ArticleDoc, res: Resources, s: Sentence, base: number, marks: Marks): void {
  const T = doc.tokens;
  const b0 = s.tokEnd;
  const added: Mention[] = [];
  for (let mi = base; mi < doc.mentions.length; mi++) {
    const owner = doc.mentions[mi];
    const ownerIsState = owner.type === 'State' || (owner.type === 'Place' && owner.role === 'capital');
    if (!ownerIsState) continue;
    let j = owner.tokEnd;
    const possessive = j < b0 && T[j].key === "'s";
    if (possessive) j++;
    if (!possessive && owner.role !== 'name' && owner.role !== 'acronym' && owner.role !== 'demonym') continue;
    const m = j < b0 && marks.cues[j] & CUE.possessiveHeadStart ? res.possessiveHeads.longest(marks.ids, j, b0) : undefined;
    if (!m) continue;
    // "Tehran's military influence": the head word modifies a noun; no institution.
    if (m.end < b0 && !T[m.end - 1].cap && T[m.end].pos === 'NOUN' && !T[m.end].cap) continue;
    // A lowercase head must be written in lower case (a real head noun, not a name).
    const head = doc.text.slice(T[j].start, T[m.end - 1].end);
    let name = head;
    const e = m.end;
    if (e + 1 < b0 && (T[e].key === 'in' || T[e].key === 'at')) {
      const place = placeStartingAt(doc.mentions, e + 1);
      if (place) name = `${head} in ${place.name ?? place.text}`;
    }
    // A head in lower case ("China's embassy in Wellington", "Iran's foreign ministry") names no institution
    // (data/gold/README.md): it is a reference to its state, which acts through it.
    if (!T[j].cap) {
      const ref = createMention(T[j].start, T[m.end - 1].end, j, m.end, head, 'State', 'reference', 'pattern', 0.7);
      ref.owner = mi;
      added.push(ref);
      continue;
    }
    const inst = createMention(T[j].start, T[m.end - 1].end, j, m.end, head, 'Institution', 'name', 'pattern', 0.7);
    inst.name = name; inst.owner = mi; inst.institutionKind = m.values[0].kind;
    added.push(inst);
  }
  if (added.length === 0) return;
  // The possessive institution replaces what it covers ("United Nations" inside "United Nations mission").
  // Earlier sentences' mentions stay where they are; this sentence's are compacted in place, in order.
  const ms = doc.mentions;
  const remap = new Map<number, number>();
  let kept = base;
  for (let k = base; k < ms.length; k++) {
    const x = ms[k];
    if (overlapsMention(added, x)) continue;
    remap.set(k, kept);
    ms[kept++] = x;
  }
  ms.length = kept;
  for (const n of added) n.owner = remap.get(n.owner as number);
  for (const n of added) ms.push(n);
}

/** The first mention starting at token `tok` that is a place or a capital. */
function placeStartingAt(ms: readonly Mention[], tok: number): Mention | undefined {
  for (const x of ms) if (x.tokStart === tok && (x.type === 'Place' || x.role === 'capital')) return x;
  return undefined;
}

/** Whether one of `spans` shares a token with mention `x`. */
function overlapsMention(spans: readonly Mention[], x: Mention): boolean {
  for (const n of spans) if (x.tokStart < n.tokEnd && n.tokStart < x.tokEnd) return true;
  return false;
}

/** "(IAEA)" at token `i`: record the acronym's definition (the mention before the parenthesis) in `defs`. */
function defineAcronym(doc: ArticleDoc, res: Resources, i: number, defs: Map<string, number>): void {
  const T = doc.tokens;
  const ms = doc.mentions;
  const acr = T[i + 1];
  if (!isUpperAcronym(acr.text) || acr.text.length > 10) return;
  const full = ms.findIndex((m) => m.tokEnd === i && m.type !== 'Person' && m.role !== 'demonym');
  if (full < 0) return;
  const fm = ms[full];
  if (!initialsMatch(acr.text, T.slice(fm.tokStart, fm.tokEnd), res)) {
    // "Taiwan People's Party (TPP)": the acronym shows the state name in front belongs to the name.
    const st = ms.findIndex((m) => m.tokEnd === fm.tokStart && m.type === 'State' && (m.role === 'name' || m.role === 'demonym') && !m.dropped);
    const withState = st >= 0 && fm.source !== 'gazetteer' && initialsMatch(acr.text, T.slice(ms[st].tokStart, fm.tokEnd), res);
    if (!withState) {
      // "Federal Penitentiary Service (FSIN)": an institution's acronym in another language, when nothing else
      // is known by it.
      const other = ms.find((m) => m.tokStart === i + 1 && m.tokEnd === i + 2 && !m.dropped);
      if (fm.type === 'Institution' && acr.text.length >= 3 && (!other || other.source === 'shape' || other.key === fm.key)) defs.set(acr.key, full);
      return;
    }
    const sm = ms[st];
    fm.tokStart = sm.tokStart;
    fm.start = sm.start;
    fm.text = doc.text.slice(fm.start, fm.end);
    fm.name = fm.text;
    fm.country = fm.country ?? sm.country ?? null;
    sm.dropped = true;
  }
  defs.set(acr.key, full);
  // At the definition the acronym is the definition's, whatever else it spells ("(INDIA)").
  const here = ms.findIndex((m) => m.tokStart === i + 1 && m.tokEnd === i + 2 && !m.dropped);
  if (here >= 0 && ms[here].type !== fm.type) {
    const a = ms[here];
    a.type = fm.type; a.role = 'acronym'; a.source = 'acronym'; a.owner = full; a.institutionKind = fm.institutionKind;
    a.key = undefined; a.name = undefined; a.country = null; a.alternatives = undefined; a.context = undefined;
  }
}

/** "the International Atomic Energy Agency (IAEA)": the acronym names the same entity everywhere after. */
function linkAcronyms(doc: ArticleDoc, res: Resources): void {
  const T = doc.tokens;
  const defs = new Map<string, number>();
  const ms = doc.mentions;
  for (let i = 0; i + 2 < T.length; i++) {
    if (T[i].text === '(' && T[i + 2].text === ')') defineAcronym(doc, res, i, defs);
  }
  // "intercontinental ballistic missiles (ICBMs)": an acronym of common words is no name anywhere.
  const common = new Set<string>();
  for (let i = 1; i + 2 < T.length; i++) {
    if (T[i].text !== '(' || T[i + 2].text !== ')' || !isUpperAcronym(T[i + 1].text)) continue;
    if (T[i - 1].cap || mentionEndingAt(ms, i)) continue;
    const k = T[i + 1].key;
    common.add(k);
    common.add(k.endsWith('s') ? k.slice(0, -1) : `${k}s`);
  }
  for (const m of ms) if (m.source === 'shape' && m.tokEnd - m.tokStart === 1 && common.has(T[m.tokStart].key)) m.dropped = true;
  if (defs.size === 0) return;
  const extra: Mention[] = [];
  for (let i = 0; i < T.length; i++) {
    const d = defs.get(T[i].key);
    if (d === undefined || !T[i].upper) continue;
    const full = ms[d];
    const k = mentionAt(ms, i);
    if (k >= 0) {
      const m = ms[k];
      // An acronym hit the gazetteer does not know, or typed by shape: point it at the definition.
      if (m.tokStart === i && m.tokEnd === i + 1 && (m.source === 'shape' || m.key === undefined)) {
        m.type = full.type; m.role = 'acronym'; m.source = 'acronym'; m.owner = d; m.institutionKind = full.institutionKind;
      }
      continue;
    }
    const acr = createMention(T[i].start, T[i].end, i, i + 1, T[i].text, full.type, 'acronym', 'acronym', 0.8);
    acr.owner = d; acr.institutionKind = full.institutionKind;
    extra.push(acr);
  }
  if (extra.length === 0) return;
  // Keep owner indices valid: acronym mentions are appended, then everything is re-sorted with a remap.
  const all = [...ms, ...extra];
  const order = all.map((_, k) => k).sort((x, y) => all[x].start - all[y].start || all[x].end - all[y].end);
  const pos = new Map<number, number>();
  order.forEach((k, idx) => pos.set(k, idx));
  const sorted = order.map((k) => all[k]);
  for (const m of sorted) if (m.owner !== undefined) m.owner = pos.get(m.owner);
  for (const m of sorted) if (m.titles) for (const t of m.titles) if (t.org !== undefined) t.org = pos.get(t.org);
  doc.mentions = sorted;
}

function initialsMatch(acr: string, toks: Token[], res: Resources): boolean {
  const letters = acr.replace(/[^\p{Lu}]/gu, '');
  const words = toks.filter((t) => t.text !== '-' && !res.connectors.has(t.key) && /\p{L}/u.test(t.text)).map((t) => t.text.toUpperCase());
  if (words.length < 2 || letters.length < 2 || words[0][0] !== letters[0]) return false;
  // Every letter in order, as a later word's initial or a later letter of the current word
  // ("NATO", "UNESCO", "ICBM"); at least two word initials must be used.
  const seen = new Set<string>();
  const go = (li: number, wi: number, ci: number, initials: number): boolean => {
    if (li === letters.length) return initials >= 2;
    const memo = `${li}:${wi}:${ci}:${Math.min(initials, 2)}`;
    if (seen.has(memo)) return false;
    seen.add(memo);
    const ch = letters[li];
    for (let w = wi + 1; w < words.length; w++) if (words[w][0] === ch && go(li + 1, w, 1, initials + 1)) return true;
    const word = words[wi];
    for (let k = ci; k < word.length; k++) if (word[k] === ch && go(li + 1, wi, k + 1, initials)) return true;
    return false;
  };
  return go(1, 0, 1, 1);
}
