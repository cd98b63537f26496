import { EVENT_TYPE_NAMES } from '../../src/model/ontology';
import { GUIDE_TITLE, guideMarkdown, paramLiteral, paramsCommand } from '../../src/browser/guide';
import { loadReports, parseReport } from '../../src/reports/registry';

/** Splits slides the way Neo4j Browser 5 does (splitMdSlides). */
const slidesOf = (md: string) => md.split(/\r?\n---\r?\n/).map((s) => s.trim());
/** The fenced cypher blocks of a slide: what the Browser makes runnable. */
const cypherBlocks = (md: string) => [...md.matchAll(/```cypher\n([\s\S]*?)\n```/g)].map((m) => m[1]);

describe('the Browser guide', () => {
  const reports = loadReports();
  const md = guideMarkdown(reports, { baseUrl: 'http://localhost:7476' });
  const slides = slidesOf(md);

  it('is a deck of intro slides and one slide per report, in the order of the report list', () => {
    const reportSlides = slides.filter((s) => s.startsWith('## Report: '));
    expect(reportSlides.map((s) => /^## Report: (\S+)/.exec(s)![1])).toEqual(reports.map((r) => r.name));
    expect(slides.length).toBe(reports.length + 5);
  });

  it('carries its title where the Browser looks for it, without showing raw HTML', () => {
    expect(/<title>(.*?)<\/title>/.exec(md)![1]).toBe(GUIDE_TITLE);
    const outsideCode = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    const tags = outsideCode.split('\n').filter((l) => /<\/?[a-z][^>]*>/i.test(l));
    expect(tags).toEqual([`[//]: # "<title>${GUIDE_TITLE}</title>"`]);
  });

  it('offers each report as runnable blocks: its parameters with their defaults, the query, and the graph view', () => {
    for (const r of reports) {
      const slide = slides.find((s) => s.startsWith(`## Report: ${r.name}\n`))!;
      const blocks = cypherBlocks(slide);
      const expected = [...(r.params.length ? [paramsCommand(r)] : []), r.query, ...(r.graph ? [r.graph] : [])];
      expect({ report: r.name, blocks }).toEqual({ report: r.name, blocks: expected });
      for (const p of r.params) expect(slide).toContain(`| \`${p.name}\` |`);
    }
  });

  it('introduces the model: labels, the event types and the schema query', () => {
    expect(slides[0]).toContain('| `Person` | blue');
    expect(slides[1]).toContain('CALL db.schema.visualization()');
    for (const t of EVENT_TYPE_NAMES) expect(slides[2]).toContain(`| ${t} |`);
    expect(slides[slides.length - 1]).toContain(':style http://localhost:7476/newsgraph.grass');
    expect(slides[slides.length - 1]).toContain(':guide http://localhost:7476/guide.md');
  });

  it('writes :params maps the Browser can read, quoting strings safely', () => {
    const r = parseReport(`// name: x
// param: name string = "" : a
// param: limit int = 15 : b
// param: min float = 0.5 : c
// param: flag bool = true : d
// param: label enum(any|Person) = any : e
// columns: a
RETURN 1 AS a`, 'x.cypher');
    expect(paramsCommand(r)).toBe(":params {name: '', limit: 15, min: 0.5, flag: true, label: 'any'}");
    expect(paramLiteral({ name: 'q', type: 'string', default: "it's a \\ test", description: '' })).toBe("'it\\'s a \\\\ test'");
  });

  it('escapes pipes inside table cells so GFM tables keep their columns', () => {
    const table = slides.find((s) => s.startsWith('## Report: event-timeline'))!.split('\n').filter((l) => l.startsWith('| `type`'));
    expect(table).toHaveLength(1);
    expect(table[0].split(/(?<!\\)\|/).length).toBe(6);
  });
});
