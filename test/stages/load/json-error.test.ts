import { jsonErrorAt } from '../../../src/stages/load/json-error';

describe('where JSON goes wrong', () => {
  it('finds nothing wrong in valid JSON, whatever its shape', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0', JSON.stringify({ a: { b: [{ c: 'd' }] } }, null, 2)]) {
      expect(JSON.parse(ok)).toBeDefined();
      expect(jsonErrorAt(ok)).toBeNull();
    }
  });

  it('gives the line and column of the first error, with what was expected', () => {
    expect(jsonErrorAt('{\n  "a": 1,\n  "b": x\n}')).toEqual({ offset: 19, line: 3, column: 8, message: "unexpected 'x'" });
    expect(jsonErrorAt('{"text": "no end')).toMatchObject({ line: 1, column: 10, message: 'unterminated string' });
    expect(jsonErrorAt('[1, 2,\n]')).toMatchObject({ line: 2, column: 1, message: "unexpected ']'" });
    expect(jsonErrorAt('{"a": 1 "b": 2}')).toMatchObject({ column: 9, message: "expected ',' or '}' but found '\"'" });
    expect(jsonErrorAt("{'a': 1}")).toMatchObject({ column: 2, message: "expected a property name in double quotes but found '''" });
    expect(jsonErrorAt('{"a" 1}')).toMatchObject({ message: "expected ':' after a property name but found '1'" });
    expect(jsonErrorAt('{"a": 1}\n{"b": 2}')).toMatchObject({ line: 2, column: 1, message: 'unexpected data after the JSON value' });
    expect(jsonErrorAt('"a\\qb"')).toMatchObject({ message: 'bad escape in a string' });
    expect(jsonErrorAt('-')).toMatchObject({ message: 'invalid number' });
    expect(jsonErrorAt('')).toMatchObject({ message: 'unexpected the end of the input' });
  });

  it('agrees with JSON.parse on which inputs are invalid', () => {
    const samples = ['{"a":1,}', '[01]', '[1.]', '{"a":"\t"}', 'tru', 'nul', '[1 2]', '{"a":{"b":[}}', '{"a":1}}', '  ', '[-0.5E+3]', '"\\u12"'];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect({ s, valid: jsonErrorAt(s) === null }).toEqual({ s, valid });
    }
  });

  it('copes with nesting far deeper than the call stack', () => {
    expect(jsonErrorAt('['.repeat(1_000_000))).toMatchObject({ line: 1, column: 1_000_001 });
    expect(jsonErrorAt('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });
});
