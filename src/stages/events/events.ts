import type { ArticleDoc, DateMention, DocEvent, Mention, Sentence, Token } from '../../model/doc';
import { LEAD_SENTENCES } from '../../model/doc';
import type { Modality } from '../../model/ontology';
import type { FrameEntry, Resources, TriggerEntry } from '../../pipeline/resources';
import { entityId, entityType, isBe, mentionIndex } from '../mention-index';
import { phraseIds } from '../mentions/trie';
import { TokenCues, cueBits, cueTables } from '../relations/token-cues';

/**
 * Events: triggers from the lexicon (lemma sequences, small gaps allowed), actors and recipients from
 * the sentence's shape (subject before the verb, object or a recipient preposition after it; the passive
 * swaps them; "X said Y threatened Z" makes Y the actor and the event reported), modality from cues,
 * place from a locative phrase, date from the nearest date in the clause.
 *
 * An event noun is an event of someone only when the sentence says whose it is: a possessive or a
 * modifier ("Pyongyang's test", "US strikes"), an agent ("attacks by the Houthis"), a light verb that
 * lends its subject ("held talks", "launched an assault"), or a meeting the subject took part in ("in a
 * phone call"). A noun that another verb merely talks about ("condemned the seizure") is no new event.
 * Frames (data/lexicon/frames.json) let one trigger govern another: "vowed to destroy X" is a threat,
 * what someone "urged" is no event. An event needs at least one actor.
 */

const GAP_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PART']);
const PREPS = new Set(['of', 'in', 'at', 'with', 'to', 'for', 'from', 'on', 'against', 'by', 'between', 'into', 'about', 'over', 'under', 'after', 'before', 'during', 'near', 'than', 'as', 'like', 'toward', 'towards', 'across', 'through', 'via', 'among', 'within', 'without']);
const CLAUSE_STOP = new Set([';', ':', '(', ')']);
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);
const SUBJECT_STOP = new Set(['which', 'that', 'while', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'when', 'after', 'before', 'since', 'until', 'as']);
const RIGHT_STOP = new Set(['which', 'who', 'while', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'when', 'since', 'until', 'that', 'and', 'or']);
/** Words that end a complement: a governed trigger must not lie past one of them. */
/** Words that open a threat's condition, and the modals its main clause starts with. */
const CONDITIONS = new Set(['if', 'unless']);
const MAIN_CLAUSE_MODALS = new Set(['would', 'will', "'ll", "'d", 'could', 'must', 'might', 'may', 'shall']);
const COMPLEMENT_STOP = new Set(['and', 'or', 'but', 'while', 'whereas', 'which', 'who', 'whom', 'although', 'though', 'because', 'when', 'if', 'unless', 'since', 'until', 'after', 'before']);
const PASSIVE_IRREGULAR = /^(held|caught|seized|shot|hit|struck|beaten|taken|given|sent|brought|made|told|sold|put|set|cut|met|won|lost|led|kept|fought|thrown|drawn|driven|built|bought|found|left|paid|spent|sought|withdrawn|overthrown|arrested|detained)$/;
/** Past participles used as adjectives before a noun ("the occupied West Bank", "an Iran-backed militia"). */
const PARTICIPLE = /(ed|en)$/;
const NP_INNER_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'NOUN', 'PROPN', 'PART']);

interface Ctx {
  doc: ArticleDoc;
  res: Resources;
  at: Int32Array;
  /** A title's qualifier → the person it qualifies ("US" in "US President Donald Trump"). */
  heads: Map<number, number>;
  /** Token → first token of the name with its titles and their qualifier ("US President Donald Trump"), for name tokens. */
  nameStart: Int32Array;
  /** Tokens inside a person's title ("President-elect"): no trigger there. */
  inTitle: Uint8Array;
  /** Token → its bits of the cue tables of `eventCues` (filled for the sentences with a trigger; read only there). */
  cue: Uint32Array;
}

/** The word tables the clause scans look for, one bit each (see cueBits). */
const EVENT_CUE_NAMES = [
  'clauseMarker', 'locativePrep', 'negation', 'hypothetical', 'future', 'deadlinePrep', 'factClauseMarker',
  'reportingVerb', 'negationVerb', 'futureVerb', 'hypotheticalVerb', 'preventionVerb', 'frameGovernor', 'purposeFirst',
] as const;
const BITS = cueBits(EVENT_CUE_NAMES);
const CLAUSE_MARKER = BITS.clauseMarker;
const LOCATIVE_PREP = BITS.locativePrep;
const NEGATION = BITS.negation;
const HYPOTHETICAL = BITS.hypothetical;
const FUTURE = BITS.future;
const DEADLINE_PREP = BITS.deadlinePrep;
const FACT_CLAUSE_MARKER = BITS.factClauseMarker;
const REPORTING_VERB = BITS.reportingVerb;
const NEGATION_VERB = BITS.negationVerb;
const FUTURE_VERB = BITS.futureVerb;
const HYPOTHETICAL_VERB = BITS.hypotheticalVerb;
const PREVENTION_VERB = BITS.preventionVerb;
const FRAME_GOVERNOR = BITS.frameGovernor;
const PURPOSE_FIRST = BITS.purposeFirst;
/** Not tables: the token's text is one of CLAUSE_STOP, or a parenthesis (set in the fill, see `clauseStopBit`). */
const CLAUSE_STOP_TEXT = 1 << EVENT_CUE_NAMES.length;
const OPEN_PAREN = CLAUSE_STOP_TEXT << 1;
const CLOSE_PAREN = CLAUSE_STOP_TEXT << 2;
const EVENT_CUES = new WeakMap<Resources, TokenCues>();

function clauseStopBit(text: string): number {
  if (text.length !== 1 || !CLAUSE_STOP.has(text)) return 0;
  return text === '(' ? CLAUSE_STOP_TEXT | OPEN_PAREN : text === ')' ? CLAUSE_STOP_TEXT | CLOSE_PAREN : CLAUSE_STOP_TEXT;
}

function eventCues(res: Resources): TokenCues {
  let c = EVENT_CUES.get(res);
  if (!c) {
    const q = res.cues;
    c = new TokenCues(cueTables(EVENT_CUE_NAMES, {
      clauseMarker: { words: q.clauseMarkers, on: 'key' },
      locativePrep: { words: q.locativePreps, on: 'key' },
      negation: { words: q.negation, on: 'key' },
      hypothetical: { words: q.hypothetical, on: 'key' },
      future: { words: q.future, on: 'key' },
      deadlinePrep: { words: q.deadlinePreps, on: 'key' },
      factClauseMarker: { words: q.factClauseMarkers, on: 'key' },
      reportingVerb: { words: q.reportingVerbs, on: 'lemma' },
      negationVerb: { words: q.negationVerbs, on: 'lemma' },
      futureVerb: { words: q.futureVerbs, on: 'lemma' },
      hypotheticalVerb: { words: q.hypotheticalVerbs, on: 'lemma' },
      preventionVerb: { words: q.preventionVerbs, on: 'lemma' },
      frameGovernor: { words: new Set(res.frames.flatMap((f) => [...f.governors])), on: 'lemma' },
      purposeFirst: { words: new Set([...q.purposePhrases].map((p) => p.split(' ')[0])), on: 'key' },
    }));
    EVENT_CUES.set(res, c);
  }
  return c;
}

export function findEvents(doc: ArticleDoc, res: Resources): void {
  const at = mentionIndex(doc);
  const { nameStart, inTitle } = titleSpans(doc, at);
  const ctx: Ctx = { doc, res, at, heads: qualifierHeads(doc), nameStart, inTitle, cue: new Uint32Array(doc.tokens.length) };
  const words = eventCues(res);
  const events: DocEvent[] = [];
  const definite: boolean[] = [];
  const nominal = new Set<DocEvent>();
  for (const s of doc.sentences) {
    if (s.allCaps) continue;
    const hits = findTriggers(ctx, s);
    if (hits.length === 0) continue;
    for (let i = s.tokStart; i < s.tokEnd; i++) ctx.cue[i] = words.of(doc.tokens[i]) | clauseStopBit(doc.tokens[i].text);
    const cues = reportingCues(ctx, s);
    const cands = hits.map((h) => analyse(ctx, s, h, cues));
    applyFrames(ctx, s, cands);
    for (const c of cands) c.ev.summary = summary(doc, c.ev);
    // A light verb whose object is an event noun gives that noun its subject; it is no event itself.
    for (const c of cands) {
      if (c.dropped || c.governor < 0 || !c.viaSupport) continue;
      for (const v of cands) if (v !== c && v.hit.entry.pos === 'verb' && v.hit.head === c.governor && v.hit.b - v.hit.a === 1) v.dropped = true;
    }
    for (const c of cands) {
      if (c.dropped || c.ev.actors.length === 0) continue;
      // A consultation has two sides (or is a body meeting): "Liam Fox was speaking" is none.
      if (c.ev.type === 'CONSULT' && c.ev.actors.length + c.ev.recipients.length < 2 && c.ev.mode !== 'multilateral' && c.ev.mode !== 'third-party' && !isBody(doc, c.ev.actors[0])) continue;
      events.push(c.ev);
      definite.push(c.definite);
      if (c.hit.entry.pos === 'noun') nominal.add(c.ev);
    }
  }
  doc.events = mergeRetold(dropAnaphora(events, definite), nominal);
  for (const e of doc.events) if (e.type === 'CONSULT' && !e.mode && isVisit(doc, e)) e.mode = 'visit';
}

/**
 * "Pompeo held talks with Mohammed bin Salman in Jeddah": talks held on the recipient's home ground, and on
 * no actor's, are a visit (gold README: one party travels to the other).
 */
function isVisit(doc: ArticleDoc, e: DocEvent): boolean {
  if (!e.place || e.recipients.length === 0) return false;
  const home = (id: string): string | null => {
    if (id.startsWith('state:')) return id.slice(6);
    const x = doc.entities.find((y) => y.id === id);
    if (x?.type === 'Place' || x?.type === 'Institution') return x.country ?? null;
    if (x?.nationality) return x.nationality;
    const r = doc.relations.find((q) => q.source === id && (q.type === 'HOLDS_POSITION' || q.type === 'CITIZEN_OF') && q.target.startsWith('state:'));
    return r ? r.target.slice(6) : null;
  };
  const where = home(e.place);
  if (!where) return false;
  return e.recipients.some((r) => home(r) === where) && e.actors.every((a) => { const h = home(a); return h !== null && h !== where; });
}

/**
 * One event told twice in an article is one event: same type, the same actors (or some of them), the
 * same recipients (a later mention by an event noun may leave them out), and no conflicting date or
 * modality. The later telling adds its evidence, its participants and a date the first lacked.
 */
function mergeRetold(events: DocEvent[], nominal: Set<DocEvent>): DocEvent[] {
  const out: DocEvent[] = [];
  const sub = (a: string[], b: string[]): boolean => a.every((x) => b.includes(x));
  for (const e of events) {
    const same = out.find((p) => p.type === e.type && (p.mode === e.mode || !p.mode || !e.mode) &&
      (sub(p.actors, e.actors) || sub(e.actors, p.actors)) &&
      // The later telling may leave the date out; it may add one only as a mere re-mention (an event noun).
      (p.date === e.date || !e.date || (!p.date && nominal.has(e))) &&
      p.modality === e.modality &&
      (sameSet(p.recipients, e.recipients) || (e.recipients.length === 0 && nominal.has(e)) ||
        (p.recipients.length > 0 && e.recipients.length > 0 && (sub(p.recipients, e.recipients) || sub(e.recipients, p.recipients)))));
    if (!same) { out.push(e); continue; }
    for (const a of e.actors) if (!same.actors.includes(a) && !same.recipients.includes(a)) same.actors.push(a);
    for (const r of e.recipients) if (!same.recipients.includes(r) && !same.actors.includes(r)) same.recipients.push(r);
    if (!same.date && e.date) { same.date = e.date; same.datePrecision = e.datePrecision; }
    same.mode = same.mode ?? e.mode;
    same.place = same.place ?? e.place;
    same.confidence = Math.max(same.confidence, e.confidence);
    if (e.start !== same.start) (same.also ??= []).push({ start: e.start, end: e.end });
  }
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** An institution that meets as a body (an IGO, a legislature). */
function isBody(doc: ArticleDoc, id: string): boolean {
  const e = doc.entities.find((x) => x.id === id);
  return !!e && e.type === 'Institution' && (e.kind === 'igo' || e.kind === 'legislature');
}

/** "the strike" after a strike by the same actor is the same event told again. */
function dropAnaphora(events: DocEvent[], definite: boolean[]): DocEvent[] {
  const out: DocEvent[] = [];
  events.forEach((e, i) => {
    if (definite[i] && out.some((p) => p.type === e.type && p.actors.some((a) => e.actors.includes(a)))) return;
    out.push(e);
  });
  return out;
}

/** Where each person's name starts once its titles are counted, and which tokens are titles. */
function titleSpans(doc: ArticleDoc, at: Int32Array): { nameStart: Int32Array; inTitle: Uint8Array } {
  const T = doc.tokens;
  const nameStart = new Int32Array(T.length).fill(-1);
  const inTitle = new Uint8Array(T.length);
  for (const m of doc.mentions) {
    if (m.dropped || m.entity === undefined) continue;
    let start = m.tokStart;
    for (const t of m.titles ?? []) {
      let k = m.tokStart - 1;
      while (k >= 0 && T[k].start > t.start) k--;
      if (k < 0 || T[k].start !== t.start) continue;
      for (let q = k; q < m.tokStart && T[q].end <= t.end; q++) if (at[q] < 0) inTitle[q] = 1;
      start = Math.min(start, k);
      if (t.org !== undefined) start = Math.min(start, doc.mentions[t.org].tokStart);
    }
    for (let q = m.tokStart; q < m.tokEnd; q++) nameStart[q] = start;
  }
  return { nameStart, inTitle };
}

/** Qualifier mention → the person whose title it qualifies. */
function qualifierHeads(doc: ArticleDoc): Map<number, number> {
  const heads = new Map<number, number>();
  doc.mentions.forEach((m, k) => {
    if (m.dropped || m.type !== 'Person' || !m.titles) return;
    for (const t of m.titles) if (t.org !== undefined && !heads.has(t.org)) heads.set(t.org, k);
  });
  return heads;
}

interface TriggerHit {
  a: number;
  /** Token of the trigger's head (where the verb or noun is). */
  head: number;
  b: number;
  entry: TriggerEntry;
}

function posOk(t: Token, pos: 'verb' | 'noun'): boolean {
  return pos === 'verb' ? t.pos === 'VERB' : t.pos === 'NOUN' || (t.pos === 'PROPN' && !t.cap);
}

/** The head noun of the object after token `i` (skipping determiners, modifiers and names), or -1. */
function objectHead(ctx: Ctx, s: Sentence, i: number): number {
  const T = ctx.doc.tokens;
  let head = -1;
  for (let j = i; j < s.tokEnd && j < i + 7; j++) {
    const t = T[j];
    if (ctx.at[j] >= 0) { head = -2; continue; } // a name: a participant, always a fine object
    if (t.key === "'s" || t.text === '-' || t.text === '"' || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'PRON' && head === -1)) continue;
    if (t.pos === 'ADV' && head === -1) continue;
    // "tens of thousands of reservists", "a volley of missiles": the head is after "of".
    if (t.pos === 'NOUN' && T[j + 1]?.key === 'of' && ctx.res.cues.quantityNouns.has(t.lower)) { j++; head = -1; continue; }
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && !t.cap)) { head = j; continue; }
    // "all planned contacts", "existing sanctions": a participle before a noun modifies it.
    if (t.pos === 'VERB' && head === -1 && /(ed|ing)$/.test(t.lower) && j + 1 < s.tokEnd && (T[j + 1].pos === 'NOUN' || T[j + 1].pos === 'ADJ')) continue;
    break;
  }
  return head;
}

function findTriggers(ctx: Ctx, s: Sentence): TriggerHit[] {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  const hits: TriggerHit[] = [];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = T[i];
    let list = res.triggers.get(t.lemma) ?? (t.lower !== t.lemma ? res.triggers.get(t.lower) : undefined);
    // A past tense the tagger took for an adjective after a name ("Shin alleged on Sunday that …").
    let asVerb = false;
    if (!list && T[i].pos === 'ADJ' && T[i].lower.endsWith('ed') && i > s.tokStart) {
      // Also a participle the tagger took for one after "has"/"have"/"had" ("Beijing has branded Mr Lai …"),
      // unless a common noun follows ("has armed forces").
      const perfect = !(i + 1 < s.tokEnd && T[i + 1].pos === 'NOUN') && ((T[i - 1].pos === 'AUX' && T[i - 1].lemma === 'have') || afterRelative(T, s, i));
      if (perfect || (at[i - 1] >= 0 && !(i + 1 < s.tokEnd && (T[i + 1].pos === 'NOUN' || T[i + 1].pos === 'PROPN')))) {
        list = res.triggers.get(T[i].lower.slice(0, -1)) ?? res.triggers.get(T[i].lower.slice(0, -2));
        asVerb = !!list;
      }
    }
    if (!list) continue;
    if (at[i] >= 0 || ctx.inTitle[i]) continue; // inside a name ("Peace Corps") or a title ("President-elect")
    let best: TriggerHit | null = null;
    for (const e of list) {
      let j = i + 1;
      let ok = true;
      for (let k = 1; k < e.lemmas.length && ok; k++) {
        let gaps = 0;
        while (j < s.tokEnd && T[j].lemma !== e.lemmas[k] && T[j].lower !== e.lemmas[k] && gaps < 2 && GAP_POS.has(T[j].pos) && !PREPS.has(T[j].key)) { j++; gaps++; }
        if (j < s.tokEnd && (T[j].lemma === e.lemmas[k] || T[j].lower === e.lemmas[k])) j++;
        else ok = false;
      }
      if (!ok) continue;
      // The part of speech decides on the word that carries it: the verb first, the noun last.
      const head = e.pos === 'verb' ? i : j - 1;
      if (asVerb && e.pos !== 'verb') continue;
      // After "to", a verb is an infinitive: "linked to protests" is no verb.
      if (e.pos === 'verb' && head > s.tokStart && T[head - 1].key === 'to' && T[head].lower !== T[head].lemma && T[head].pos === 'VERB' && /s$/.test(T[head].lower)) continue;
      if (!posOk(T[head], e.pos) && !(asVerb && head === i) && !e.compound) {
        // wink sometimes tags a verb after "to" or a modal as a noun; a noun trigger after "the" is fine.
        const prev = head > s.tokStart ? T[head - 1] : null;
        // Only a base form can be an infinitive ("to protest", not "linked to protests").
        const rescue = e.pos === 'verb' && T[head].pos === 'NOUN' && prev && (prev.key === 'to' || prev.pos === 'AUX' || (res.cues.wrapperVerbs.has(prev.lemma) && prev.pos === 'VERB')) && T[head].lower === T[head].lemma;
        if (!rescue) continue;
      }
      if (!objectOk(ctx, s, e, j)) continue;
      // Longest first; among equal lengths, a reading chosen by its object before the general one.
      if (!best || j - i > best.b - best.a || (j - i === best.b - best.a && e.objects && !best.entry.objects)) best = { a: i, head, b: j, entry: e };
    }
    if (!best) continue;
    const h = best;
    const single = h.b - h.a === 1;
    const directive = res.cues.directiveVerbs.has(T[h.head].lemma) && h.entry.type === 'REQUEST';
    if (directive && !isDirective(ctx, s, h.head)) continue;
    if (h.entry.pos === 'verb' && res.cues.reportingVerbs.has(T[h.head].lemma) && single && !directive) continue;
    // "fines of up to pounds 2,500": a word before an amount is no act.
    if (T[h.b]?.pos === 'NUM' && h.head > s.tokStart && (T[h.head - 1].pos === 'ADP' || T[h.head - 1].key === 'to')) continue;
    // "vowed to destroy": the wrapper verb only sets the modality of the verb it governs.
    // "helped broker the talks": a bare infinitive after it (the tagger may call it a noun before "the").
    const bare = T[h.b] && T[h.b].lower === T[h.b].lemma && (T[h.b].pos === 'VERB' || (T[h.b].pos === 'NOUN' && (T[h.b + 1]?.pos === 'DET' || T[h.b + 1]?.pos === 'PRON')));
    if (single && res.cues.wrapperVerbs.has(T[h.head].lemma) && (T[h.b]?.key === 'to' || bare)) continue;
    if (h.entry.pos === 'verb' && single && isAdjectival(T, s, h.head)) continue;
    // "threats and intimidation": one event told with two nouns.
    const last = hits[hits.length - 1];
    if (h.entry.pos === 'noun' && last && last.entry.pos === 'noun' && last.entry.type === h.entry.type && last.b === h.a - 1 && (T[h.a - 1].key === 'and' || T[h.a - 1].key === 'or')) continue;
    // "an indictment charging four nationals with …", "agreements establishing diplomatic relations": the -ing
    // verb tells what the case or the agreement is, not a second event.
    if (h.entry.pos === 'verb' && last && T[last.b - 1].pos === 'NOUN' && (last.entry.type === 'COERCE' || last.entry.type === 'AGREE') && last.b === h.a && T[h.head].lower.endsWith('ing')) continue;
    // "carrier strike group", "launch sites": a noun modifying another noun is no event.
    if (h.entry.pos === 'noun' && h.b < s.tokEnd && T[h.b].pos === 'NOUN' && !T[h.b].cap && at[h.b] < 0) continue;
    hits.push(h);
    i = h.b - 1;
  }
  return hits;
}

/** A verb in a lemma list, also when the tagger's lemma is off ("staged" → "stag"). */
function verbIn(set: Set<string>, t: Token): boolean {
  if (set.has(t.lemma) || set.has(t.lower)) return true;
  const w = t.lower;
  if (w.endsWith('ed')) return set.has(w.slice(0, -1)) || set.has(w.slice(0, -2));
  if (w.endsWith('ing')) return set.has(w.slice(0, -3)) || set.has(`${w.slice(0, -3)}e`);
  if (w.endsWith('s')) return set.has(w.slice(0, -1));
  return false;
}

/** "told residents to leave", "ordered X to withdraw": an object, then "to" and a verb. */
function isDirective(ctx: Ctx, s: Sentence, i: number): boolean {
  const T = ctx.doc.tokens;
  for (let j = i + 1; j < s.tokEnd && j - i <= 7; j++) {
    if (T[j].text === ',' || T[j].key === 'that' || CLAUSE_STOP.has(T[j].text)) return false;
    if (T[j].key === 'to' && j > i + 1) return j + 1 < s.tokEnd && (T[j + 1].pos === 'VERB' || T[j + 1].pos === 'AUX' || (T[j + 1].text === '"' && T[j + 2]?.pos === 'VERB'));
  }
  return false;
}

/** "the occupied West Bank", "an Iran-backed militia", "allied militias": a participle used as an adjective. */
function isAdjectival(T: Token[], s: Sentence, i: number): boolean {
  const t = T[i];
  if (!PARTICIPLE.test(t.lower) || t.lower === t.lemma) return false;
  const prev = i > s.tokStart ? T[i - 1] : null;
  const next = i + 1 < s.tokEnd ? T[i + 1] : null;
  if (prev && prev.text === '-' && !prev.spaceBefore && !t.spaceBefore) return true;
  if (!next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || (next.pos === 'ADJ' && T[i + 2] && (T[i + 2].pos === 'NOUN' || T[i + 2].pos === 'PROPN')))) return false;
  return !prev || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'ADP' || prev.pos === 'NUM';
}

/** The trigger's object, when it has one, must be of the kind the entry allows ("launch a missile", not "a campaign"). */
function objectOk(ctx: Ctx, s: Sentence, e: TriggerEntry, end: number): boolean {
  if (!e.objects && !e.notObjects) return true;
  const T = ctx.doc.tokens;
  // "speak to reporters": the object of a recipient preposition can veto too.
  if (e.notObjects && end < s.tokEnd && e.recipientPreps.includes(T[end].key)) {
    const ph = objectHead(ctx, s, end + 1);
    if (ph >= 0 && e.notObjects.has(T[ph].lemma)) return false;
  }
  const h = objectHead(ctx, s, end);
  // No object: a reading kept for some objects yields to its general sibling.
  if (h === -1) return !(e.objects && e.hasDefault);
  if (h === -2) return !(e.objects && e.hasDefault); // a named object: the general reading
  // Any noun of the object phrase may carry the kind ("a ballistic missile test").
  const nouns: string[] = [];
  for (let j = end; j <= h; j++) if (T[j].pos === 'NOUN' || T[j].pos === 'PROPN') nouns.push(T[j].lemma);
  if (e.notObjects && nouns.some((n) => e.notObjects?.has(n))) return false;
  if (e.objects && !nouns.some((n) => e.objects?.has(n))) return false;
  return true;
}

/** A short parenthesis ("the IRGC (Islamic …)", "Mr Navalny (44)") does not end the clause. */
const PAREN_SPAN = 6;

// Only a clause stop (';', ':', '(', ')') can end the clause or open a parenthesis: other tokens are
// passed on their cue bit. Parentheses are found by their bits too, not by comparing each token's text
// with '(' in a loop that runs only after a ')': there, optimised code met on new text a kind of string
// (two-byte, not interned) it had not seen in the warm-up, and was thrown away and compiled again, with
// all of `analyse` that inlines it.
function clauseLeft(ctx: Ctx, s: Sentence, i: number): number {
  const T = ctx.doc.tokens;
  let j = i - 1;
  while (j >= s.tokStart) {
    if (!(ctx.cue[j] & CLAUSE_STOP_TEXT)) { j--; continue; }
    if (ctx.cue[j] & CLOSE_PAREN) {
      let o = j - 1;
      while (o >= s.tokStart && j - o <= PAREN_SPAN && !(ctx.cue[o] & (OPEN_PAREN | CLOSE_PAREN))) o--;
      if (o >= s.tokStart && (ctx.cue[o] & OPEN_PAREN) && j - o <= PAREN_SPAN) { j = o - 1; continue; }
    }
    if (CLAUSE_STOP.has(T[j].text)) break;
    j--;
  }
  return j + 1;
}

function clauseRight(ctx: Ctx, s: Sentence, i: number): number {
  const T = ctx.doc.tokens;
  let j = i;
  while (j < s.tokEnd) {
    if (!(ctx.cue[j] & CLAUSE_STOP_TEXT)) { j++; continue; }
    if (ctx.cue[j] & OPEN_PAREN) {
      let c = j + 1;
      while (c < s.tokEnd && c - j <= PAREN_SPAN && !(ctx.cue[c] & (OPEN_PAREN | CLOSE_PAREN))) c++;
      if (c < s.tokEnd && (ctx.cue[c] & CLOSE_PAREN) && c - j <= PAREN_SPAN) { j = c + 1; continue; }
    }
    if (CLAUSE_STOP.has(T[j].text)) break;
    j++;
  }
  return j;
}

interface Participant {
  m: Mention;
  via: 'subject' | 'possessive' | 'modifier' | 'pronoun' | 'object' | 'prep' | 'agent' | 'relative' | 'pair';
  prep?: string;
  /** "the two leaders": the other one. */
  also?: Mention[];
}

function isParticipant(doc: ArticleDoc, m: Mention): boolean {
  const t = entityType(doc, m);
  return t === 'Person' || t === 'State' || t === 'Institution';
}

/** Is the mention in subject position: not inside a prepositional phrase, not a possessor? */
function subjectLike(doc: ArticleDoc, m: Mention): boolean {
  const T = doc.tokens;
  const s = doc.sentences[T[m.tokStart].sentence];
  let bi = m.tokStart - 1;
  while (bi >= s.tokStart && (T[bi].pos === 'DET' || T[bi].pos === 'ADJ')) bi--;
  if (bi >= s.tokStart && PREPS.has(T[bi].key)) {
    // "supporters of X stormed …": a group of X's people opening the clause stands for X.
    const g = bi - 1;
    const opens = g >= s.tokStart && T[g].pos === 'NOUN' && (g === s.tokStart || T[g - 1].text === ',' || T[g - 1].pos === 'DET' || T[g - 1].pos === 'SCONJ' || T[g - 1].key === 'after' || T[g - 1].key === 'when');
    if (!(T[bi].key === 'of' && opens && !T[g].cap)) return false;
  }
  if (m.tokEnd < s.tokEnd && T[m.tokEnd].key === "'s") return false;
  return m.role !== 'demonym';
}

/**
 * The referent of a pronoun: a fitting mention earlier in the sentence (the nearest), else the subject of
 * the nearest earlier sentence that has one (salience), else its last fitting mention. "It" reaches back
 * one sentence, "he" and "she" three; "they" is mostly a group nobody named.
 */
function antecedent(doc: ArticleDoc, res: Resources, tok: number, pronoun: string): Mention | undefined {
  const wantPerson = res.cues.pronounsPerson.has(pronoun);
  if (pronoun === 'they' || pronoun === 'them' || pronoun === 'their') return undefined;
  const here = doc.tokens[tok]?.sentence ?? 0;
  const fits = (m: Mention): boolean => {
    if (m.dropped || m.entity === undefined || m.role === 'demonym') return false;
    const t = entityType(doc, m);
    return wantPerson ? t === 'Person' : t === 'State' || t === 'Institution';
  };
  const reach = wantPerson ? 3 : 1;
  const bySentence: Mention[][] = [];
  for (let k = doc.mentions.length - 1; k >= 0; k--) {
    const m = doc.mentions[k];
    if (m.tokEnd > tok || !fits(m)) continue;
    const sn = doc.tokens[m.tokStart].sentence;
    if (sn < here - reach) break;
    if (sn === here) return m;
    (bySentence[here - sn] ??= []).unshift(m);
  }
  for (let d = 1; d <= reach; d++) {
    const ms = bySentence[d];
    if (!ms || ms.length === 0) continue;
    return ms.find((m) => subjectLike(doc, m)) ?? ms[ms.length - 1];
  }
  return undefined;
}

function withConjuncts(ctx: Ctx, m: Mention, s: Sentence, dir: 'left' | 'right'): Mention[] {
  const { doc, at } = ctx;
  const T = doc.tokens;
  const out = [m];
  let cur = m;
  for (let guard = 0; guard < 4; guard++) {
    if (dir === 'left') {
      let j = (ctx.nameStart[cur.tokStart] >= 0 ? ctx.nameStart[cur.tokStart] : cur.tokStart) - 1;
      if (T[j]?.key === 'the' && j - 1 >= s.tokStart) j--;
      if (j - 1 < s.tokStart || !(T[j].key === 'and' || T[j].text === ',')) break;
      const k = at[j - 1];
      if (k < 0) break;
      cur = headOf(ctx, doc.mentions[k]);
    } else {
      let j = cur.tokEnd;
      // "Moon Jae-in, the South Korean president, and …": skip nothing; a list only.
      if (j + 1 >= s.tokEnd || !(T[j].key === 'and' || T[j].text === ',')) break;
      if (T[j].text === ',' && T[j + 1]?.key === 'and') j++;
      let q = j + 1;
      if (T[q]?.key === 'the') q++;
      let k = q < s.tokEnd ? at[q] : -1;
      // "… and Japanese Prime Minister Shinzo Abe": the person after the title.
      if (k < 0 || ctx.heads.has(k)) {
        let r = k >= 0 ? doc.mentions[k].tokEnd : q;
        while (r < s.tokEnd && ctx.inTitle[r]) r++;
        if (r < s.tokEnd && at[r] >= 0 && doc.mentions[at[r]].type === 'Person' && r > q) k = at[r];
      }
      if (k < 0) break;
      cur = headOf(ctx, doc.mentions[k]);
    }
    if (!isParticipant(doc, cur)) break;
    out.push(cur);
  }
  return out;
}

/** A title's qualifier stands for the person it introduces: "between US President Trump and …" → Trump. */
function headOf(ctx: Ctx, m: Mention): Mention {
  const k = ctx.at[m.tokStart];
  const p = k >= 0 && ctx.doc.mentions[k] === m ? ctx.heads.get(k) : undefined;
  return p !== undefined ? ctx.doc.mentions[p] : m;
}

function isPronounSubject(res: Resources, t: Token): boolean {
  return (res.cues.pronounsPerson.has(t.key) || t.key === 'it' || t.key === 'they') && t.pos === 'PRON' &&
    !(t.key === 'him' || t.key === 'her' || t.key === 'them' || t.key === 'his' || t.key === 'their' || t.key === 'its');
}

/** The subject of the verb at token `a`, looked for between `left` and the verb. */
function findSubjectAt(ctx: Ctx, s: Sentence, a: number, left: number, depth = 0): Participant | undefined {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  // "wanted parliament to ratify it": the object of the verb before "to" does the infinitive.
  if (a - 3 >= s.tokStart && T[a - 1].key === 'to' && T[a - 2].pos === 'NOUN' && at[a - 2] < 0 && !T[a - 2].cap) {
    // "prompting thousands of his supporters to take to the streets": walk back over the object phrase.
    let v = a - 3;
    while (v > s.tokStart && a - v <= 8 && at[v] < 0 && (T[v].pos === 'DET' || T[v].pos === 'ADJ' || T[v].pos === 'PRON' || T[v].pos === 'NUM' || T[v].pos === 'NOUN' || T[v].key === 'of')) v--;
    if (T[v].pos === 'VERB') return undefined;
  }
  // "accused X of ordering …", "blamed X for attacking …", "prevent X from launching …": X does the gerund.
  if (a - 2 >= s.tokStart && T[a].lower.endsWith('ing') && (T[a - 1].key === 'of' || T[a - 1].key === 'for' || T[a - 1].key === 'from') && at[a - 2] >= 0) {
    const m = headOf(ctx, doc.mentions[at[a - 2]]);
    if (isParticipant(doc, m)) return { m, via: 'object' };
  }
  // "X, an Iran-backed militia, stormed …", "Mr Navalny, 44, was detained": the clause opens with the subject.
  let p = a - 1;
  while (p > left && (T[p].pos === 'ADV' || T[p].pos === 'AUX' || T[p].pos === 'PART')) p--;
  // "X condemned Y and warned Z", "… but fired the rocket", "X stormed Y, killing Z": a second verb or a
  // participle shares the subject of the finite verb before it.
  const coordinated = p > left && (T[p].key === 'and' || T[p].key === 'but');
  const adjunct = p > left && T[p].text === ',' && T[a].lower.endsWith('ing') && T[a].pos === 'VERB';
  if ((coordinated || adjunct) && depth < 3) {
    // The nearest earlier verb with a subject ("The Pentagon said the strike had been carried out …, and
    // accused X": not the passive "carried", but "said").
    let end = p;
    for (let tries = 0; tries < 3; tries++) {
      const v = previousVerb(ctx, s, left, end);
      if (v < 0) break;
      const subj = findSubjectAt(ctx, s, v, left, depth + 1);
      if (subj) return subj;
      end = v;
    }
    if (coordinated) return undefined;
  }
  if (p >= left && T[p].text === ',') {
    for (let j = left; j < p; j++) {
      const k = at[j];
      // "The minister, who criticised Israel, met …": a name inside a relative clause is not the subject.
      if (k < 0 && RELATIVE.has(T[j].key) && T[j].pos === 'PRON') break;
      if (k < 0) continue;
      const m = doc.mentions[k];
      j = m.tokEnd - 1;
      if (!isParticipant(doc, m) || !subjectLike(doc, m)) continue;
      if (T[m.tokEnd]?.text === ',') return { m, via: 'subject' };
      // "X and Y, the defeated candidate of Z, endorsed …": a conjoined subject before the apposition.
      const k2 = T[m.tokEnd]?.key === 'and' && m.tokEnd + 1 < p ? at[m.tokEnd + 1] : -1;
      if (k2 >= 0 && isParticipant(doc, doc.mentions[k2]) && T[doc.mentions[k2].tokEnd]?.text === ',') return { m, via: 'subject' };
      break;
    }
  }
  // "his allies in Congress urged …", "Moscow's envoy to the UN said …": a common noun is the subject;
  // nobody named acts.
  {
    let q = a - 1;
    while (q > left && (T[q].pos === 'ADV' || T[q].pos === 'AUX' || T[q].pos === 'PART')) q--;
    // Past a prepositional phrase that ends right before the verb.
    if (q > left && at[q] >= 0) {
      const m = doc.mentions[at[q]];
      let pq = m.tokStart - 1;
      while (pq > left && (T[pq].pos === 'DET' || T[pq].pos === 'ADJ')) pq--;
      if (pq > left && PREPS.has(T[pq].key) && !SUBJECT_STOP.has(T[pq].key)) q = pq - 1;
    }
    const t = q >= left ? T[q] : undefined;
    // Nouns that refer to someone named before: "the two leaders", "both sides", "the (militant) group".
    let d = q - 1;
    while (d > left && (T[d].pos === 'ADJ' || at[d] >= 0 || T[d].text === '-')) d--;
    const pairish = !!t && (res.cues.pairNounsPerson.has(t.lower) || res.cues.pairNounsState.has(t.lower)) && (T[q - 1]?.key === 'two' || T[q - 1]?.key === 'both');
    const groupish = !!t && (res.cues.groupNouns.has(t.lower) || res.cues.igoReferences.has(t.lower)) && T[d]?.key === 'the';
    const referring = pairish || groupish || (!!t && res.cues.agentNouns.has(t.lower));
    // "A Labour Party spokesman criticised", "three Appeal Court judges dismissed": the institution acts.
    if (t && at[q] < 0 && t.pos === 'NOUN' && !t.cap && q - 1 >= left && at[q - 1] >= 0 && entityType(doc, doc.mentions[at[q - 1]]) === 'Institution' && T[q + 1]?.key !== 'to') {
      return { m: doc.mentions[at[q - 1]], via: 'subject' };
    }
    if (t && at[q] < 0 && t.pos === 'NOUN' && !t.cap && !referring && T[q + 1]?.key !== 'to' && T[a].pos === 'VERB' && !T[a].lower.endsWith('ing') &&
      !res.cues.relativeDateUnits.has(t.lower) && !res.cues.timeNouns.has(t.lower) && T[q - 1]?.key !== "'s" && !(at[q - 1] >= 0 && entityType(doc, doc.mentions[at[q - 1]]) === 'State')) {
      // Not when the noun is a title of a name before it ("the spokesman"), handled by the mentions.
      if (!ctx.inTitle[q]) return undefined;
    }
  }
  for (let j = a - 1; j >= left; j--) {
    const t = T[j];
    if (SUBJECT_STOP.has(t.key) && j < a - 1) {
      // "X, who ... threatened": the relative pronoun hands over to the name before it.
      if (t.key === 'that' || t.key === 'which') {
        const k = j - 1 >= s.tokStart && T[j - 1].text === ',' ? at[j - 2] ?? -1 : at[j - 1] ?? -1;
        if (k >= 0 && isParticipant(doc, doc.mentions[k])) return { m: doc.mentions[k], via: 'relative' };
      }
      break;
    }
    if (t.key === 'who') {
      const q = j - 1 >= s.tokStart && T[j - 1].text === ',' ? j - 2 : j - 1;
      const k = q >= s.tokStart ? at[q] : -1;
      if (k >= 0 && isParticipant(doc, doc.mentions[k])) return { m: doc.mentions[k], via: 'relative' };
      // "the Houthi rebels, who have fired …": the group named by the modifier of the noun before "who".
      if (k < 0 && q - 1 >= s.tokStart && T[q].pos === 'NOUN' && !T[q].cap && at[q - 1] >= 0) {
        const m = doc.mentions[at[q - 1]];
        const ty = entityType(doc, m);
        if ((ty === 'Institution' || ty === 'State') && isParticipant(doc, m)) return { m: headOf(ctx, m), via: 'relative' };
      }
      break;
    }
    const pair = pairReference(ctx, s, j);
    if (pair) return pair;
    if (t.key === 'the' && at[j] < 0) {
      const g = groupReference(ctx, s, j);
      // Only as the subject: nothing but modifiers between it and the verb.
      if (g) {
        let q = j + 1;
        while (q < a && (at[q] >= 0 || T[q].pos === 'ADJ' || T[q].pos === 'NOUN' || T[q].text === '-' || T[q].pos === 'ADV' || T[q].pos === 'AUX' || (T[q].pos === 'VERB' && isAdjectival(T, s, q)))) q++;
        if (q === a) return { m: g, via: 'subject' };
      }
    }
    // "Wagner fighters crossed …, and by morning they had seized …": "they" is the group that acted before.
    if (t.key === 'they' && t.pos === 'PRON' && depth < 3) {
      const v = previousVerb(ctx, s, s.tokStart, j);
      const subj = v >= 0 ? findSubjectAt(ctx, s, v, clauseLeft(ctx, s, v), depth + 1) : undefined;
      const ty = subj ? entityType(doc, subj.m) : null;
      if (subj && (ty === 'Institution' || ty === 'State') && subj.via !== 'pronoun') return subj;
      return undefined;
    }
    if (isPronounSubject(res, t) && (j + 1 >= a || T[j + 1].pos === 'AUX' || T[j + 1].pos === 'ADV' || T[j + 1].pos === 'VERB' || T[j + 1].pos === 'PART')) {
      // "the defector said he backed …": the pronoun is the reporter, named or not.
      const pv = j - 1 >= s.tokStart ? T[j - 1] : null;
      const pv2 = j - 2 >= s.tokStart ? T[j - 2] : null;
      if ((pv && res.cues.reportingVerbs.has(pv.lemma) && pv.pos === 'VERB') || (pv?.key === 'that' && pv2 && res.cues.reportingVerbs.has(pv2.lemma))) {
        const rv = pv?.key === 'that' ? j - 2 : j - 1;
        const k = rv - 1 >= s.tokStart ? at[rv - 1] : -1;
        let rep = k >= 0 ? doc.mentions[k] : undefined;
        // "Algeria, which borders Niger, has said it opposes …": the subject before the comma.
        if (!rep) {
          let c = rv - 1;
          while (c > s.tokStart && (T[c].pos === 'AUX' || T[c].pos === 'ADV')) c--;
          if (T[c]?.text === ',') rep = commaSubject(ctx, s, c);
        }
        if (rep && entityType(doc, rep) === 'Person' === res.cues.pronounsPerson.has(t.key)) return { m: rep, via: 'pronoun' };
        if (rv - 1 >= s.tokStart && T[rv - 1].pos === 'NOUN') return undefined;
      }
      const m = antecedent(doc, res, j, t.key);
      return m ? { m, via: 'pronoun' } : undefined;
    }
    const k = at[j];
    if (k < 0) continue;
    const m = doc.mentions[k];
    j = m.tokStart;
    if (!isParticipant(doc, m)) continue;
    // An acronym in parentheses repeats the name before it.
    if (T[m.tokStart - 1]?.text === '(' && T[m.tokEnd]?.text === ')') continue;
    let bi = Math.min(m.tokStart, ctx.nameStart[m.tokStart] >= 0 ? ctx.nameStart[m.tokStart] : m.tokStart) - 1;
    for (let g = 0; g < 3 && bi - 1 >= s.tokStart && at[bi] < 0 && (T[bi].pos === 'DET' || T[bi].pos === 'ADJ' || (T[bi].pos === 'VERB' && isAdjectival(T, s, bi)) || (T[bi].pos === 'NOUN' && !T[bi].cap && T[bi - 1].key === 'the')); g++) bi--;
    const before = bi >= s.tokStart ? T[bi] : null;
    // Inside a prepositional phrase ("talks with X"), the object of another verb ("called X"), or the
    // owner in "X's Y": not the subject.
    // "after North Korea attacked …": a conjunction, not a preposition, when a verb follows the name.
    let vq = m.tokEnd;
    while (vq < a && (T[vq].pos === 'AUX' || T[vq].pos === 'ADV' || T[vq].pos === 'PART')) vq++;
    const clauseOpener = !!before && SUBJECT_STOP.has(before.key) && vq === a;
    if (before && m.tokStart > left && !clauseOpener && (PREPS.has(before.key) || (before.pos === 'VERB' && !res.cues.reportingVerbs.has(before.lemma)))) continue;
    if (m.tokEnd < a && T[m.tokEnd].key === "'s") {
      // "X's policy of pressuring Y": the owner acts; "X's envoy threatened": the envoy does.
      if (T[a - 1]?.key === 'of' && a - 1 - m.tokEnd <= 4) return { m, via: 'possessive' };
      continue;
    }
    // A modifier of the mention after it ("the Trump administration"): that one is the subject.
    if (m.tokEnd < a && at[m.tokEnd] >= 0) continue;
    // A demonym or a state name modifies a noun ("a North Korean defector said", "US senators introduced"):
    // no subject of its own.
    const nx = T[m.tokEnd];
    const modifies = m.tokEnd < a && !nx.cap && (nx.pos === 'NOUN' || nx.pos === 'ADJ');
    // A name modifies a noun only when that noun is then a subject ("US senators said"), not a verb
    // mis-tagged ("Britain plans to meet").
    // …except an armed or official body, which acts for its state ("American warplanes struck", "Israeli troops entered").
    let hn = m.tokEnd;
    while (hn < a && at[hn] < 0 && (T[hn].pos === 'NOUN' || T[hn].pos === 'ADJ' || T[hn].key === 'and' || at[hn] >= 0) && !res.cues.agentNouns.has(T[hn].lower)) hn++;
    const agentBody = hn < a && res.cues.agentNouns.has(T[hn].lower);
    if (modifies && agentBody) return { m, via: 'subject' };
    if (modifies && (m.role === 'demonym' || (m.type === 'State' && m.role !== 'reference' && (T[m.tokEnd + 1]?.pos === 'VERB' || T[m.tokEnd + 1]?.pos === 'AUX' || T[m.tokEnd + 1]?.pos === 'NOUN')))) continue;
    return { m, via: 'subject' };
  }
  return undefined;
}

/**
 * "the two leaders", "both countries" (the noun at `j`): the two entities of that kind mentioned last,
 * within the last three sentences.
 */
function pairReference(ctx: Ctx, s: Sentence, j: number): Participant | undefined {
  const { doc, res } = ctx;
  const T = doc.tokens;
  const t = T[j];
  if (t.pos !== 'NOUN' || j - 1 < s.tokStart) return undefined;
  const person = res.cues.pairNounsPerson.has(t.lower);
  const state = res.cues.pairNounsState.has(t.lower);
  if (!person && !state) return undefined;
  const both = T[j - 1].key === 'both' || (T[j - 1].key === 'two' && j - 2 >= s.tokStart && T[j - 2].key === 'the');
  if (!both) return undefined;
  const found: Mention[] = [];
  const ids: string[] = [];
  for (let k = doc.mentions.length - 1; k >= 0 && found.length < 2; k--) {
    const m = doc.mentions[k];
    if (m.tokEnd > j || m.dropped || m.entity === undefined) continue;
    if (doc.tokens[m.tokStart].sentence < s.i - 3) break;
    const ty = entityType(doc, m);
    if (person ? ty !== 'Person' : ty !== 'State' && !(ty === 'Institution' && res.cues.locatedInstitutionKinds.has(doc.entities[m.entity].kind ?? 'other'))) continue;
    // A demonym or a title's qualifier only describes someone else ("former Nigerian President X").
    if (!person && (m.role === 'demonym' || ctx.heads.has(k))) continue;
    const id = entityId(doc, m) as string;
    if (ids.includes(id)) continue;
    ids.push(id);
    found.push(m);
  }
  if (found.length < 2) return undefined;
  return { m: found[1], via: 'pair', also: [found[0]] };
}

/**
 * "the group", "the Palestinian militant group", "the Iran-aligned group" starting at token `j`: the
 * organisation named last (with the demonym's country when one is given), within the last five sentences.
 */
function groupReference(ctx: Ctx, s: Sentence, j: number): Mention | undefined {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  if (T[j]?.key !== 'the') return undefined;
  let country: string | null = null;
  let q = j + 1;
  for (; q < s.tokEnd && q - j <= 5; q++) {
    if (at[q] >= 0) {
      const m = doc.mentions[at[q]];
      // "the Iran-aligned group" names a sponsor, "the Palestinian group" a country.
      if (m.role === 'demonym' && T[m.tokEnd]?.text !== '-') country = m.country ?? null;
      q = m.tokEnd - 1;
      continue;
    }
    if (T[q].pos === 'ADJ' || T[q].text === '-' || (T[q].pos === 'VERB' && isAdjectival(T, s, q)) || (T[q].pos === 'NOUN' && !res.cues.groupNouns.has(T[q].lower))) continue;
    break;
  }
  if (q >= s.tokEnd || !res.cues.groupNouns.has(T[q].lower) || T[q].pos !== 'NOUN' || T[q + 1]?.key === 'of' || at[q] >= 0) return undefined;
  for (let k = doc.mentions.length - 1; k >= 0; k--) {
    const m = doc.mentions[k];
    if (m.tokEnd > j || m.dropped || m.entity === undefined) continue;
    if (doc.tokens[m.tokStart].sentence < s.i - 5) break;
    const e = doc.entities[m.entity];
    if (e.type !== 'Institution' || (country && e.country !== country)) continue;
    if (!res.cues.locatedInstitutionKinds.has(e.kind ?? 'other') && T[q].lower !== 'ministry' && T[q].lower !== 'court' && T[q].lower !== 'agency' && T[q].lower !== 'company' && T[q].lower !== 'firm') continue;
    return m;
  }
  return undefined;
}

/** The nearest finite verb before `end` in the clause (not a participle, not in a relative clause's tail). */
function previousVerb(ctx: Ctx, s: Sentence, left: number, end: number): number {
  const T = ctx.doc.tokens;
  for (let j = end - 1; j >= left; j--) {
    const t = T[j];
    if (t.pos !== 'VERB' || ctx.at[j] >= 0) continue;
    if (t.lower.endsWith('ing') || isAdjectival(T, s, j)) continue;
    // A verb right after "to" is an infinitive of another verb.
    if (T[j - 1]?.key === 'to') continue;
    return j;
  }
  return -1;
}

/** Possessor or modifier of an event noun: "Pyongyang's test", "the US and British strikes". */
function nounOwner(ctx: Ctx, s: Sentence, tr: TriggerHit, left: number): Participant | undefined {
  const { doc, at } = ctx;
  const T = doc.tokens;
  for (let j = tr.a - 1; j >= Math.max(left, tr.a - 4); j--) {
    if (T[j].key === "'s" && j - 1 >= s.tokStart && at[j - 1] >= 0) {
      const m = headOf(ctx, doc.mentions[at[j - 1]]);
      if (isParticipant(doc, m)) return { m, via: 'possessive' };
    }
    if (!GAP_POS.has(T[j].pos) && T[j].text !== '-' && T[j].pos !== 'VERB' && T[j].key !== "'s") break;
  }
  // A state or an institution written right before the noun (adjectives may come between), for acts
  // ("US strikes"), not standing measures ("UN sanctions", "Security Council resolutions").
  if (!ctx.res.cues.modifierActorTypes.has(tr.entry.type.toLowerCase())) return undefined;
  // "the Iraq war", "the Rwandan genocide": a conflict is named after where it happens, not after who fights.
  if (ctx.res.cues.placeModifiedNouns.has(doc.text.slice(T[tr.a].start, T[tr.b - 1].end).toLowerCase()) || ctx.res.cues.placeModifiedNouns.has(T[tr.head].lemma)) return undefined;
  let j = tr.a - 1;
  let adj = 0;
  while (j >= left && T[j].pos === 'ADJ' && at[j] < 0 && adj < 2) { j--; adj++; }
  if (j >= left && at[j] >= 0) {
    const m = doc.mentions[at[j]];
    const t = entityType(doc, m);
    // "Israeli strikes", "US strikes", "Hamas attack" act; "the Iraq war", "the Ukraine invasion" name a place.
    const actorForm = t === 'Institution' || m.role === 'demonym' || m.role === 'acronym' || m.role === 'metonym';
    if ((t === 'State' || t === 'Institution') && actorForm && m.tokEnd === j + 1) return { m, via: 'modifier' };
  }
  return undefined;
}

interface Governor {
  /** The verb that governs the noun (-1: none). */
  verb: number;
  /** The preposition between them, when the noun is in a prepositional phrase (-1: none). */
  prep: number;
}

/** The verb an event noun is the object of ("held talks", "imposed new sanctions"), or the one whose PP it is in. */
function nounGovernor(ctx: Ctx, s: Sentence, i: number): Governor {
  const T = ctx.doc.tokens;
  let prep = -1;
  for (let j = i - 1; j >= s.tokStart && i - j <= 10; j--) {
    const t = T[j];
    if (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma === 'have' && prep < 0)) return { verb: j, prep };
    // "sweeping financial and trade sanctions": coordinated modifiers of the noun are inside its phrase.
    const coordinated = (t.key === 'and' || t.key === 'or') && j - 1 >= s.tokStart && (T[j - 1].pos === 'NOUN' || T[j - 1].pos === 'ADJ' || ctx.at[j - 1] >= 0);
    // "the DOJ unsealed an indictment": a support verb the tagger calls an adjective, right after a name.
    if (t.pos === 'ADJ' && prep < 0 && t.lower.endsWith('ed') && j - 1 >= s.tokStart && (ctx.at[j - 1] >= 0 || T[j - 1].text === ')') && verbIn(ctx.res.cues.supportVerbs, t)) return { verb: j, prep };
    if (ctx.at[j] >= 0 || t.key === "'s" || t.text === '-' || NP_INNER_POS.has(t.pos) || coordinated) {
      if (t.pos === 'PRON' && (t.key === 'that' || t.key === 'which' || t.key === 'who')) break;
      continue;
    }
    // A verb's particle ("called off the strikes", "stepped up attacks") is part of the verb.
    if ((t.key === 'off' || t.key === 'up' || t.key === 'out' || t.key === 'down') && j - 1 >= s.tokStart && T[j - 1].pos === 'VERB') return { verb: j - 1, prep };
    if (t.pos === 'ADP' && prep < 0 && PREPS.has(t.key)) { prep = j; continue; }
    break;
  }
  return { verb: -1, prep };
}

/** A participle whose trigger entry is a third-party (brokering, mediating) reading. */
function thirdParty(res: Ctx['res'], t: Token): boolean {
  const list = res.triggers.get(t.lemma) ?? res.triggers.get(t.lower.slice(0, -1)) ?? res.triggers.get(t.lower.slice(0, -2));
  return !!list && list.some((e) => e.mode === 'third-party' && e.pos === 'verb');
}

function findObjects(ctx: Ctx, s: Sentence, tr: TriggerHit, right: number, passive: boolean): { objects: Participant[]; agent?: Participant } {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  const preps = tr.entry.recipientPreps;
  const objects: Participant[] = [];
  let agent: Participant | undefined;
  let direct = true;
  const limit = Math.min(right, tr.b + 12);
  const byAgent = passive || tr.entry.pos === 'noun';
  for (let j = tr.b; j < limit; j++) {
    const t = T[j];
    if (RIGHT_STOP.has(t.key) && !(t.key === 'and' && objects.length > 0)) {
      if (t.key === 'and' || t.key === 'or') { if (objects.length === 0) break; continue; }
      break;
    }
    if (t.text === ',') break;
    if (t.pos === 'VERB' && j > tr.b && !passive) break;
    // "talks in Pretoria mediated by the AU": a participle after the noun starts a phrase of its own.
    if (tr.entry.pos === 'noun' && j > tr.b && t.pos === 'ADJ' && t.lower.endsWith('ed') && at[j] < 0) break;
    // "a deal brokered by China": the agent of a third-party verb is the broker, not a party to the deal.
    if (tr.entry.pos === 'noun' && j === tr.b && t.lower.endsWith('ed') && thirdParty(res, t)) break;
    if (PREPS.has(t.key)) {
      direct = false;
      if (t.key === 'by' && byAgent) {
        let k = at[j + 1] >= 0 ? at[j + 1] : T[j + 1]?.key === 'the' ? at[j + 2] ?? -1 : -1;
        // "by officers of Russia's penitentiary service": the body they serve.
        if (k < 0 && T[j + 1]?.pos === 'NOUN' && res.cues.agentNouns.has(T[j + 1].lower) && T[j + 2]?.key === 'of') {
          let q = j + 3;
          if (T[q]?.key === 'the') q++;
          if (at[q] >= 0) {
            const m = doc.mentions[at[q]];
            k = T[m.tokEnd]?.key === "'s" && at[m.tokEnd + 1] >= 0 ? at[m.tokEnd + 1] : at[q];
          }
        }
        // "by the Iran-aligned group": a modifier of the agent is not the agent.
        const after = k >= 0 ? T[doc.mentions[k].tokEnd] : undefined;
        const modifier = !!after && (after.text === '-' || (after.pos === 'NOUN' && !after.cap && !ctx.inTitle[doc.mentions[k].tokEnd]));
        if (k >= 0 && !modifier && isParticipant(doc, doc.mentions[k])) agent = { m: headOf(ctx, doc.mentions[k]), via: 'agent' };
        else if (k < 0 || modifier) {
          const g = groupReference(ctx, s, j + 1);
          if (g) agent = { m: g, via: 'agent' };
        }
        continue;
      }
      if (preps.includes(t.key) || (t.key === 'between')) {
        let q = j + 1;
        while (q < limit && (T[q].key === 'the' || T[q].pos === 'ADJ' || T[q].pos === 'DET' || T[q].pos === 'NUM' || ctx.inTitle[q])) q++;
        const k = q < limit ? at[q] : -1;
        if (k >= 0 && isParticipant(doc, doc.mentions[k])) {
          const m = headOf(ctx, doc.mentions[k]);
          objects.push({ m, via: 'prep', prep: t.key });
          j = Math.max(j, m.tokEnd - 1);
        }
      }
      continue;
    }
    let k = at[j];
    if (k < 0) continue;
    // "the Trump administration": the head, not its modifier.
    while (doc.mentions[k].tokEnd < limit && at[doc.mentions[k].tokEnd] >= 0 && at[doc.mentions[k].tokEnd] !== k) k = at[doc.mentions[k].tokEnd];
    const m = headOf(ctx, doc.mentions[k]);
    j = Math.max(j, m.tokEnd - 1);
    if (direct && isParticipant(doc, m) && tr.entry.pos === 'verb') {
      objects.push({ m, via: 'object' });
      direct = false;
    }
  }
  return { objects, agent };
}

const SPLIT_PHRASES = new WeakMap<Set<string>, string[][]>();

/** A table's phrases cut into words, once per table. */
function splitPhrases(phrases: Set<string>): string[][] {
  let split = SPLIT_PHRASES.get(phrases);
  if (!split) { split = [...phrases].map((p) => p.split(' ')); SPLIT_PHRASES.set(phrases, split); }
  return split;
}

/** A purpose phrase ("in a bid to") within [from, end), tried only where one of them can start (its cue bit). */
function purposeBefore(ctx: Ctx, end: number, from: number): boolean {
  const T = ctx.doc.tokens;
  for (let p = from; p < end; p++) {
    if (!(ctx.cue[p] & PURPOSE_FIRST)) continue;
    for (const words of splitPhrases(ctx.res.cues.purposePhrases)) {
      if (p + words.length > end) continue;
      let ok = true;
      for (let w = 0; w < words.length && ok; w++) ok = T[p + w].key === words[w];
      if (ok) return true;
    }
  }
  return false;
}

/**
 * A report by one of the actors, or by one who holds office in an actor (and the other way round), tells the
 * speaker's own act: "Mr Orban said his government supported …" is asserted, not reported.
 */
function sameSide(doc: ArticleDoc, reporter: string | null, actorIds: string[]): boolean {
  if (!reporter) return false;
  if (actorIds.includes(reporter)) return true;
  for (const r of doc.relations) {
    if (r.type !== 'HOLDS_POSITION') continue;
    if ((r.source === reporter && actorIds.includes(r.target)) || (r.target === reporter && actorIds.includes(r.source))) return true;
  }
  return false;
}

function modalityOf(ctx: Ctx, s: Sentence, a: number, pos: 'verb' | 'noun', head: number, left: number, reported: boolean): Modality {
  const { doc, res } = ctx;
  const T = doc.tokens;
  // "promised to stop X and to restore Y": the second infinitive has the first one's governor.
  if (T[a - 1]?.key === 'to') {
    for (let j = a - 2; j > left && a - j <= 15; j--) {
      if (T[j].text === ',' && T[j + 1]?.key !== 'and') break;
      if (T[j].key === 'and' && T[j + 1]?.key === 'to') {
        for (let q = j - 1; q > left && j - q <= 10; q--) {
          if (T[q].key === 'to' && (T[q + 1].pos === 'VERB' || T[q + 1].pos === 'AUX')) return modalityOf(ctx, s, q + 1, 'verb', q + 1, left, reported);
        }
        break;
      }
    }
  }
  const from = Math.max(left, a - 5);
  let negated = false;
  let hypothetical = false;
  let future = false;
  for (let j = from; j < a; j++) {
    const t = T[j];
    const cue = ctx.cue[j];
    if ((cue & NEGATION) !== 0 && !(t.key === 'no' && pos === 'verb')) negated = true;
    if ((cue & NEGATION_VERB) !== 0 && T[j + 1]?.key === 'to') negated = true;
    if ((cue & HYPOTHETICAL) !== 0 && (t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'ADV' || (t.pos === 'ADJ' && (T[j + 1]?.key === 'of' || T[j + 1]?.key === 'to')))) hypothetical = true;
    if ((cue & FUTURE) !== 0 && (t.pos === 'AUX' || t.pos === 'VERB')) future = true;
    if ((cue & FUTURE_VERB) !== 0 && T[j + 1]?.key === 'to' && !(t.pos === 'NOUN' && j > s.tokStart && (T[j - 1].pos === 'DET' || T[j - 1].pos === 'ADJ' || T[j - 1].key === "'s"))) future = true;
    if ((cue & HYPOTHETICAL_VERB) !== 0 && t.pos === 'VERB' && (t.lemma === 'consider' || t.lemma === 'weigh' || t.lemma === 'mull' || t.lemma === 'contemplate' || t.lemma === 'hope' || t.lemma === 'wish')) hypothetical = true;
  }
  // "if" / "unless" / "whether" anywhere earlier in the clause.
  for (let j = left; j < a; j++) if (T[j].key === 'if' || T[j].key === 'unless' || T[j].key === 'whether') hypothetical = true;
  // Purpose and prevention: "in a bid to strike", "to prevent X from launching a strike".
  if (purposeBefore(ctx, a, Math.max(left, a - 10))) hypothetical = true;
  for (let j = Math.max(left, a - 8); j < a; j++) {
    if (!(ctx.cue[j] & PREVENTION_VERB) || T[j].pos !== 'VERB') continue;
    let from2 = false;
    for (let q = j + 1; q < a; q++) if (T[q].key === 'from') from2 = true;
    if (!from2) continue;
    if (j - 1 >= s.tokStart && (T[j - 1].key === 'to' || (ctx.cue[j - 1] & (FUTURE | HYPOTHETICAL)) !== 0)) hypothetical = true;
    else negated = true;
  }
  // "no talks", "without talks"; "called off the strikes".
  if (pos === 'noun' && a - 1 >= s.tokStart && (T[a - 1].key === 'no' || T[a - 1].key === 'without')) negated = true;
  if (pos === 'noun') {
    const g = nounGovernor(ctx, s, a);
    if (g.verb >= 0 && g.prep < 0 && isCancel(res, T, g.verb)) negated = true;
  }
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (future) return 'future';
  if (reported) return 'reported';
  return 'asserted';
}

function isCancel(res: Resources, T: Token[], v: number): boolean {
  for (const w of splitPhrases(res.cues.cancelVerbs)) {
    if (T[v].lemma !== w[0]) continue;
    let ok = true;
    for (let k = 1; k < w.length && ok; k++) ok = T[v + k]?.key === w[k];
    if (ok) return true;
  }
  return false;
}

/** Token indices of reporting verbs and phrases in a sentence: [index, isPhrase]. */
function reportingCues(ctx: Ctx, s: Sentence): [number, boolean][] {
  const { doc, res } = ctx;
  const T = doc.tokens;
  const out: [number, boolean][] = [];
  const ids = phraseIds(T);
  for (let j = s.tokStart; j < s.tokEnd; j++) {
    const t = T[j];
    if ((ctx.cue[j] & REPORTING_VERB) !== 0 && t.pos === 'VERB' && !(t.lemma === 'add' && T[j + 1]?.pos !== 'PUNCT')) out.push([j, false]);
    else if (res.reportingPhrases.matchAll(ids, j, s.tokEnd).length > 0) out.push([j, true]);
  }
  return out;
}

function reporting(ctx: Ctx, s: Sentence, tr: TriggerHit, cues: [number, boolean][]): { index: number; reporter: Mention | undefined } | null {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (const [j, isPhrase] of cues) {
    if (j >= tr.a && j < tr.b) continue;
    // "X said Y would Z after W met V": a temporal clause inside the report is told as a fact.
    if (j < tr.a && anyIn(j + 1, tr.a, (q) => (ctx.cue[q] & FACT_CLAUSE_MARKER) !== 0 && T[q].pos !== 'ADV')) continue;
    // "X thanked Y and said the weapons would help": a reporting verb after the event with its own
    // complement reports that, not the event.
    if (j > tr.b && !isPhrase && anyIn(j + 1, s.tokEnd, (q) => T[q].pos === 'VERB' || T[q].pos === 'AUX' || T[q].key === 'that')) continue;
    if (isPhrase) {
      const k = at[j + 2] ?? -1;
      return { index: j, reporter: k >= 0 ? doc.mentions[k] : undefined };
    }
    // "X condemned Y, saying …": a participle after the event reports something else; so does a reporting
    // verb past a clause boundary ("X dismissed it, while Y said …").
    if (j > tr.a && T[j].lower.endsWith('ing')) continue;
    if (j > tr.b && anyIn(tr.b, j, (q) => T[q].text === ';' || ((ctx.cue[q] & CLAUSE_MARKER) !== 0 && T[q].key !== 'as'))) continue;
    // "…, telling lawmakers it was likely, and demanded …": a participle's report ends at its comma.
    if (j < tr.a && T[j].lower.endsWith('ing') && anyIn(j + 1, tr.a, (q) => T[q].text === ',')) continue;
    // The reporter: the nearest participant before the verb, or right after it ("said Mr Yun").
    let reporter: Mention | undefined;
    for (let q = j - 1; q >= s.tokStart && j - q <= 6; q--) {
      // "a spokesman in Beijing, Zhao Lijian, said", "Algeria, which borders Niger, has said": the subject
      // before the verb's comma.
      if (T[q].text === ',' && !anyIn(q + 1, j, (r) => !(T[r].pos === 'AUX' || T[r].pos === 'ADV'))) { reporter = commaSubject(ctx, s, q); break; }
      if (T[q].text === ',' || T[q].text === '"') break;
      if (at[q] >= 0) {
        const m = doc.mentions[at[q]];
        // "a North Korean defector said": the demonym only describes the reporter.
        if (!(m.role === 'demonym' && m.tokEnd < j && T[m.tokEnd].pos === 'NOUN')) reporter = m;
        break;
      }
      if (T[q].pos === 'PRON' && res.cues.pronounsPerson.has(T[q].key)) { reporter = antecedent(doc, res, q, T[q].key); break; }
    }
    if (!reporter && j + 1 < s.tokEnd && at[j + 1] >= 0) reporter = doc.mentions[at[j + 1]];
    return { index: j, reporter };
  }
  return null;
}

interface Cand {
  hit: TriggerHit;
  ev: DocEvent;
  /** The date found for it (its reading as past, before any look-ahead for a future event). */
  date: DateMention | undefined;
  /** For an event noun: the verb that governs it (-1: none). */
  governor: number;
  /** The noun takes its actor from a light verb. */
  viaSupport: boolean;
  /** An event noun told as given information ("the strike"), with no actor of its own from a light verb. */
  definite: boolean;
  /** Where the subject was looked for (clause start). */
  left: number;
  dropped: boolean;
}

function analyse(ctx: Ctx, s: Sentence, tr: TriggerHit, cues: [number, boolean][]): Cand {
  const { doc, res } = ctx;
  const T = doc.tokens;
  let left = clauseLeft(ctx, s, tr.a);
  const clauseStart = left;
  const right = clauseRight(ctx, s, tr.b);
  const rep = reporting(ctx, s, tr, cues);
  // "X said (that) Y threatened Z": the actor is looked for after the reporting verb.
  if (rep && rep.index < tr.a && rep.index >= left) left = rep.index + 1 + (T[rep.index + 1]?.key === 'that' ? 1 : 0);
  const isNoun = tr.entry.pos === 'noun';
  const election = tr.entry.type === 'ELECTION';

  const participle = T[tr.head].lower.endsWith('ed') || PASSIVE_IRREGULAR.test(T[tr.head].lower) || (T[tr.head].lower !== T[tr.head].lemma && /(en|wn|t)$/.test(T[tr.head].lower));
  const passive = !isNoun && participle && ((tr.a - 1 >= s.tokStart && (isBe(T[tr.a - 1]) || T[tr.a - 1].key === 'been' || T[tr.a - 1].key === 'being' || (T[tr.a - 1].pos === 'ADV' && isBe(T[tr.a - 2])))) ||
    reducedRelative(ctx, s, tr));
  const { objects, agent } = findObjects(ctx, s, tr, right, passive);

  let subject: Participant | undefined;
  let ownerPlace: Mention | undefined;
  let governor = -1;
  let viaSupport = false;
  let definite = false;
  let extraRecipients: Mention[] = [];
  let attributed = false;
  if (isNoun) {
    const owner = nounOwner(ctx, s, tr, left);
    // The owner's mention is read for every owner, not only in the rare election branch (see "between" below).
    const ownerMention = owner?.m;
    if (owner && election) ownerPlace = ownerMention;
    else if (owner) subject = owner;
    const g = nounGovernor(ctx, s, tr.a);
    governor = g.verb;
    if (!subject && agent) subject = agent;
    if (!subject && g.verb >= 0 && !election) {
      const lemma = T[g.verb].lemma;
      if (g.prep < 0 && (verbIn(res.cues.supportVerbs, T[g.verb]) || frameGovernor(res, lemma, tr.entry.type))) {
        subject = findSubjectAt(ctx, s, g.verb, g.verb > left ? left : clauseStart);
        viaSupport = true;
      } else if (g.prep < 0 && isCancel(res, T, g.verb)) {
        // "called off retaliatory strikes": the strikes are the subject's, and did not happen.
        subject = findSubjectAt(ctx, s, g.verb, g.verb > left ? left : clauseStart);
      } else if (g.prep >= 0 && res.cues.attributionPreps.has(T[g.prep].key) && verbIn(res.cues.attributionVerbs, T[g.verb]) && !res.cues.definiteDeterminers.has(T[g.prep + 1].key)) {
        // "accused China of a hack of Microsoft", "blamed Iran for attacks": the accused did it (so they say).
        // Not "blamed Russia for the attack": a given event keeps the participants it was first reported with.
        for (let j = g.verb + 1; j < g.prep && !subject; j++) {
          const k = ctx.at[j];
          if (k < 0) continue;
          const m = headOf(ctx, doc.mentions[k]);
          if (isParticipant(doc, m)) subject = { m, via: 'subject' };
          j = doc.mentions[k].tokEnd - 1;
        }
        attributed = !!subject;
      } else if (g.prep >= 0 && res.cues.meetingPreps.has(T[g.prep].key) && tr.entry.type === 'CONSULT') {
        // "told Mr Netanyahu in a phone call": the subject met the verb's object.
        subject = findSubjectAt(ctx, s, g.verb, g.verb > left ? left : clauseStart);
        const vo = findObjects(ctx, s, { a: g.verb, head: g.verb, b: g.verb + 1, entry: { ...tr.entry, pos: 'verb' } }, g.prep, false);
        extraRecipients = vo.objects.map((o) => o.m);
      }
    }
    if (!subject && election) {
      // "won Taiwan's presidential election", "won a majority in the general election": the winner.
      for (let j = tr.a - 1; j >= left && tr.a - j <= 12; j--) {
        if (res.cues.winVerbs.has(T[j].lemma) && T[j].pos === 'VERB') { subject = findSubjectAt(ctx, s, j, left); break; }
      }
    }
    // Given information: "the strike", "its invasion" (a possessive or modifier may come between).
    let d = tr.a - 1;
    while (d >= s.tokStart && (T[d].pos === 'ADJ' || ctx.at[d] >= 0 || T[d].key === "'s" || T[d].text === '-' || (T[d].key === 'and' && d - 1 >= s.tokStart && ctx.at[d - 1] >= 0))) d--;
    definite = !viaSupport && d >= s.tokStart && res.cues.definiteDeterminers.has(T[d].key);
  } else {
    subject = findSubjectAt(ctx, s, tr.a, left);
    if (!subject && T[tr.head].lower.endsWith('ing')) subject = participleSubject(ctx, s, tr);
    // "X said on Monday (that) would …" (a subject dropped): the reporter, unless the report names a subject of its own.
    if (!subject && rep && rep.index < tr.a && rep.reporter && isParticipant(doc, rep.reporter) && !ownSubject(T, rep.index + 1, tr.a)) subject = { m: rep.reporter, via: 'subject' };
    // "X said the strikes were … and warned that …": a verb coordinated after the report, with no named
    // subject in the reported clause, is the reporter's second act.
    // Not a bare form ("calling for him to apologise and withdraw it") nor the last of a list of the
    // reported subject's acts ("claimed firms manipulated X, targeted Y and ignored Z").
    if (!subject && rep && rep.index < tr.a && rep.reporter && isParticipant(doc, rep.reporter) && T[tr.head].lower !== T[tr.head].lemma && coordinatedVerb(T, left, tr.a) && !verbList(T, rep.index + 1, tr.a)) subject = { m: rep.reporter, via: 'subject' };
  }

  let actors: Mention[] = [];
  let recipients: Mention[] = [];
  if (passive) {
    if (agent) actors = withConjuncts(ctx, agent.m, s, 'right');
    if (subject) recipients = subject.via === 'pair' ? [subject.m, ...(subject.also ?? [])] : withConjuncts(ctx, subject.m, s, 'left');
  } else {
    if (subject) actors = subject.via === 'pronoun' || subject.via === 'pair' ? [subject.m, ...(subject.also ?? [])] : withConjuncts(ctx, subject.m, s, 'left');
    for (const o of objects) recipients.push(...withConjuncts(ctx, o.m, s, 'right'));
    recipients.push(...extraRecipients);
  }
  // "talks between X and Y": both sides, the first as actor (with an actor already, or two recipients).
  // One statement that every trigger runs (mostly moving nothing) rather than a branch that only "between"
  // takes: a branch the warm-up never took has no type feedback, and optimised code reaching it is thrown
  // away and compiled again, with all that `analyse` inlines.
  const between = objects[0]?.prep === 'between' && (actors.length > 0 || recipients.length >= 2);
  actors.push(...recipients.splice(0, between ? recipients.length : 0));

  const actorIds = uniqIds(doc, actors);
  const recipientIds = uniqIds(doc, recipients).filter((r) => !actorIds.includes(r));
  // "warned that the United States would pay a heavy price", "threatened to sue the Russian government",
  // "warned against interference by Washington": a threat is against the first other side named in its complement.
  if (recipientIds.length === 0 && tr.entry.type === 'THREATEN' && !isNoun && actorIds.length > 0) {
    for (const id of complementTarget(ctx, s, tr, right, actorIds)) recipientIds.push(id);
  }
  // "will visit Pyongyang": a visit to a city is a visit to its state, which is the recipient; the city is the place.
  let visited: string | null = null;
  if (tr.entry.mode === 'visit' && recipientIds.length === 0) {
    let q = tr.b;
    if (T[q]?.key === 'to') q++;
    if (T[q]?.key === 'the') q++;
    const k = q < right ? ctx.at[q] : -1;
    const m = k >= 0 ? doc.mentions[k] : undefined;
    const e = m && m.entity !== undefined ? doc.entities[m.entity] : undefined;
    if (e?.type === 'Place' && e.country && doc.entities.some((x) => x.id === `state:${e.country}`) && !actorIds.includes(`state:${e.country}`)) {
      recipientIds.push(`state:${e.country}`);
      visited = e.id;
    }
  }
  const reported = !!rep && (rep.reporter === undefined || !sameSide(doc, entityId(doc, rep.reporter), actorIds));
  let modality = modalityOf(ctx, s, tr.a, tr.entry.pos, tr.head, left, reported && rep !== null);
  if (attributed && modality === 'asserted') modality = 'reported';

  // Place: a place (or a state) after a locative preposition, not already a participant.
  let place: string | null = null;
  // entityId(doc, undefined) is null: called for every trigger, like the reads above.
  let statePlace: string | null = entityId(doc, ownerPlace);
  let pl = tr.a;
  while (pl > s.tokStart && !(ctx.cue[pl - 1] & (CLAUSE_MARKER | CLAUSE_STOP_TEXT))) pl--;
  let pr = tr.b;
  while (pr < right && !(ctx.cue[pr] & CLAUSE_MARKER) && T[pr].text !== ',') pr++;
  for (let j = pl; j < pr - 1 && !place; j++) {
    if (!(ctx.cue[j] & LOCATIVE_PREP) || T[j].key === 'on' || T[j].key === 'into') continue;
    let q = j + 1;
    if (T[q].key === 'the') q++;
    const k = q < pr ? ctx.at[q] : -1;
    if (k < 0) continue;
    const m = doc.mentions[k];
    const id = entityId(doc, m);
    const t = entityType(doc, m);
    if (!id || actorIds.includes(id) || recipientIds.includes(id)) continue;
    if (t === 'Place') place = id;
    else if (t === 'State' && !statePlace && T[j].key === 'in' && m.role !== 'demonym' && m.role !== 'reference' && T[m.tokEnd]?.key !== "'s") statePlace = id;
  }
  place = place ?? visited ?? statePlace;

  // A date across a clause boundary, or a deadline ("by Tuesday"), yields to the date of the passage.
  let near = nearestDate(ctx, s, tr);
  // "On Monday, X blamed Y …, and demanded Z": a second verb has the date of the first.
  if ((!near || near.far) && tr.entry.pos === 'verb') {
    let p = tr.a - 1;
    while (p > clauseStart && (T[p].pos === 'ADV' || T[p].pos === 'AUX')) p--;
    if (p > clauseStart && (T[p].key === 'and' || T[p].key === 'but')) {
      const v = previousVerb(ctx, s, clauseStart, p);
      const first = v >= 0 ? nearestDate(ctx, s, { a: v, head: v, b: v + 1, entry: tr.entry }) : undefined;
      if (first && !first.far) near = first;
    }
  }
  const inherit = modality === 'asserted' || modality === 'reported';
  // The lead's day carries over a paragraph break only to a sentence that names no time at all.
  const date = near && !near.far ? near.date : (inherit ? contextDate(ctx, s, tr, left, !near && !namesTime(ctx, s)) : undefined) ?? near?.date;
  const trigStart = T[tr.a].start;
  const trigEnd = T[tr.b - 1].end;
  let confidence = 0.45;
  if (actorIds.length > 0) confidence += subject?.via === 'pronoun' ? 0.1 : 0.2;
  if (recipientIds.length > 0) confidence += 0.1;
  if (tr.entry.pos === 'verb') confidence += 0.1;
  if (tr.b - tr.a > 1) confidence += 0.05;
  const futureDate = modality === 'future' && date?.ahead ? date.ahead : null;
  let type = tr.entry.type;
  let mode = tr.entry.mode;
  // "fired rockets at X": a launch with a target is an attack.
  if (mode === 'weapons-test' && !isNoun && hasTarget(ctx, s, tr, right)) { type = 'ASSAULT'; mode = null; }
  const ev: DocEvent = {
    type,
    mode,
    actors: actorIds,
    recipients: recipientIds,
    place,
    date: futureDate ? futureDate.value : date?.value ?? null,
    datePrecision: futureDate ? futureDate.precision : date?.value ? date.precision : null,
    modality,
    confidence: Math.min(0.95, confidence),
    trigger: doc.text.slice(trigStart, trigEnd),
    triggerStart: trigStart,
    triggerEnd: trigEnd,
    start: s.start,
    end: s.end,
    summary: '',
  };
  return { hit: tr, ev, date, governor, viaSupport, definite, left, dropped: false };
}

/** The first named party in a threat verb's complement clause that is not on the actors' side (with its conjuncts). */
function complementTarget(ctx: Ctx, s: Sentence, tr: TriggerHit, right: number, actorIds: string[]): string[] {
  const { doc, at } = ctx;
  const T = doc.tokens;
  const limit = Math.min(right, tr.b + 30);
  for (let j = tr.b; j < limit; j++) {
    const t = T[j];
    // "warned that if the United States were forced to defend itself it would totally destroy North
    // Korea": a threat's condition is skipped to its main clause (after its comma, or at its modal).
    if (CONDITIONS.has(t.key)) {
      let q = j + 1;
      while (q < limit && T[q].text !== ',' && !(T[q].pos === 'AUX' && MAIN_CLAUSE_MODALS.has(T[q].key))) q++;
      if (q >= limit) break;
      j = q;
      continue;
    }
    // "no choice but to destroy …": 'but to' goes on with the same clause.
    const butTo = t.key === 'but' && T[j + 1]?.key === 'to';
    if (t.text === ',' || (COMPLEMENT_STOP.has(t.key) && t.key !== 'and' && t.key !== 'or' && !butTo)) break;
    const k = at[j];
    if (k < 0) continue;
    const m = headOf(ctx, doc.mentions[k]);
    j = Math.max(j, m.tokEnd - 1);
    if (!isParticipant(doc, m)) continue;
    // Only in a target's place: a verb's object, after a directional preposition, or the subject of a
    // "that" clause with a modal ("would have to pay"); not a modifier ("India's budget deficit was …").
    let b = m.tokStart - 1;
    while (b > tr.b && (T[b].pos === 'DET' || T[b].pos === 'ADJ' || T[b].pos === 'NUM')) b--;
    const before = T[b];
    const ms = withConjuncts(ctx, m, s, 'right');
    const end = Math.max(...ms.map((x) => x.tokEnd));
    const object = before.pos === 'VERB' || ctx.res.cues.threatTargetPreps.has(before.key);
    const subject = (b === tr.b - 1 || before.key === 'that') && T[end]?.pos === 'AUX';
    if (!object && !subject) continue;
    const ids = uniqIds(doc, ms);
    const other = ids.filter((id) => !actorIds.includes(id) && !sameSide(doc, id, actorIds) && !ownState(doc, id, actorIds));
    if (other.length === 0) continue;
    return other;
  }
  return [];
}

/** Whether `id` is the state of one of the actors (its nationality or its country). */
function ownState(doc: ArticleDoc, id: string, actorIds: string[]): boolean {
  if (!id.startsWith('state:')) return false;
  const iso = id.slice(6);
  return doc.entities.some((e) => actorIds.includes(e.id) && (e.country === iso || e.nationality === iso));
}

/**
 * The subject that ends at the comma `q` before a verb: a name in apposition (", Zhao Lijian,") or the
 * name before a relative clause ("Algeria, which shares a border with Niger,").
 */
function commaSubject(ctx: Ctx, s: Sentence, q: number): Mention | undefined {
  const { doc, at } = ctx;
  const T = doc.tokens;
  let c = q - 1;
  while (c > s.tokStart && q - c <= 14 && T[c].text !== ',') c--;
  if (T[c]?.text !== ',') return undefined;
  const k = at[q - 1] ?? -1;
  if (k >= 0 && doc.mentions[k].tokStart === c + 1 && isParticipant(doc, doc.mentions[k])) return doc.mentions[k];
  if (RELATIVE.has(T[c + 1]?.key) && c - 1 >= s.tokStart && at[c - 1] >= 0 && isParticipant(doc, doc.mentions[at[c - 1]])) return doc.mentions[at[c - 1]];
  return undefined;
}

/** Whether a relative "who" opens the clause of token i, maybe with a short phrase between ("who during the campaign branded"). */
function afterRelative(T: Token[], s: Sentence, i: number): boolean {
  for (let j = i - 1; j >= s.tokStart && i - j <= 5; j--) {
    if (T[j].key === 'who') return true;
    if (T[j].pos !== 'ADP' && T[j].pos !== 'DET' && T[j].pos !== 'NOUN' && T[j].pos !== 'ADJ' && T[j].pos !== 'ADV') return false;
  }
  return false;
}

/** Whether a comma and an inflected verb come between `from` and `to` ("X manipulated …, targeted …"). */
function verbList(T: Token[], from: number, to: number): boolean {
  for (let j = from; j + 1 < to; j++) if (T[j].text === ',' && T[j + 1].pos === 'VERB' && T[j + 1].lower !== T[j + 1].lemma) return true;
  return false;
}

/** Whether the verb at `a` follows "and"/"but" directly (adverbs and auxiliaries may come between). */
function coordinatedVerb(T: Token[], left: number, a: number): boolean {
  let p = a - 1;
  while (p > left && (T[p].pos === 'ADV' || T[p].pos === 'AUX' || T[p].pos === 'PART')) p--;
  return p > left && (T[p].key === 'and' || T[p].key === 'but');
}

/** "a rocket launched from Sohae", "results released by the commission": a participle after its noun. */
function reducedRelative(ctx: Ctx, s: Sentence, tr: TriggerHit): boolean {
  const T = ctx.doc.tokens;
  if (tr.b - tr.a !== 1 || tr.a - 1 < s.tokStart) return false;
  const prev = T[tr.a - 1];
  const next = tr.b < s.tokEnd ? T[tr.b] : null;
  if (!(prev.pos === 'NOUN' && ctx.at[tr.a - 1] < 0)) return false;
  return !next || next.pos === 'ADP' || next.pos === 'PUNCT';
}

/** A noun or pronoun between a reporting verb and the trigger: the report has a subject of its own. */
function ownSubject(T: Token[], from: number, to: number): boolean {
  let prep = false;
  for (let j = from; j < to; j++) {
    if (T[j].pos === 'ADP') prep = true;
    else if ((T[j].pos === 'NOUN' || T[j].pos === 'PRON' || T[j].pos === 'PROPN') && !prep) return true;
    else if (T[j].pos === 'VERB' || T[j].pos === 'AUX') prep = false;
  }
  return false;
}

/** An attack preposition after a launch, with a target that is no sea or sky ("at Israeli positions"). */
function hasTarget(ctx: Ctx, s: Sentence, tr: TriggerHit, right: number): boolean {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  for (let j = tr.b; j < right && j < tr.b + 10; j++) {
    const t = T[j];
    if (t.text === ',' || (COMPLEMENT_STOP.has(t.key) && t.key !== 'and') || (t.pos === 'VERB' && j > tr.b)) return false;
    if (!res.cues.attackPreps.has(t.key)) continue;
    for (let q = j + 1; q < right && q < j + 5; q++) {
      if (at[q] >= 0) return entityType(doc, doc.mentions[at[q]]) !== 'Place';
      if (T[q].pos === 'NOUN') return !res.cues.testTargets.has(T[q].lemma);
    }
    return false;
  }
  return false;
}

function frameGovernor(res: Resources, lemma: string, type: string): boolean {
  return res.frames.some((f) => f.governors.has(lemma) && (f.governedTypes.size === 0 || f.governedTypes.has(type)));
}

/** Tokens between a governor and the trigger it governs must not leave the clause. */
function complementLink(T: Token[], from: number, to: number, allowNegation: boolean): boolean {
  if (to < from || to - from > 12) return false;
  for (let j = from; j < to; j++) {
    const t = T[j];
    if (t.text === ',' || CLAUSE_STOP.has(t.text) || COMPLEMENT_STOP.has(t.key)) return false;
    if (!allowNegation && (t.key === 'not' || t.key === 'never' || t.key === "n't")) return false;
  }
  return true;
}

/**
 * Frames: a governing word and the trigger in its complement. The governor is a word of the frame
 * ("vowed to retaliate") or a trigger of one of its types ("urged Moscow to release him").
 */
function applyFrames(ctx: Ctx, s: Sentence, cands: Cand[]): void {
  const { doc, res } = ctx;
  const T = doc.tokens;
  if (res.frames.length === 0) return;
  interface Gov { a: number; b: number; frame: FrameEntry; cand?: Cand }
  const govs: Gov[] = [];
  for (let j = s.tokStart; j < s.tokEnd; j++) {
    if (T[j].pos !== 'VERB' || !(ctx.cue[j] & FRAME_GOVERNOR)) continue;
    for (const f of res.frames) if (f.governors.has(T[j].lemma)) govs.push({ a: j, b: j + 1, frame: f, cand: cands.find((c) => c.hit.head === j && c.hit.entry.pos === 'verb') });
  }
  for (const c of cands) for (const f of res.frames) if (f.governorTypes.has(c.hit.entry.type)) govs.push({ a: c.hit.a, b: c.hit.b, frame: f, cand: c });
  if (govs.length === 0) return;
  for (const h of cands) {
    if (h.dropped) continue;
    // The nearest governor before the trigger whose complement reaches it.
    let best: Gov | null = null;
    for (const g of govs) {
      if (g.cand === h || g.b > h.hit.a || (best && best.b > g.b)) continue;
      if (g.frame.governedTypes.size > 0 && !g.frame.governedTypes.has(h.ev.type)) continue;
      if (!complementLink(T, g.b, h.hit.a, g.frame.result === null)) continue;
      best = g;
    }
    if (!best) continue;
    const f = best.frame;
    if (!f.result) { h.dropped = true; continue; }
    // The governor is already an event of the frame's type ("threatened X with a strike"): it takes the
    // governed act's recipients, and the act is no event of its own.
    if (best.cand && best.cand.ev.type === f.result.type && !best.cand.dropped) {
      const g = best.cand.ev;
      for (const r of h.ev.recipients) if (!g.recipients.includes(r) && !g.actors.includes(r)) g.recipients.push(r);
      if (g.actors.length === 0) g.actors = h.ev.actors.filter((a) => !g.recipients.includes(a));
      h.dropped = true;
      continue;
    }
    // The governed act becomes what the frame says, by the governor's subject, asserted as a speech act.
    const gs = findSubjectAt(ctx, s, best.a, h.left <= best.a ? Math.min(h.left, best.a) : best.a);
    const actor = gs ? uniqIds(doc, withConjuncts(ctx, gs.m, s, 'left')) : [];
    h.ev.type = f.result.type;
    h.ev.mode = f.result.mode;
    if (actor.length > 0) h.ev.actors = actor;
    h.ev.recipients = h.ev.recipients.filter((r) => !h.ev.actors.includes(r));
    h.ev.modality = best.cand ? best.cand.ev.modality : modalityOf(ctx, s, best.a, 'verb', best.a, Math.min(h.left, best.a), false);
    h.ev.triggerStart = T[best.a].start;
    h.ev.trigger = doc.text.slice(h.ev.triggerStart, h.ev.triggerEnd);
    // The threat is dated by when it was made, not by what it threatens.
    const d = h.date?.value ? h.date : best.cand?.date;
    h.ev.date = d?.value ?? null;
    h.ev.datePrecision = d?.value ? d.precision : null;
  }
}

function summary(doc: ArticleDoc, e: DocEvent): string {
  const name = (ids: string[]): string => ids.map((id) => doc.entities.find((x) => x.id === id)?.name ?? id).join(', ');
  return `${name(e.actors) || '?'} ${e.trigger}${e.recipients.length ? ` ${name(e.recipients)}` : ''}`.trim();
}

/** "Speaking to X, he said …": an opening participle's subject is the main clause's. */
function participleSubject(ctx: Ctx, s: Sentence, tr: TriggerHit): Participant | undefined {
  const { doc, res, at } = ctx;
  const T = doc.tokens;
  let j = s.tokStart;
  if (T[j].pos === 'SCONJ' || T[j].pos === 'ADP') j++;
  if (j !== tr.a) return undefined;
  let c = tr.b;
  while (c < s.tokEnd && T[c].text !== ',') c++;
  for (let q = c + 1; q < s.tokEnd && q <= c + 4; q++) {
    if (at[q] >= 0 && isParticipant(doc, doc.mentions[at[q]])) return { m: headOf(ctx, doc.mentions[at[q]]), via: 'subject' };
    if (T[q].pos === 'PRON' && (res.cues.pronounsPerson.has(T[q].key) || T[q].key === 'it' || T[q].key === 'they')) {
      const m = antecedent(doc, res, q, T[q].key);
      return m ? { m, via: 'pronoun' } : undefined;
    }
    if (T[q].pos === 'VERB') break;
  }
  return undefined;
}

function uniqIds(doc: ArticleDoc, ms: Mention[]): string[] {
  const out: string[] = [];
  for (const m of ms) {
    const id = entityId(doc, m);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The date of an event: the nearest date in its clause, else the nearest in the sentence (a date across
 * a clause boundary counts as farther away).
 */
function nearestDate(ctx: Ctx, s: Sentence, tr: TriggerHit): { date: DateMention; far: boolean } | undefined {
  const { doc, res } = ctx;
  const T = doc.tokens;
  const offset = T[tr.head].start;
  let best: DateMention | undefined;
  let bestD = Infinity;
  for (const d of doc.dates) {
    if (d.sentence !== s.i || !d.value) continue;
    // '"We will meet as soon as next week," he said, and urged …': a date quoted is the speaker's, not the verb's outside.
    if (quoted(doc.text, s.start, d.start) && !quoted(doc.text, s.start, offset)) continue;
    let dist = d.start >= offset ? d.start - offset : offset - d.end;
    // "demanded an explanation by midnight on Tuesday", "reopen embassies within two months": a deadline
    // is not when the event happened.
    const lead = tokenAt(T, s, d.start);
    if ((ctx.cue[lead] & DEADLINE_PREP) !== 0 || (lead - 1 >= s.tokStart && (ctx.cue[lead - 1] & DEADLINE_PREP) !== 0)) continue;
    if (lead - 2 >= s.tokStart && (ctx.cue[lead - 2] & DEADLINE_PREP) !== 0 && T[lead - 1].pos === 'NOUN') continue;
    // A clause boundary between them: ", and", ";", "which", "after" …
    const lo = d.start >= offset ? tr.b : tokenAt(T, s, d.end);
    const hi = d.start >= offset ? tokenAt(T, s, d.start) : tr.a;
    for (let j = lo; j < hi; j++) {
      // ", and" starts a new clause when a new subject follows, not a second verb ("…, and demanded").
      const newClause = T[j].key === 'and' && T[j - 1]?.text === ',' && T[j + 1]?.pos !== 'VERB' && T[j + 1]?.pos !== 'ADV' && T[j + 1]?.pos !== 'AUX';
      if ((ctx.cue[j] & CLAUSE_STOP_TEXT) !== 0 || ((ctx.cue[j] & CLAUSE_MARKER) !== 0 && T[j].key !== 'as') || newClause) { dist += 1000; break; }
    }
    // "Mr Milei, who founded the party two years ago, will take office on December 10": a date in a
    // relative clause before the trigger belongs to that clause's verb.
    if (d.start < offset && dist < 1000 && inRelativeClause(T, s, lead, lo, hi, res.cues.relativePronouns)) dist += 1000;
    if (dist < bestD) { best = d; bestD = dist; }
  }
  return best ? { date: best, far: bestD >= 1000 } : undefined;
}

/** Whether `at` is inside quotation marks opened since `from` (an odd number of quote marks between). */
function quoted(text: string, from: number, at: number): boolean {
  let n = 0;
  for (let i = from; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x201c || c === 0x201d) n++;
  }
  return n % 2 === 1;
}

/** Whether token `at` is in a relative clause ("…, who …") that a comma closes between `lo` and `hi`. */
function inRelativeClause(T: Token[], s: Sentence, at: number, lo: number, hi: number, pronouns: ReadonlySet<string>): boolean {
  let closed = false;
  for (let j = lo; j < hi && !closed; j++) closed = T[j].text === ',';
  if (!closed) return false;
  for (let j = at - 1; j >= s.tokStart && T[j].text !== ','; j--) if (pronouns.has(T[j].key)) return true;
  return false;
}

/** A verb trigger in the present tense ("support", "beats"): what it says holds now, not on a day. */
function presentTense(t: Token, tr: TriggerHit): boolean {
  return tr.entry.pos === 'verb' && (t.lower === t.lemma || (t.lower.endsWith('s') && !t.lemma.endsWith('s')));
}

/** Whether a sentence names a time, resolved or not ("last week", "recently", "in the past"). */
function namesTime(ctx: Ctx, s: Sentence): boolean {
  const T = ctx.doc.tokens;
  for (let j = s.tokStart; j < s.tokEnd; j++) if (ctx.res.cues.vagueTimes.has(T[j].key)) return true;
  return ctx.doc.dates.some((d) => d.sentence === s.i);
}

/**
 * A sentence without a date of its own is dated by the passage it is in: the last date of the nearest
 * earlier sentence of the same paragraph that has one ("Mrs May told the Commons…" after "said on
 * Wednesday"); with `acrossParagraph` (the sentence names no time at all), also the lead's day in the
 * paragraph before. Not for a clause in the past perfect ("had met"), which steps back from that time.
 */
function contextDate(ctx: Ctx, s: Sentence, tr: TriggerHit, left: number, acrossParagraph: boolean): DateMention | undefined {
  const { doc } = ctx;
  const T = doc.tokens;
  for (let j = left; j < tr.a; j++) if (T[j].key === 'had' || T[j].key === "'d") return undefined;
  let breaks = 0;
  for (let k = s.i - 1; k >= 0 && k >= s.i - 3; k--) {
    const prev = doc.sentences[k];
    // A paragraph break between the sentences (a newline in the gap): only the lead's day carries over
    // one, to a past event in a sentence that names no time ("A judge on Monday ordered …" ¶ "The
    // ruling was handed down at a hearing …, which Mr Navalny denounced").
    const nl = doc.text.indexOf('\n', prev.end);
    if (nl >= 0 && nl < doc.sentences[k + 1].start && (!acrossParagraph || ++breaks > 1 || k > LEAD_SENTENCES || presentTense(T[tr.head], tr))) return undefined;
    let last: DateMention | undefined;
    // Across the break, the lead's own date (its first: "A judge on Monday ordered …, a day after …").
    for (const d of doc.dates) if (d.sentence === k && d.value && !(breaks > 0 && last)) last = d;
    // A sentence about the future dates nothing that happened.
    if (last && anyIn(prev.tokStart, prev.tokEnd, (q) => (T[q].key === 'will' || T[q].key === "'ll" || T[q].key === 'shall') && T[q].pos === 'AUX')) return undefined;
    // Only a day: a month or a year in the sentence before is too loose a frame ("who met him in April").
    if (last) return last.precision === 'day' ? last : undefined;
  }
  return undefined;
}

/** Whether `test` holds for a token index in [from, to). */
function anyIn(from: number, to: number, test: (q: number) => boolean): boolean {
  for (let q = from; q < to; q++) if (test(q)) return true;
  return false;
}

function tokenAt(T: Token[], s: Sentence, offset: number): number {
  for (let j = s.tokStart; j < s.tokEnd; j++) if (T[j].end >= offset) return j;
  return s.tokEnd;
}
