import type { ArticleInput, ExtractedEntity, ExtractionResult } from '../model/extraction';
import { normaliseName, truncateDate } from '../model/keys';
import { ENTITY_LABELS, type DatePrecision, type EntityLabel } from '../model/ontology';
import type { GoldDoc, GoldEvent } from './gold';

/**
 * Scoring of extraction results against gold annotations (issue 3, item 9).
 *
 * - Entities: same type, and the predicted name or an alias equals the gold name or an alias after
 *   `normaliseName`. One-to-one: a second prediction for an already matched gold entity is a false
 *   positive (one entity per referent). The headline "entity F1" is micro-averaged over Person, State and
 *   Institution; `entitiesAll` adds Place.
 * - Relations: same type, and both predicted endpoints map (through the entity matching) to the gold endpoints.
 * - Events: same type and at least one predicted actor maps to a gold actor; one-to-one, greedy by best overlap.
 * - Date accuracy: over matched events whose gold date is set, the predicted date equals it at the gold precision.
 *   Modality (and mode) accuracy: over matched events.
 *
 * Precision with nothing predicted is 1 when nothing was expected and 0 otherwise (recall likewise), so
 * an article with no gold and no prediction scores 1 and sums stay meaningful.
 */

export const HEADLINE_ENTITY_TYPES = ['Person', 'State', 'Institution'] as const satisfies readonly EntityLabel[];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Accuracy {
  correct: number;
  total: number;
  /** null when there was nothing to judge. */
  accuracy: number | null;
}

export type ErrorCategory = 'entity' | 'relation' | 'event' | 'date' | 'modality' | 'mode';

/** One false positive, false negative or attribute mismatch, for debugging the extractor. */
export interface ScoreError {
  category: ErrorCategory;
  kind: 'FP' | 'FN' | 'mismatch';
  /**
   * Stable code. Entities: duplicate, wrong-type, boundary (a name contains the other, e.g. a title left in),
   * spurious, missed. Relations: unmatched-endpoint, reversed, wrong-type, duplicate, endpoint-not-found,
   * missed. Events: duplicate, wrong-type, unmatched-actor, wrong-actors, actor-not-found, missed.
   * Dates: missing-date, too-coarse, wrong-date. Modality: `<gold>-as-<predicted>`. Mode: wrong-mode.
   */
  reason: string;
  /** Entity, relation or event type. */
  type: string;
  /** Human-readable description, e.g. `Person "Mr Moon"` or `HOLDS_POSITION Moon Jae-in → South Korea`. */
  text: string;
}

export interface ArticleCounts {
  id: string;
  file: string;
  entities: Record<EntityLabel, Counts>;
  relations: Record<string, Counts>;
  events: Record<string, Counts>;
  date: Omit<Accuracy, 'accuracy'>;
  modality: Omit<Accuracy, 'accuracy'>;
  mode: Omit<Accuracy, 'accuracy'>;
  errors: ScoreError[];
}

export interface ScoreSummary {
  /** Micro-averaged over Person, State and Institution: the headline entity F1. */
  entities: Prf;
  /** Micro-averaged over all four entity types (Place included). */
  entitiesAll: Prf;
  byType: Record<EntityLabel, Prf>;
  relations: Prf;
  relationsByType: Record<string, Prf>;
  events: Prf;
  eventsByType: Record<string, Prf>;
  date: Accuracy;
  modality: Accuracy;
  mode: Accuracy;
}

export interface ArticleScore extends ScoreSummary {
  id: string;
  file: string;
  /** Present with `verbose`. */
  errors?: ScoreError[];
}

export interface EvalReport extends ScoreSummary {
  articles: number;
  /** How often each error class occurs, keyed `category kind reason` (e.g. `entity FP duplicate`), most frequent first. */
  errorClasses: Record<string, number>;
  perArticle: ArticleScore[];
}

// ---------------------------------------------------------------------------------------------------------
// arithmetic

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : c.fn === 0 ? 1 : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : c.fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

function accuracy(a: { correct: number; total: number }): Accuracy {
  return { correct: a.correct, total: a.total, accuracy: a.total > 0 ? a.correct / a.total : null };
}

function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce(addCounts, emptyCounts());
}

function mergeRecords(records: readonly Record<string, Counts>[]): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = addCounts(out[k] ?? emptyCounts(), v);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const mapValues = <T, U>(r: Record<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]));

// ---------------------------------------------------------------------------------------------------------
// dates

const PRECISION_LENGTH: Record<DatePrecision, number> = { year: 4, month: 7, day: 10 };

function inferPrecision(date: string): DatePrecision {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

/**
 * Does a predicted date equal the gold date at the gold precision? The prediction is first cut to its own
 * precision, so "2018-04" (month) does not match a gold day, while "2018-04-27" (day) matches a gold month "2018-04".
 */
export function dateMatches(
  gold: string,
  goldPrecision: DatePrecision | null,
  predicted: string | null,
  predictedPrecision: DatePrecision | null,
): boolean {
  if (!predicted) return false;
  const gp = goldPrecision ?? inferPrecision(gold);
  const p = truncateDate(predicted, predictedPrecision ?? inferPrecision(predicted));
  return p.length >= PRECISION_LENGTH[gp] && truncateDate(p, gp) === truncateDate(gold, gp);
}

// ---------------------------------------------------------------------------------------------------------
// matching

interface Pair {
  p: number;
  g: number;
  /** Compared lexicographically, larger first. */
  score: number[];
}

/** Greedy one-to-one assignment, best score first, then by order (deterministic). */
function assign(pairs: Pair[], nPred: number, nGold: number): { predToGold: number[]; goldToPred: number[] } {
  pairs.sort((a, b) => {
    for (let i = 0; i < Math.max(a.score.length, b.score.length); i++) {
      const d = (b.score[i] ?? 0) - (a.score[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.p - b.p || a.g - b.g;
  });
  const predToGold = new Array<number>(nPred).fill(-1);
  const goldToPred = new Array<number>(nGold).fill(-1);
  for (const { p, g } of pairs) {
    if (predToGold[p] === -1 && goldToPred[g] === -1) {
      predToGold[p] = g;
      goldToPred[g] = p;
    }
  }
  return { predToGold, goldToPred };
}

function entityKeys(e: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([e.name, ...e.aliases].map(normaliseName).filter((k) => k.length > 0))];
}

const intersects = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

/** One name contains the other as whole words ("us president donald trump" / "donald trump"): a boundary error. */
const overlapsWords = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.some((y) => ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)));

/** Entity matching; exported for the tests and for other scorers (predicted entity index → gold entity index or -1). */
export function matchEntities(gold: GoldDoc['entities'], pred: readonly ExtractedEntity[]): { predToGold: number[]; goldToPred: number[] } {
  const pairs: Pair[] = [];
  pred.forEach((pe, p) => {
    const pKeys = entityKeys(pe);
    const pName = normaliseName(pe.name);
    gold.forEach((ge, g) => {
      if (ge.type !== pe.type || !intersects(pKeys, ge.keys)) return;
      const gName = normaliseName(ge.name);
      const strength = pName === gName ? 3 : ge.keys.includes(pName) || pKeys.includes(gName) ? 2 : 1;
      pairs.push({ p, g, score: [strength, pe.mentions.length] });
    });
  });
  return assign(pairs, pred.length, gold.length);
}

// ---------------------------------------------------------------------------------------------------------
// one article

const quote = (s: string): string => JSON.stringify(s);

function bump(r: Record<string, Counts>, key: string, field: keyof Counts): void {
  (r[key] ??= emptyCounts())[field]++;
}

/** Score one article's extraction against its gold annotation. */
export function scoreArticle(gold: GoldDoc, pred: ExtractionResult): ArticleCounts {
  const errors: ScoreError[] = [];
  const ge = gold.entities;
  const pe = pred.entities;

  // ---- entities
  const em = matchEntities(ge, pe);
  const entities = Object.fromEntries(ENTITY_LABELS.map((t) => [t, emptyCounts()])) as Record<EntityLabel, Counts>;
  const pKeys = pe.map(entityKeys);
  pe.forEach((e, p) => {
    if (em.predToGold[p] >= 0) {
      entities[e.type].tp++;
      return;
    }
    entities[e.type].fp++;
    const same = ge.findIndex((g) => g.type === e.type && intersects(pKeys[p], g.keys));
    const other = ge.findIndex((g) => g.type !== e.type && intersects(pKeys[p], g.keys));
    const near = same < 0 && other < 0 ? ge.findIndex((g) => overlapsWords(pKeys[p], g.keys)) : -1;
    const reason = same >= 0 ? 'duplicate' : other >= 0 ? 'wrong-type' : near >= 0 ? 'boundary' : 'spurious';
    const detail =
      same >= 0
        ? ` (second entity for gold "${ge[same].name}")`
        : other >= 0
          ? ` (gold: ${ge[other].type} "${ge[other].name}")`
          : near >= 0
            ? ` (overlaps gold ${ge[near].type} "${ge[near].name}")`
            : '';
    const aliases = e.aliases.length ? ` aka ${e.aliases.map(quote).join(', ')}` : '';
    errors.push({ category: 'entity', kind: 'FP', reason, type: e.type, text: `${e.type} ${quote(e.name)}${aliases}${detail}` });
  });
  ge.forEach((g, i) => {
    if (em.goldToPred[i] >= 0) return;
    entities[g.type].fn++;
    const other = pe.findIndex((e, p) => e.type !== g.type && intersects(pKeys[p], g.keys));
    const near = other < 0 ? pe.findIndex((e, p) => em.predToGold[p] < 0 && overlapsWords(pKeys[p], g.keys)) : -1;
    const reason = other >= 0 ? 'wrong-type' : near >= 0 ? 'boundary' : 'missed';
    const detail =
      other >= 0 ? ` (predicted as ${pe[other].type})` : near >= 0 ? ` (predicted ${pe[near].type} "${pe[near].name}")` : '';
    errors.push({ category: 'entity', kind: 'FN', reason, type: g.type, text: `${g.type} ${quote(g.name)}${detail}` });
  });

  // Predicted entity id → gold entity index (-1 when the entity did not match or the id is unknown).
  const idToGold = new Map<string, number>();
  const idToName = new Map<string, string>();
  pe.forEach((e, p) => {
    if (!idToName.has(e.id)) idToName.set(e.id, e.name);
    if (em.predToGold[p] >= 0 && !idToGold.has(e.id)) idToGold.set(e.id, em.predToGold[p]);
  });
  const toGold = (id: string): number => idToGold.get(id) ?? -1;
  const predName = (id: string): string => idToName.get(id) ?? id;
  const goldName = (i: number): string => (i >= 0 ? ge[i].name : '?');

  // ---- relations
  const gr = gold.relations;
  const pr = pred.relations;
  const relations: Record<string, Counts> = {};
  const titleOf = (props: Record<string, unknown>): string | null =>
    typeof props.title === 'string' ? normaliseName(props.title) : null;
  const relPairs: Pair[] = [];
  pr.forEach((r, p) => {
    const s = toGold(r.source);
    const t = toGold(r.target);
    if (s < 0 || t < 0) return;
    const title = titleOf(r.properties);
    gr.forEach((g, i) => {
      if (g.type === r.type && g.source === s && g.target === t) {
        relPairs.push({ p, g: i, score: [g.title !== null && title === normaliseName(g.title) ? 1 : 0] });
      }
    });
  });
  const rm = assign(relPairs, pr.length, gr.length);
  pr.forEach((r, p) => {
    if (rm.predToGold[p] >= 0) {
      bump(relations, r.type, 'tp');
      return;
    }
    bump(relations, r.type, 'fp');
    const s = toGold(r.source);
    const t = toGold(r.target);
    let reason = 'spurious';
    if (s < 0 || t < 0) reason = 'unmatched-endpoint';
    else if (relPairs.some((x) => x.p === p)) reason = 'duplicate';
    else if (gr.some((g) => g.type === r.type && g.source === t && g.target === s)) reason = 'reversed';
    else if (gr.some((g) => g.source === s && g.target === t)) reason = 'wrong-type';
    const title = typeof r.properties.title === 'string' ? ` (${r.properties.title})` : '';
    errors.push({
      category: 'relation',
      kind: 'FP',
      reason,
      type: r.type,
      text: `${r.type} ${predName(r.source)} → ${predName(r.target)}${title}`,
    });
  });
  gr.forEach((g, i) => {
    if (rm.goldToPred[i] >= 0) return;
    bump(relations, g.type, 'fn');
    let reason = 'missed';
    if (em.goldToPred[g.source] < 0 || em.goldToPred[g.target] < 0) reason = 'endpoint-not-found';
    else if (pr.some((r) => toGold(r.source) === g.source && toGold(r.target) === g.target)) reason = 'wrong-type';
    const title = g.title ? ` (${g.title})` : '';
    errors.push({ category: 'relation', kind: 'FN', reason, type: g.type, text: `${g.type} ${goldName(g.source)} → ${goldName(g.target)}${title}` });
  });

  // ---- events
  const gv = gold.events;
  const pv = pred.events;
  const events: Record<string, Counts> = {};
  const predActors = pv.map((e) => new Set(e.actors.map(toGold).filter((i) => i >= 0)));
  const predRecipients = pv.map((e) => new Set(e.recipients.map(toGold).filter((i) => i >= 0)));
  const overlap = (s: Set<number>, list: readonly number[]): number => list.filter((i) => s.has(i)).length;
  const evPairs: Pair[] = [];
  pv.forEach((e, p) => {
    gv.forEach((g, i) => {
      if (g.type !== e.type) return;
      const actors = overlap(predActors[p], g.actors);
      if (actors === 0) return;
      const recipients = overlap(predRecipients[p], g.recipients);
      const date = g.date !== null && dateMatches(g.date, g.datePrecision, e.date, e.datePrecision) ? 1 : 0;
      const mode = g.mode !== null && g.mode === e.mode ? 1 : 0;
      evPairs.push({ p, g: i, score: [actors, recipients, date, mode] });
    });
  });
  const vm = assign(evPairs, pv.length, gv.length);
  const describePred = (i: number): string => {
    const e = pv[i];
    const rec = e.recipients.length ? ` → ${e.recipients.map(predName).join(', ')}` : '';
    const trig = e.trigger ? ` "${e.trigger}"` : '';
    return `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.actors.map(predName).join(', ') || '(no actor)'}${rec}${e.date ? ` @${e.date}` : ''}${trig}`;
  };
  const describeGold = (g: GoldEvent): string => {
    const rec = g.recipients.length ? ` → ${g.recipients.map(goldName).join(', ')}` : '';
    const trig = g.trigger ? ` "${g.trigger}"` : '';
    return `${g.type}${g.mode ? `/${g.mode}` : ''} ${g.actors.map(goldName).join(', ')}${rec}${g.date ? ` @${g.date}` : ''}${trig}`;
  };
  pv.forEach((e, p) => {
    if (vm.predToGold[p] >= 0) {
      bump(events, e.type, 'tp');
      return;
    }
    bump(events, e.type, 'fp');
    let reason = 'spurious';
    let detail = '';
    // Prefer naming a gold event that is still unmatched: that is the one the prediction probably meant.
    const otherType = [...gv.keys()]
      .filter((i) => gv[i].type !== e.type && overlap(predActors[p], gv[i].actors) > 0)
      .sort((a, b) => Number(vm.goldToPred[a] >= 0) - Number(vm.goldToPred[b] >= 0))[0];
    if (evPairs.some((x) => x.p === p)) reason = 'duplicate';
    else if (otherType !== undefined) {
      reason = 'wrong-type';
      detail = ` (gold: ${describeGold(gv[otherType])})`;
    } else if (predActors[p].size === 0) reason = 'unmatched-actor';
    else if (gv.some((g) => g.type === e.type)) reason = 'wrong-actors';
    errors.push({ category: 'event', kind: 'FP', reason, type: e.type, text: describePred(p) + detail });
  });
  gv.forEach((g, i) => {
    if (vm.goldToPred[i] >= 0) return;
    bump(events, g.type, 'fn');
    let reason = 'missed';
    if (g.actors.every((a) => em.goldToPred[a] < 0)) reason = 'actor-not-found';
    else if (pv.some((e, p) => e.type !== g.type && overlap(predActors[p], g.actors) > 0)) reason = 'wrong-type';
    else if (pv.some((e) => e.type === g.type)) reason = 'wrong-actors';
    errors.push({ category: 'event', kind: 'FN', reason, type: g.type, text: describeGold(g) });
  });

  // ---- attributes of matched events
  const date = { correct: 0, total: 0 };
  const modality = { correct: 0, total: 0 };
  const mode = { correct: 0, total: 0 };
  /** Counts one attribute of a matched event; a mismatch is an error of its category. */
  const check = (acc: { correct: number; total: number }, category: 'date' | 'modality' | 'mode', ok: boolean, g: GoldEvent, mismatch: () => { reason: string; text: string }): void => {
    acc.total++;
    if (ok) acc.correct++;
    else errors.push({ category, kind: 'mismatch', type: g.type, ...mismatch() });
  };
  vm.goldToPred.forEach((p, i) => {
    if (p < 0) return;
    const g = gv[i];
    const e = pv[p];
    const gd = g.date;
    if (gd !== null) {
      check(date, 'date', dateMatches(gd, g.datePrecision, e.date, e.datePrecision), g, () => ({
        reason: !e.date ? 'missing-date' : truncateDate(e.date, e.datePrecision ?? inferPrecision(e.date)).length < PRECISION_LENGTH[g.datePrecision ?? inferPrecision(gd)] ? 'too-coarse' : 'wrong-date',
        text: `${describeGold(g)}: gold ${gd} (${g.datePrecision}), predicted ${e.date ?? 'null'} (${e.datePrecision ?? 'null'})`,
      }));
    }
    check(modality, 'modality', e.modality === g.modality, g, () => ({
      reason: `${g.modality}-as-${e.modality}`,
      text: `${describeGold(g)}: gold ${g.modality}, predicted ${e.modality}`,
    }));
    if (g.mode !== null) {
      check(mode, 'mode', e.mode === g.mode, g, () => ({
        reason: 'wrong-mode',
        text: `${describeGold(g)}: gold mode ${g.mode}, predicted ${e.mode ?? 'null'}`,
      }));
    }
  });

  return { id: gold.article.id, file: gold.file, entities, relations, events, date, modality, mode, errors };
}

// ---------------------------------------------------------------------------------------------------------
// aggregation

function summarise(list: readonly ArticleCounts[]): ScoreSummary {
  const byTypeCounts = Object.fromEntries(
    ENTITY_LABELS.map((t) => [t, sumCounts(list.map((a) => a.entities[t]))]),
  ) as Record<EntityLabel, Counts>;
  const relationsByType = mergeRecords(list.map((a) => a.relations));
  const eventsByType = mergeRecords(list.map((a) => a.events));
  const add = (k: 'date' | 'modality' | 'mode') =>
    accuracy(list.reduce((s, a) => ({ correct: s.correct + a[k].correct, total: s.total + a[k].total }), { correct: 0, total: 0 }));
  return {
    entities: prf(sumCounts(HEADLINE_ENTITY_TYPES.map((t) => byTypeCounts[t]))),
    entitiesAll: prf(sumCounts(ENTITY_LABELS.map((t) => byTypeCounts[t]))),
    byType: mapValues(byTypeCounts, prf) as Record<EntityLabel, Prf>,
    relations: prf(sumCounts(Object.values(relationsByType))),
    relationsByType: mapValues(relationsByType, prf),
    events: prf(sumCounts(Object.values(eventsByType))),
    eventsByType: mapValues(eventsByType, prf),
    date: add('date'),
    modality: add('modality'),
    mode: add('mode'),
  };
}

/** Micro-averaged report over articles (counts are summed, then P/R/F computed), with per-article figures. */
export function aggregate(list: readonly ArticleCounts[], options: { verbose?: boolean } = {}): EvalReport {
  const classes = new Map<string, number>();
  for (const a of list) {
    for (const e of a.errors) {
      const k = `${e.category} ${e.kind} ${e.reason}`;
      classes.set(k, (classes.get(k) ?? 0) + 1);
    }
  }
  const errorClasses = Object.fromEntries(
    [...classes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  );
  return {
    articles: list.length,
    ...summarise(list),
    errorClasses,
    perArticle: list.map((a) => ({
      id: a.id,
      file: a.file,
      ...summarise([a]),
      ...(options.verbose ? { errors: a.errors } : {}),
    })),
  };
}

/** What the scorer needs from an extractor (src/pipeline/extract.ts `Extractor` fits). */
export interface ExtractorLike {
  extract(input: ArticleInput): ExtractionResult;
}

/** The gold article as extractor input: text, id, title, url, source and publication date. */
export function goldInput(doc: GoldDoc): ArticleInput {
  const a = doc.article;
  return { text: a.text, id: a.id, title: a.title, url: a.url, source: a.source, publishedAt: a.publishedAt, origin: doc.file };
}

/** Run an extractor over gold articles and score it. */
export function evaluateGold(docs: readonly GoldDoc[], extractor: ExtractorLike, options: { verbose?: boolean } = {}): EvalReport {
  return aggregate(
    docs.map((d) => scoreArticle(d, extractor.extract(goldInput(d)))),
    options,
  );
}
