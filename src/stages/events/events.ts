import type { ArticleDoc, DateMention, DocEvent, Mention, Sentence, Token } from '../../model/doc';
import type { Modality } from '../../model/ontology';
import type { Resources, TriggerEntry } from '../../pipeline/resources';
import { entityId, entityType, isBe, mentionIndex } from '../shared';

/**
 * Events: triggers from the lexicon (lemma sequences, small gaps allowed), actors and recipients from
 * the sentence's shape (subject before the verb, object or a recipient preposition after it; the passive
 * swaps them; "X said Y threatened Z" makes Y the actor and the event reported), modality from cues,
 * place from a locative phrase, date from the nearest date in the sentence.
 */

const GAP_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PART']);
const PREPS = new Set(['of', 'in', 'at', 'with', 'to', 'for', 'from', 'on', 'against', 'by', 'between', 'into', 'about', 'over', 'under', 'after', 'before', 'during', 'near', 'than', 'as', 'like', 'toward', 'towards', 'across', 'through', 'via', 'among', 'within', 'without']);
const CLAUSE_STOP = new Set([';', ':', '(', ')']);
const SUBJECT_STOP = new Set(['which', 'that', 'while', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'when', 'after', 'before', 'since', 'until', 'as']);
const RIGHT_STOP = new Set(['which', 'who', 'while', 'whereas', 'although', 'though', 'because', 'but', 'if', 'unless', 'when', 'since', 'until', 'that', 'and', 'or']);
const PASSIVE_IRREGULAR = /^(held|caught|seized|shot|hit|struck|beaten|taken|given|sent|brought|made|told|sold|put|set|cut|met|won|lost|led|kept|fought|thrown|drawn|driven|built|bought|found|left|paid|spent|sought|withdrawn|overthrown|arrested|detained)$/;

export function findEvents(doc: ArticleDoc, res: Resources): void {
  const at = mentionIndex(doc);
  const events: DocEvent[] = [];
  for (const s of doc.sentences) {
    if (s.allCaps) continue;
    const hits = findTriggers(doc, res, s, at);
    if (hits.length === 0) continue;
    const cues = reportingCues(doc, res, s);
    for (const tr of hits) {
      const ev = buildEvent(doc, res, s, at, tr, cues);
      if (ev) events.push(ev);
    }
  }
  doc.events = events;
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

function findTriggers(doc: ArticleDoc, res: Resources, s: Sentence, at: Int32Array): TriggerHit[] {
  const T = doc.tokens;
  const hits: TriggerHit[] = [];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const list = res.triggers.get(T[i].lemma) ?? res.triggers.get(T[i].lower);
    if (!list) continue;
    if (at[i] >= 0) continue; // inside a name ("Peace Corps")
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
      if (!posOk(T[head], e.pos)) {
        // wink sometimes tags a verb after "to" or a modal as a noun; a noun trigger after "the" is fine.
        const prev = head > s.tokStart ? T[head - 1] : null;
        const rescue = e.pos === 'verb' && T[head].pos === 'NOUN' && prev && (prev.key === 'to' || prev.pos === 'AUX');
        if (!rescue) continue;
      }
      if (!best || j - i > best.b - best.a) best = { a: i, head, b: j, entry: e };
    }
    if (best) {
      if (best.entry.pos === 'verb' && res.cues.reportingVerbs.has(T[best.head].lemma) && best.b - best.a === 1) continue;
      // "fines of up to pounds 2,500": a word before an amount is no act.
      if (T[best.b]?.pos === 'NUM' && best.head > s.tokStart && (T[best.head - 1].pos === 'ADP' || T[best.head - 1].key === 'to')) continue;
      // "vowed to destroy": the wrapper verb only sets the modality of the verb it governs.
      if (best.b - best.a === 1 && res.cues.wrapperVerbs.has(T[best.head].lemma) && T[best.b]?.key === 'to') continue;
      hits.push(best);
      i = best.b - 1;
    }
  }
  return hits;
}

function clauseLeft(T: Token[], s: Sentence, i: number): number {
  let j = i - 1;
  while (j >= s.tokStart && !CLAUSE_STOP.has(T[j].text)) j--;
  return j + 1;
}

function clauseRight(T: Token[], s: Sentence, i: number): number {
  let j = i;
  while (j < s.tokEnd && !CLAUSE_STOP.has(T[j].text)) j++;
  return j;
}

interface Participant { m: Mention; via: 'subject' | 'possessive' | 'pronoun' | 'object' | 'prep' | 'agent' | 'relative' }

function isParticipant(doc: ArticleDoc, m: Mention): boolean {
  const t = entityType(doc, m);
  return t === 'Person' || t === 'State' || t === 'Institution';
}

/** The most recent mention before token `tok` that fits the pronoun. */
function antecedent(doc: ArticleDoc, res: Resources, tok: number, pronoun: string): Mention | undefined {
  const wantPerson = res.cues.pronounsPerson.has(pronoun);
  // "they" is mostly a group nobody named; "it" reaches back one sentence at most.
  if (pronoun === 'they' || pronoun === 'them' || pronoun === 'their') return undefined;
  const here = doc.tokens[tok]?.sentence ?? 0;
  for (let k = doc.mentions.length - 1; k >= 0; k--) {
    const m = doc.mentions[k];
    if (m.tokEnd > tok || m.dropped || m.entity === undefined) continue;
    if (!wantPerson && doc.tokens[m.tokStart].sentence < here - 1) return undefined;
    const t = entityType(doc, m);
    if (wantPerson ? t === 'Person' : t === 'State' || t === 'Institution') return m;
  }
  return undefined;
}

function withConjuncts(doc: ArticleDoc, at: Int32Array, m: Mention, s: Sentence, dir: 'left' | 'right'): Mention[] {
  const T = doc.tokens;
  const out = [m];
  let cur = m;
  for (let guard = 0; guard < 4; guard++) {
    if (dir === 'left') {
      const j = cur.tokStart - 1;
      if (j - 1 < s.tokStart || !(T[j].key === 'and' || T[j].text === ',')) break;
      const k = at[j - 1];
      if (k < 0) break;
      cur = doc.mentions[k];
    } else {
      const j = cur.tokEnd;
      if (j + 1 >= s.tokEnd || !(T[j].key === 'and' || T[j].text === ',')) break;
      let q = j + 1;
      if (T[q].key === 'the') q++;
      const k = at[q];
      if (k < 0) break;
      cur = doc.mentions[k];
    }
    if (!isParticipant(doc, cur)) break;
    out.push(cur);
  }
  return out;
}

function findSubject(doc: ArticleDoc, res: Resources, s: Sentence, at: Int32Array, tr: TriggerHit, left: number): Participant | undefined {
  const T = doc.tokens;
  // Noun trigger with a possessive: "Pyongyang's stepped-up testing", "Trump's visit".
  if (tr.entry.pos === 'noun') {
    for (let j = tr.a - 1; j >= Math.max(left, tr.a - 4); j--) {
      if (T[j].key === "'s" && j - 1 >= s.tokStart && at[j - 1] >= 0) {
        const m = doc.mentions[at[j - 1]];
        if (isParticipant(doc, m)) return { m, via: 'possessive' };
      }
      if (!GAP_POS.has(T[j].pos) && T[j].text !== '-' && T[j].pos !== 'VERB' && T[j].key !== "'s") break;
    }
  }
  for (let j = tr.a - 1; j >= left; j--) {
    const t = T[j];
    if (SUBJECT_STOP.has(t.key) && j < tr.a - 1) {
      // "X, who ... threatened": the relative pronoun hands over to the name before it.
      if (t.key === 'that' || t.key === 'which') {
        const k = j - 1 >= s.tokStart && T[j - 1].text === ',' ? at[j - 2] ?? -1 : at[j - 1] ?? -1;
        if (k >= 0 && isParticipant(doc, doc.mentions[k])) return { m: doc.mentions[k], via: 'relative' };
      }
      break;
    }
    if (t.key === 'who') {
      const k = j - 1 >= s.tokStart && T[j - 1].text === ',' ? (j - 2 >= 0 ? at[j - 2] : -1) : at[j - 1];
      if (k >= 0 && isParticipant(doc, doc.mentions[k])) return { m: doc.mentions[k], via: 'relative' };
      break;
    }
    if ((res.cues.pronounsPerson.has(t.key) || t.key === 'it' || t.key === 'they') && t.pos === 'PRON' && (j + 1 >= tr.a || T[j + 1].pos === 'AUX' || T[j + 1].pos === 'ADV' || T[j + 1].pos === 'VERB' || T[j + 1].pos === 'PART')) {
      if (t.key === 'him' || t.key === 'her' || t.key === 'them' || t.key === 'his' || t.key === 'their' || t.key === 'its') continue;
      // "the defector said he backed …": the pronoun is the reporter, named or not.
      const pv = j - 1 >= s.tokStart ? T[j - 1] : null;
      const pv2 = j - 2 >= s.tokStart ? T[j - 2] : null;
      if ((pv && res.cues.reportingVerbs.has(pv.lemma) && pv.pos === 'VERB') || (pv?.key === 'that' && pv2 && res.cues.reportingVerbs.has(pv2.lemma))) {
        const rv = pv?.key === 'that' ? j - 2 : j - 1;
        const k = rv - 1 >= s.tokStart ? at[rv - 1] : -1;
        const rep = k >= 0 ? doc.mentions[k] : undefined;
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
    let bi = m.tokStart - 1;
    if (bi >= s.tokStart && (T[bi].pos === 'DET' || T[bi].pos === 'ADJ') && bi - 1 >= s.tokStart) bi--;
    const before = bi >= s.tokStart ? T[bi] : null;
    // Inside a prepositional phrase ("talks with X"), the object of another verb ("called X"), or the
    // owner in "X's Y": not the subject.
    if (before && m.tokStart > left && (PREPS.has(before.key) || (before.pos === 'VERB' && !res.cues.reportingVerbs.has(before.lemma)))) continue;
    if (m.tokEnd < tr.a && T[m.tokEnd].key === "'s" && tr.entry.pos === 'verb') {
      // "X's policy of pressuring Y": the owner acts; "X's envoy threatened": the envoy does.
      if (T[tr.a - 1]?.key === 'of' && tr.a - 1 - m.tokEnd <= 4) return { m, via: 'possessive' };
      continue;
    }
    // A modifier of the mention after it ("the Trump administration"): that one is the subject.
    if (m.tokEnd < tr.a && at[m.tokEnd] >= 0) continue;
    return { m, via: 'subject' };
  }
  return undefined;
}

function findObjects(doc: ArticleDoc, s: Sentence, at: Int32Array, tr: TriggerHit, right: number, passive: boolean): { objects: Participant[]; agent?: Participant } {
  const T = doc.tokens;
  const preps = new Set(tr.entry.recipientPreps);
  const objects: Participant[] = [];
  let agent: Participant | undefined;
  let direct = true;
  const limit = Math.min(right, tr.b + 12);
  for (let j = tr.b; j < limit; j++) {
    const t = T[j];
    if (RIGHT_STOP.has(t.key) && !(t.key === 'and' && objects.length > 0)) {
      if (t.key === 'and' || t.key === 'or') { if (objects.length === 0) break; continue; }
      break;
    }
    if (t.text === ',' ) break;
    if (t.pos === 'VERB' && j > tr.b && !passive) break;
    if (PREPS.has(t.key)) {
      direct = false;
      if (t.key === 'by' && passive) {
        const k = at[j + 1] >= 0 ? at[j + 1] : T[j + 1]?.key === 'the' ? at[j + 2] ?? -1 : -1;
        if (k >= 0 && isParticipant(doc, doc.mentions[k])) agent = { m: doc.mentions[k], via: 'agent' };
        continue;
      }
      if (preps.has(t.key) || (t.key === 'between')) {
        let q = j + 1;
        while (q < limit && (T[q].key === 'the' || T[q].pos === 'ADJ' || T[q].pos === 'DET')) q++;
        const k = q < limit ? at[q] : -1;
        if (k >= 0 && isParticipant(doc, doc.mentions[k])) {
          const m = doc.mentions[k];
          objects.push({ m, via: 'prep' });
          j = m.tokEnd - 1;
        }
      }
      continue;
    }
    let k = at[j];
    if (k < 0) continue;
    // "the Trump administration": the head, not its modifier.
    while (doc.mentions[k].tokEnd < limit && at[doc.mentions[k].tokEnd] >= 0 && at[doc.mentions[k].tokEnd] !== k) k = at[doc.mentions[k].tokEnd];
    const m = doc.mentions[k];
    j = m.tokEnd - 1;
    if (direct && isParticipant(doc, m) && tr.entry.pos === 'verb') {
      objects.push({ m, via: 'object' });
      direct = false;
    }
  }
  return { objects, agent };
}

function modalityOf(doc: ArticleDoc, res: Resources, s: Sentence, tr: TriggerHit, left: number, reported: boolean): Modality {
  const T = doc.tokens;
  const from = Math.max(left, tr.a - 5);
  let negated = T[tr.head].negated && T[tr.head].pos === 'VERB';
  let hypothetical = false;
  let future = false;
  for (let j = from; j < tr.a; j++) {
    const t = T[j];
    if (res.cues.negation.has(t.key) && !(t.key === 'no' && tr.entry.pos === 'verb')) negated = true;
    if (res.cues.negationVerbs.has(t.lemma) && T[j + 1]?.key === 'to') negated = true;
    if (res.cues.hypothetical.has(t.key) && (t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'ADV' || (t.pos === 'ADJ' && (T[j + 1]?.key === 'of' || T[j + 1]?.key === 'to')))) hypothetical = true;
    if (res.cues.future.has(t.key) && (t.pos === 'AUX' || t.pos === 'VERB')) future = true;
    if (res.cues.futureVerbs.has(t.lemma) && T[j + 1]?.key === 'to' && !(t.pos === 'NOUN' && j > s.tokStart && (T[j - 1].pos === 'DET' || T[j - 1].pos === 'ADJ' || T[j - 1].key === "'s"))) future = true;
    if (res.cues.hypotheticalVerbs.has(t.lemma) && (T[j + 1]?.key === 'to' || T[j + 1]?.key === 'for') && t.pos === 'VERB' && (t.lemma === 'consider' || t.lemma === 'weigh')) hypothetical = true;
  }
  // "if" / "unless" / "whether" anywhere earlier in the clause.
  for (let j = left; j < tr.a; j++) if (T[j].key === 'if' || T[j].key === 'unless' || T[j].key === 'whether') hypothetical = true;
  // "no talks", "without talks"
  if (tr.entry.pos === 'noun' && tr.a - 1 >= s.tokStart && (T[tr.a - 1].key === 'no' || T[tr.a - 1].key === 'without')) negated = true;
  if (negated) return 'negated';
  if (hypothetical) return 'hypothetical';
  if (future) return 'future';
  if (reported) return 'reported';
  return 'asserted';
}

/** A reporting verb (or "according to") in the sentence and its subject, outside the trigger's span. */
/** Token indices of reporting verbs and phrases in a sentence: [index, isPhrase]. */
function reportingCues(doc: ArticleDoc, res: Resources, s: Sentence): [number, boolean][] {
  const T = doc.tokens;
  const out: [number, boolean][] = [];
  const keyAt = (x: number): string | null => (x < s.tokEnd ? T[x].key : null);
  for (let j = s.tokStart; j < s.tokEnd; j++) {
    const t = T[j];
    if (res.cues.reportingVerbs.has(t.lemma) && t.pos === 'VERB' && !(t.lemma === 'add' && T[j + 1]?.pos !== 'PUNCT')) out.push([j, false]);
    else if (res.reportingPhrases.matchAll(keyAt, j, s.tokEnd).length > 0) out.push([j, true]);
  }
  return out;
}

function reporting(doc: ArticleDoc, res: Resources, s: Sentence, at: Int32Array, tr: TriggerHit, cues: [number, boolean][]): { index: number; reporter: Mention | undefined } | null {
  const T = doc.tokens;
  for (const [j, isPhrase] of cues) {
    if (j >= tr.a && j < tr.b) continue;
    if (isPhrase) {
      const k = at[j + 2] ?? -1;
      return { index: j, reporter: k >= 0 ? doc.mentions[k] : undefined };
    }
    // The reporter: the nearest participant before the verb, or right after it ("said Mr Yun").
    let reporter: Mention | undefined;
    for (let q = j - 1; q >= s.tokStart && j - q <= 6; q--) {
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

function buildEvent(doc: ArticleDoc, res: Resources, s: Sentence, at: Int32Array, tr: TriggerHit, cues: [number, boolean][]): DocEvent | null {
  const T = doc.tokens;
  let left = clauseLeft(T, s, tr.a);
  const right = clauseRight(T, s, tr.b);
  const rep = reporting(doc, res, s, at, tr, cues);
  // "X said (that) Y threatened Z": the actor is looked for after the reporting verb.
  if (rep && rep.index < tr.a && rep.index >= left) left = rep.index + 1 + (T[rep.index + 1]?.key === 'that' ? 1 : 0);

  const passive = tr.entry.pos === 'verb' && tr.a - 1 >= s.tokStart && (isBe(T[tr.a - 1]) || (T[tr.a - 1].pos === 'ADV' && isBe(T[tr.a - 2]))) &&
    (T[tr.head].lower.endsWith('ed') || PASSIVE_IRREGULAR.test(T[tr.head].lower));
  let subject = findSubject(doc, res, s, at, tr, left);
  if (!subject && tr.entry.pos === 'verb' && T[tr.head].lower.endsWith('ing')) subject = participleSubject(doc, res, s, at, tr);
  if (!subject && rep && rep.index < tr.a && rep.reporter && isParticipant(doc, rep.reporter)) subject = { m: rep.reporter, via: 'subject' };
  const { objects, agent } = findObjects(doc, s, at, tr, right, passive);

  let actors: Mention[] = [];
  let recipients: Mention[] = [];
  if (passive) {
    if (agent) actors = withConjuncts(doc, at, agent.m, s, 'right');
    if (subject) recipients = withConjuncts(doc, at, subject.m, s, 'left');
  } else {
    if (subject) actors = subject.via === 'pronoun' ? [subject.m] : withConjuncts(doc, at, subject.m, s, 'left');
    for (const o of objects) recipients.push(...withConjuncts(doc, at, o.m, s, 'right'));
  }
  // "talks between X and Y": both sides, the first as actor.
  if (actors.length === 0 && recipients.length >= 2 && objects[0]?.via === 'prep' && T[objects[0].m.tokStart - 1]?.key === 'between') actors = [recipients.shift() as Mention];

  if (tr.entry.pos === 'noun' && subject && subject.via !== 'possessive' && objects.length === 0 && !governedByVerb(T, s, tr.a)) {
    // "comply with the law": a noun trigger nobody does, has or holds is no event.
    actors = [];
  }
  const actorIds = uniqIds(doc, actors);
  const recipientIds = uniqIds(doc, recipients).filter((r) => !actorIds.includes(r));
  if (actorIds.length === 0 && recipientIds.length === 0) return null;

  const reported = !!rep && (rep.reporter === undefined || !actorIds.includes(entityId(doc, rep.reporter) ?? ''));
  const modality = modalityOf(doc, res, s, tr, left, reported && rep !== null);

  // Place: a place (or a state) after a locative preposition, not already a participant.
  let place: string | null = null;
  let statePlace: string | null = null;
  let pl = tr.a;
  while (pl > s.tokStart && !res.cues.clauseMarkers.has(T[pl - 1].key) && !CLAUSE_STOP.has(T[pl - 1].text)) pl--;
  let pr = tr.b;
  while (pr < right && !res.cues.clauseMarkers.has(T[pr].key) && T[pr].text !== ',') pr++;
  for (let j = pl; j < pr - 1 && !place; j++) {
    if (!res.cues.locativePreps.has(T[j].key) || T[j].key === 'on' || T[j].key === 'into') continue;
    let q = j + 1;
    if (T[q].key === 'the') q++;
    const k = q < pr ? at[q] : -1;
    if (k < 0) continue;
    const m = doc.mentions[k];
    const id = entityId(doc, m);
    const t = entityType(doc, m);
    if (!id || actorIds.includes(id) || recipientIds.includes(id)) continue;
    if (t === 'Place') place = id;
    else if (t === 'State' && !statePlace && T[j].key === 'in' && m.role !== 'demonym' && m.role !== 'reference' && T[m.tokEnd]?.key !== "'s") statePlace = id;
  }
  place = place ?? statePlace;

  const date = nearestDate(doc.dates, s.i, T[tr.head].start);
  const trigStart = T[tr.a].start;
  const trigEnd = T[tr.b - 1].end;
  let confidence = 0.45;
  if (actorIds.length > 0) confidence += subject?.via === 'pronoun' ? 0.1 : 0.2;
  if (recipientIds.length > 0) confidence += 0.1;
  if (tr.entry.pos === 'verb') confidence += 0.1;
  if (tr.b - tr.a > 1) confidence += 0.05;
  const name = (ids: string[]): string => ids.map((id) => doc.entities.find((e) => e.id === id)?.name ?? id).join(', ');
  const trigger = doc.text.slice(trigStart, trigEnd);
  return {
    type: tr.entry.type,
    mode: tr.entry.mode,
    actors: actorIds,
    recipients: recipientIds,
    place,
    date: date?.value ?? null,
    datePrecision: date?.value ? date.precision : null,
    modality,
    confidence: Math.min(0.95, confidence),
    trigger,
    triggerStart: trigStart,
    triggerEnd: trigEnd,
    start: s.start,
    end: s.end,
    summary: `${name(actorIds) || '?'} ${trigger}${recipientIds.length ? ` ${name(recipientIds)}` : ''}`.trim(),
  };
}

/** "Speaking to X, he said …": an opening participle's subject is the main clause's. */
function participleSubject(doc: ArticleDoc, res: Resources, s: Sentence, at: Int32Array, tr: TriggerHit): Participant | undefined {
  const T = doc.tokens;
  let j = s.tokStart;
  if (T[j].pos === 'SCONJ' || T[j].pos === 'ADP') j++;
  if (j !== tr.a) return undefined;
  let c = tr.b;
  while (c < s.tokEnd && T[c].text !== ',') c++;
  for (let q = c + 1; q < s.tokEnd && q <= c + 4; q++) {
    if (at[q] >= 0 && isParticipant(doc, doc.mentions[at[q]])) return { m: doc.mentions[at[q]], via: 'subject' };
    if (T[q].pos === 'PRON' && (res.cues.pronounsPerson.has(T[q].key) || T[q].key === 'it' || T[q].key === 'they')) {
      const m = antecedent(doc, res, q, T[q].key);
      return m ? { m, via: 'pronoun' } : undefined;
    }
    if (T[q].pos === 'VERB') break;
  }
  return undefined;
}

/** The noun at `i` is the object of a verb: "held talks", "imposed new sanctions", "announced a ban on". */
function governedByVerb(T: Token[], s: Sentence, i: number): boolean {
  for (let j = i - 1; j >= s.tokStart && i - j <= 4; j--) {
    const t = T[j];
    if (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma === 'have')) return true;
    if (!GAP_POS.has(t.pos) && t.pos !== 'NOUN' && t.text !== '-') return false;
  }
  return false;
}

function uniqIds(doc: ArticleDoc, ms: Mention[]): string[] {
  const out: string[] = [];
  for (const m of ms) {
    const id = entityId(doc, m);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

function nearestDate(dates: DateMention[], sentence: number, offset: number): DateMention | undefined {
  let best: DateMention | undefined;
  let bestD = Infinity;
  for (const d of dates) {
    if (d.sentence !== sentence || !d.value) continue;
    const dist = d.start >= offset ? d.start - offset : offset - d.end;
    if (dist < bestD) { best = d; bestD = dist; }
  }
  return best;
}
