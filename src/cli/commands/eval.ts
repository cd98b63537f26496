import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ExtractionResultSchema, type ExtractionResult } from '../../model/extraction';
import { ENTITY_LABELS } from '../../model/ontology';
import { formatPath, loadGoldDir, type GoldDoc } from '../../eval/gold';
import { aggregate, goldInput, scoreArticle, type Accuracy, type EvalReport, type Prf } from '../../eval/score';
import { UsageError } from '../../pipeline/errors';
import { formatOption } from '../context';
import { table } from '../output';

interface EvalOpts {
  format: 'table' | 'json';
  verbose?: boolean;
  predictions?: string;
}

const HELP = `
How it scores (micro-averaged over all articles):
  entities   same type, and the predicted name or an alias equals the gold name or an alias
             (case, accents, curly quotes and acronym periods ignored); one-to-one, so a second
             entity for the same referent is a false positive. "entities" is Person + State +
             Institution (the headline figure); "entities (all)" adds Place.
  relations  same type, and both endpoints map to the gold endpoints through the entity matching.
  events     same type, and at least one predicted actor maps to a gold actor (one-to-one, best
             overlap first).
  date       over matched events with a gold date: the predicted date equals it at the gold precision.
  modality   over matched events: asserted, future, hypothetical, negated or reported.

The gold format is documented in data/gold/README.md.

Examples:
  newsgraph eval data/gold
  newsgraph eval data/gold --verbose            every false positive and negative, per article
  newsgraph eval data/gold --format json > scores.json
  jq -c .article data/gold/*.json > articles.jsonl && newsgraph extract articles.jsonl > out.jsonl
  newsgraph eval data/gold --predictions out.jsonl     score saved (or another extractor's) output`;

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the extractor against gold annotations: precision, recall and F1 for entities (per type), relations and events, plus event-date and modality accuracy')
    .argument('<gold-dir>', 'directory of gold files (*.json), or a single gold file')
    .addOption(formatOption(['table', 'json']))
    .option('--verbose', 'list every false positive, false negative and date/modality mismatch, per article')
    .option(
      '--predictions <file>',
      'score saved `newsgraph extract` output (JSONL, e.g. from another extractor) instead of running the built-in one; lines are matched to gold articles by their input id',
    )
    .addHelpText('after', HELP)
    .action(async (goldDir: string, opts: EvalOpts) => {
      const docs = loadGoldDir(goldDir);
      for (const d of docs) for (const w of d.warnings) process.stderr.write(`warning: ${w}\n`);

      let extractorName: string;
      let predict: (d: GoldDoc) => ExtractionResult;
      if (opts.predictions) {
        const byId = readPredictions(opts.predictions);
        const missing = docs.filter((d) => !byId.has(d.article.id)).map((d) => d.article.id);
        if (missing.length) {
          throw new UsageError(
            `${opts.predictions}: no prediction for ${missing.length} gold article(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} ` +
              '(predictions are matched by the input id, which `newsgraph extract` keeps as article.externalId)',
          );
        }
        extractorName = `predictions from ${opts.predictions}`;
        predict = (d) => byId.get(d.article.id)!;
      } else {
        const { createExtractor, EXTRACTOR_VERSION } = await import('../../pipeline/extract');
        const extractor = createExtractor();
        extractorName = `extractor ${EXTRACTOR_VERSION}`;
        predict = (d) => extractor.extract(goldInput(d));
      }

      const t0 = process.hrtime.bigint();
      const scored = docs.map((d) => scoreArticle(d, predict(d)));
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const report = aggregate(scored, { verbose: opts.verbose });

      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify({ gold: goldDir, extractor: extractorName, seconds, ...report }, null, 2) + '\n');
      } else {
        process.stdout.write(formatEvalReport(report, { title: `${goldDir} (${extractorName})`, verbose: opts.verbose }));
      }
    });
}

/** `newsgraph extract` JSONL → results by the caller's article id (externalId, else the article id). */
function readPredictions(file: string): Map<string, ExtractionResult> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read predictions (${(err as Error).message})`);
  }
  const out = new Map<string, ExtractionResult>();
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new UsageError(`${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = ExtractionResultSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new UsageError(`${file}:${i + 1}: not an extraction result: ${formatPath(first.path)}: ${first.message}`);
    }
    const r = parsed.data;
    out.set(r.article.externalId ?? r.article.id, r);
  });
  return out;
}

const num = (x: number): string => x.toFixed(3);
const acc = (a: Accuracy): string => (a.accuracy === null ? '—' : `${num(a.accuracy)}  (${a.correct}/${a.total})`);
const prfRow = (name: string, p: Prf) => ({
  '': name,
  precision: num(p.precision),
  recall: num(p.recall),
  F1: num(p.f1),
  gold: p.tp + p.fn,
  predicted: p.tp + p.fp,
  correct: p.tp,
});

/** The report as text tables: summary, per-article figures, the commonest error classes and (verbose) every error. */
export function formatEvalReport(r: EvalReport, options: { title?: string; verbose?: boolean } = {}): string {
  const rows = [
    prfRow('entities (P/S/I)', r.entities),
    ...ENTITY_LABELS.map((t) => prfRow(`· ${t}`, r.byType[t])),
    prfRow('entities (all)', r.entitiesAll),
    prfRow('relations', r.relations),
    ...(options.verbose ? Object.entries(r.relationsByType).map(([t, p]) => prfRow(`· ${t}`, p)) : []),
    prfRow('events', r.events),
    ...(options.verbose ? Object.entries(r.eventsByType).map(([t, p]) => prfRow(`· ${t}`, p)) : []),
  ];
  const out: string[] = [];
  out.push(`newsgraph eval: ${r.articles} article(s)${options.title ? ` from ${options.title}` : ''}`, '');
  out.push(table(rows, ['', 'precision', 'recall', 'F1', 'gold', 'predicted', 'correct']).trimEnd(), '');
  out.push(`event date accuracy  ${acc(r.date)}`);
  out.push(`modality accuracy    ${acc(r.modality)}`);
  out.push(`mode accuracy        ${acc(r.mode)}`, '');

  const short = (a: Accuracy) => (a.total ? `${a.correct}/${a.total}` : '—');
  out.push(
    table(
      r.perArticle.map((a) => ({
        article: a.id,
        'entity F1': num(a.entities.f1),
        'all F1': num(a.entitiesAll.f1),
        'relation F1': num(a.relations.f1),
        'event F1': num(a.events.f1),
        dates: short(a.date),
        modality: short(a.modality),
      })),
      ['article', 'entity F1', 'all F1', 'relation F1', 'event F1', 'dates', 'modality'],
    ).trimEnd(),
  );

  const classes = Object.entries(r.errorClasses);
  if (classes.length) {
    out.push('', 'error classes (most frequent first):');
    for (const [k, n] of classes.slice(0, options.verbose ? classes.length : 12)) out.push(`  ${String(n).padStart(4)}  ${k}`);
    if (!options.verbose && classes.length > 12) out.push(`  … ${classes.length - 12} more (--verbose lists them all)`);
  }

  if (options.verbose) {
    for (const a of r.perArticle) {
      if (!a.errors?.length) continue;
      out.push('', `${a.id} (${basename(a.file)}):`);
      for (const e of a.errors) out.push(`  ${e.kind.padEnd(8)} ${e.category.padEnd(8)} ${e.reason.padEnd(20)} ${e.text}`);
    }
  }
  return out.join('\n') + '\n';
}
