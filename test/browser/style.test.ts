import { EVENT_TYPES, NODE_LABELS, RELATION_TYPE_NAMES } from '../../src/model/ontology';
import { grass, NODE_STYLES, RELATIONSHIP_COLORS, relationshipStyles, styleFor } from '../../src/browser/style';

/**
 * Reads GraSS the way Neo4j Browser 5 does (GraphStyle.parse in neo4j-browser): selector text outside
 * braces with whitespace dropped, properties split on ';' and ':', quotes toggling a string.
 */
function parseLikeTheBrowser(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, string> = {};
  let insideString = false;
  let keyword = '';
  let props = '';
  let insideProps = false;
  for (const c of text) {
    if (c === '{' && !insideString) insideProps = true;
    else if (c === '}' && !insideString) {
      insideProps = false;
      rules[keyword] = props;
      keyword = '';
      props = '';
    } else if (c === "'") insideString = !insideString;
    else if (insideProps) props += c;
    else if (!/\s/.test(c)) keyword += c;
  }
  const out: Record<string, Record<string, string>> = {};
  for (const [k, v] of Object.entries(rules)) {
    out[k] = {};
    for (const prop of v.split(';')) {
      const [key, val] = prop.split(':');
      if (key && val) out[k][key.trim()] = val.trim();
    }
  }
  return out;
}

/** Neo4j Browser's automatic label colours: ours must differ, so a styled node is recognisably ours. */
const BROWSER_DEFAULT_COLORS = ['#604A0E', '#C990C0', '#F79767', '#57C7E3', '#F16667', '#D9C8AE', '#8DCC93', '#ECB5C9', '#4C8EDA', '#FFC454', '#DA7194', '#569480', '#A5ABB6'];

describe('the GraSS stylesheet', () => {
  const sheet = parseLikeTheBrowser(grass());
  const selectors = Object.keys(sheet);

  it('gives Person, State, Institution, Place, Event and Article a colour, size and caption', () => {
    for (const label of ['Person', 'State', 'Institution', 'Place', 'Event', 'Article']) {
      const style = styleFor(label)!;
      expect(sheet[`node.${label}`]).toMatchObject({ color: style.color, diameter: `${style.diameter}px`, caption: style.caption });
    }
    expect(sheet['node.Person'].caption).toBe('{name}');
    expect(sheet['node.Event'].caption).toBe('{type}');
    expect(sheet['node.Article'].caption).toBe('{title}');
  });

  it('puts the umbrella label Entity before the specific labels, which the Browser applies later and so wins', () => {
    const at = (s: string) => selectors.indexOf(s);
    expect(at('node')).toBe(0);
    for (const label of ['Person', 'State', 'Institution', 'Place']) expect(at('node.Entity')).toBeLessThan(at(`node.${label}`));
  });

  it('only styles labels that exist, in distinct colours unlike the Browser defaults', () => {
    for (const s of NODE_STYLES) expect(NODE_LABELS as readonly string[]).toContain(s.label);
    const colours = NODE_STYLES.map((s) => s.color.toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) expect(BROWSER_DEFAULT_COLORS).not.toContain(c);
    for (const s of NODE_STYLES) expect(s.color).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('styles every relationship type, aggregates by the sign of their event score', () => {
    for (const t of [...RELATION_TYPE_NAMES, 'MENTIONS', 'ACTOR_IN', 'RECIPIENT_OF', 'OCCURRED_IN', 'REPORTED_IN']) {
      expect(sheet[`relationship.${t}`]).toBeDefined();
    }
    for (const spec of Object.values(EVENT_TYPES)) {
      const expected = spec.score > 0 ? RELATIONSHIP_COLORS.cooperation : spec.score < 0 ? RELATIONSHIP_COLORS.conflict : RELATIONSHIP_COLORS.neutral;
      expect({ type: spec.aggregate, color: sheet[`relationship.${spec.aggregate}`]?.color }).toEqual({ type: spec.aggregate, color: expected });
    }
    expect(sheet['relationship.THREATENS'].color).toBe(RELATIONSHIP_COLORS.conflict);
    expect(sheet['relationship.CONSULTS'].color).toBe(RELATIONSHIP_COLORS.cooperation);
    expect(relationshipStyles().length).toBe(new Set(relationshipStyles().map((r) => r.type)).size);
  });

  it('has nothing the Browser parser would misread: no comments, and every rule parses to properties', () => {
    expect(grass()).not.toMatch(/\/\*|\/\//);
    for (const sel of selectors) {
      expect(sel).toMatch(/^(node|relationship)(\.[A-Z_][A-Za-z_]*)?$/);
      expect(Object.keys(sheet[sel]).length).toBeGreaterThan(1);
    }
  });
});
