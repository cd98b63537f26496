import { createHash } from 'node:crypto';
import * as chrono from 'chrono-node';
import { classesOf, mayDate, parseDates, parsersFor } from '../../src/stages/dates/chrono-parse';

/**
 * parseDates must give chrono.en.parse's results, or none where findDates would drop them all. The
 * word classes that pick the parsers were read off chrono-node 2.10.3's regexes: the first test fails
 * when they change, the others try them on made-up texts full of date words glued in odd ways.
 */

const REF = new Date(Date.UTC(2017, 10, 1, 12));
const CONTEXT = new chrono.ParsingContext('', new Date(0));
const PARSERS = chrono.en.casual.parsers.map((p) => ({ name: p.constructor.name, pattern: p.pattern(CONTEXT) }));

const PATTERN_DIGESTS: Record<string, string> = {
  ENYearMonthDayParser: '042853aa37',
  ISOFormatParser: 'ff4674b169',
  SlashDateFormatParser: 'a56f3f21bc',
  ENTimeUnitWithinFormatParser: '9c8c271b0e',
  ENMonthNameLittleEndianParser: '5af9432ffa',
  ENMonthNameMiddleEndianParser: '61c8009852',
  ENWeekdayParser: '7ec6decf4a',
  ENSlashMonthFormatParser: '10e67d44f3',
  ENTimeExpressionParser: 'd125e6a00b',
  ENTimeUnitAgoFormatParser: '4718d84d0a',
  ENTimeUnitLaterFormatParser: 'e7645c098b',
  ENYearMonthNameParser: 'f4880344e8',
  ENCasualDateParser: 'cde297c196',
  ENCasualTimeParser: '29d5b3b700',
  ENEndOfCurrentMonthParser: '72253e45cb',
  ENMonthNameParser: '5e2aa5ec2b',
  ENRelativeDateFormatParser: '4580db4b6d',
  ENTimeUnitCasualRelativeFormatParser: '14a3aa6bc9',
};

const digest = (re: RegExp): string => createHash('sha1').update(`${re.source}/${re.flags}`).digest('hex').slice(0, 10);

/** Deterministic made-up texts: date words, numbers and odd joins ("5may", "lastnight", "now GMT"). */
function madeUpTexts(n: number): string[] {
  let seed = 12345;
  const rnd = (k: number): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % k;
  };
  const words = (
    'the a an in on of for within at from to until through till this last past next after before ago later earlier out forward ' +
    'henceforth now today tonight tomorrow overmorrow tmr tmrw yesterday night morning afternoon evening midnight midday noon end ' +
    'day days week weeks weekend weekday month months year years quarter quarters hour hours minute min mins sec second seconds ' +
    's m h d w y mo mon mos yr hr hrs qtr few several couple half about around roughly just one two three seven ten twelve ' +
    'first second third fifth eleventh twentieth twenty-first thirtieth 17th 3rd 1st 22nd May may March mar Sept. sept Jan january ' +
    'December dec Dec. Mon Monday tue Thurs. thu Friday sat Sunday sun. government money market decision known Chicago GMT EST ' +
    'wet UTC BST am pm a.m. p.m. o\'clock BC AD said 5 17 2005 1999 12 3 05 000 31 2.25 10:30 5/12 12/2004 2005-06-01 2005.6.1 ' +
    '3.5 + - – / , ( ) . :'
  )
    .split(' ')
    .concat('in 5 days|for an hour|within a few minutes|two weeks|the s|a couple of|an h|5m|3 hrs|half an hour|several years|about 10 mins|1d2h|the second|in a couples|lasts|after this week|+2 days|- 3 d'.split('|'));
  const joins = [' ', ' ', ' ', '', ', ', '-', '/', '  ', '.'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    const k = 2 + rnd(9);
    for (let j = 0; j < k; j++) t += (j ? joins[rnd(joins.length)] : '') + words[rnd(words.length)];
    out.push(t);
  }
  return out;
}

const TEXTS = madeUpTexts(6000);

describe('dates: chrono, only the parsers that can match', () => {
  it('knows chrono-node 2.10.3 regexes (re-read PARSER_NEEDS when this fails)', () => {
    expect(Object.fromEntries(PARSERS.map((p) => [p.name, digest(p.pattern)]))).toEqual(PATTERN_DIGESTS);
  });

  it('runs every parser whose regex matches', () => {
    for (const t of TEXTS) {
      const run = new Set(parsersFor(classesOf(t)));
      for (const p of PARSERS) if (p.pattern.test(t) && !run.has(p.name)) throw new Error(`${p.name} left out on ${JSON.stringify(t)}`);
    }
  });

  it('gives chrono results, or none where chrono finds only times', () => {
    const key = (r: chrono.ParsedResult[]): string =>
      JSON.stringify(r.map((x) => [x.index, x.text, x.start.date().getTime(), x.end?.date().getTime() ?? null, [...x.tags()].sort()]));
    let skipped = 0;
    for (const t of TEXTS) {
      const full = chrono.en.parse(t, { instant: REF, timezone: 0 });
      const ours = parseDates(t, REF);
      if (mayDate(t, classesOf(t))) {
        expect(key(ours)).toBe(key(full));
        continue;
      }
      skipped++;
      expect(ours).toEqual([]);
      for (const r of full) {
        const lower = r.text.trim().toLowerCase();
        const dated = (['year', 'month', 'day', 'weekday'] as const).some((c) => r.start.isCertain(c));
        // What findDates keeps (resolveResult): a certain date, one of its words, a shift, or the four exact texts.
        const why = dated || /\b(today|yesterday|tomorrow|tonight|ago|year|month|days?|later|earlier|weeks?|fortnight)\b/.test(lower) || /^(tonight|this (morning|afternoon|evening))$/.test(lower);
        if (why) throw new Error(`dropped a possible date ${JSON.stringify(r.text)} in ${JSON.stringify(t)}`);
      }
    }
    expect(skipped).toBeGreaterThan(500);
  });
});
