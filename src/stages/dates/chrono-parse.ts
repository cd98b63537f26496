import * as chrono from 'chrono-node';

/**
 * `chrono.en.parse(text, ref)` as findDates needs it, for less: chrono runs every parser's regex over the
 * text (then its refiners), though most parsers need a word the sentence does not have. One scan of the
 * sentence for those words (classesOf) picks the parsers that can match at all, and chrono runs with only
 * them; a sentence where only chrono's time parsers could match is not parsed at all.
 *
 * Why findDates' output is the same:
 * - A parser whose regex cannot match adds no result (Chrono.parse concatenates each parser's results in
 *   order, sorts them stably by index, then refines them), so leaving it out changes nothing. Each entry of
 *   PARSER_NEEDS names classes of words of which the parser's regex (chrono-node 2.10.3, pinned; the test
 *   checks the regexes) always contains one; `classesOf` over-approximates (substrings, any case). The
 *   three parsers whose regexes need only common words ("in", "for", "this", "after" and a time unit) are
 *   gated by their own regexes, tried as one (UNIT_PHRASE).
 * - A sentence where the regex of no parser but the time ones matches (mayDate) gets no results:
 *   ENTimeExpressionParser ("at 5", "16 to 20") and ENCasualTimeParser ("evening", "midnight") set a time,
 *   never a certain year, month, day or weekday; among themselves the refiners only join them into ranges
 *   or times ("evening at 8") and add time zones, so no result has a date or a word findDates keeps
 *   (resolveResult), and findDates drops them all. The one exception, the exact texts "this morning",
 *   "this afternoon" and "this evening", is looked for (THIS_DAYTIME).
 */

export type ClassName = 'digit' | 'month' | 'ordinal' | 'weekday' | 'casualDate' | 'casualTime' | 'monthWord' | 'ago' | 'later' | 'season' | 'unitPhrase';

/** Word classes, each by substrings that every word of the class (in chrono's dictionaries) contains. */
const CLASS_WORDS: Record<Exclude<ClassName, 'digit' | 'unitPhrase'>, readonly string[]> = {
  // MONTH_DICTIONARY: january, jan, jan., ... sept, sept., ... dec.
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  // ORDINAL_WORD_DICTIONARY: first … twelfth, thirteenth … nineteenth, twentieth, twenty-first …, thirtieth.
  ordinal: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'teenth', 'twentieth', 'thirtieth'],
  // WEEKDAY_DICTIONARY (sunday, sun, sun., ... thurs., thur, thu ...) and weekend / weekday.
  weekday: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'],
  // ENCasualDateParser: now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\s*night
  casualDate: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  // ENCasualTimeParser: morning|afternoon|evening|night|midnight|midday|noon
  casualTime: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  // ENEndOfCurrentMonthParser: (last day|end) of (the)? month
  monthWord: ['month'],
  // ENTimeUnitAgoFormatParser: <units> (ago|before|earlier)
  ago: ['ago', 'before', 'earlier'],
  // ENTimeUnitLaterFormatParser: <units> (later|after|from now|henceforth|forward|out)
  later: ['later', 'after', 'now', 'henceforth', 'forward', 'out'],
  // Not chrono's: the seasons of findDates' SEASON regex.
  season: ['spring', 'summer', 'autumn', 'fall', 'winter'],
};

const WORD_CLASSES = ['month', 'ordinal', 'weekday', 'casualDate', 'casualTime', 'monthWord', 'ago', 'later', 'season'] as const;
const CLASS_NAMES: readonly ClassName[] = ['digit', ...WORD_CLASSES, 'unitPhrase'];
const BIT = Object.fromEntries(CLASS_NAMES.map((c, i) => [c, 1 << i])) as Record<ClassName, number>;

/** What each parser of chrono.en.casual needs (all of one inner list, for one of the outer ones). */
const PARSER_NEEDS: Record<string, readonly (readonly ClassName[])[]> = {
  ENYearMonthDayParser: [['digit']],
  ISOFormatParser: [['digit']],
  SlashDateFormatParser: [['digit']],
  ENSlashMonthFormatParser: [['digit']],
  ENTimeExpressionParser: [['digit']],
  ENYearMonthNameParser: [['digit', 'month']],
  ENMonthNameLittleEndianParser: [['digit', 'month'], ['ordinal', 'month']],
  ENMonthNameMiddleEndianParser: [['digit', 'month'], ['ordinal', 'month']],
  ENMonthNameParser: [['month']],
  ENWeekdayParser: [['weekday']],
  ENCasualDateParser: [['casualDate']],
  ENCasualTimeParser: [['casualTime']],
  ENEndOfCurrentMonthParser: [['monthWord']],
  ENTimeUnitAgoFormatParser: [['ago']],
  ENTimeUnitLaterFormatParser: [['later']],
  // Their regexes need only common words ('in', 'for', 'this', 'after' and a time unit): 'unitPhrase' is
  // whether one of the three matches (UNIT_PHRASE).
  ENTimeUnitWithinFormatParser: [['unitPhrase']],
  ENRelativeDateFormatParser: [['unitPhrase']],
  ENTimeUnitCasualRelativeFormatParser: [['unitPhrase']],
};
/** Parsers whose results alone never become dates (see above). */
const TIME_ONLY = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser']);
const THIS_DAYTIME = /this (?:morning|afternoon|evening)/i;

/** Every word of CLASS_WORDS, longest first, with the classes of it and of the words it starts with. */
const WORDS: ReadonlyMap<string, number> = (() => {
  const all = new Map<string, number>();
  for (const c of WORD_CLASSES) for (const w of CLASS_WORDS[c]) all.set(w, (all.get(w) ?? 0) | BIT[c]);
  const out = new Map<string, number>();
  for (const [w, bits] of all) {
    let b = bits;
    for (const [v, vb] of all) if (v !== w && w.startsWith(v)) b |= vb;
    out.set(w, b);
  }
  return out;
})();
const WORD_SCAN = new RegExp([...WORDS.keys()].sort((a, b) => b.length - a.length).join('|'), 'gi');
const DIGIT = /[0-9]/;

/** Whether the word classes `bits` (from classesOf) include `c`. */
export const hasClass = (bits: number, c: ClassName): boolean => (bits & BIT[c]) !== 0;

interface Gated {
  parser: chrono.Parser;
  name: string;
  /** Class masks, one of which must be all present (none: the parser always runs). */
  needs: readonly number[];
  /** The parser's own regex. */
  pattern: RegExp;
}

const CASUAL = chrono.en.casual;
const GATED: readonly Gated[] = CASUAL.parsers.map((parser) => {
  const name = parser.constructor.name;
  const needs = PARSER_NEEDS[name];
  return {
    parser,
    name,
    needs: needs ? needs.map((cs) => cs.reduce((b, c) => b | BIT[c], 0)) : [0],
    pattern: parser.pattern(new chrono.ParsingContext('', new Date(0))),
  };
});
const canMatch = (g: Gated, bits: number): boolean => g.needs.some((n) => (bits & n) === n);

/**
 * The regexes of the parsers that need a 'unitPhrase' as alternatives of one (none uses back-references):
 * it matches a text exactly when one of them does, in one scan instead of three.
 */
const UNIT_PHRASE = new RegExp(
  GATED.filter((g) => g.needs.includes(BIT.unitPhrase)).map((g) => `(?:${g.pattern.source})`).join('|'),
  'i',
);

/**
 * The word classes present in `text`, and 'unitPhrase'. The scan restarts one character after each hit
 * so that words inside or overlapping others are seen too; at one position only the longest word is
 * reported, and WORDS gives it the classes of the shorter words it starts with.
 */
export function classesOf(text: string): number {
  let bits = DIGIT.test(text) ? BIT.digit : 0;
  WORD_SCAN.lastIndex = 0;
  for (let m = WORD_SCAN.exec(text); m; m = WORD_SCAN.exec(text)) {
    bits |= WORDS.get(m[0].toLowerCase()) as number;
    WORD_SCAN.lastIndex = m.index + 1;
  }
  return UNIT_PHRASE.test(text) ? bits | BIT.unitPhrase : bits;
}

/** One chrono instance per set of classes (at most 2^10: 'season' is not chrono's), with the parsers that can match. */
const BY_CLASSES = new Map<number, chrono.Chrono>();
function chronoFor(bits: number): chrono.Chrono {
  let c = BY_CLASSES.get(bits);
  if (!c) {
    c = new chrono.Chrono({ parsers: GATED.filter((g) => canMatch(g, bits)).map((g) => g.parser), refiners: CASUAL.refiners });
    BY_CLASSES.set(bits, c);
  }
  return c;
}

/**
 * The parsers tried one by one before parsing a text: those that need words, less the time ones; those
 * that most often match in news text first (a text with a date stops at the first that matches).
 */
const TRY_FIRST = ['ENMonthNameParser', 'ENWeekdayParser', 'ENCasualDateParser', 'ENMonthNameLittleEndianParser'];
const rank = (g: Gated): number => (TRY_FIRST.includes(g.name) ? TRY_FIRST.indexOf(g.name) : TRY_FIRST.length);
const WORDY = GATED.filter((g) => !TIME_ONLY.has(g.name) && !g.needs.includes(BIT.unitPhrase)).sort((a, b) => rank(a) - rank(b));

/** Whether the regex of some parser other than the time ones matches `text` (given its classes). */
export function mayDate(text: string, bits: number): boolean {
  if (hasClass(bits, 'unitPhrase')) return true;
  for (const g of WORDY) if (canMatch(g, bits) && g.pattern.test(text)) return true;
  return hasClass(bits, 'casualTime') && THIS_DAYTIME.test(text);
}

/** Names of the parsers chrono runs on a text with these word classes (for tests). */
export function parsersFor(bits: number): string[] {
  return GATED.filter((g) => canMatch(g, bits)).map((g) => g.name);
}

/** chrono.en.parse(text, { instant: ref, timezone: 0 }), less the results `findDates` always drops. */
export function parseDates(text: string, ref: Date, bits: number = classesOf(text)): chrono.ParsedResult[] {
  if (!mayDate(text, bits)) return [];
  return chronoFor(bits & ~BIT.season).parse(text, { instant: ref, timezone: 0 });
}
