import { normaliseDate } from '../../../src/stages/load/dates';

describe('publication dates', () => {
  it('keeps the calendar date as written, whatever the format', () => {
    const cases: [string, string | null][] = [
      ['2024-03-05', '2024-03-05'],
      ['2024-03-05T23:30:00-05:00', '2024-03-05'],
      ['2024-03-05 23:30', '2024-03-05'],
      ['20240305', '2024-03-05'],
      ['Tue, 05 Mar 2024 23:30:00 -0500', '2024-03-05'],
      ['5 March 2024', '2024-03-05'],
      ['Thu, 7 Mar 24 10:00:00 GMT', '2024-03-07'],
      ['March 5, 2024', '2024-03-05'],
      ['Sept. 30th, 2023', '2023-09-30'],
      ['2024-02-30', null],
      ['31 Apr 2024', null],
      ['yesterday', null],
      ['', null],
    ];
    for (const [input, out] of cases) expect({ input, out: normaliseDate(input) }).toEqual({ input, out });
    expect(normaliseDate(20240305)).toBeNull();
    expect(normaliseDate(null)).toBeNull();
  });
});
