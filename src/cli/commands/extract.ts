import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, loadInputs } from '../../stages/load';
import type { LoadOptions } from '../../stages/load';
import { positiveInt } from '../context';

/** Options every command that reads articles shares (extract, ingest). */
export interface InputOpts {
  publishedAt?: string;
  maxBytes: number;
  include?: string[];
  exclude?: string[];
  timeout: number;
}

export const INPUTS_ARGUMENT = 'files, directories, globs, http(s) URLs, or - for stdin (.txt .md .html .htm .json .jsonl .ndjson .rss .atom .xml)';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('--timeout must be a number of seconds above 0');
  return n;
}

export function addInputOptions(command: Command): Command {
  return command
    .option('--published-at <date>', 'publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it')
    .addOption(new Option('--max-bytes <n>', 'refuse an input larger than this; for JSON Lines, a line (article) larger than this').argParser(positiveInt('--max-bytes')).default(DEFAULT_MAX_BYTES))
    .option('--include <glob>', "in directories, load only files matching this glob (repeatable), e.g. '*.html' or '2024/**'", collect)
    .option('--exclude <glob>', "in directories, leave out files and folders matching this glob (repeatable), e.g. 'drafts'", collect)
    .addOption(new Option('--timeout <seconds>', 'give up on a URL after this long').argParser(positiveSeconds).default(DEFAULT_TIMEOUT_MS / 1000));
}

export function loadOptionsOf(opts: InputOpts): LoadOptions {
  return {
    publishedAt: opts.publishedAt ?? null,
    maxBytes: opts.maxBytes,
    include: opts.include ?? [],
    exclude: opts.exclude ?? [],
    timeoutMs: Math.round(opts.timeout * 1000),
  };
}

interface ExtractOpts extends InputOpts { out?: string; pretty?: boolean }

export function registerExtract(program: Command): void {
  const command = program
    .command('extract')
    .description('extract entities, relations and events without a database: one JSON object per article, per line (JSONL)')
    .argument('<inputs...>', INPUTS_ARGUMENT)
    .option('-o, --out <file>', 'write the JSONL here instead of stdout');
  addInputOptions(command)
    .option('--pretty', 'indent the JSON (one article is then several lines)')
    .addHelpText('after', '\nFailures are reported on stderr, one line each (origin: code: reason); the exit code is then 2.')
    .action(async (inputs: string[], opts: ExtractOpts) => {
      // Loaded here, not at start-up: wink-nlp's model and chrono are only needed by this command.
      const { createExtractor } = await import('../../pipeline/extract');
      const extractor = createExtractor();
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      let failed = 0;
      for await (const item of loadInputs(inputs, loadOptionsOf(opts))) {
        if (!item.ok) {
          failed++;
          process.stderr.write(`${item.origin}: ${item.code}: ${item.message}\n`);
          continue;
        }
        try {
          const result = extractor.extract(item.input);
          out.write(JSON.stringify(result, null, opts.pretty ? 2 : undefined) + '\n');
        } catch (err) {
          failed++;
          process.stderr.write(`${item.input.origin}: E_EXTRACT: ${(err as Error).message}\n`);
        }
      }
      if (out !== process.stdout) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
      if (failed) process.exitCode = 2;
    });
}
