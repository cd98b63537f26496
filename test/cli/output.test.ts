import { csv, formatSeconds, render, table } from '../../src/cli/output';

describe('output', () => {
  const rows = [{ name: 'North Korea', n: 3, tags: ['a', 'b'] }, { name: 'Say "hi", world', n: null }];

  it('aligns tables', () => {
    expect(table(rows, ['name', 'n'])).toBe('name             n\n---------------  -\nNorth Korea      3\nSay "hi", world\n');
  });

  it('quotes CSV fields that need it', () => {
    expect(csv(rows, ['name', 'n', 'tags'])).toBe('name,n,tags\nNorth Korea,3,"[""a"",""b""]"\n"Say ""hi"", world",,\n');
  });

  it('renders JSON that parses back', () => {
    expect(JSON.parse(render('json', rows))).toEqual(rows);
  });

  it('formats durations', () => {
    expect([formatSeconds(5.2), formatSeconds(75), formatSeconds(3700)]).toEqual(['6s', '1m15s', '1h01m']);
  });
});
