import type { ArticleDoc, DocRelation, Mention, Sentence } from '../../model/doc';
import { RELATION_TYPES, type RelationType } from '../../model/ontology';
import { institutionKey, normaliseName } from '../../model/keys';
import type { Resources } from '../../pipeline/resources';
import { entityId, entityType, isBe, mentionIndex, sentenceMentions } from '../shared';

/**
 * Static relations with their evidence sentence: titles in front of names ("US Secretary of State Rex
 * Tillerson"), appositions ("X, the Y of Z"), copulas ("X was Y at Z"), possessive institutions,
 * gazetteer `partOf`, membership, defection, detention and location patterns.
 */

const SKIP_IN_APPOSITION = new Set(['the', 'a', 'an', 'former', 'then', 'current', 'acting', 'new', 'outgoing', 'incoming', 'interim', 'longtime', 'veteran', 'senior', 'top', 'its', 'his', 'her', 'their']);

export function findRelations(doc: ArticleDoc, res: Resources): void {
  const at = mentionIndex(doc);
  const out: DocRelation[] = [];
  const ctx = { doc, res, at, out };
  for (const s of doc.sentences) {
    const ms = sentenceMentions(doc, s.i);
    if (ms.length === 0) continue;
    titleRelations(ctx, s, ms);
    appositions(ctx, s, ms);
    possessions(ctx, s, ms);
    membership(ctx, s, ms);
    defection(ctx, s, ms);
    detention(ctx, s, ms);
    locations(ctx, s, ms);
    citizensLists(ctx, s, ms);
  }
  gazetteerPartOf(ctx);
  doc.relations = out;
}

interface Ctx {
  doc: ArticleDoc;
  res: Resources;
  at: Int32Array;
  out: DocRelation[];
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

function titleRelations(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc, res } = ctx;
  for (const k of ms) {
    const p = doc.mentions[k];
    if (p.type !== 'Person' || !p.titles) continue;
    for (const t of p.titles) {
      if (t.org === undefined) continue;
      const org = doc.mentions[t.org];
      if (!org || org.dropped) continue;
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

/** The organisation a title phrase points to, starting at token i: "of Z", "at Z", "Z's", "Z". */
function orgAfter(ctx: Ctx, i: number, end: number): Mention | undefined {
  const { doc, at } = ctx;
  const T = doc.tokens;
  let j = i;
  if (j < end && ['of', 'at', 'for', 'to', 'in', 'with', 'from', 'by'].includes(T[j].key)) j++;
  while (j < end && (T[j].key === 'the' || T[j].key === "'s")) j++;
  if (j >= end || at[j] < 0) return undefined;
  const m = doc.mentions[at[j]];
  const t = entityType(doc, m);
  // "at Pyongyang's embassy": the institution the possessive owns.
  const q = m.tokEnd + 1;
  if (m.tokEnd < end && T[m.tokEnd].key === "'s" && q < end && at[q] >= 0 && entityType(doc, doc.mentions[at[q]]) === 'Institution') return doc.mentions[at[q]];
  return t === 'State' || t === 'Institution' ? m : undefined;
}

interface TitleAt { a: number; b: number; title: string; office: boolean }

function titleAt(ctx: Ctx, i: number, end: number): TitleAt | null {
  const { doc, res } = ctx;
  const T = doc.tokens;
  const m = res.titles.matchAll((x) => (x < end ? T[x].key : null), i, end)[0];
  if (!m) return null;
  const office = m.values.find((v) => v.office);
  const e = office ?? m.values.find((v) => !v.honorific);
  if (!e) return null;
  const head = T[m.end - 1];
  const title = e.office ? e.title : `${m.end - 1 > i ? doc.text.slice(T[i].start, head.start) : ''}${head.lemma}`.toLowerCase();
  return { a: i, b: m.end, title, office: !!office };
}

/** "X, the Y of Z", "X, Z's Y", "X, a Z Y", "X was Y at Z", "X, who was Y of Z". */
function appositions(ctx: Ctx, s: Sentence, ms: number[]): void {
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
    const t = titleAt(ctx, j, limit);
    if (!t) continue;
    if (!org) org = orgAfter(ctx, t.b, limit);
    if (!org) continue;
    const rel = roleRelation(res, t.title, t.office);
    const conf = copula ? 0.7 : 0.8;
    if (rel === 'HOLDS_POSITION') push(ctx, 'HOLDS_POSITION', p, org, s, conf, { title: t.title });
    else push(ctx, rel, p, org, s, conf - 0.05);
  }
}

/** Possessive and modified institutions are part of their state: "Pyongyang's United Nations mission". */
function possessions(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc } = ctx;
  for (const k of ms) {
    const m = doc.mentions[k];
    if (m.type !== 'Institution') continue;
    if (m.owner !== undefined && m.source !== 'acronym') {
      push(ctx, 'PART_OF', m, doc.mentions[m.owner], s, 0.8);
      continue;
    }
    // "US State Department": a state written right before the institution.
    const prev = doc.mentions.find((x) => x.tokEnd === m.tokStart && !x.dropped && x.type === 'State');
    if (prev && m.source !== 'gazetteer') push(ctx, 'PART_OF', m, prev, s, 0.65);
  }
}

/** "X, a member of Y", "X is a member of Y", "X joined Y". */
function membership(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const isMember = res.cues.membershipNouns.has(T[i].key) && T[i + 1]?.key === 'of';
    const isJoin = res.cues.membershipVerbs.has(T[i].lemma) && T[i].pos === 'VERB';
    if (!isMember && !isJoin) continue;
    const target = orgAfter(ctx, isMember ? i + 1 : i + 1, Math.min(s.tokEnd, i + 6));
    if (!target || entityType(doc, target) !== 'Institution') continue;
    // The member: the nearest entity before the cue in the same clause.
    let src: Mention | undefined;
    for (let j = i - 1; j >= s.tokStart && i - j <= 8; j--) {
      if (res.cues.clauseMarkers.has(T[j].key) && T[j].key !== 'who') break;
      if (at[j] >= 0) { src = doc.mentions[at[j]]; break; }
    }
    if (src) push(ctx, 'MEMBER_OF', src, target, s, 0.7);
  }
  void ms;
}

/** "X defected from Y", "X ... until he defected" (Y from the sentence), and named defectors. */
function defection(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (!res.cues.defectVerbs.has(T[i].lemma) || T[i].pos === 'NOUN') continue;
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
function detention(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (!res.cues.detainVerbs.has(T[i].lemma) || T[i].pos === 'NOUN' || T[i].pos === 'ADJ') continue;
    // "hold" is detention only with a person object or in the passive with a state agent.
    const passive = i > s.tokStart && (isBe(T[i - 1]) || T[i - 1].key === 'been' || T[i - 1].key === 'being' || T[i - 1].text === ',' || (doc.mentions[at[i - 1]]?.type === 'Person'));
    if (passive && T[i].lower.endsWith('ed') || passive && /^(held|caught|seized|jailed|kidnapped|arrested|detained|imprisoned|sentenced)$/.test(T[i].lower)) {
      let person: Mention | undefined;
      for (const k of ms) { const m = doc.mentions[k]; if (m.type === 'Person' && m.tokEnd <= i) person = m; }
      if (!person) continue;
      const nxt = T[i + 1]?.key;
      if (nxt === 'by') {
        const agent = orgAfter(ctx, i + 2, Math.min(s.tokEnd, i + 6));
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
    if (!res.cues.detentionPlaces.has(T[i + 1].key) || at[i] < 0) continue;
    const state = doc.mentions[at[i]];
    if (state.type !== 'State') continue;
    let person: Mention | undefined;
    for (const k of ms) { const m = doc.mentions[k]; if (m.type === 'Person' && m.tokEnd <= i) person = m; }
    if (person) push(ctx, 'DETAINED_BY', person, state, s, 0.65);
  }
}

/** "X's embassy in London", "the embassy in London", "Aleppo, Syria". */
function locations(ctx: Ctx, s: Sentence, ms: number[]): void {
  const { doc, at } = ctx;
  const T = doc.tokens;
  for (const k of ms) {
    const m = doc.mentions[k];
    const e = m.tokEnd;
    if (m.type === 'Institution' && e + 1 < s.tokEnd && (T[e].key === 'in' || T[e].key === 'at') && at[e + 1] >= 0) {
      const place = doc.mentions[at[e + 1]];
      if (place.type === 'Place') push(ctx, 'LOCATED_IN', m, place, s, 0.75);
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
function citizensLists(ctx: Ctx, s: Sentence, ms: number[]): void {
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
    const first = doc.mentions[e.mentions[0]];
    const s = doc.sentences[doc.tokens[first.tokStart].sentence];
    ctx.out.push({ type: 'PART_OF', source: e.id, target, properties: {}, confidence: 0.9, start: s.start, end: s.end });
  }
}
