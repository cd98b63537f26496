import type { EntityLabel } from '../model/ontology';
import { NewsgraphError } from '../pipeline/errors';
import { addCounts, emptyCounts, prf, type Counts, type ExtractorLike, type Prf } from './score';

/**
 * CoNLL-2003 evaluation: read the 4-column format (`token POS chunk NER`, IOB1 or IOB2 tags, `-DOCSTART-`
 * between documents, blank lines between sentences), rebuild each document as text (tokens joined by one
 * space, sentences by "\n"), run the extractor, map its entity mentions back to token spans and score
 * exact spans for PER, ORG and LOC as conlleval does. MISC has no counterpart in the ontology and is
 * ignored on both sides (a prediction on a MISC span is still a false positive, as in conlleval with
 * MISC mapped to O). Mentions that are not names (demonyms, epithets, references) are not predictions.
 */

export const CONLL_LABELS = ['PER', 'ORG', 'LOC'] as const;
export type ConllLabel = (typeof CONLL_LABELS)[number];

export const ENTITY_TO_CONLL: Record<EntityLabel, ConllLabel> = {
  Person: 'PER',
  Institution: 'ORG',
  State: 'LOC',
  Place: 'LOC',
};

/**
 * Mention roles (ExtractedEntity mentions' `role`) that are not names, so NER does not tag them: demonyms
 * ("Iraqi", MISC in CoNLL), epithets ("the hermit kingdom") and references ("the administration").
 * Names, acronyms, capitals and metonyms ("Washington said", LOC in CoNLL) are scored, as are mentions
 * without a role.
 */
export const NON_NAME_ROLES: ReadonlySet<string> = new Set(['demonym', 'epithet', 'reference']);

export interface ConllToken {
  text: string;
  tag: string;
  /** Character offsets into the document text. */
  start: number;
  end: number;
}

/** A span of tokens [start, end) with a label (PER, ORG, LOC or MISC). */
export interface TokenSpan {
  start: number;
  end: number;
  label: string;
}

export interface ConllDocument {
  /** 0-based position in the file. */
  index: number;
  /** 1-based line where the document starts, for messages. */
  line: number;
  text: string;
  tokens: ConllToken[];
  /** Token index ranges [start, end) of the sentences. */
  sentences: Array<{ start: number; end: number }>;
  /** Gold chunks, MISC included. */
  gold: TokenSpan[];
}

export class ConllFormatError extends NewsgraphError {
  constructor(readonly line: number, message: string) {
    super('E_CONLL_FORMAT', `line ${line}: ${message}`);
    this.name = 'ConllFormatError';
  }
}

/**
 * Chunks of one sentence from its tags, conlleval style: a chunk starts at B-X, at S-X, or at I-X/E-X
 * after O or after a different type; it ends before O, B-, S-, or a change of type, and after E-/S-.
 */
export function tagsToChunks(tags: readonly string[], offset = 0): TokenSpan[] {
  const chunks: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  const close = (end: number): void => {
    if (open) {
      open.end = end;
      chunks.push(open);
      open = null;
    }
  };
  tags.forEach((tag, i) => {
    const at = offset + i;
    if (tag === 'O' || tag === '') {
      close(at);
      return;
    }
    const m = /^([BIES])-(.+)$/.exec(tag);
    const prefix = m ? m[1] : 'I';
    const label = m ? m[2] : tag;
    if (prefix === 'B' || prefix === 'S' || open === null || (open as TokenSpan).label !== label) {
      close(at);
      open = { start: at, end: at + 1, label };
    }
    if (prefix === 'E' || prefix === 'S') close(at + 1);
  });
  close(offset + tags.length);
  return chunks;
}

/** Parse CoNLL-2003 text into documents. Lines need at least two columns: the token first, the NER tag last. */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  let text = '';

  const flushSentence = (): void => {
    if (!doc || sentence.tokens.length === 0) return;
    if (doc.sentences.length > 0) text += '\n';
    const first = doc.tokens.length;
    sentence.tokens.forEach((tok, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += tok;
      doc!.tokens.push({ text: tok, tag: sentence.tags[i], start, end: text.length });
    });
    doc.sentences.push({ start: first, end: doc.tokens.length });
    doc.gold.push(...tagsToChunks(sentence.tags, first));
    sentence = { tokens: [], tags: [] };
  };
  const flushDoc = (): void => {
    flushSentence();
    if (doc && doc.tokens.length > 0) {
      doc.text = text;
      doc.index = docs.length;
      docs.push(doc);
    }
    doc = null;
    text = '';
  };
  const newDoc = (line: number): ConllDocument => ({ index: 0, line, text: '', tokens: [], sentences: [], gold: [] });

  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    if (line === '') {
      flushSentence();
      return;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flushDoc();
      doc = newDoc(lineNo);
      return;
    }
    if (cols.length < 2) throw new ConllFormatError(lineNo, `expected "token POS chunk NER", got ${JSON.stringify(raw)}`);
    doc ??= newDoc(lineNo);
    sentence.tokens.push(cols[0]);
    sentence.tags.push(cols[cols.length - 1]);
  });
  flushDoc();
  return docs;
}

/**
 * Predicted mentions → token spans. A mention must start at a token start and end at a token end
 * (otherwise it is dropped and counted); identical spans with the same label count once.
 */
export function alignMentions(
  doc: Pick<ConllDocument, 'tokens'>,
  mentions: ReadonlyArray<{ start: number; end: number; label: string }>,
): { spans: TokenSpan[]; dropped: number } {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  doc.tokens.forEach((t, i) => {
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  });
  const seen = new Set<string>();
  const spans: TokenSpan[] = [];
  let dropped = 0;
  for (const m of mentions) {
    const s = byStart.get(m.start);
    const e = byEnd.get(m.end);
    if (s === undefined || e === undefined || e < s) {
      dropped++;
      continue;
    }
    const key = `${s}:${e + 1}:${m.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ start: s, end: e + 1, label: m.label });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { spans, dropped };
}

export interface SpanScore {
  byLabel: Record<ConllLabel, Prf>;
  /** Micro over PER, ORG and LOC: the headline figure. */
  overall: Prf;
  /** Spans only, any label: separates boundary errors from type errors. */
  untyped: Prf;
  /** Exact-span predictions with the wrong label, keyed `gold→predicted` (e.g. `ORG→LOC`). */
  confusion: Record<string, number>;
  /** Predictions whose span is exactly a gold MISC span (false positives, e.g. demonyms tagged as states). */
  onMisc: number;
  /** False positives that overlap a gold chunk of the same label without matching it exactly. */
  boundary: number;
}

export interface ScoredDocument {
  gold: readonly TokenSpan[];
  pred: readonly TokenSpan[];
}

const isScored = (label: string): label is ConllLabel => (CONLL_LABELS as readonly string[]).includes(label);

/** Exact-span scoring, conlleval style, of PER/ORG/LOC over documents (MISC gold chunks are left out). */
export function scoreSpans(docs: readonly ScoredDocument[]): SpanScore {
  const counts = Object.fromEntries(CONLL_LABELS.map((l) => [l, emptyCounts()])) as Record<ConllLabel, Counts>;
  const untyped = emptyCounts();
  const confusion: Record<string, number> = {};
  let onMisc = 0;
  let boundary = 0;
  for (const d of docs) {
    const gold = d.gold.filter((s) => isScored(s.label));
    const pred = d.pred.filter((s) => isScored(s.label));
    const key = (s: TokenSpan): string => `${s.start}:${s.end}`;
    const goldTyped = new Set(gold.map((s) => `${key(s)}:${s.label}`));
    const predTyped = new Set(pred.map((s) => `${key(s)}:${s.label}`));
    for (const s of pred) {
      const c = counts[s.label as ConllLabel];
      if (goldTyped.has(`${key(s)}:${s.label}`)) c.tp++;
      else {
        c.fp++;
        const exact = gold.find((g) => key(g) === key(s));
        if (exact) confusion[`${exact.label}→${s.label}`] = (confusion[`${exact.label}→${s.label}`] ?? 0) + 1;
        else if (d.gold.some((g) => g.label === 'MISC' && key(g) === key(s))) onMisc++;
        else if (gold.some((g) => g.label === s.label && g.start < s.end && s.start < g.end)) boundary++;
      }
    }
    for (const s of gold) if (!predTyped.has(`${key(s)}:${s.label}`)) counts[s.label as ConllLabel].fn++;
    const goldSpans = new Set(gold.map(key));
    const predSpans = new Set(pred.map(key));
    for (const k of predSpans) if (goldSpans.has(k)) untyped.tp++;
    else untyped.fp++;
    for (const k of goldSpans) if (!predSpans.has(k)) untyped.fn++;
  }
  const byLabel = Object.fromEntries(CONLL_LABELS.map((l) => [l, prf(counts[l])])) as Record<ConllLabel, Prf>;
  return {
    byLabel,
    overall: prf(CONLL_LABELS.map((l) => counts[l]).reduce(addCounts, emptyCounts())),
    untyped: prf(untyped),
    confusion: Object.fromEntries(Object.entries(confusion).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    onMisc,
    boundary,
  };
}

export interface ConllReport {
  file: string;
  documents: number;
  sentences: number;
  tokens: number;
  /** Wall time spent inside `extract` (not reading or scoring). */
  seconds: number;
  tokensPerSecond: number;
  /** Mentions of the four entity types returned by the extractor, and those not on token boundaries. */
  mentions: number;
  droppedMentions: number;
  /** Mentions left out because their role is not a name (see NON_NAME_ROLES), by role. */
  skippedRoles: Record<string, number>;
  score: SpanScore;
  /** With `examples`: the most frequent missed and spurious surface forms, `LABEL text` → count. */
  falseNegatives?: Array<[string, number]>;
  falsePositives?: Array<[string, number]>;
}

export interface ConllRunOptions {
  file?: string;
  /** Only the first N documents. */
  limit?: number;
  /** Collect the N most frequent FP/FN surface forms. */
  examples?: number;
}

function topCounts(items: string[], n: number): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const s of items) m.set(s, (m.get(s) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** Run the extractor over CoNLL documents (no publication date) and score its mentions. */
export function runConll(allDocs: readonly ConllDocument[], extractor: ExtractorLike, options: ConllRunOptions = {}): ConllReport {
  const docs = options.limit !== undefined ? allDocs.slice(0, Math.max(0, options.limit)) : allDocs;
  const scored: ScoredDocument[] = [];
  let seconds = 0;
  let mentions = 0;
  let dropped = 0;
  const skipped = new Map<string, number>();
  const fns: string[] = [];
  const fps: string[] = [];
  for (const doc of docs) {
    const t0 = process.hrtime.bigint();
    const result = extractor.extract({ text: doc.text, id: `conll-${doc.index}`, origin: `${options.file ?? 'conll'}:${doc.line}` });
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const predicted: Array<{ start: number; end: number; label: string }> = [];
    for (const e of result.entities) {
      for (const m of e.mentions as Array<{ start: number; end: number; role?: string }>) {
        mentions++;
        if (m.role !== undefined && NON_NAME_ROLES.has(m.role)) skipped.set(m.role, (skipped.get(m.role) ?? 0) + 1);
        else predicted.push({ start: m.start, end: m.end, label: ENTITY_TO_CONLL[e.type] });
      }
    }
    const { spans, dropped: d } = alignMentions(doc, predicted);
    dropped += d;
    scored.push({ gold: doc.gold, pred: spans });
    if (options.examples) {
      const surface = (s: TokenSpan): string => `${s.label} ${doc.tokens.slice(s.start, s.end).map((t) => t.text).join(' ')}`;
      const gold = doc.gold.filter((s) => isScored(s.label));
      const gk = new Set(gold.map((s) => `${s.start}:${s.end}:${s.label}`));
      const pk = new Set(spans.map((s) => `${s.start}:${s.end}:${s.label}`));
      for (const s of gold) if (!pk.has(`${s.start}:${s.end}:${s.label}`)) fns.push(surface(s));
      for (const s of spans) if (!gk.has(`${s.start}:${s.end}:${s.label}`)) fps.push(surface(s));
    }
  }
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  return {
    file: options.file ?? '',
    documents: docs.length,
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    tokens,
    seconds,
    tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
    mentions,
    droppedMentions: dropped,
    skippedRoles: Object.fromEntries([...skipped.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    score: scoreSpans(scored),
    ...(options.examples
      ? { falseNegatives: topCounts(fns, options.examples), falsePositives: topCounts(fps, options.examples) }
      : {}),
  };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

/** The report as a conlleval-like text table. */
export function formatConllReport(r: ConllReport): string {
  const s = r.score;
  const row = (name: string, p: Prf): string =>
    `${name.padEnd(8)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)} ${String(p.tp + p.fn).padStart(6)} ${String(p.tp + p.fp).padStart(6)} ${String(p.tp).padStart(6)}`;
  const lines = [
    `CoNLL-2003 ${r.file}`,
    `${r.documents} documents, ${r.sentences} sentences, ${r.tokens} tokens`,
    '',
    `${'label'.padEnd(8)} ${'prec'.padStart(6)} ${'rec'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'tp'.padStart(6)}`,
    ...CONLL_LABELS.map((l) => row(l, s.byLabel[l])),
    row('overall', s.overall),
    row('untyped', s.untyped),
    '',
    `mentions: ${r.mentions} predicted, ${r.droppedMentions} dropped (not on token boundaries), ` +
      `${Object.values(r.skippedRoles).reduce((a, b) => a + b, 0)} not names` +
      (Object.keys(r.skippedRoles).length ? ` (${Object.entries(r.skippedRoles).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''),
    `false positives: ${s.onMisc} on gold MISC spans, ${s.boundary} boundary errors, ` +
      `${Object.values(s.confusion).reduce((a, b) => a + b, 0)} wrong label on an exact span` +
      (Object.keys(s.confusion).length
        ? ` (${Object.entries(s.confusion).map(([k, v]) => `${k} ${v}`).join(', ')})`
        : ''),
    `throughput: ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} tokens/s (${r.seconds.toFixed(2)} s in extract)`,
  ];
  const list = (title: string, items?: Array<[string, number]>): void => {
    if (!items) return;
    lines.push('', title);
    for (const [k, v] of items) lines.push(`  ${String(v).padStart(4)}  ${k}`);
  };
  list('most frequent false negatives (gold label, text):', r.falseNegatives);
  list('most frequent false positives (predicted label, text):', r.falsePositives);
  return lines.join('\n') + '\n';
}
