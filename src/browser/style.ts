import { EVENT_TYPES, RELATION_TYPE_NAMES } from '../model/ontology';

/**
 * The Neo4j Browser stylesheet (GraSS) for the newsgraph graph, built from tables: one style per node
 * label, and relationship colours that follow the ontology (an event type's aggregate is green when it
 * scores as cooperation, red as conflict, grey when neutral).
 *
 * The Browser applies every rule whose labels a node carries, in the order of the sheet, so the umbrella
 * label `Entity` comes first and the specific labels (Person, State, …) override it.
 */

export interface NodeStyle {
  label: string;
  /** For people: the colour's name in the guide's legend. */
  hue: string;
  color: string;
  border: string;
  text: string;
  diameter: number;
  caption: string;
}

export const NODE_STYLES: readonly NodeStyle[] = [
  { label: 'Entity', hue: 'slate grey', color: '#7A8B99', border: '#5C6B78', text: '#FFFFFF', diameter: 50, caption: '{name}' },
  { label: 'State', hue: 'crimson', color: '#D1495B', border: '#9E2A3A', text: '#FFFFFF', diameter: 80, caption: '{name}' },
  { label: 'Institution', hue: 'teal', color: '#2A9D8F', border: '#1E7066', text: '#FFFFFF', diameter: 65, caption: '{name}' },
  { label: 'Person', hue: 'blue', color: '#4F86C6', border: '#2F5F99', text: '#FFFFFF', diameter: 55, caption: '{name}' },
  { label: 'Place', hue: 'sand', color: '#E9C46A', border: '#B8962E', text: '#2A2C34', diameter: 50, caption: '{name}' },
  { label: 'Event', hue: 'violet', color: '#8E6CC8', border: '#6447A0', text: '#FFFFFF', diameter: 40, caption: '{type}' },
  { label: 'Article', hue: 'light grey', color: '#A3A9B5', border: '#7D8491', text: '#2A2C34', diameter: 35, caption: '{title}' },
];

export const RELATIONSHIP_COLORS = {
  cooperation: '#2A9D8F',
  conflict: '#D1495B',
  neutral: '#7A8B99',
  structure: '#44546A',
  evidence: '#C3C8D0',
} as const;

export interface RelationshipStyle {
  type: string;
  color: string;
  width: number;
}

/** Every relationship type newsgraph writes, with its colour and shaft width. */
export function relationshipStyles(): RelationshipStyle[] {
  const styles: RelationshipStyle[] = [
    ...RELATION_TYPE_NAMES.map((type) => ({ type, color: RELATIONSHIP_COLORS.structure, width: 2 })),
    { type: 'ACTOR_IN', color: RELATIONSHIP_COLORS.neutral, width: 1 },
    { type: 'RECIPIENT_OF', color: RELATIONSHIP_COLORS.neutral, width: 1 },
    { type: 'OCCURRED_IN', color: RELATIONSHIP_COLORS.neutral, width: 1 },
    { type: 'REPORTED_IN', color: RELATIONSHIP_COLORS.evidence, width: 1 },
    { type: 'MENTIONS', color: RELATIONSHIP_COLORS.evidence, width: 1 },
  ];
  for (const spec of Object.values(EVENT_TYPES)) {
    const color = spec.score > 0 ? RELATIONSHIP_COLORS.cooperation : spec.score < 0 ? RELATIONSHIP_COLORS.conflict : RELATIONSHIP_COLORS.neutral;
    styles.push({ type: spec.aggregate, color, width: 3 });
  }
  return styles;
}

export const styleFor = (label: string): NodeStyle | undefined => NODE_STYLES.find((s) => s.label === label);

function rule(selector: string, props: Record<string, string>): string {
  const body = Object.entries(props).map(([k, v]) => `  ${k}: ${v};`).join('\n');
  return `${selector} {\n${body}\n}\n`;
}

/**
 * The GraSS text served as newsgraph.grass (the CSS-like syntax `:style` reads). No comments: the
 * Browser's GraSS parser does not know them and would glue one to the next selector.
 */
export function grass(): string {
  const rules = [
    rule('node', { diameter: '50px', color: '#A5ABB6', 'border-color': '#9AA1AC', 'border-width': '2px', 'text-color-internal': '#FFFFFF', 'font-size': '10px' }),
    rule('relationship', {
      color: '#A5ABB6', 'shaft-width': '1px', 'font-size': '8px', padding: '3px',
      'text-color-external': '#000000', 'text-color-internal': '#FFFFFF', caption: "'<type>'",
    }),
    ...NODE_STYLES.map((s) =>
      rule(`node.${s.label}`, {
        color: s.color, 'border-color': s.border, 'border-width': '2px', 'text-color-internal': s.text,
        diameter: `${s.diameter}px`, 'font-size': s.diameter >= 50 ? '11px' : '9px', caption: `'${s.caption}'`,
      }),
    ),
    ...relationshipStyles().map((r) => rule(`relationship.${r.type}`, { color: r.color, 'shaft-width': `${r.width}px`, caption: "'<type>'" })),
  ];
  return rules.join('\n');
}
