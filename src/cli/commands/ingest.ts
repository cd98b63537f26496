import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { MemoryWriter } from '../../graph/memory-writer';
import { ensureSchema } from '../../graph/schema';
import type { GraphWriter } from '../../graph/writer';
import { articleIdOf } from '../../pipeline/article-id';
import { EXTRACTOR_VERSION } from '../../pipeline/version';
import { exitCodeFor, ingest } from '../../pipeline/ingest';
import { expandInputs } from '../../stages/load';
import type { IngestSummary } from '../../pipeline/ingest';
import { createPool, defaultConcurrency } from '../../pipeline/pool';
import { connectWriter, formatOption, positiveInt, safeConfig } from '../context';
import { Progress } from '../output';
import { INPUTS_ARGUMENT, addInputOptions, loadOptionsOf } from './extract';
import type { InputOpts } from './extract';

interface IngestOpts extends InputOpts {
  concurrency: number;
  batchSize?: number;
  dryRun?: boolean;
  refreshStale?: boolean;
  format: string;
  progress: boolean;
}

export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('extract articles and load them into Neo4j (idempotent: unchanged articles are skipped, changed ones replace their earlier version)')
    .argument('<inputs...>', INPUTS_ARGUMENT)
    .addOption(new Option('-c, --concurrency <n>', 'extraction threads').argParser(positiveInt('--concurrency')).default(defaultConcurrency(), 'all cores'))
    .addOption(new Option('-b, --batch-size <n>', 'rows per UNWIND statement (a write transaction holds up to 25 times as many)').argParser(positiveInt('--batch-size')))
    .option('--dry-run', 'extract and plan the writes in memory; touch no database')
    .option('--refresh-stale', `re-extract articles the graph holds from another extractor version (not ${EXTRACTOR_VERSION}) and replace their facts`)
    .addOption(formatOption(['table', 'json']));
  addInputOptions(command)
    .option('--no-progress', 'no progress bar (it is only drawn on a terminal anyway)')
    .addHelpText('after', '\nExit codes: 0 everything loaded, 2 some articles failed (each is named with its reason), 1 fatal error.')
    .action(async (inputs: string[], opts: IngestOpts) => {
      const writer: GraphWriter = opts.dryRun ? new MemoryWriter(EXTRACTOR_VERSION) : await connectWriter(opts.batchSize, { refreshStale: opts.refreshStale });
      const pool = createPool(opts.concurrency);
      const progress = new Progress(null);
      if (opts.progress && progress.enabled) progress.setTotal(await estimateArticles(inputs, opts));
      try {
        if (!opts.dryRun) await ensureSchema((writer as Awaited<ReturnType<typeof connectWriter>>).graph);
        const summary = await ingest(inputs, {
          writer,
          pool,
          extractorVersion: EXTRACTOR_VERSION,
          idOf: articleIdOf,
          dryRun: opts.dryRun,
          load: loadOptionsOf(opts),
          config: { ...safeConfig(), concurrency: pool.size, batchSize: opts.batchSize ?? null, dryRun: Boolean(opts.dryRun), refreshStale: Boolean(opts.refreshStale) },
          command: `ingest ${inputs.join(' ')}`,
          onProgress: opts.progress ? (n) => progress.tick(n) : undefined,
        });
        progress.finish();
        process.stdout.write(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : describe(summary));
        process.exitCode = exitCodeFor(summary);
      } finally {
        await pool.close();
        await writer.close();
      }
    });
}

/** How many articles the inputs hold, for the progress bar's ETA (only computed on a terminal). */
async function estimateArticles(inputs: string[], opts: IngestOpts): Promise<number> {
  const { files } = await expandInputs(inputs, opts);
  let total = 0;
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    const size = file === '-' ? 0 : ((await stat(file).catch(() => null))?.size ?? 0);
    if (file === '-' || !['.jsonl', '.ndjson', '.json'].includes(ext) || size > opts.maxBytes) {
      total += 1;
      continue;
    }
    const text = await readFile(file, 'utf8').catch(() => '');
    if (ext === '.json') total += text.trimStart().startsWith('[') ? Math.max(1, (text.match(/\n\s*\{/g) ?? []).length) : 1;
    else total += text.split('\n').filter((l) => l.trim() !== '').length;
  }
  return total;
}

function describe(s: IngestSummary): string {
  const a = s.articles;
  const rate = s.seconds > 0 ? (a.added + a.updated + a.skipped) / s.seconds : 0;
  const lines = [
    `${s.dryRun ? '[dry run] ' : ''}${a.seen} articles in ${s.seconds.toFixed(1)}s (${rate.toFixed(1)}/s): ` +
      `${a.added} added, ${a.updated} updated, ${a.skipped} unchanged, ${a.failed} failed`,
    `extracted ${s.entities} entities, ${s.relations} relations, ${s.events} events (run ${s.runId})`,
  ];
  if (s.failures.length) {
    lines.push('failed:');
    for (const f of s.failures) lines.push(`  ${f.origin}: ${f.code}: ${f.message}`);
  }
  return lines.join('\n') + '\n';
}
