import { bindParams, findReport, loadReports, parseReport } from '../../src/reports/registry';
import { UsageError } from '../../src/pipeline/errors';

const REPORT = `// name: demo
// description: A demo
// param: label enum(any|Person|State) = any : which label
// param: limit int = 10 : rows
// param: name string : a name
// param: from date = 1900-01-01 : from
// columns: name, count
MATCH (n) RETURN n.name AS name LIMIT $limit
`;

describe('report registry', () => {
  const r = parseReport(REPORT, 'demo.cypher');

  it('reads the header', () => {
    expect(r.name).toBe('demo');
    expect(r.columns).toEqual(['name', 'count']);
    expect(r.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['label', 'enum', 'any'], ['limit', 'int', '10'], ['name', 'string', null], ['from', 'date', '1900-01-01'],
    ]);
  });

  it('binds and types parameters, with defaults', () => {
    expect(bindParams(r, ['name=Kim', 'limit=3'])).toEqual({ label: 'any', limit: 3, name: 'Kim', from: '1900-01-01' });
  });

  it('passes hostile values through untouched as data', () => {
    const evil = "x'}) DETACH DELETE n //";
    expect(bindParams(r, [`name=${evil}`]).name).toBe(evil);
  });

  it('explains unknown, missing and bad parameters', () => {
    expect(() => bindParams(r, [])).toThrow(/needs -p name=/);
    expect(() => bindParams(r, ['name=a', 'colour=red'])).toThrow(/no parameter "colour".*label/);
    expect(() => bindParams(r, ['name=a', 'limit=ten'])).toThrow(/bad value for limit/);
    expect(() => bindParams(r, ['name=a', 'label=Planet'])).toThrow(UsageError);
    expect(() => bindParams(r, ['name=a', 'from=yesterday'])).toThrow(/expected date/);
  });

  it('loads every shipped report and each has a description and columns', () => {
    const reports = loadReports();
    expect(reports.length).toBeGreaterThanOrEqual(4);
    for (const rep of reports) {
      expect(rep.description).not.toBe('');
      expect(rep.columns.length).toBeGreaterThan(0);
    }
    expect(() => findReport('nope', reports)).toThrow(/unknown report "nope".*top-actors/);
  });
});
