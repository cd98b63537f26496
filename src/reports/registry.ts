import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config/paths';
import { UsageError } from '../pipeline/errors';

/**
 * Canned reports: one Cypher file each in cypher/, with a header of `//` comments:
 *
 *   // name: top-actors
 *   // description: Top actors by mentions
 *   // param: label enum(Person|State|Institution|Place|any) = any : restrict to one label
 *   // param: limit int = 20 : how many rows
 *   // columns: id, name, label, mentions
 *   // graph: MATCH (a:Article)-[:MENTIONS]->(e:Entity) …     (optional, one or more lines)
 *
 * Parameter types: string, int, float, bool, date (YYYY-MM-DD), enum(a|b|…). Values are checked with zod
 * and passed only as Cypher parameters, never spliced into the query text.
 *
 * `graph:` lines hold an optional second query over the same parameters that returns nodes, relationships
 * or paths instead of a table: the Neo4j Browser guide offers it to see the report as a graph.
 */

export const PARAM_TYPES = ['string', 'int', 'float', 'bool', 'date'] as const;

export interface ReportParam {
  name: string;
  type: string;
  choices?: string[];
  default: string | null;
  description: string;
}

export interface Report {
  name: string;
  description: string;
  params: ReportParam[];
  columns: string[];
  /** The whole file, header comments included (Cypher ignores them). */
  cypher: string;
  /** The query without the header. */
  query: string;
  /** The graph view (see above), or null. */
  graph: string | null;
  file: string;
}


const PARAM_LINE = /^param:\s*([A-Za-z_][A-Za-z0-9_]*)\s+(string|int|float|bool|date|enum\(([^)]*)\))\s*(?:=\s*(\S+|"[^"]*"))?\s*(?::\s*(.*))?$/;

export function parseReport(text: string, file: string): Report {
  const lines = text.split(/\r?\n/);
  const raw: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    raw.push(line.replace(/^\/\/\s?/, ''));
  }
  const header = raw.map((h) => h.trim());
  const graphLines = raw.filter((h) => h.startsWith('graph:')).map((h) => h.slice('graph:'.length).replace(/^ /, '').trimEnd());
  const field = (key: string) => header.find((h) => h.startsWith(`${key}:`))?.slice(key.length + 1).trim();
  const name = field('name');
  if (!name) throw new UsageError(`${file}: the header has no "// name:" line`);
  const params = header
    .filter((h) => h.startsWith('param:'))
    .map((h) => {
      const m = PARAM_LINE.exec(h);
      if (!m) throw new UsageError(`${file}: bad parameter line "${h}" (expected "param: <name> <type> [= default] [: description]")`);
      const isEnum = m[2].startsWith('enum(');
      const raw = m[4] === undefined ? null : m[4].replace(/^"(.*)"$/, '$1');
      return {
        name: m[1],
        type: isEnum ? 'enum' : m[2],
        choices: isEnum ? m[3].split('|').map((c) => c.trim()) : undefined,
        default: raw,
        description: m[5]?.trim() ?? '',
      };
    });
  for (const p of params) {
    if (p.default !== null && !schemaFor(p).safeParse(p.default).success) {
      throw new UsageError(`${file}: the default of ${p.name} ("${p.default}") is not a valid ${describeType(p)}`);
    }
  }
  const columns = (field('columns') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const query = lines.slice(raw.length).join('\n').trim();
  if (!query) throw new UsageError(`${file}: no query after the header`);
  return {
    name, description: field('description') ?? '', params, columns, cypher: text, query,
    graph: graphLines.length ? graphLines.join('\n') : null, file,
  };
}

export function loadReports(dir = path.join(projectRoot(), 'cypher')): Report[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseReport(readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)));
}

export function findReport(name: string, reports: Report[]): Report {
  const r = reports.find((x) => x.name === name);
  if (!r) throw new UsageError(`unknown report "${name}". Reports: ${reports.map((x) => x.name).join(', ')} (see newsgraph report list)`);
  return r;
}

function schemaFor(p: ReportParam): z.ZodType<unknown> {
  switch (p.type) {
    case 'int':
      return z.string().trim().regex(/^\d+$/, 'expected a whole number').transform(Number);
    case 'float':
      return z.string().trim().regex(/^-?(\d+\.?\d*|\.\d+)$/, 'expected a number').transform(Number);
    case 'bool':
      return z.enum(['true', 'false']).transform((v) => v === 'true');
    case 'date':
      return z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2017-11-01');
    case 'enum':
      return z.enum(p.choices as [string, ...string[]]);
    default:
      return z.string();
  }
}

export const describeType = (p: ReportParam) => (p.type === 'enum' ? `one of ${p.choices!.join('|')}` : p.type);

/** Parses `key=value` pairs against the report's header: unknown, missing or bad values get a friendly error. */
export function bindParams(report: Report, pairs: readonly string[]): Record<string, unknown> {
  const given = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new UsageError(`parameter "${pair}" should look like key=value`);
    given.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  const valid = report.params.map((p) => `${p.name} (${describeType(p)}${p.default !== null ? `, default ${p.default === '' ? '""' : p.default}` : ''})`).join(', ') || 'none';
  for (const key of given.keys()) {
    if (!report.params.some((p) => p.name === key)) throw new UsageError(`report ${report.name} has no parameter "${key}". Parameters: ${valid}`);
  }
  const out: Record<string, unknown> = {};
  for (const p of report.params) {
    const value = given.get(p.name) ?? p.default;
    if (value === null) throw new UsageError(`report ${report.name} needs -p ${p.name}=<${describeType(p)}>. Parameters: ${valid}`);
    const parsed = schemaFor(p).safeParse(value);
    if (!parsed.success) throw new UsageError(`bad value for ${p.name}: "${value}" (expected ${describeType(p)}). Parameters: ${valid}`);
    out[p.name] = parsed.data;
  }
  return out;
}
