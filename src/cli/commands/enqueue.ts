import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { config } from '../../config/config';
import { Neo4jJobQueue } from '../../graph/job-queue';
import type { EnqueueResult, NewJob } from '../../graph/job-queue';
import { expandInputs, loadInputs } from '../../stages/load';
import { itemKey } from '../../worker/feeds';
import { fileJob, isUrl, itemJob, urlJob } from '../../worker/jobs';
import { formatOption, positiveInt, withGraph } from '../context';
import { table } from '../output';

/**
 * `newsgraph enqueue <inputs…>`: adds jobs to the queue in Neo4j for workers to take. Files are
 * queued by absolute path (every worker must see the same path: a shared volume), URLs are fetched by
 * the worker, articles from stdin travel inside their job. An input queued before with the same
 * content is not queued twice; `--requeue` runs finished ones again.
 */

interface EnqueueOpts {
  requeue?: boolean;
  format: string;
  maxBytes: number;
}

interface Problem { input: string; code: string; message: string }

export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('add jobs to the queue in Neo4j for `newsgraph worker` (files, directories, globs, http(s) URLs, or - for articles on stdin)')
    .argument('<inputs...>', 'files, directories, globs, URLs, or - (JSON/JSONL/text articles on stdin)')
    .option('--requeue', 'queue again inputs whose job is already done or failed')
    .addOption(formatOption(['table', 'json']))
    .addOption(new Option('--max-bytes <n>', 'largest stdin accepted (for JSON Lines: largest line)').argParser(positiveInt('--max-bytes')).default(5 * 1024 * 1024))
    .addHelpText('after', '\nExit codes: 0 all queued (or queued before), 2 some inputs were not found, 1 fatal error.')
    .action(async (inputs: string[], opts: EnqueueOpts) => {
      config();
      const { jobs, problems } = await jobsFor(inputs, opts.maxBytes);
      const results = jobs.length
        ? await withGraph(async (g) => {
            const queue = new Neo4jJobQueue(g);
            await queue.ensureSchema();
            return queue.enqueue(jobs, { requeue: opts.requeue });
          })
        : [];
      const summary = summarise(results, jobs, problems);
      process.stdout.write(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : describe(summary, Boolean(opts.requeue)));
      process.exitCode = problems.length ? 2 : 0;
    });
}

export async function jobsFor(inputs: readonly string[], maxBytes: number): Promise<{ jobs: NewJob[]; problems: Problem[] }> {
  const jobs: NewJob[] = [];
  const problems: Problem[] = [];
  const paths: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) jobs.push(urlJob(input, 'enqueue'));
    else if (input === '-') {
      for await (const item of loadInputs(['-'], { maxBytes })) {
        if (item.ok) jobs.push(itemJob(itemKey(item.input), item.input, 'stdin'));
        else problems.push({ input: item.origin, code: item.code, message: item.message });
      }
    } else paths.push(input);
  }
  const { files, missing } = await expandInputs(paths);
  for (const m of missing) if (!m.ok) problems.push({ input: m.origin, code: m.code, message: m.message });
  for (const file of files) {
    const full = path.resolve(file);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) problems.push({ input: file, code: 'E_NOT_FOUND', message: 'no such file' });
    else jobs.push(fileJob({ path: full, size: stat.size, mtimeMs: stat.mtimeMs }, null, 'enqueue'));
  }
  return { jobs, problems };
}

interface Summary {
  enqueued: number;
  requeued: number;
  already: Record<string, number>;
  problems: Problem[];
  jobs: { id: string; input: string; status: string; created: boolean; requeued: boolean }[];
}

function summarise(results: EnqueueResult[], jobs: NewJob[], problems: Problem[]): Summary {
  const inputOf = new Map(jobs.map((j) => [j.id, j.input]));
  const already: Record<string, number> = {};
  for (const r of results) if (!r.created && !r.requeued) already[r.status] = (already[r.status] ?? 0) + 1;
  return {
    enqueued: results.filter((r) => r.created).length,
    requeued: results.filter((r) => r.requeued).length,
    already,
    problems,
    jobs: results.map((r) => ({ id: r.id, input: inputOf.get(r.id) ?? '', status: r.status, created: r.created, requeued: r.requeued })),
  };
}

function describe(s: Summary, requeue: boolean): string {
  const parts = Object.entries(s.already).map(([status, n]) => `${n} already ${status}`);
  const lines = [`queued ${s.enqueued} new job(s)${s.requeued ? `, ${s.requeued} again` : ''}${parts.length ? `; ${parts.join(', ')}` : ''}`];
  if (!requeue && ((s.already.done ?? 0) > 0 || (s.already.failed ?? 0) > 0)) lines.push('(use --requeue to run finished jobs again)');
  if (s.problems.length) lines.push('not queued:', table(s.problems.map((p) => ({ input: p.input, code: p.code, reason: p.message }))).trimEnd());
  return lines.join('\n') + '\n';
}
