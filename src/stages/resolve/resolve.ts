import { createEntity, type ArticleDoc, type DocEntity, type Mention } from '../../model/doc';
import { institutionKey, isNameHead, normaliseName, personKey, placeKey, stateKey } from '../../model/keys';
import type { Resources } from '../../pipeline/resources';
import type { StateRecord } from '../../model/knowledge';

/**
 * Resolution within one article: capitals as states or places by position, epithets in their context,
 * "the administration" to the government in context, surnames and "Mr X" to the full name, acronyms
 * to their definitions. One entity per referent, with every surface form as an alias.
 */

/** After "SEOUL," a dateline goes on with a date: a weekday, a month or a number. */
const DATELINE_NEXT = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|\d+)\.?$/;

const MOTION = new Set(['visit', 'travel', 'arrive', 'fly', 'return', 'go', 'come', 'leave', 'reach', 'tour', 'move', 'relocate', 'head', 'land', 'flee']);

export function resolveMentions(doc: ArticleDoc, res: Resources): void {
  const ms = doc.mentions;
  const T = doc.tokens;

  // 1. Capitals: a place after a locative preposition or a motion verb, the state elsewhere.
  const owners = new Set<number>();
  ms.forEach((m) => { if (m.owner !== undefined) owners.add(m.owner); if (m.titles) for (const t of m.titles) if (t.org !== undefined) owners.add(t.org); });
  ms.forEach((m, k) => {
    if (m.role !== 'capital') return;
    const state = m.alternatives?.find((x) => x.type === 'State');
    if (!state) return;
    // "in the Kremlin": the article does not hide the preposition.
    const pi = m.tokStart > 1 && T[m.tokStart - 1].key === 'the' ? m.tokStart - 2 : m.tokStart - 1;
    const prev = pi >= 0 && T[pi].sentence === T[m.tokStart].sentence ? T[pi] : null;
    const next = m.tokEnd < T.length && T[m.tokEnd].sentence === T[m.tokStart].sentence ? T[m.tokEnd] : null;
    const sentStart = doc.sentences[T[m.tokStart].sentence].tokStart;
    const asPlace =
      !owners.has(k) && next?.key !== "'s" &&
      ((prev && (res.cues.locativePreps.has(prev.key) || prev.key === 'to' || prev.key === 'from' || MOTION.has(prev.lemma))) ||
        // A dateline: "LONDON -", "Seoul, Monday".
        (m.tokStart === sentStart && (next?.text === '-' || next?.type === 'number' || (next?.text === ',' && DATELINE_NEXT.test(T[m.tokEnd + 1]?.lower ?? '')))) ||
        (prev?.text === ',' && m.tokStart - 2 >= 0 && ms.some((x) => x.tokEnd === m.tokStart - 1 && x.type === 'Place')) ||
        // "the capital, Sanaa", "the city of Kyiv": in apposition to a place noun.
        (prev?.text === ',' && m.tokStart - 2 >= 0 && res.placeNouns.has(T[m.tokStart - 2].lower)) ||
        (prev?.key === 'of' && m.tokStart - 2 >= 0 && res.placeNouns.has(T[m.tokStart - 2].lower)));
    if (!asPlace) {
      m.alternatives = [{ type: 'Place', key: m.key ?? placeKey(m.name ?? m.text, m.country), name: m.name ?? m.text, role: 'capital', country: m.country }];
      m.type = 'State';
      m.role = 'metonym';
      m.key = state.key;
      m.name = state.name;
      m.country = state.country ?? m.country;
    }
  });

  // 2. Epithets and context-bound names need one of their context states mentioned by name.
  const namedStates = new Set<string>();
  for (const m of ms) if (m.type === 'State' && m.key && m.role !== 'epithet' && m.role !== 'reference') namedStates.add(m.key);
  for (const m of ms) {
    if (!m.context || m.context.length === 0) continue;
    if (!m.context.some((c) => namedStates.has(stateKey(c)))) m.dropped = true;
  }

  // 2b. A place name shared by several countries: the one whose country the article talks about.
  const salience = new Map<string, number>();
  for (const m of ms) {
    if (m.dropped || !m.country) continue;
    if (m.type === 'State' || (m.type === 'Place' && !m.alternatives?.some((x) => x.type === 'Place'))) salience.set(m.country, (salience.get(m.country) ?? 0) + 1);
  }
  for (const m of ms) {
    // Places, and institutions known by one name in several countries ("Congress" in India and the US).
    if (m.dropped || (m.type !== 'Place' && m.type !== 'Institution') || m.source !== 'gazetteer' || !m.alternatives) continue;
    const places = m.alternatives.filter((x) => x.type === m.type && x.country && x.country !== m.country);
    if (places.length === 0) continue;
    let best = { key: m.key, name: m.name, country: m.country, score: salience.get(m.country ?? '') ?? 0 };
    for (const p of places) {
      const sc = salience.get(p.country as string) ?? 0;
      if (sc > best.score) best = { key: p.key, name: p.name, country: p.country ?? null, score: sc };
    }
    if (best.key !== m.key && m.type === 'Institution') {
      // The other reading's record (its kind) comes with it.
      const rec = res.institutionsByName.get(normaliseName(best.name ?? ''));
      if (rec) { m.institutionKind = rec.kind; m.wikidata = rec.wikidata; }
    }
    m.key = best.key; m.name = best.name; m.country = best.country;
  }

  // 3. Keys for institutions, places and full-name people.
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.dropped || m.key) continue;
    if (m.type === 'Institution') {
      if (m.source === 'acronym' && m.owner !== undefined) continue; // after its definition
      if (headOfEarlier(doc, k)) continue;
      const owner = m.owner !== undefined ? ms[m.owner] : undefined;
      let country = m.country ?? null;
      if (owner && (owner.type === 'State' || owner.role === 'capital' || owner.role === 'metonym')) country = owner.role === 'capital' ? (owner.alternatives?.find((x) => x.type === 'State')?.country ?? owner.country ?? null) : (owner.country ?? null);
      if (!country) country = modifierState(doc, m);
      const name = cleanName(m.name ?? m.text);
      // A state's name or demonym glued to a capitalised organisation name with no "'s" between is part
      // of the name ("the Russian Embassy", "Japan Coast Guard", "Taiwanese Representative Office"); the
      // key stays the bare name with the country, as for "the embassy" or "Russia's Embassy".
      const glued = m.tokStart > 0 && doc.tokens[m.tokStart].cap ? stateModifierBefore(doc, m, k) : null;
      m.name = glued ? cleanName(`${glued.text} ${name}`) : name;
      m.country = country;
      m.key = institutionKey(name, country);
    } else if (m.type === 'Place') {
      const name = cleanName(m.name ?? m.text);
      m.name = name;
      m.key = placeKey(name, m.country ?? null);
    }
  }

  // 4. People: full names first, then surnames and "Mr X" to the full name they shorten.
  const full: { idx: number; key: string; parts: readonly string[]; familyFirst: boolean; start: number }[] = [];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.dropped || m.type !== 'Person') continue;
    const parts = nameParts(m.name ?? m.text);
    if (m.key && !(m.source === 'surname')) {
      full.push({ idx: k, key: m.key, parts, familyFirst: res.familyFirst.has(parts[0] ?? ''), start: m.start });
      continue;
    }
    if (parts.length >= 2 && m.source !== 'surname') {
      m.name = cleanName(m.text);
      m.key = personKey(m.name);
      full.push({ idx: k, key: m.key, parts, familyFirst: res.familyFirst.has(parts[0]), start: m.start });
    }
  }
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.dropped || m.type !== 'Person') continue;
    if (m.key && m.source !== 'surname') continue;
    const parts = nameParts(m.text);
    if (parts.length !== 1) continue;
    const last = parts[0];
    const cands = full.filter((f) => f.parts.length >= 2 && (f.parts[f.parts.length - 1] === last || (f.familyFirst && f.parts[0] === last)));
    const distinct = [...new Set(cands.map((c) => c.key))];
    if (distinct.length === 1 || (distinct.length > 1 && cands.some((c) => c.start < m.start))) {
      // The nearest full name before wins; else the first after.
      const before = cands.filter((c) => c.start < m.start).sort((x, y) => y.start - x.start)[0];
      const chosen = before ?? cands.sort((x, y) => x.start - y.start)[0];
      m.key = chosen.key;
      m.name = ms[chosen.idx].name;
      m.country = ms[chosen.idx].country;
      continue;
    }
    if (m.key) {
      // A known person's surname, when the article is about that person's country or offices.
      if (m.country && namedStates.has(stateKey(m.country))) continue;
      const rec = res.peopleBySurname.get(last)?.find((p) => personKey(p.name) === m.key);
      if (rec?.offices.some((o) => o.org.startsWith('state:') ? namedStates.has(o.org) : ms.some((x) => !x.dropped && x.type === 'Institution' && normaliseName(x.name ?? x.text) === normaliseName(o.org)))) continue;
      m.key = undefined;
      m.name = undefined;
      m.country = null;
    }
    // A bare capitalised word with no person to attach to and no cue of its own is not trusted.
    const cued = (m.titles?.length ?? 0) > 0 || m.confidence >= 0.5;
    if (!cued) { m.dropped = true; continue; }
    m.name = cleanName(m.text);
    m.key = personKey(m.name);
  }

  // 5. Acronyms defined in the text take their definition's key.
  for (const m of ms) {
    if (m.dropped || m.key || m.owner === undefined || m.source !== 'acronym') continue;
    const def = ms[m.owner];
    if (def?.key) { m.key = def.key; m.name = def.name; m.country = def.country; m.type = def.type; }
    else m.dropped = true;
  }

  // 6. Government references: the state of the modifier, of the official in context, or the most salient.
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    if (m.dropped || m.role !== 'reference' || (m.type === 'Institution' && m.key)) continue;
    const key = referenceState(doc, res, k);
    if (key) { m.key = key; m.name = res.states.get(key.slice(6))?.name ?? key; m.country = key.slice(6); }
    else m.dropped = true;
  }

  // 7. Remaining unkeyed mentions cannot be placed.
  for (const m of ms) if (!m.key) m.dropped = true;

  buildEntities(doc, res);
}

function nameParts(name: string): readonly string[] {
  // A normalised name has single spaces between words and none at either end: split on ' ', no regex.
  return normaliseName(name).split(' ').filter((p) => p.length > 0 && p !== '-');
}

/** Strip a leading article and stray punctuation from a surface name. */
export function cleanName(s: string): string {
  if (isClean(s)) return s;
  return s.replace(/^(the|The|THE)\s+/, '').replace(/\s+/g, ' ').replace(/^[\s"'(]+|[\s"'),.:;]+$/g, '');
}

/**
 * A name `cleanName` leaves as it is (most are), told without its three regexes: printable ASCII with
 * single spaces, no leading "the", nothing to strip at either end. Anything else takes the regexes.
 */
function isClean(s: string): boolean {
  const n = s.length;
  if (n === 0 || !singleSpaced(s)) return false;
  if (n > 3 && (s.startsWith('the') || s.startsWith('The') || s.startsWith('THE'))) return false;
  return !LEADING_STRIP.has(s.charCodeAt(0)) && !TRAILING_STRIP.has(s.charCodeAt(n - 1));
}

const LEADING_STRIP = new Set([...' "\'('].map((c) => c.charCodeAt(0)));
const TRAILING_STRIP = new Set([...' "\'),.:;'].map((c) => c.charCodeAt(0)));

/** Printable ASCII where every space is single and followed by a printable character: no `\s+` run to fold. */
function singleSpaced(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    if (c !== 32) return false;
    const d = s.charCodeAt(i + 1);
    if (!(d > 32 && d < 127)) return false;
  }
  return true;
}

/** `s.replace(/\s+/g, ' ')`, skipping the regex when there is nothing to fold. */
function foldSpaces(s: string): string {
  return singleSpaced(s) ? s : s.replace(/\s+/g, ' ');
}

/** A state written right before an institution: "US State Department" → USA. */
/**
 * "the Supreme Court" after "Israel's Supreme Court" or "the Supreme Court of Israel": a bare organisation
 * name after "the", with no state of its own, is the last institution named with that head.
 */
function headOfEarlier(doc: ArticleDoc, k: number): boolean {
  const ms = doc.mentions;
  const m = ms[k];
  if (m.source === 'gazetteer' || m.owner !== undefined || m.country || m.tokStart === 0 || doc.tokens[m.tokStart - 1].key !== 'the') return false;
  if (modifierState(doc, m)) return false;
  const run = (m.name ?? m.text).toLowerCase().split(/\s+/);
  for (let j = k - 1; j >= 0; j--) {
    const r = ms[j];
    if (r.dropped || r.type !== 'Institution' || !r.key || r.role === 'acronym') continue;
    if (!isNameHead(run, r.name ?? r.text) && !isNameHead(run, r.text)) continue;
    m.key = r.key; m.name = r.name; m.country = r.country;
    if (r.institutionKind) m.institutionKind = r.institutionKind;
    return true;
  }
  return false;
}

function stateModifierBefore(doc: ArticleDoc, m: Mention, k: number): Mention | null {
  let prev: Mention | undefined = m.owner !== undefined ? doc.mentions[m.owner] : undefined;
  // Mentions are in text order: the one that ends where this one starts is among the few before it.
  for (let j = k - 1; !prev && j >= 0 && k - j <= 3; j--) if (doc.mentions[j].tokEnd === m.tokStart && !doc.mentions[j].dropped) prev = doc.mentions[j];
  if (!prev || prev.tokEnd !== m.tokStart || prev.type !== 'State' || prev.dropped) return null;
  if (prev.role !== 'demonym' && prev.role !== 'name' && prev.role !== 'acronym') return null;
  return doc.tokens[prev.tokStart].cap ? prev : null;
}

function modifierState(doc: ArticleDoc, m: Mention): string | null {
  const prev = doc.mentions.find((x) => x.tokEnd === m.tokStart && (x.type === 'State' || x.role === 'capital') && !x.dropped);
  if (!prev) return null;
  if (prev.role === 'capital') return prev.alternatives?.find((a) => a.type === 'State')?.country ?? prev.country ?? null;
  return prev.country ?? null;
}

function referenceState(doc: ArticleDoc, res: Resources, k: number): string | null {
  const ms = doc.mentions;
  const m = ms[k];
  if (m.owner !== undefined) {
    const o = ms[m.owner];
    if (o.type === 'State' && o.key) return o.key;
    if (o.role === 'capital') { const st = o.alternatives?.find((x) => x.type === 'State'); if (st) return st.key; }
    if (o.type === 'Person') {
      const c = o.country ?? personState(o, ms);
      if (c) return stateKey(c);
    }
  }
  const counts = new Map<string, number>();
  for (let j = 0; j < k; j++) {
    const p = ms[j];
    if (!p.dropped && p.type === 'State' && p.key && p.role !== 'reference') counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
  }
  // The state of the nearest preceding official (a title qualified by a state, or a known nationality),
  // when the article names that state: a foreign envoy's passport says nothing about "the government".
  // Only within the paragraph: past it, the article has usually moved on to another side.
  const para = doc.text.lastIndexOf('\n\n', m.start);
  for (let j = k - 1; j >= 0; j--) {
    const p = ms[j];
    if (p.start < para) break;
    if (p.dropped || p.type !== 'Person') continue;
    const c = personState(p, ms);
    if (c && counts.has(stateKey(c))) return stateKey(c);
    if (c) break;
  }
  // Else the most mentioned state so far (ties: the earliest).
  let best: string | null = null;
  let bestN = 0;
  for (const [key, n] of counts) if (n > bestN) { best = key; bestN = n; }
  void res;
  return best;
}

function personState(p: Mention, ms: Mention[]): string | null {
  for (const t of p.titles ?? []) {
    if (t.org === undefined) continue;
    const o = ms[t.org];
    if (o.type === 'State' && o.country) return o.country;
    if (o.role === 'capital') return o.alternatives?.find((x) => x.type === 'State')?.country ?? null;
  }
  return p.country ?? null;
}

/** The surface of an institution without a leading state qualifier ("China's Ministry of Commerce" → "Ministry of Commerce"). */
function withoutState(res: Resources, m: Mention): string | null {
  const st = m.country ? res.states.get(m.country) : undefined;
  if (!st) return null;
  const text = m.text.replace(/^the\s+/i, '');
  for (const p of statePrefixes(st)) {
    if (!text.startsWith(p)) continue;
    const rest = text.slice(p.length).trim();
    if (/^\p{Lu}/u.test(rest) && rest.length >= 4) return rest;
  }
  return null;
}

/** Each state's prefixes, made once per record (a bounded set) rather than concatenated again for every mention. */
const STATE_PREFIXES = new WeakMap<StateRecord, readonly string[]>();

/** The state's forms followed by "'s " or " ", in the order `withoutState` tries them. */
function statePrefixes(st: StateRecord): readonly string[] {
  let out = STATE_PREFIXES.get(st);
  if (!out) {
    out = [...st.aliases, ...st.demonyms, ...st.metonyms, ...st.capitals].flatMap((form) => [`${form}'s `, `${form} `]);
    STATE_PREFIXES.set(st, out);
  }
  return out;
}

function buildEntities(doc: ArticleDoc, res: Resources): void {
  const byKey = new Map<string, number>();
  const ents: DocEntity[] = [];
  doc.mentions.forEach((m, k) => {
    if (m.dropped || !m.key) return;
    let ei = byKey.get(m.key);
    if (ei === undefined) {
      ei = ents.length;
      ents.push(createEntity(m.key, m.type, m.name ?? cleanName(m.text)));
      byKey.set(m.key, ei);
    }
    const e = ents[ei];
    m.entity = ei;
    e.mentions.push(k);
    // The longest full name seen is the display name of an unknown person.
    if (e.type === 'Person' && m.source !== 'gazetteer' && m.name && m.name.length > e.name.length && nameParts(m.name).length >= 2 && m.key === personKey(m.name)) e.name = m.name;
    const honor = m.titles?.filter((t) => t.honorific && doc.text.slice(t.end, m.start).trim() === '');
    const surface = honor && honor.length > 0 ? `${doc.text.slice(honor[honor.length - 1].start, honor[honor.length - 1].end)} ${m.text}` : m.text;
    if (m.role !== 'reference' && m.role !== 'pronoun') e.aliases.add(foldSpaces(surface));
    // "Iran's Foreign Ministry", "US Treasury Department": the name without its state is a name too.
    if (m.type === 'Institution') { const bare = withoutState(res, m); if (bare) e.aliases.add(bare); }
    for (const t of m.titles ?? []) if (!t.honorific && !e.titles.includes(t.title)) e.titles.push(t.title);
    if (m.country && !e.country) e.country = m.country;
    if (m.wikidata && !e.wikidata && m.key === e.id) e.wikidata = m.wikidata;
    if (m.institutionKind && !e.kind) e.kind = m.institutionKind;
    if (m.placeKind && !e.kind) e.kind = m.placeKind;
  });
  for (const e of ents) {
    e.aliases.delete(e.name);
    if (e.type === 'State') e.country = e.id.slice(6);
    if (e.type === 'Person') e.nationality = e.country ?? null;
    if (e.type === 'Institution' && !e.kind) e.kind = 'other';
    const rec = e.type === 'Institution' && !e.wikidata ? res.institutionsByName.get(normaliseName(e.name)) : undefined;
    if (rec?.wikidata && institutionKey(rec.name, rec.country) === e.id) e.wikidata = rec.wikidata;
  }
  doc.entities = ents;
}
