import type { ArticleDoc } from '../../src/model/doc';
import { run } from './helpers';

function dates(doc: ArticleDoc): string[] {
  return doc.dates.map((d) => `${d.text}=${d.value ?? 'null'}/${d.precision ?? 'null'}`);
}

describe('dates', () => {
  // Published on Wednesday 1 November 2017.
  it('resolves weekdays to the last such day on or before publication', () => {
    expect(dates(run('They met on Tuesday.'))).toEqual(['on Tuesday=2017-10-31/day']);
    expect(dates(run('They met on Wednesday.'))).toEqual(['on Wednesday=2017-11-01/day']);
    expect(dates(run('They met on Friday.'))).toEqual(['on Friday=2017-10-27/day']);
  });

  it('resolves a month to the last such month not after publication', () => {
    expect(dates(run('He travelled there in June.'))).toEqual(['June=2017-06/month']);
    expect(dates(run('He travelled there in December.'))).toEqual(['December=2016-12/month']);
  });

  it('resolves "this year" and "last year" at year precision', () => {
    expect(dates(run('It tested bombs this year.'))).toEqual(['this year=2017/year']);
    expect(dates(run('It tested bombs last year.'))).toEqual(['last year=2016/year']);
  });

  it('reads a lower-case "may" or "march" as the word, a capitalised one as the month', () => {
    expect(dates(run('The army may, if needed, intervene.'))).toEqual([]);
    expect(dates(run('The deal may of course fail.'))).toEqual([]);
    expect(dates(run('Talks resumed in May, officials said.'))).toEqual(['May=2017-05/month']);
  });

  it('dates "hours later" and "that evening" by the day in context', () => {
    expect(dates(run('They met on Tuesday. Hours later, Seoul suspended the pact.'))).toEqual(['on Tuesday=2017-10-31/day', 'Hours later=2017-10-31/day']);
    expect(dates(run('A drone fell on Monday. He called off strikes that evening, minutes before they began.'))).toEqual(['on Monday=2017-10-30/day', 'that evening=2017-10-30/day']);
    expect(dates(run('He said that night raids had stopped.'))).toEqual([]);
  });

  it('counts "came a day after …" from the story\'s day, not from the day named last', () => {
    const text = 'North Korea launched a missile on Friday. State media reported it on Saturday. The launch came a day after Choe warned the United States.';
    expect(dates(run(text))).toEqual(['on Friday=2017-10-27/day', 'on Saturday=2017-10-28/day', 'a day after=2017-10-26/day']);
  });

  it('tells a week ("last week", "later this week") at month precision', () => {
    expect(dates(run('They held talks last week.'))).toEqual(['last week=2017-10/month']);
    expect(dates(run('Washington will sanction him later this week.'))).toEqual(['this week=2017-11/month']);
    expect(dates(run('They will meet next week.'))).toEqual(['next week=2017-11/month']);
  });

  it('resolves month-day dates without a year', () => {
    expect(dates(run('He spoke on October 17 in Seoul.'))).toEqual(['October 17=2017-10-17/day']);
    expect(dates(run('He spoke on 17 December in Seoul.'))).toEqual(['on 17 December=2016-12-17/day']);
  });

  it('keeps absolute dates and bare years', () => {
    expect(dates(run('The treaty was signed on 5 March 2004.'))).toEqual(['on 5 March 2004=2004-03-05/day']);
    expect(dates(run('He defected in 2016.'))).toEqual(['2016=2016/year']);
    expect(dates(run('It happened in March 1999.'))).toEqual(['March 1999=1999-03/month']);
  });

  it('counts "twelve days later" from the previous date in the text', () => {
    const d = dates(run('He spoke at the UN on September 19. Twelve days later he wrote again.'));
    expect(d).toEqual(['September 19=2017-09-19/day', 'Twelve days later=2017-10-01/day']);
  });

  it('leaves relative dates unresolved without a publication date, with an issue', () => {
    const doc = run('They met on Tuesday. The treaty was signed on 5 March 2004.', null);
    expect(dates(doc)).toEqual(['on Tuesday=null/null', 'on 5 March 2004=2004-03-05/day']);
    expect(doc.issues.map((i) => i.code)).toEqual(['W_DATE_UNRESOLVED']);
  });

  it('does not read the name May or the verb may as dates', () => {
    expect(dates(run('Prime Minister Theresa May said it may rain.'))).toEqual([]);
  });

  it('resolves yesterday and "two years ago"', () => {
    expect(dates(run('They met yesterday.'))).toEqual(['yesterday=2017-10-31/day']);
    expect(dates(run('They met two years ago.'))).toEqual(['two years ago=2015/year']);
  });
});

describe('dates: seasons, context and look-ahead', () => {
  it('reads seasons at year precision', () => {
    expect(dates(run('He will visit in the autumn.'))).toEqual(['in the autumn=2017/year']);
  });

  it('"a day after" and "later in the day" count from the date in context', () => {
    expect(dates(run('They met on Tuesday, a day after he arrived.'))).toEqual(['on Tuesday=2017-10-31/day', 'a day after=2017-10-30/day']);
    expect(dates(run('They met on Tuesday. He spoke later in the day.'))).toEqual(['on Tuesday=2017-10-31/day', 'later in the day=2017-10-31/day']);
    expect(dates(run('They met on Tuesday. He left the day before.'))).toEqual(['on Tuesday=2017-10-31/day', 'the day before=2017-10-30/day']);
  });

  it('keeps a look-ahead reading for relative dates', () => {
    const d = run('They will meet on Friday and again on December 3.').dates;
    expect(d.map((x) => [x.value, x.ahead?.value])).toEqual([['2017-10-27', '2017-11-03'], ['2016-12-03', '2017-12-03']]);
  });
});

describe('dates: counting days', () => {
  it('"two days later" counts from the last day named, not from a year', () => {
    const d = dates(run('They met on Tuesday over a dispute from 2019. Two days later they met again.'));
    expect(d).toContain('Two days later=2017-11-02/day');
  });
});

describe('dates: durations', () => {
  it('"after a week of talks" is a duration, not a date', () => {
    expect(dates(run('They agreed after a week of talks.'))).toEqual([]);
  });
});
