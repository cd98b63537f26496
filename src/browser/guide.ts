import { ENTITY_LABELS, EVENT_TYPES, RELATION_TYPES } from '../model/ontology';
import type { Report, ReportParam } from '../reports/registry';
import { NODE_STYLES } from './style';

/**
 * The Neo4j Browser guide (`:guide http://localhost:PORT/guide.md`): a Markdown deck whose slides are
 * separated by lines holding only `---`. Neo4j Browser 5 renders each slide with react-markdown (GFM
 * tables included) and turns every ```cypher block into a runnable one: a click puts it in the editor.
 * Raw HTML is shown as text, so the guide has none: the Browser finds the guide's title with a regular
 * expression for `<title>…</title>`, which sits in a Markdown link definition (never rendered).
 *
 * The report slides are generated from cypher/*.cypher, so the guide always offers the reports the
 * command line has, with the same parameters and defaults.
 */

export const GUIDE_TITLE = 'newsgraph: news as a knowledge graph';

/** A Cypher string literal (single quotes, backslash escapes) for a `:params` map. */
function cypherString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The parameter's default as a value in a `:params {…}` map. */
export function paramLiteral(p: ReportParam): string {
  const v = p.default ?? '';
  if (p.type === 'int' || p.type === 'float') return String(Number(v));
  if (p.type === 'bool') return v === 'true' ? 'true' : 'false';
  return cypherString(v);
}

/** `:params {label: 'any', limit: 15}`, the Browser command that sets every parameter of a report to its default. */
export function paramsCommand(r: Report): string {
  return `:params {${r.params.map((p) => `${p.name}: ${paramLiteral(p)}`).join(', ')}}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const block = (cypher: string) => '```cypher\n' + cypher.trim() + '\n```';

function typeText(p: ReportParam): string {
  return p.type === 'enum' ? p.choices!.join(' \\| ') : p.type;
}

function reportSlide(r: Report): string {
  const lines = [`## Report: ${r.name}`, '', r.description + '.', ''];
  if (r.params.length) {
    lines.push('| parameter | type | default | meaning |', '|---|---|---|---|');
    for (const p of r.params) {
      lines.push(`| \`${p.name}\` | ${typeText(p)} | ${p.default === '' ? '""' : cell(p.default ?? '')} | ${cell(p.description)} |`);
    }
    lines.push('', '**1.** Set the parameters (change the values first if you like), and run:', '', block(paramsCommand(r)), '', '**2.** Run the report:');
  } else {
    lines.push('Run the report:');
  }
  lines.push('', block(r.query), '', `Columns: ${r.columns.map((c) => `\`${c}\``).join(', ')}.`);
  if (r.graph) lines.push('', 'The same as a graph:', '', block(r.graph));
  const cli = r.params.length ? ` ${r.params.slice(0, 2).map((p) => `-p ${p.name}=…`).join(' ')}` : '';
  lines.push('', `From a terminal: \`npx newsgraph report ${r.name}${cli} --format csv\``);
  return lines.join('\n');
}

export interface GuideOptions {
  /** Where `newsgraph browser` serves the files, e.g. http://localhost:7476 */
  baseUrl: string;
}

export function guideMarkdown(reports: readonly Report[], options: GuideOptions): string {
  const legend = NODE_STYLES.filter((s) => s.label !== 'Entity')
    .map((s) => `| \`${s.label}\` | ${s.hue} (${s.color}), ${s.diameter}px | \`${s.caption}\` |`);
  const relations = Object.entries(RELATION_TYPES).map(([t, spec]) => `\`${t}\` (${spec.meaning})`).join(', ');
  const events = Object.entries(EVENT_TYPES)
    .map(([t, spec]) => `| ${t} | \`${spec.aggregate}\` | ${spec.score > 0 ? '+' : ''}${spec.score} |`);
  const reportList = reports.map((r) => `| ${r.name} | ${cell(r.description)} |`);

  const slides: string[] = [
    [
      `[//]: # "<title>${GUIDE_TITLE}</title>"`,
      `# ${GUIDE_TITLE}`,
      '',
      'newsgraph reads news articles and writes what they say into this database: **people, states, institutions,',
      'places and events**, joined by typed relationships. Every fact keeps the sentence it came from.',
      '',
      'This guide walks through the model and offers the canned reports as queries. **Click a grey code block**',
      'to put it in the editor above, then run it with the ▶ button or Ctrl+Enter.',
      '',
      'Nodes are styled by label:',
      '',
      '| label | colour, size | caption |',
      '|---|---|---|',
      ...legend,
      '',
      'A first look: who acts against or with whom.',
      '',
      block('MATCH p = (:Entity)-[:ACTOR_IN]->(:Event)<-[:RECIPIENT_OF]-(:Entity)\nRETURN p LIMIT 50'),
    ].join('\n'),
    [
      '## The graph model',
      '',
      `Every ${ENTITY_LABELS.join(', ')} node also has the label \`Entity\`, a unique \`id\` (its deterministic key,`,
      'e.g. `state:PRK`, `person:joseph yun`), a `name` and its `aliases`.',
      '',
      '- `(:Article)-[:MENTIONS {count, first, aliases}]->(:Entity)`: which articles name which entities, and how.',
      `- Static relations between entities: ${relations}. Each keeps \`articleIds\`, \`quotes\`, \`count\`, \`firstSeen\` and \`lastSeen\`.`,
      '- `(:Entity)-[:ACTOR_IN]->(:Event)`, `(:Entity)-[:RECIPIENT_OF]->(:Event)`, `(:Event)-[:OCCURRED_IN]->(:Entity)` and',
      '  `(:Event)-[:REPORTED_IN {quote, start, end}]->(:Article)`.',
      '- Two articles that report the same dated event meet on one `Event` node.',
      '',
      'The whole schema at a glance:',
      '',
      block('CALL db.schema.visualization()'),
      '',
      'The sentences behind everything said about one entity:',
      '',
      block("MATCH (e:Entity {name: 'North Korea'})-[:ACTOR_IN|RECIPIENT_OF]->(ev:Event)-[r:REPORTED_IN]->(a:Article)\nRETURN ev.type, ev.date, r.quote, a.title\nORDER BY ev.date"),
    ].join('\n'),
    [
      '## Events, and who does what to whom',
      '',
      'Events follow PLOVER-style types. For each actor → recipient pair and type there is also one aggregated',
      'relationship with `count` (distinct events), `firstDate`, `lastDate` and `articleIds`; it is green for',
      'cooperation and red for conflict. The score weighs each type in the cooperation-conflict report.',
      '',
      '| event type | aggregate relationship | score |',
      '|---|---|---|',
      ...events,
      '',
      block('MATCH p = (:Entity)-[r]->(:Entity)\nWHERE r.articleIds IS NOT NULL AND r.quotes IS NULL\nRETURN p LIMIT 100'),
    ].join('\n'),
    [
      '## The reports',
      '',
      `The next ${reports.length} slides hold the canned reports of \`cypher/\`, the same ones that`,
      '`npx newsgraph report <name>` runs. Each takes parameters: first set them with the `:params` block',
      '(every parameter has a default, so you can run it as it is), then run the report. Most reports also',
      'have a graph view of the same question.',
      '',
      '| report | what it answers |',
      '|---|---|',
      ...reportList,
      '',
      'Parameters stay set until you change them; see them with:',
      '',
      block(':params'),
    ].join('\n'),
    ...reports.map(reportSlide),
    [
      '## Styling and more',
      '',
      'The colours come from the newsgraph style sheet. If you changed them in the Browser, load it again:',
      '',
      block(`:style ${options.baseUrl}/newsgraph.grass`),
      '',
      'Open this guide again at any time:',
      '',
      block(`:guide ${options.baseUrl}/guide.md`),
      '',
      'Both are served by `npx newsgraph browser`; the local Neo4j of `npm run neo4j:start` and the',
      '`docker compose` one load them when you connect (`browser.post_connect_cmd`).',
    ].join('\n'),
  ];
  return slides.join('\n\n---\n\n') + '\n';
}
