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

  it('reads the graph view with its indentation, and keeps the query apart from the header', () => {
    const g = parseReport(`// name: g
// description: d
// param: name string = "" : who
// columns: x
// graph: MATCH (n)
// graph:   WHERE n.name = $name
// graph: RETURN n
MATCH (n) RETURN n.name AS x
`, 'g.cypher');
    expect(g.graph).toBe('MATCH (n)\n  WHERE n.name = $name\nRETURN n');
    expect(g.query).toBe('MATCH (n) RETURN n.name AS x');
    expect(g.params[0].default).toBe('');
    expect(bindParams(g, [])).toEqual({ name: '' });
    expect(r.graph).toBeNull();
  });

  it('parses numbers strictly and rejects defaults that do not fit their type', () => {
    const f = parseReport('// name: f\n// param: min float = 0.8 : x\n// param: n int = 3 : y\n// columns: a\nRETURN 1 AS a', 'f.cypher');
    expect(bindParams(f, [])).toEqual({ min: 0.8, n: 3 });
    expect(bindParams(f, ['min=1', 'n=0'])).toEqual({ min: 1, n: 0 });
    expect(() => bindParams(f, ['n='])).toThrow(/bad value for n/);
    expect(() => bindParams(f, ['n=-2'])).toThrow(/bad value for n/);
    expect(() => bindParams(f, ['n=2.5'])).toThrow(/bad value for n/);
    expect(() => bindParams(f, ['min=lots'])).toThrow(/bad value for min/);
    expect(() => parseReport('// name: b\n// param: n int = many : x\n// columns: a\nRETURN 1 AS a', 'b.cypher')).toThrow(/b\.cypher: the default of n \("many"\) is not a valid int/);
    expect(() => parseReport('// name: e\n// columns: a\n', 'e.cypher')).toThrow(/no query after the header/);
  });
});

