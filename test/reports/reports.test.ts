import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_LABELS, EVENT_TYPES, EVENT_TYPE_NAMES, MODALITIES, NODE_LABELS, RELATION_TYPE_NAMES } from '../../src/model/ontology';
import { loadReports } from '../../src/reports/registry';

/**
 * Static checks of the shipped reports in cypher/: complete headers, parameters that match the query,
 * and the ontology tables (event types, scores, labels, relationship types) copied faithfully.
 */

const reports = loadReports();

/** The Cypher with the contents of its string literals blanked out (one pass, so "'" and '"' nest correctly). */
const withoutStrings = (cypher: string) => cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');

/** `$name` parameters used in a piece of Cypher (strings are stripped first so '$' inside quotes is ignored). */
function paramsUsed(cypher: string): string[] {
  const code = withoutStrings(cypher);
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}

const RELATIONSHIP_TYPES = new Set<string>([
  ...RELATION_TYPE_NAMES,
  ...Object.values(EVENT_TYPES).map((t) => t.aggregate),
  'MENTIONS', 'ACTOR_IN', 'RECIPIENT_OF', 'OCCURRED_IN', 'REPORTED_IN',
]);

describe('the shipped reports', () => {
  it('are at least 15, named after their files, each with a description, columns and described parameters', () => {
    expect(reports.length).toBeGreaterThanOrEqual(15);
    for (const r of reports) {
      expect(path.basename(r.file)).toBe(`${r.name}.cypher`);
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.columns.length).toBeGreaterThan(0);
      expect(new Set(r.columns).size).toBe(r.columns.length);
      for (const p of r.params) expect({ report: r.name, param: p.name, described: p.description.length > 5 }).toMatchObject({ described: true });
    }
  });

  it('cover what analysts asked for', () => {
    expect(reports.map((r) => r.name)).toEqual(expect.arrayContaining([
      'top-actors', 'actor-profile', 'who-did-what', 'event-timeline', 'threat-network', 'cooperation-conflict',
      'co-mentions', 'shortest-paths', 'state-institutions', 'institution-people', 'single-source-claims',
      'new-entities', 'duplicate-candidates', 'entity-articles', 'fact-support',
    ]));
  });

  it('give every parameter a default, so each runs as is', () => {
    for (const r of reports) for (const p of r.params) expect({ report: r.name, param: p.name, default: p.default }).not.toMatchObject({ default: null });
  });

  it('use exactly the parameters their header declares, in the query and in the graph view', () => {
    for (const r of reports) {
      const declared = r.params.map((p) => p.name).sort();
      expect({ report: r.name, used: paramsUsed(r.query) }).toEqual({ report: r.name, used: declared });
      if (r.graph) {
        const inGraph = paramsUsed(r.graph);
        expect({ report: r.name, undeclared: inGraph.filter((p) => !declared.includes(p)) }).toEqual({ report: r.name, undeclared: [] });
      }
    }
  });

  it('copy the event scores of the ontology exactly (cooperation-conflict, event-types)', () => {
    const expected = Object.fromEntries(Object.entries(EVENT_TYPES).map(([k, v]) => [k, v.score]));
    const scored = reports.filter((r) => /AS score\b/.test(r.query) && /\{AGREE:/.test(r.query));
    expect(scored.map((r) => r.name).sort()).toEqual(['cooperation-conflict', 'event-types']);
    for (const r of scored) {
      const literal = /WITH \{([^}]*)\} AS score/.exec(r.query)![1];
      const parsed = Object.fromEntries(literal.split(',').map((kv) => kv.split(':').map((x) => x.trim())).map(([k, v]) => [k, Number(v)]));
      expect({ report: r.name, scores: parsed }).toEqual({ report: r.name, scores: expected });
    }
  });

  it('offer exactly the ontology event types, modalities and labels in their choices', () => {
    for (const r of reports) {
      for (const p of r.params.filter((x) => x.type === 'enum')) {
        if (p.name === 'type') expect(p.choices).toEqual(['any', ...EVENT_TYPE_NAMES]);
        if (p.name === 'modality' && p.choices!.includes('asserted')) expect(p.choices).toEqual(['any', ...MODALITIES]);
        if (p.name === 'label') {
          expect(p.choices![0]).toBe('any');
          for (const l of p.choices!.slice(1)) expect(ENTITY_LABELS as readonly string[]).toContain(l);
        }
      }
    }
  });

  it('only name labels and relationship types that the graph has', () => {
    let checked = 0;
    for (const r of reports) {
      for (const cypher of [r.query, r.graph ?? '']) {
        const code = withoutStrings(cypher);
        for (const m of code.matchAll(/\[\w*:([A-Z_|]+)[\]* {.]/g)) {
          checked++;
          for (const t of m[1].split('|')) expect({ report: r.name, type: t, known: RELATIONSHIP_TYPES.has(t) }).toMatchObject({ known: true });
        }
        for (const m of code.matchAll(/\(\w*:([A-Za-z]+)/g)) {
          checked++;
          expect({ report: r.name, label: m[1], known: (NODE_LABELS as readonly string[]).includes(m[1]) }).toMatchObject({ known: true });
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('never splice values into the query text: no string building of Cypher and no dynamic labels', () => {
    for (const r of reports) {
      expect(r.query).not.toMatch(/\$\{/);
      expect(r.query).not.toMatch(/CALL\s+apoc\.cypher|db\.query/i);
    }
  });

  it('are all listed in the README', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Canned reports'), readme.indexOf('### Neo4j Browser'));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(reports.map((r) => r.name).sort());
  });
});
