import * as chrono from 'chrono-node';
import type { ArticleDoc, DateMention } from '../../model/doc';
import { LEAD_SENTENCES } from '../../model/doc';
import type { DatePrecision } from '../../model/ontology';
import type { Resources } from '../../pipeline/resources';
import { publishedDay } from '../../pipeline/output';
import { classesOf, hasClass, parseDates } from './chrono-parse';

/**
 * Dates: chrono-node finds the expressions; the resolution is ours, against the publication date:
 * "on Tuesday" → the Tuesday on or before publication, "in June" → the last June not after it,
 * "this year" → year precision, "twelve days later" → twelve days after the previous date in the text.
 * Without a publication date, absolute dates still resolve and relative ones raise W_DATE_UNRESOLVED.
 */

// `\b` written as "start or a non-word character" (every cue starts with a word character, so the two
// find the same sentences), which V8 scans faster.
const CUE = /(?:^|[^A-Za-z0-9_])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|year|month|week|day|days|ago|later|earlier|night|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter|\d{4}|\d{1,2}\/\d{1,2})/i;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
};
const SHIFT = /^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\s+(day|week|month|year|fortnight)s?\s+(later|earlier|after|before|afterwards)$/i;
const YEAR_ONLY = /\b(in|since|by|until|till|during|from|before|after|of|throughout|early|late|mid|mid-|end of|start of|beginning of)\s+(1[89]\d\d|20\d\d)\b(?![-/]\d)/gi;
const RELATIVE_WORDS = /\b(ago|later|earlier|last|next|this|yesterday|today|tomorrow|tonight|sunday|monday|tuesday|wednesday|thursday|friday|saturday|week|weekend)\b/i;
/** "a day after he was detained": the clause that follows happened that long before the date in context. */
const ANCHORED_SHIFT = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month|year)s?\s+(after|before)\b(?!\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|the\s+(?:\d|first|second)))/gi;
/**
 * Days told relative to the day in context: "later in the day", "the day before", "the next day",
 * "hours later", "that evening".
 */
const CONTEXT_DAY = /\b(?:(later|earlier)\s+(?:in\s+the|that)\s+day|(?:on\s+)?the\s+same\s+day|the\s+(day\s+before|previous\s+day|next\s+day|following\s+day|day\s+after)(?!\s+(?:the|a|an|his|her|its|their)\b)|(?:(?:a|an|a\s+few|a\s+couple\s+of|few|several|some|two|three|four|five|six)\s+)?(?:hours?|minutes?)\s+(?:later|earlier)|(?:later\s+)?that\s+(?:morning|afternoon|evening|night)(?=\s*[,.;]|\s+when\b))/gi;
/** What CONTEXT_DAY needs one of. */
const CONTEXT_CUE = /day|later|earlier|morning|afternoon|evening|night/i;
/** Seasons: year precision ("in the autumn", "this summer", "last winter"). */
const SEASON = /\b(in|this|next|last|during|by|until|over|since)\s+(?:the\s+)?(spring|summer|autumn|fall|winter)\b/gi;
const SEASON_MONTH: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

const pad = (n: number): string => String(n).padStart(2, '0');

function fmt(y: number, m: number, d: number, p: DatePrecision): string {
  return p === 'year' ? String(y) : p === 'month' ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function addUnit(base: Date, n: number, unit: string): Date {
  const d = new Date(base.getTime());
  if (unit.startsWith('day')) d.setUTCDate(d.getUTCDate() + n);
  else if (unit.startsWith('week')) d.setUTCDate(d.getUTCDate() + 7 * n);
  else if (unit.startsWith('fortnight')) d.setUTCDate(d.getUTCDate() + 14 * n);
  else if (unit.startsWith('month')) d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d;
}

function parseIsoDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? utc(+m[1], +m[2], +m[3]) : null;
}

function anchorOf(dm: DateMention): Date | null {
  if (!dm.value) return null;
  const [y, mo, d] = dm.value.split('-').map(Number);
  return utc(y, mo || 1, d || 1);
}

export function findDates(doc: ArticleDoc, res: Resources): void {
  void res;
  const pubStr = publishedDay(doc.input.publishedAt);
  const pub = pubStr ? parseIsoDay(pubStr) : null;
  const ref = pub ?? utc(2000, 1, 1);
  const out: DateMention[] = [];
  const nameSpans = doc.mentions.filter((m) => !m.dropped && (m.type === 'Person' || m.type === 'Institution'));
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    if (!CUE.test(text)) continue;
    const found: DateMention[] = [];
    const words = classesOf(text);
    // Our own shapes first; chrono's reading of the same words is left out.
    const own: DateMention[] = [];
    ownShapes(text, s.start, s.i, pub, own, words);
    let results: chrono.ParsedResult[] = [];
    try {
      results = parseDates(text, ref, words);
    } catch {
      results = [];
    }
    for (const r of results) {
      const start = s.start + r.index;
      const end = start + r.text.length;
      if (nameSpans.some((m) => m.start < end && start < m.end)) continue; // "Theresa May"
      if (own.some((o) => o.start < end && start < o.end)) continue;
      // "after a week of talks", "two days of fighting": a duration, not a date.
      if (/^\s+of\b/.test(doc.text.slice(end, end + 4)) && /\b(day|week|month|year|fortnight)s?$/i.test(r.text.trim())) continue;
      const dm = resolveResult(r, pub, out.concat(found), s.i, start, end);
      if (dm) found.push(dm);
    }
    found.push(...own);
    // Bare years chrono leaves out: "in 2016", "since 1998".
    YEAR_ONLY.lastIndex = 0;
    for (let m = hasClass(words, 'digit') ? YEAR_ONLY.exec(text) : null; m; m = YEAR_ONLY.exec(text)) {
      const ys = s.start + m.index + m[0].length - 4;
      const ye = ys + 4;
      if (found.some((f) => f.start < ye && ys < f.end)) continue;
      found.push({ start: ys, end: ye, text: m[2], sentence: s.i, value: m[2], precision: 'year', relative: false });
    }
    found.sort((a, b) => a.start - b.start);
    // Dates in context: resolved against the nearest date before them in the text (or after, in the sentence).
    for (let k = 0; k < found.length; k++) {
      const d = found[k];
      if (!d.anchor) continue;
      let prev = [...out, ...found.slice(0, k)].reverse().find((x) => x.value !== null && !x.anchor && x.precision === 'day');
      const next = found.slice(k + 1).find((x) => x.value !== null && !x.anchor && x.precision === 'day');
      // "The launch came a day after …", in a sentence with no day of its own: after the story's day (the
      // lead's first), not after whatever day was named last.
      if (d.anchor.story && prev && prev.sentence !== s.i && !next) prev = out.find((x) => x.sentence <= LEAD_SENTENCES && x.value !== null && !x.anchor && x.precision === 'day') ?? prev;
      const base = (prev && (prev.sentence === s.i || !next) ? prev : next ?? prev)?.value ?? pubStr;
      const b = base ? parseIsoDay(base) : null;
      if (!b) { d.value = null; d.precision = null; } else {
        const v = addUnit(b, d.anchor.shift, d.anchor.unit);
        d.value = fmt(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), d.anchor.unit.startsWith('year') ? 'year' : d.anchor.unit.startsWith('month') ? 'month' : 'day');
        d.precision = d.anchor.unit.startsWith('year') ? 'year' : d.anchor.unit.startsWith('month') ? 'month' : 'day';
      }
      delete d.anchor;
    }
    for (const d of found) d.text = d.text.replace(/[\s,;:.]+$/, '');
    out.push(...found);
  }
  for (const d of out) {
    if (d.value === null) doc.issues.push({ code: 'W_DATE_UNRESOLVED', message: `relative date "${d.text}" cannot be resolved without a publication date`, start: d.start, end: d.end });
  }
  doc.dates = out;
}

/**
 * Seasons, days in context and "a day after …"; pushes into `own` (anchored ones resolved by the caller).
 * `words` (classesOf) spares the regexes that cannot match: SEASON needs a season, ANCHORED_SHIFT "after"
 * or "before" (words of the 'later' and 'ago' classes), CONTEXT_DAY one of CONTEXT_CUE's words.
 */
function ownShapes(text: string, base: number, sentence: number, pub: Date | null, own: DateMention[], words: number): void {
  const push = (m: RegExpExecArray, d: Omit<DateMention, 'start' | 'end' | 'text' | 'sentence'>): void => {
    const start = base + m.index;
    const end = start + m[0].length;
    if (own.some((o) => o.start < end && start < o.end)) return;
    own.push({ start, end, text: m[0], sentence, ...d });
  };
  SEASON.lastIndex = 0;
  for (let m = hasClass(words, 'season') ? SEASON.exec(text) : null; m; m = SEASON.exec(text)) {
    if (!pub) { push(m, { value: null, precision: null, relative: true }); continue; }
    const month = SEASON_MONTH[m[2].toLowerCase()];
    const pm = pub.getUTCMonth() + 1;
    let y = pub.getUTCFullYear();
    const w = m[1].toLowerCase();
    if (w === 'last' && month >= pm) y -= 1;
    else if (w === 'next' && month <= pm) y += 1;
    push(m, { value: String(y), precision: 'year', relative: true });
  }
  CONTEXT_DAY.lastIndex = 0;
  for (let m = CONTEXT_CUE.test(text) ? CONTEXT_DAY.exec(text) : null; m; m = CONTEXT_DAY.exec(text)) {
    const w = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const shift = w === 'day before' || w === 'previous day' ? -1 : w === 'next day' || w === 'following day' || w === 'day after' ? 1 : 0;
    push(m, { value: null, precision: null, relative: true, anchor: { shift, unit: 'day' } });
  }
  ANCHORED_SHIFT.lastIndex = 0;
  const afterBefore = hasClass(words, 'later') || hasClass(words, 'ago');
  for (let m = afterBefore ? ANCHORED_SHIFT.exec(text) : null; m; m = ANCHORED_SHIFT.exec(text)) {
    const n = /^\d+$/.test(m[1]) ? parseInt(m[1], 10) : NUMBER_WORDS[m[1].toLowerCase()];
    // "X on Monday, a day after Y": Y was the day before Monday.
    const sign = m[3].toLowerCase() === 'after' ? -1 : 1;
    push(m, { value: null, precision: null, relative: true, anchor: { shift: sign * n, unit: m[2].toLowerCase(), story: true } });
  }
}

function resolveResult(r: chrono.ParsedResult, pub: Date | null, earlier: DateMention[], sentence: number, start: number, end: number): DateMention | null {
  const raw = r.text.trim();
  const lower = raw.toLowerCase();
  const mk = (value: string | null, precision: DatePrecision | null, relative: boolean): DateMention => ({ start, end, text: raw, sentence, value, precision: value ? precision : null, relative });
  const weekMonth = (from: Date, days: number): DateMention => {
    const d = addUnit(from, days, 'day');
    return mk(fmt(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, 'month'), 'month', true);
  };
  // Month and day names that are everyday words in lower case are not dates: "august", "sun", and "may" or
  // "march" also with more after them ("the army may, if needed, intervene", "may of course").
  if (/^(?:(?:may|march)\b|(?:august|sun|sat|wed)$)/.test(raw)) return null;
  if (/^(now|right now|just now|this week|last week|next week|this weekend|the weekend|weekend|tonight|this morning|this afternoon|this evening)$/.test(lower)) {
    if (lower === 'tonight' || lower.startsWith('this ')) {
      if (lower === 'this weekend') return null;
      // "later this week": a week is told at month precision (the month of its middle).
      if (lower === 'this week') return pub ? weekMonth(pub, 0) : mk(null, null, true);
      return pub ? mk(fmt(pub.getUTCFullYear(), pub.getUTCMonth() + 1, pub.getUTCDate(), 'day'), 'day', true) : mk(null, null, true);
    }
    if (lower === 'last week' || lower === 'next week') return pub ? weekMonth(pub, lower === 'last week' ? -7 : 7) : mk(null, null, true);
    return null;
  }
  const k: Partial<Record<'year' | 'month' | 'day' | 'weekday', number>> = {};
  for (const c of ['year', 'month', 'day', 'weekday'] as const) if (r.start.isCertain(c)) k[c] = r.start.get(c) ?? undefined;
  // "twelve days later": after the previous date in the text.
  const shift = SHIFT.exec(lower);
  if (shift) {
    const n = /^\d+$/.test(shift[1]) ? parseInt(shift[1], 10) : NUMBER_WORDS[shift[1]];
    const sign = /later|after|afterwards/.test(shift[3]) ? 1 : -1;
    // Days and weeks count from the last day named; months and years from any date.
    const fine = /^(day|week|fortnight)/.test(shift[2]);
    const prev = [...earlier].reverse().find((d) => d.value !== null && (!fine || d.precision === 'day')) ?? [...earlier].reverse().find((d) => d.value !== null);
    const anchor = prev ? anchorOf(prev) : null;
    if (!anchor) return mk(null, null, true);
    const p: DatePrecision = shift[2].startsWith('year') ? 'year' : shift[2].startsWith('month') ? (prev?.precision === 'year' ? 'year' : 'month') : (prev?.precision ?? 'day');
    const d = addUnit(anchor, sign * n, shift[2]);
    return mk(fmt(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), p), p, true);
  }
  if (k.year === undefined && k.month === undefined && k.day === undefined && k.weekday === undefined && !/\b(today|yesterday|tomorrow|tonight|ago|year|month|day|days|later|earlier)\b/.test(lower)) return null;
  const hasYear = k.year !== undefined;
  const hasMonth = k.month !== undefined;
  const hasDay = k.day !== undefined;
  const relativeText = RELATIVE_WORDS.test(lower) && !(hasYear && /\b\d{4}\b/.test(lower));
  if (relativeText || !hasYear) {
    if (!pub) return mk(null, null, true);
    // chrono resolved "ago", "last year", "yesterday" against the publication date already.
    const s = r.start;
    const y = s.get('year') ?? pub.getUTCFullYear();
    const mo = s.get('month') ?? 1;
    const d = s.get('day') ?? 1;
    if (k.weekday !== undefined && !hasDay && !hasMonth) {
      // A bare weekday: the last such day on or before publication ("next Friday" looks ahead); a future
      // event takes the next one on or after it.
      const ahead = /\bnext\b/.test(lower);
      const target = k.weekday;
      const base = new Date(pub.getTime());
      let delta = (base.getUTCDay() - target + 7) % 7;
      if (ahead) delta = -(((target - base.getUTCDay() + 7) % 7) || 7);
      else if (/\blast\b/.test(lower) && delta === 0) delta = 7;
      base.setUTCDate(base.getUTCDate() - delta);
      const dm = mk(fmt(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), 'day'), 'day', true);
      if (!ahead && !/\b(last|this)\b/.test(lower)) {
        const fwd = new Date(pub.getTime());
        fwd.setUTCDate(fwd.getUTCDate() + ((target - fwd.getUTCDay() + 7) % 7));
        dm.ahead = { value: fmt(fwd.getUTCFullYear(), fwd.getUTCMonth() + 1, fwd.getUTCDate(), 'day'), precision: 'day' };
      }
      return dm;
    }
    if (/\b(year)\b/.test(lower) && !hasMonth) return mk(fmt(y, 1, 1, 'year'), 'year', true);
    if (/\b(years)\b/.test(lower)) return mk(fmt(y, 1, 1, 'year'), 'year', true);
    if (/\b(month|months)\b/.test(lower) && !/\bdays?\b/.test(lower)) return mk(fmt(y, mo, 1, 'month'), 'month', true);
    if (hasMonth && !hasDay && !/\b(ago|day|days|yesterday|today|tomorrow)\b/.test(lower)) {
      // "in June": the last June not after publication.
      let yy = hasYear ? (k.year as number) : pub.getUTCFullYear();
      if (!hasYear && mo > pub.getUTCMonth() + 1) yy -= 1;
      const dm = mk(fmt(yy, mo, 1, 'month'), 'month', true);
      if (!hasYear && !/\b(last|this)\b/.test(lower)) dm.ahead = { value: fmt(mo < pub.getUTCMonth() + 1 ? pub.getUTCFullYear() + 1 : pub.getUTCFullYear(), mo, 1, 'month'), precision: 'month' };
      return dm;
    }
    if (hasMonth && hasDay && !hasYear && !relativeText) {
      // "October 17": this year's, or last year's when that would be after publication.
      let yy = pub.getUTCFullYear();
      if (utc(yy, mo, d).getTime() > pub.getTime() + 86_400_000) yy -= 1;
      const dm = mk(fmt(yy, mo, d, 'day'), 'day', true);
      const fy = utc(pub.getUTCFullYear(), mo, d).getTime() < pub.getTime() - 86_400_000 ? pub.getUTCFullYear() + 1 : pub.getUTCFullYear();
      dm.ahead = { value: fmt(fy, mo, d, 'day'), precision: 'day' };
      return dm;
    }
    if (hasDay || /\b(yesterday|today|tomorrow|tonight|ago|days?)\b/.test(lower) || s.get('day') !== null) {
      return mk(fmt(y, mo, d, 'day'), 'day', true);
    }
    return null;
  }
  // Absolute: the precision is what the text states.
  const y = k.year as number;
  if (hasMonth && hasDay) return mk(fmt(y, k.month as number, k.day as number, 'day'), 'day', false);
  if (hasMonth) return mk(fmt(y, k.month as number, 1, 'month'), 'month', false);
  return mk(fmt(y, 1, 1, 'year'), 'year', false);
}
