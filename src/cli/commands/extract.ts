import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { createExtractor } from '../../pipeline/extract';
import { loadInputs } from '../../stages/load';
import { positiveInt } from '../context';

interface ExtractOpts { out?: string; publishedAt?: string; maxBytes: number; pretty?: boolean }

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract entities, relations and events without a database: one JSON object per article, per line (JSONL)')
    .argument('<inputs...>', 'files, directories, globs, or - for stdin (.txt, .md, .json, .jsonl)')
    .option('-o, --out <file>', 'write the JSONL here instead of stdout')
    .option('--published-at <date>', 'publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it')
    .addOption(new Option('--max-bytes <n>', 'refuse inputs larger than this').argParser(positiveInt('--max-bytes')).default(5 * 1024 * 1024))
    .option('--pretty', 'indent the JSON (one article is then several lines)')
    .addHelpText('after', '\nFailures are reported on stderr, one line each; the exit code is then 2.')
    .action(async (inputs: string[], opts: ExtractOpts) => {
      const extractor = createExtractor();
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      let failed = 0;
      for await (const item of loadInputs(inputs, { publishedAt: opts.publishedAt ?? null, maxBytes: opts.maxBytes })) {
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
