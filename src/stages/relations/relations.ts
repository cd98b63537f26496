import type { ArticleDoc, DocRelation, Mention, Sentence, TitleSpan } from '../../model/doc';
import { RELATION_TYPES, type RelationType } from '../../model/ontology';
import { institutionKey, normaliseName } from '../../model/keys';
import type { Resources } from '../../pipeline/resources';
import { entityId, entityType, isBe, mentionIndex } from '../mention-index';
import { phraseIds } from '../mentions/trie';
import { TokenCues, cueBits, cueTables } from './token-cues';

/**
 * Static relations with their evidence sentence: titles in front of names ("US Secretary of State Rex
 * Tillerson"), appositions ("X, the Y of Z"), copulas ("X was Y at Z"), possessive institutions,
 * gazetteer `partOf`, membership, defection, detention and location patterns.
 */

/** Words before a party's name: "of the ruling", "of the main opposition", "of the centre-right". */
const ORG_DESCRIPTORS = new Set(['opposition', 'ruling', 'governing', 'centre', 'center', 'right', 'left', 'far', '-']);
const GROUP_NOUNS = new Set(['coalition', 'alliance', 'bloc', 'party', 'movement', 'front']);
const SKIP_IN_APPOSITION = new Set(['the', 'a', 'an', 'another', 'former', 'then', 'current', 'acting', 'new', 'outgoing', 'incoming', 'interim', 'longtime', 'veteran', 'senior', 'top', 'its', 'his', 'her', 'their', 'also', 'still', 'now', 'currently', 'previously', 'once', 'already']);

export function findRelations(doc: ArticleDoc, res: Resources): void {
  const at = mentionIndex(doc);
  const out: DocRelation[] = [];
  const T = doc.tokens;
  const words = relationCues(res);
  const ctx: Ctx = { doc, res, at, out, cue: new Uint8Array(T.length) };
  const bySentence = mentionsBySentence(doc);
  for (const s of doc.sentences) {
    const ms = bySentence[s.i];
    if (ms.length === 0) continue;
    // The cue words of the token-scanning passes; a pass whose cues the sentence lacks finds nothing.
    let cues = 0;
    for (let i = s.tokStart; i < s.tokEnd; i++) cues |= ctx.cue[i] = words.of(T[i]);
    titleRelations(ctx, s, ms);
    appositions(ctx, s, ms);
    if (cues & WHO) relativeOffices(ctx, s, ms);
    possessions(ctx, s, ms);
    if (cues & (MEMBER_NOUN | MEMBER_VERB)) membership(ctx, s, ms);
    partyOf(ctx, s, ms, (cues & HIS_HER) !== 0);
    if (cues & LEAD_VERB) leadership(ctx, s);
    if (cues & DEFECT_VERB) defection(ctx, s, ms);
    if (cues & (DETAIN_VERB | DETENTION_PLACE)) detention(ctx, s, ms);
    locations(ctx, s, ms);
    citizensLists(ctx, s, ms);
  }
  gazetteerPartOf(ctx);
  doc.relations = out;
}

/** Each sentence's kept mentions, in order (what `sentenceMentions` gives, for all sentences in one pass). */
function mentionsBySentence(doc: ArticleDoc): (readonly number[])[] {
  const out: number[][] = doc.sentences.map(() => []);
  doc.mentions.forEach((m, k) => {
    if (m.dropped || m.entity === undefined) return;
    out[doc.tokens[m.tokStart].sentence].push(k);
  });
  return out;
}

interface Ctx {
  doc: ArticleDoc;
  res: Resources;
  at: Int32Array;
  out: DocRelation[];
  /** Token → its bits of the tables of `relationCues` (filled for the sentences with mentions). */
  cue: Uint8Array;
}

/** The word tables the token-scanning passes look for, one bit each (see cueBits). */
const RELATION_CUE_NAMES = ['memberNoun', 'detentionPlace', 'memberVerb', 'leadVerb', 'defectVerb', 'detainVerb', 'who', 'hisHer'] as const;
const BITS = cueBits(RELATION_CUE_NAMES);
const MEMBER_NOUN = BITS.memberNoun;
const DETENTION_PLACE = BITS.detentionPlace;
const MEMBER_VERB = BITS.memberVerb;
const LEAD_VERB = BITS.leadVerb;
const DEFECT_VERB = BITS.defectVerb;
const DETAIN_VERB = BITS.detainVerb;
const WHO = BITS.who;
const HIS_HER = BITS.hisHer;
const RELATION_CUES = new WeakMap<Resources['cues'], TokenCues>();

function relationCues(res: Resources): TokenCues {
  let c = RELATION_CUES.get(res.cues);
  if (!c) {
    const q = res.cues;
    c = new TokenCues(cueTables(RELATION_CUE_NAMES, {
      memberNoun: { words: q.membershipNouns, on: 'key' },
      detentionPlace: { words: q.detentionPlaces, on: 'key' },
      memberVerb: { words: q.membershipVerbs, on: 'lemma' },
      leadVerb: { words: q.leadVerbs, on: 'lemma' },
      defectVerb: { words: q.defectVerbs, on: 'lemma' },
      detainVerb: { words: q.detainVerbs, on: 'lemma' },
      who: { words: new Set(['who']), on: 'key' },
      hisHer: { words: new Set(['his', 'her']), on: 'key' },
    }));
    RELATION_CUES.set(res.cues, c);
  }
  return c;
}

function push(ctx: Ctx, type: RelationType, src: Mention | undefined, dst: Mention | undefined, s: Sentence, confidence: number, properties: Record<string, unknown> = {}): void {
  const { doc } = ctx;
  const a = entityId(doc, src);
  const b = entityId(doc, dst);
  const ta = entityType(doc, src);
  const tb = entityType(doc, dst);
  if (!a || !b || a === b || !ta || !tb) return;
  const spec = RELATION_TYPES[type];
  if (!(spec.from as readonly string[]).includes(ta) || !(spec.to as readonly string[]).includes(tb)) return;
  ctx.out.push({ type, source: a, target: b, properties, confidence, start: s.start, end: s.end });
}

/** What a role word says about the person and the qualifier in front of it. */
function roleRelation(res: Resources, title: string, office: boolean): RelationType {
  if (office) return 'HOLDS_POSITION';
  const head = title.split(' ').pop() ?? title;
  if (res.cues.defectorNouns.has(head) || res.cues.defectorNouns.has(`${head}s`)) return 'DEFECTED_FROM';
  if (res.cues.nationalityNouns.has(head) || res.cues.nationalityNouns.has(`${head}s`)) return 'CITIZEN_OF';
  return 'HOLDS_POSITION';
}

function titleRelations(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res } = ctx;
  for (const k of ms) {
    const p = doc.mentions[k];
    if (p.type !== 'Person' || !p.titles) continue;
    for (const t of p.titles) {
      if (t.org === undefined) {
        if (t.office && !t.honorific && !knownOffice(ctx, s, p, t)) contextOffice(ctx, s, ms, p, t);
        continue;
      }
      const org = doc.mentions[t.org];
      if (!org || org.dropped) continue;
      const canon = res.titleCanon.get(t.title.toLowerCase());
      // "Moscow Mayor X": the office is the city's, not the state's its name stands for.
      if (res.cues.cityOffices.has(t.title.toLowerCase()) && (org.role === 'metonym' || org.role === 'capital')) continue;
      // "Russian opposition leader X": an office of a legislature or a party qualified only by a state says the nationality.
      if (entityType(doc, org) === 'State' && (canon?.orgKind === 'legislature' || canon?.orgKind === 'party')) {
        push(ctx, 'CITIZEN_OF', p, org, s, 0.7);
        continue;
      }
      const rel = roleRelation(res, t.title, t.office);
      const orgIsParty = entityType(doc, org) === 'Institution' && doc.entities[org.entity as number]?.kind === 'party';
      if (rel === 'HOLDS_POSITION' && orgIsParty && !/leader|chair|president|secretary|head|chief|founder/i.test(t.title)) {
        push(ctx, 'MEMBER_OF', p, org, s, 0.75);
        continue;
      }
      if (rel === 'DEFECTED_FROM') { push(ctx, 'DEFECTED_FROM', p, org, s, 0.75); continue; }
      if (rel === 'CITIZEN_OF') { push(ctx, 'CITIZEN_OF', p, org, s, 0.8); continue; }
      push(ctx, 'HOLDS_POSITION', p, org, s, t.office ? 0.85 : 0.7, { title: t.title });
      // An official of a state is a citizen of it only by inference; not asserted here.
    }
  }
}

/**
 * A title with nothing in front of it ("President Tsai Ing-wen", "Foreign Minister Sergei Lavrov"): the
 * knowledge base says whose office it is. A national office points to the state, other offices to their
 * institution when the article names it.
 */
function knownOffice(ctx: Ctx, s: Sentence, p: Mention, t: Pick<TitleSpan, 'title'>): boolean {
  const { doc, res } = ctx;
  const id = entityId(doc, p);
  const rec = id ? res.peopleByKey.get(id) : undefined;
  if (!rec) return false;
  const canon = (x: string): string => (res.titleCanon.get(x.toLowerCase())?.title ?? x).toLowerCase();
  const want = canon(t.title);
  const pub = doc.input.publishedAt ? String(doc.input.publishedAt).slice(0, 10) : null;
  let offices = rec.offices.filter((o) => canon(o.title) === want);
  // "leader Kim Jong-un": a generic title stands for the person's office of a state.
  if (offices.length === 0 && res.cues.genericTitles.has(t.title.toLowerCase())) offices = rec.offices.filter((o) => o.org.startsWith('state:'));
  if (offices.length === 0) {
    // "Vice Foreign Minister Choe Son-hui", an office the knowledge base does not list: a national office
    // (not one held abroad) is of the person's own state, when the article names it.
    const c0 = res.titleCanon.get(t.title.toLowerCase());
    const key = t.title.toLowerCase();
    const own = rec.nationality ? `state:${rec.nationality}` : null;
    // Only an office of the same kind as one it lists ("Vice Foreign Minister" / "Foreign Minister"): a mismatch
    // ("President Carter" resolved to a Secretary of Defense) more likely means a wrong person or title.
    const head = (x: string): string => { const w = x.toLowerCase().split(' of ')[0].split(' '); return w[w.length - 1]; };
    const sameKind = c0 && rec.offices.some((o) => head(canon(o.title)) === head(c0.title));
    if (id && own && c0 && sameKind && (c0.orgKind === 'state' || c0.orgKind === 'government') && (!c0.country || c0.country === rec.nationality)
      && !res.cues.foreignPostTitles.has(key) && !res.cues.foreignPostTitles.has(c0.title.toLowerCase()) && doc.entities.some((e) => e.id === own)) {
      ctx.out.push({ type: 'HOLDS_POSITION', source: id, target: own, properties: { title: t.title }, confidence: 0.6, start: s.start, end: s.end });
    }
    return true;
  }
  const current = offices.find((o) => pub && (!o.from || o.from <= pub) && (!o.until || pub <= o.until)) ?? offices[0];
  const orgKind = res.titleCanon.get(t.title.toLowerCase())?.orgKind ?? null;
  let target: string | null = null;
  if (current.org.startsWith('state:')) target = current.org;
  else {
    const inst = res.institutionsByName.get(normaliseName(current.org));
    const instId = inst ? institutionKey(inst.name, inst.country) : null;
    const named = instId && doc.entities.some((e) => e.id === instId);
    // An office in an institution of no state (an IGO) is no office of the person's own state.
    const country = current.country ?? (inst ? inst.country : rec.nationality);
    // The institution when the article names it and the office is not a national one; else the state.
    if (named && orgKind !== 'state' && orgKind !== 'government') target = instId;
    else if (country) target = `state:${country}`;
  }
  if (!target || !doc.entities.some((e) => e.id === target)) {
    if (!target || !target.startsWith('state:')) return true;
  }
  const spec = RELATION_TYPES.HOLDS_POSITION;
  const tType = target.startsWith('state:') ? 'State' : 'Institution';
  if (!id || !(spec.to as readonly string[]).includes(tType)) return true;
  ctx.out.push({ type: 'HOLDS_POSITION', source: id, target, properties: { title: t.title }, confidence: 0.75, start: s.start, end: s.end });
  return true;
}

/**
 * A national office in front of a person the knowledge base does not know ("Justice Minister Yariv
 * Levin"): the office is of the state the context gives, the one state named earlier in the sentence,
 * else the article's main state when it clearly dominates (at least twice the mentions of any other).
 * Offices held abroad or of a city are left alone.
 */
function contextOffice(ctx: Ctx, s: Sentence, ms: readonly number[], p: Mention, t: Pick<TitleSpan, 'title' | 'start'>): void {
  const { doc, res } = ctx;
  const key = t.title.toLowerCase();
  const canon = res.titleCanon.get(key);
  if (!canon || (canon.orgKind !== 'state' && canon.orgKind !== 'government')) return;
  if (res.cues.foreignPostTitles.has(key) || res.cues.foreignPostTitles.has(canon.title.toLowerCase())) return;
  const id = entityId(doc, p);
  if (!id) return;
  // The word before the title: a qualifier the rules do not know ("Tory Treasurer", "Shadow Foreign
  // Secretary") or a modifier that makes it no office of a state ("shadow chancellor").
  const T = doc.tokens;
  let ti = p.tokStart - 1;
  while (ti >= s.tokStart && T[ti].start >= t.start) ti--;
  if (ti >= s.tokStart) {
    const w = T[ti];
    if (res.cues.nonOfficeModifiers.has(w.key) || (w.cap && ti > s.tokStart)) return;
  }
  let target: string | null = canon.country ? `state:${canon.country}` : null;
  const before = new Set<string>();
  for (const k of ms) {
    const m = doc.mentions[k];
    if (m.dropped || m.start >= p.start) continue;
    if (entityType(doc, m) === 'State') { const e = entityId(doc, m); if (e) before.add(e); }
  }
  if (target) { /* the office exists in one state only */ }
  else if (before.size === 1) target = [...before][0];
  else if (before.size === 0) target = mainState(ctx);
  if (!target) return;
  ctx.out.push({ type: 'HOLDS_POSITION', source: id, target, properties: { title: t.title }, confidence: 0.6, start: s.start, end: s.end });
}

const MAIN_STATE = new WeakMap<ArticleDoc, string | null>();
const STATE_BODY_KINDS = new Set(['government', 'legislature', 'military', 'intelligence', 'court']);
/** The state an article is mostly about: at least twice as many mentions as any other state, and at least three. */
function mainState(ctx: Ctx): string | null {
  const { doc } = ctx;
  const known = MAIN_STATE.get(doc);
  if (known !== undefined) return known;
  let best: string | null = null;
  let n1 = 0;
  let n2 = 0;
  // A state's own mentions, and those of its public bodies ("the Knesset", "Israel's Supreme Court" name Israel too).
  const counts = new Map<string, number>();
  for (const e of doc.entities) {
    if (e.type === 'State') counts.set(e.id, (counts.get(e.id) ?? 0) + e.mentions.length);
    else if (e.type === 'Institution' && e.country && e.kind && STATE_BODY_KINDS.has(e.kind)) {
      const id = `state:${e.country}`;
      if (doc.entities.some((x) => x.id === id)) counts.set(id, (counts.get(id) ?? 0) + e.mentions.length);
    }
  }
  for (const [id, n] of counts) {
    if (n > n1) { n2 = n1; n1 = n; best = id; } else if (n > n2) n2 = n;
  }
  const out = best && n1 >= 3 && n1 >= 2 * n2 ? best : null;
  MAIN_STATE.set(doc, out);
  return out;
}

/** The organisation a title phrase points to, starting at token i: "of Z", "at Z", "Z's", "Z". */
function orgAfter(ctx: Ctx, i: number, end: number, persons = false): Mention | undefined {
  const { doc, at } = ctx;
  const T = doc.tokens;
  let j = i;
  if (j < end && ['of', 'at', 'for', 'to', 'in', 'with', 'from', 'by'].includes(T[j].key)) j++;
  while (j < end && (T[j].key === 'the' || T[j].key === "'s")) j++;
  // "of the ruling Workers' Party", "of the main opposition Kuomintang", "of the ultra-Orthodox Shas party" (a lower-case PROPN).
  let mj = j;
  while (mj < end && mj - j < 4 && at[mj] < 0 && !T[mj].cap && (T[mj].pos === 'ADJ' || T[mj].pos === 'VERB' || T[mj].pos === 'PROPN' || ORG_DESCRIPTORS.has(T[mj].key))) mj++;
  // "of the ruling Peronist coalition Union for the Homeland": a descriptor and a generic group noun before the name.
  if (mj < end && at[mj] < 0) {
    let gj = mj;
    if (gj < end && at[gj] < 0 && T[gj].cap && T[gj].pos === 'ADJ') gj++;
    if (gj + 1 < end && at[gj] < 0 && GROUP_NOUNS.has(T[gj].key) && at[gj + 1] >= 0) mj = gj + 1;
  }
  if (mj < end && at[mj] >= 0) j = mj;
  // "by officers of Z", "by agents of Z": the organisation they serve.
  if (j + 1 < end && at[j] < 0 && T[j].pos === 'NOUN' && T[j + 1].key === 'of') {
    j += 2;
    while (j < end && T[j].key === 'the') j++;
  }
  if (j >= end || at[j] < 0) return undefined;
  let m = doc.mentions[at[j]];
  // "of the British Chambers of Commerce": the institution, not its demonym.
  if (m.role === 'demonym' && m.tokEnd < end && at[m.tokEnd] >= 0 && entityType(doc, doc.mentions[at[m.tokEnd]]) === 'Institution') m = doc.mentions[at[m.tokEnd]];
  const t = entityType(doc, m);
  if (persons && t === 'Person') return m;
  // "at Pyongyang's embassy": the institution the possessive owns.
  const q = m.tokEnd + 1;
  if (m.tokEnd < end && T[m.tokEnd].key === "'s" && q < end && at[q] >= 0 && entityType(doc, doc.mentions[at[q]]) === 'Institution') return doc.mentions[at[q]];
  // "in Russia's military intelligence agency, the GRU": the institution the possessive description names.
  if (t === 'State' && m.tokEnd < end && T[m.tokEnd].key === "'s") {
    let d = q;
    // The description may run past `end`; the name must stay in the sentence.
    const sent = T[m.tokStart].sentence;
    while (d < T.length && d - q < 3 && T[d].sentence === sent && at[d] < 0 && !T[d].cap && (T[d].pos === 'ADJ' || T[d].pos === 'NOUN')) d++;
    if (d > q && T[d]?.text === ',' && T[d - 1].pos === 'NOUN') {
      const r = T[d + 1]?.key === 'the' ? d + 2 : d + 1;
      const inst = r < T.length && T[r].sentence === sent && at[r] >= 0 ? doc.mentions[at[r]] : undefined;
      if (inst && inst.tokStart === r && entityType(doc, inst) === 'Institution') return inst;
    }
  }
  return t === 'State' || t === 'Institution' ? m : undefined;
}

interface TitleAt { a: number; b: number; title: string; office: boolean }

function titleAt(ctx: Ctx, i: number, end: number): TitleAt | null {
  const { doc, res } = ctx;
  const T = doc.tokens;
  const m = res.titles.matchAll(phraseIds(T), i, end)[0];
  if (!m) return null;
  const office = m.values.find((v) => v.office);
  const e = office ?? m.values.find((v) => !v.honorific);
  if (!e) return null;
  const head = T[m.end - 1];
  const title = e.office ? e.title : `${m.end - 1 > i ? doc.text.slice(T[i].start, head.start) : ''}${head.lemma}`.toLowerCase();
  return { a: i, b: m.end, title, office: !!office };
}

/** "X, the Y of Z", "X, Z's Y", "X, a Z Y", "X was Y at Z", "X, who was Y of Z". */
function appositions(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (const k of ms) {
    const p = doc.mentions[k];
    if (p.type !== 'Person') continue;
    let j = p.tokEnd;
    if (j >= s.tokEnd) continue;
    let copula = false;
    if (T[j].text === ',') {
      j++;
      if (j < s.tokEnd && T[j].key === 'who' && isBe(T[j + 1])) j += 2;
    } else if (isBe(T[j]) || (T[j].lemma === 'serve' && T[j + 1]?.key === 'as') || T[j].lemma === 'become') {
      copula = true;
      j += T[j].lemma === 'serve' ? 2 : 1;
    } else continue;
    const limit = Math.min(s.tokEnd, j + 10);
    while (j < limit && SKIP_IN_APPOSITION.has(T[j].key)) j++;
    // Z's Y / Z Y
    let org: Mention | undefined;
    if (j < limit && at[j] >= 0) {
      const q = doc.mentions[at[j]];
      const tq = entityType(doc, q);
      if (tq === 'State' || tq === 'Institution') {
        org = q;
        j = q.tokEnd;
        if (j < limit && T[j].key === "'s") j++;
      }
    }
    // "X, the defeated candidate of Y": one plain adjective before a title that does not take it in.
    let t = titleAt(ctx, j, limit);
    if (!t && j + 1 < limit && at[j] < 0 && !T[j].cap && T[j].pos === 'ADJ') t = titleAt(ctx, j + 1, limit);
    if (!t) continue;
    // "X, US President-elect Joe Biden's pick": the title belongs to the name after it.
    let nx = t.b;
    for (let guard = 0; guard < 3 && nx < s.tokEnd && at[nx] < 0; guard++) {
      const any = res.titles.matchAll(phraseIds(T), nx, s.tokEnd)[0];
      if (!any) break;
      nx = any.end;
    }
    if (nx < s.tokEnd && at[nx] >= 0 && doc.mentions[at[nx]].type === 'Person') continue;
    if (!org) org = orgAfter(ctx, t.b, limit);
    if (!org) {
      // "Valery Gerasimov, the chief of the general staff": whose office it is, from the knowledge base.
      if (t.office) knownOffice(ctx, s, p, t);
      continue;
    }
    const rel = roleRelation(res, t.title, t.office);
    const conf = copula ? 0.7 : 0.8;
    const kind = entityType(doc, org) === 'Institution' ? doc.entities[org.entity as number]?.kind : undefined;
    // "X, a senior Houthi official": a rank-and-file role in a party or an armed group is membership.
    if (rel === 'HOLDS_POSITION' && !t.office && kind && res.cues.locatedInstitutionKinds.has(kind) && !/leader|chair|president|secretary|head|chief|founder|commander|spokes/i.test(t.title)) push(ctx, 'MEMBER_OF', p, org, s, conf - 0.05);
    else if (rel === 'HOLDS_POSITION') push(ctx, 'HOLDS_POSITION', p, org, s, conf, { title: t.title });
    else push(ctx, rel, p, org, s, conf - 0.05);
  }
}

/**
 * "Mr Lai, currently the island's vice-president and a former physician who served as premier": a
 * relative clause "who served as / was / became <office>" further along an apposition; the person is the
 * nearest one before "who", with no other person between. Offices only (not roles).
 */
function relativeOffices(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart + 2; i + 1 < s.tokEnd; i++) {
    if (!(ctx.cue[i] & WHO)) continue;
    // "X, who is Y" right after the name is an apposition (appositions()).
    if (T[i - 1].text === ',' && at[i - 2] >= 0) continue;
    let j = i + 1;
    if (T[j].lemma === 'serve' && T[j + 1]?.key === 'as') j += 2;
    else if (isBe(T[j]) || T[j].lemma === 'become') j += 1;
    else continue;
    let p: Mention | undefined;
    for (const k of ms) {
      const m = doc.mentions[k];
      if (m.tokEnd <= i && m.type === 'Person') p = m;
    }
    if (!p) continue;
    const limit = Math.min(s.tokEnd, j + 8);
    while (j < limit && SKIP_IN_APPOSITION.has(T[j].key)) j++;
    const t = titleAt(ctx, j, limit);
    if (!t || !t.office) continue;
    const org = orgAfter(ctx, t.b, limit);
    if (org) push(ctx, 'HOLDS_POSITION', p, org, s, 0.65, { title: t.title });
    else if (!knownOffice(ctx, s, p, t)) contextOffice(ctx, s, ms, p, { title: t.title, start: T[t.a].start });
  }
}

/**
 * Possessive and modified institutions: "Pyongyang's United Nations mission", "Russia's Defence Ministry"
 * and "the US Treasury Department" are part of their state; "the Lebanese group Hezbollah" is only
 * located there. The gazetteer's country must agree.
 */
function possessions(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (const k of ms) {
    const m = doc.mentions[k];
    if (m.type !== 'Institution' || m.role === 'acronym') continue;
    if (m.owner !== undefined && m.source !== 'acronym') {
      push(ctx, 'PART_OF', m, doc.mentions[m.owner], s, 0.8);
      continue;
    }
    // "China's Taiwan Affairs Office" known as a whole: the qualifier is inside the name.
    const e0 = doc.entities[m.entity as number];
    if (m.source === 'gazetteer' && e0?.country && res.cues.stateInstitutionKinds.has(e0.kind ?? 'other') && startsWithState(res, m.text, e0.country)) {
      const sid = `state:${e0.country}`;
      if (doc.entities.some((x) => x.id === sid) && e0.id !== sid) ctx.out.push({ type: 'PART_OF', source: e0.id, target: sid, properties: {}, confidence: 0.8, start: s.start, end: s.end });
      continue;
    }
    // "The African Union is expected to meet at its Peace and Security Council": "its" owned by the nearest organisation before it.
    if (m.tokStart - 1 > s.tokStart && T[m.tokStart - 1].key === 'its') {
      let ow: Mention | undefined;
      for (let j = m.tokStart - 2; j >= s.tokStart && !ow; j--) {
        if ([';', ':'].includes(T[j].text)) break;
        if (at[j] >= 0 && doc.mentions[at[j]].role !== 'demonym') ow = doc.mentions[at[j]];
      }
      const tw = ow ? entityType(doc, ow) : undefined;
      const e1 = doc.entities[m.entity as number];
      if (ow && e1 && entityId(doc, ow) !== e1.id && ((tw === 'Institution' && !e1.country) || (tw === 'State' && (!e1.country || entityId(doc, ow) === `state:${e1.country}`) && res.cues.stateInstitutionKinds.has(e1.kind ?? 'other')))) {
        push(ctx, 'PART_OF', m, ow, s, 0.6);
        continue;
      }
    }
    // The qualifier: "Z's (official) X", "Z X", "the Z group X" (a state, right before, maybe past adjectives or an org noun).
    let j = m.tokStart - 1;
    let skipped = 0;
    while (j > s.tokStart && skipped < 2 && at[j] < 0 && !T[j].cap && (T[j].pos === 'ADJ' || T[j].pos === 'NOUN')) { j--; skipped++; }
    if (j >= s.tokStart && T[j].key === "'s") j--;
    if (j < s.tokStart || at[j] < 0) continue;
    const q = doc.mentions[at[j]];
    if (entityType(doc, q) !== 'State' || q.tokEnd !== j + 1) continue;
    const e = doc.entities[m.entity as number];
    const qState = entityId(doc, q);
    if (e?.country && qState !== `state:${e.country}`) continue;
    const kind = e?.kind ?? 'other';
    if (res.cues.stateInstitutionKinds.has(kind)) push(ctx, 'PART_OF', m, q, s, m.source === 'gazetteer' ? 0.8 : 0.65);
    else if (res.cues.locatedInstitutionKinds.has(kind)) push(ctx, 'LOCATED_IN', m, q, s, 0.7);
  }
}

function startsWithState(res: Resources, text: string, iso3: string): boolean {
  const st = res.states.get(iso3);
  if (!st) return false;
  const t = text.replace(/^the\s+/i, '');
  return [...st.aliases, ...st.demonyms].some((f) => t.startsWith(`${f}'s `) || t.startsWith(`${f} `));
}

/** "X, a member of Y", "X is a member of Y", "X as the only member of Y", "X joined Y". */
function membership(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const isMember = (ctx.cue[i] & MEMBER_NOUN) !== 0 && T[i + 1]?.key === 'of';
    // "bid to join NATO" is no membership yet.
    const isJoin = (ctx.cue[i] & MEMBER_VERB) !== 0 && T[i].pos === 'VERB' && T[i - 1]?.key !== 'to' && !T[i].negated;
    if (!isMember && !isJoin) continue;
    const target = orgAfter(ctx, i + 1, Math.min(s.tokEnd, i + 6));
    if (!target || entityType(doc, target) !== 'Institution') continue;
    // The member: the entity the cue is linked to ("X, a member", "X is the only member", "X joined").
    let src: Mention | undefined;
    for (let j = i - 1; j >= s.tokStart && i - j <= 8; j--) {
      if (at[j] >= 0) { src = doc.mentions[at[j]]; break; }
      if (isMember ? !res.cues.memberLinks.has(T[j].key) && T[j].pos !== 'ADJ' : !(T[j].pos === 'ADV' || T[j].pos === 'AUX')) break;
    }
    if (src) push(ctx, 'MEMBER_OF', src, target, s, 0.7);
  }
  void ms;
}

/** "Lai Ching-te of the ruling Democratic Progressive Party", "his Bharatiya Janata Party": party membership. */
function partyOf(ctx: Ctx, s: Sentence, ms: readonly number[], hisHer: boolean): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  const isParty = (m: Mention): boolean => entityType(doc, m) === 'Institution' && doc.entities[m.entity as number]?.kind === 'party';
  for (const k of ms) {
    const p = doc.mentions[k];
    if (p.type !== 'Person') continue;
    let j = p.tokEnd;
    if (T[j]?.key !== 'of') continue;
    j++;
    while (j < s.tokEnd && at[j] < 0 && (T[j].key === 'the' || T[j].pos === 'ADJ' || T[j].pos === 'NOUN' || T[j].key === 'opposition') && j - p.tokEnd < 5) j++;
    if (j < s.tokEnd && at[j] >= 0 && isParty(doc.mentions[at[j]])) push(ctx, 'MEMBER_OF', p, doc.mentions[at[j]], s, 0.75);
  }
  // "his party": the person the pronoun stands for, when the sentence names one before it.
  for (let i = s.tokStart; hisHer && i + 1 < s.tokEnd; i++) {
    if (!(ctx.cue[i] & HIS_HER) || at[i + 1] < 0) continue;
    const party = doc.mentions[at[i + 1]];
    if (!isParty(party)) continue;
    let person: Mention | undefined;
    for (const k of ms) if (doc.mentions[k].type === 'Person' && doc.mentions[k].tokEnd <= i) person = person ?? doc.mentions[k];
    if (person) push(ctx, 'MEMBER_OF', person, party, s, 0.65);
  }
  void res;
}

/** "X, who heads Z", "X led Z", and "Z, led by X" (a person heads it; an institution is a member). */
function leadership(ctx: Ctx, s: Sentence): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
    const t = T[i];
    if (!(ctx.cue[i] & LEAD_VERB) || t.pos !== 'VERB') continue;
    const title = t.lemma === 'lead' ? 'leader' : t.lemma === 'command' ? 'commander' : t.lemma === 'chair' ? 'chair' : 'head';
    if (T[i + 1]?.key === 'by') {
      // "Z, led by X": Z just before (past a comma).
      let zi = i - 1;
      if (T[zi]?.text === ',') zi--;
      if (T[zi]?.text === ')' && T[zi - 2]?.text === '(') zi -= 3; // "Z (ZZ), led by X
      const agent = orgAfter(ctx, i + 1, Math.min(s.tokEnd, i + 5), true);
      if (zi < s.tokStart || at[zi] < 0 || !agent) continue;
      const z = doc.mentions[at[zi]];
      if (entityType(doc, z) !== 'Institution') continue;
      if (entityType(doc, agent) === 'Person') push(ctx, 'HOLDS_POSITION', agent, z, s, 0.7, { title });
      else if (entityType(doc, agent) === 'Institution') push(ctx, 'MEMBER_OF', agent, z, s, 0.65);
      continue;
    }
    // "X, who heads Z" / "X heads Z": the person right before (past "who" and a comma).
    let pi = i - 1;
    while (pi > s.tokStart && (T[pi].pos === 'ADV' || T[pi].pos === 'AUX')) pi--;
    if (T[pi]?.key === 'who') pi--;
    if (T[pi]?.text === ',') pi--;
    if (pi < s.tokStart || at[pi] < 0) continue;
    const person = doc.mentions[at[pi]];
    if (entityType(doc, person) !== 'Person') continue;
    // Z: the first state or institution in the object (past "the presidium of").
    for (let j = i + 1; j < s.tokEnd && j - i <= 6; j++) {
      if (T[j].text === ',' || res.cues.clauseMarkers.has(T[j].key)) break;
      if (at[j] < 0) continue;
      const z = doc.mentions[at[j]];
      const tz = entityType(doc, z);
      if (tz === 'Institution' || tz === 'State') push(ctx, 'HOLDS_POSITION', person, z, s, 0.7, { title });
      break;
    }
  }
}

/** "X defected from Y", "X ... until he defected" (Y from the sentence), and named defectors. */
function defection(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (!(ctx.cue[i] & DEFECT_VERB) || T[i].pos === 'NOUN') continue;
    // Who: the nearest person before the verb (a pronoun leans on the sentence's first person).
    let who: Mention | undefined;
    for (const k of ms) if (doc.mentions[k].type === 'Person' && doc.mentions[k].tokEnd <= i) who = who ?? doc.mentions[k];
    if (!who) continue;
    let from = orgAfter(ctx, i + 1, Math.min(s.tokEnd, i + 5));
    if (T[i + 1]?.key !== 'from' && T[i + 1]?.key !== 'to') from = undefined;
    let conf = 0.8;
    if (!from) {
      // The state he served: an institution of a state in the sentence, or a state named in it.
      for (const k of ms) {
        const m = doc.mentions[k];
        if (m.type === 'Institution' && m.owner !== undefined) { from = doc.mentions[m.owner]; break; }
      }
      if (!from) for (const k of ms) if (doc.mentions[k].type === 'State' && doc.mentions[k].tokStart < i) { from = doc.mentions[k]; break; }
      conf = 0.65;
    }
    if (from) push(ctx, 'DEFECTED_FROM', who, from, s, conf);
  }
  void at;
}

/** "X was detained by Y", "Y arrested X", "X, held in Y", "X is in Y custody". */
function detention(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (!(ctx.cue[i] & DETAIN_VERB) || T[i].pos === 'NOUN' || T[i].pos === 'ADJ') continue;
    // "hold" is detention only with a person object or in the passive with a state agent.
    const passive = i > s.tokStart && (isBe(T[i - 1]) || T[i - 1].key === 'been' || T[i - 1].key === 'being' || T[i - 1].text === ',' || (doc.mentions[at[i - 1]]?.type === 'Person'));
    if (passive && T[i].lower.endsWith('ed') || passive && /^(held|caught|seized|jailed|kidnapped|arrested|detained|imprisoned|sentenced)$/.test(T[i].lower)) {
      let person: Mention | undefined;
      for (const k of ms) { const m = doc.mentions[k]; if (m.type === 'Person' && m.tokEnd <= i) person = m; }
      if (!person) continue;
      const nxt = T[i + 1]?.key;
      // The agent: "by Z" right after, or later in the clause ("detained at the airport on Sunday by officers of Z").
      let by = -1;
      for (let q = i + 1; q < s.tokEnd && q - i <= 14; q++) {
        if (T[q].text === ',' || res.cues.clauseMarkers.has(T[q].key) || T[q].key === 'and') break;
        if (T[q].key === 'by') { by = q; break; }
      }
      if (by >= 0) {
        const agent = orgAfter(ctx, by + 1, Math.min(s.tokEnd, by + 7));
        if (agent) push(ctx, 'DETAINED_BY', person, agent, s, 0.8);
      } else if (nxt === 'in') {
        const j = i + 2;
        const m = at[j] >= 0 ? doc.mentions[at[j]] : T[j]?.key === 'the' && at[j + 1] >= 0 ? doc.mentions[at[j + 1]] : undefined;
        if (m && entityType(doc, m) === 'State') push(ctx, 'DETAINED_BY', person, m, s, 0.7);
      }
      continue;
    }
    if (T[i].lemma === 'hold' || T[i].lemma === 'sentence') continue;
    // Active: the state or institution before the verb, the person right after it.
    let agent: Mention | undefined;
    for (let j = i - 1; j >= s.tokStart && i - j <= 6; j--) {
      if (at[j] >= 0) { const m = doc.mentions[at[j]]; const t = entityType(doc, m); if (t === 'State' || t === 'Institution') agent = m; break; }
    }
    let person: Mention | undefined;
    for (let j = i + 1; j < s.tokEnd && j - i <= 6; j++) {
      if (at[j] >= 0) { const m = doc.mentions[at[j]]; if (m.type === 'Person') person = m; break; }
    }
    if (agent && person) push(ctx, 'DETAINED_BY', person, agent, s, 0.7);
  }
  // "in North Korean custody", "in Chinese detention"
  for (let i = s.tokStart; i + 1 < s.tokEnd; i++) {
    if (!(ctx.cue[i + 1] & DETENTION_PLACE) || at[i] < 0) continue;
    const state = doc.mentions[at[i]];
    if (state.type !== 'State') continue;
    let person: Mention | undefined;
    for (const k of ms) { const m = doc.mentions[k]; if (m.type === 'Person' && m.tokEnd <= i) person = m; }
    if (person) push(ctx, 'DETAINED_BY', person, state, s, 0.65);
  }
}

/**
 * "X's embassy in London", "the embassy in London", "the headquarters of X in the city of Y", "Aleppo,
 * Syria", "Uttar Pradesh, India's most populous state", "the Iranian port of Bandar Abbas".
 */
function locations(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  // The place after "in"/"at", maybe past "the city of": index of its mention or -1.
  const placeAfter = (j: number): number => {
    let q = j;
    if (T[q]?.key === 'the' && q + 2 < s.tokEnd && T[q + 1].pos === 'NOUN' && T[q + 2].key === 'of') q += 3;
    return q < s.tokEnd ? at[q] : -1;
  };
  for (const k of ms) {
    const m = doc.mentions[k];
    const e = m.tokEnd;
    if (m.type === 'Institution' && e + 1 < s.tokEnd && (T[e].key === 'in' || T[e].key === 'at')) {
      const pk = placeAfter(e + 1);
      const place = pk >= 0 ? doc.mentions[pk] : undefined;
      if (place?.type === 'Place') push(ctx, 'LOCATED_IN', m, place, s, 0.75);
    }
    // "the Iranian port of Bandar Abbas", "Japan's southern prefecture of Okinawa": a state, a place noun, "of", the place.
    if (m.type === 'State' && m.role !== 'reference') {
      let j = e;
      if (T[j]?.key === "'s") j++;
      let n = 0;
      while (j < s.tokEnd && n < 3 && at[j] < 0 && (T[j].pos === 'ADJ' || T[j].pos === 'NOUN') && !res.cues.clauseMarkers.has(T[j].key)) { j++; n++; }
      if (n > 0 && T[j]?.key === 'of' && T[j - 1].pos === 'NOUN' && at[j + 1] >= 0) {
        const place = doc.mentions[at[j + 1]];
        const pc = doc.entities[place.entity as number]?.country;
        if (place.type === 'Place' && (!pc || `state:${pc}` === entityId(doc, m))) push(ctx, 'LOCATED_IN', place, m, s, 0.7);
      }
      // "Germany's main industry lobby, the Federation of German Industries": a possessive description, then the institution's name.
      if (n > 0 && T[e]?.key === "'s" && T[j]?.text === ',' && T[j - 1].pos === 'NOUN') {
        const q = T[j + 1]?.key === 'the' ? j + 2 : j + 1;
        const inst = at[q] >= 0 ? doc.mentions[at[q]] : undefined;
        const ie = inst && inst.type === 'Institution' && inst.tokStart === q ? doc.entities[inst.entity as number] : undefined;
        if (inst && ie && (!ie.country || `state:${ie.country}` === entityId(doc, m))) {
          const kind = ie.kind ?? 'other';
          if (res.cues.stateInstitutionKinds.has(kind)) push(ctx, 'PART_OF', inst, m, s, 0.65);
          else if (res.cues.locatedInstitutionKinds.has(kind)) push(ctx, 'LOCATED_IN', inst, m, s, 0.65);
        }
      }
    }
    // "Uttar Pradesh, India's most populous state": an apposition owned by a state.
    if (m.type === 'Place' && T[e]?.text === ',' && at[e + 1] >= 0 && T[doc.mentions[at[e + 1]].tokEnd]?.key === "'s") {
      const st = doc.mentions[at[e + 1]];
      const pc = doc.entities[m.entity as number]?.country;
      if (entityType(doc, st) === 'State' && (!pc || `state:${pc}` === entityId(doc, st))) push(ctx, 'LOCATED_IN', m, st, s, 0.7);
    }
    // "the capital, Sanaa": a place named after the word (a capital entry or a gazetteer city), of a state in the sentence.
    if (m.type === 'Place' && m.tokStart >= 2 && T[m.tokStart - 1].text === ',' && T[m.tokStart - 2].key === 'capital') {
      const c = doc.entities[m.entity as number]?.country;
      const st = c ? ms.map((x) => doc.mentions[x]).find((x) => entityId(doc, x) === `state:${c}` && x.role !== 'demonym') : undefined;
      if (st) push(ctx, 'LOCATED_IN', m, st, s, 0.7);
    }
    // "issued an alert for the southern prefecture of Okinawa": "the (ADJ) <place noun> of X", X's gazetteer country a state named in the sentence.
    if (m.type === 'Place' && m.tokStart >= 3 && T[m.tokStart - 1].key === 'of' && res.placeNouns.has(T[m.tokStart - 2].lower)) {
      let d = m.tokStart - 3;
      if (d > s.tokStart && T[d].pos === 'ADJ' && !T[d].cap) d--;
      const c = doc.entities[m.entity as number]?.country;
      const st = c && T[d]?.key === 'the' ? ms.map((x) => doc.mentions[x]).find((x) => x.type === 'State' && x.role !== 'demonym' && x.role !== 'reference' && entityId(doc, x) === `state:${c}`) : undefined;
      if (st) push(ctx, 'LOCATED_IN', m, st, s, 0.65);
    }
    if (m.type === 'Place' && e + 1 < s.tokEnd && T[e].text === ',' && at[e + 1] >= 0) {
      const st = doc.mentions[at[e + 1]];
      if (st.type === 'State' && st.role !== 'demonym' && (st.tokEnd >= s.tokEnd || [',', '.', ';', ')', '-'].includes(T[st.tokEnd]?.text ?? '.'))) {
        const placeCountry = doc.entities[m.entity as number]?.country;
        if (!placeCountry || `state:${placeCountry}` === entityId(doc, st)) push(ctx, 'LOCATED_IN', m, st, s, 0.7);
      }
    }
  }
}

/** "three US citizens: missionary Kim Dong Chul and academics Tony Kim and Kim Hak Song". */
function citizensLists(ctx: Ctx, s: Sentence, ms: readonly number[]): void {
  const { doc, res } = ctx;
  const T = doc.tokens;
  for (const k of ms) {
    const st = doc.mentions[k];
    if (st.type !== 'State') continue;
    let j = st.tokEnd;
    if (j >= s.tokEnd || !res.cues.nationalityNouns.has(T[j].key)) continue;
    j++;
    if (j >= s.tokEnd || !(T[j].text === ':' || T[j].key === 'including' || T[j].key === 'named')) continue;
    for (const q of ms) {
      const p = doc.mentions[q];
      if (p.type !== 'Person' || p.tokStart <= j) continue;
      // Stop at a clause break.
      if (T.slice(j, p.tokStart).some((t) => t.text === ';' || t.text === '.')) break;
      push(ctx, 'CITIZEN_OF', p, st, s, 0.7);
    }
  }
}

/** Gazetteer `partOf`, when both ends are mentioned in the article. */
function gazetteerPartOf(ctx: Ctx): void {
  const { doc, res } = ctx;
  const byId = new Map(doc.entities.map((e, i) => [e.id, i]));
  for (const e of doc.entities) {
    if (e.type !== 'Institution') continue;
    const rec = res.institutionsByName.get(normaliseName(e.name));
    if (!rec || !rec.partOf || institutionKey(rec.name, rec.country) !== e.id) continue;
    let target: string | null = null;
    if (/^state:[A-Z]{3}$/.test(rec.partOf)) target = rec.partOf;
    else {
      const parent = res.institutionsByName.get(normaliseName(rec.partOf));
      if (parent) target = institutionKey(parent.name, parent.country);
    }
    if (!target || !byId.has(target)) continue;
    // Only when the text puts them together: a sentence names both (the parent outside the institution's name).
    const parent = doc.entities[byId.get(target) as number];
    const sentOf = (k: number): number => doc.tokens[doc.mentions[k].tokStart].sentence;
    // …close together, with no verb between ("the Quds Force, the foreign operations arm of the IRGC").
    const near = (k: number, q: number): boolean => {
      const a = doc.mentions[k];
      const b = doc.mentions[q];
      if (sentOf(q) !== sentOf(k) || !(b.tokEnd <= a.tokStart || b.tokStart >= a.tokEnd)) return false;
      const lo = Math.min(a.tokEnd, b.tokEnd);
      const hi = Math.max(a.tokStart, b.tokStart);
      return hi - lo <= 8 && !doc.tokens.slice(lo, hi).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
    };
    const together = e.mentions.find((k) => parent.mentions.some((q) => near(k, q)));
    if (together === undefined) continue;
    const s = doc.sentences[sentOf(together)];
    ctx.out.push({ type: 'PART_OF', source: e.id, target, properties: {}, confidence: 0.85, start: s.start, end: s.end });
  }
}
