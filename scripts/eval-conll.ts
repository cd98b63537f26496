/**
 * npm run eval:conll [-- [file] [--limit N] [--json] [--examples N | --verbose]]
 *
 * PER/ORG/LOC precision, recall and F1 (exact spans, conlleval style) of the extractor on CoNLL-2003,
 * by default on ../shared/corpus/conll2003/dev.txt next to the repository. That file is research data
 * kept outside the repo: when it is absent the script says so and exits 0, so it never breaks a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { formatConllReport, parseConll, runConll } from '../src/eval/conll';

/** The directory holding the project's package.json, from src/ or scripts/ as from dist/scripts/. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'newsgraph') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const DEFAULT_CONLL = (): string => resolve(repoRoot(__dirname), '../shared/corpus/conll2003/dev.txt');

const count = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};

interface Opts {
  limit?: number;
  json?: boolean;
  examples?: number;
  verbose?: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('eval-conll')
    .description('PER/ORG/LOC precision, recall and F1 of the extractor on CoNLL-2003 (exact spans; MISC ignored)')
    .argument('[file]', 'a CoNLL-2003 file (token POS chunk NER)')
    .option('--limit <n>', 'only the first N documents', count('--limit'))
    .option('--json', 'print the report as JSON')
    .option('--examples <n>', 'list the N most frequent false negatives and false positives', count('--examples'))
    .option('--verbose', 'the same as --examples 25')
    .addHelpText(
      'after',
      '\nDefault file: ../shared/corpus/conll2003/dev.txt next to the repository (research data, not in the repo).\n' +
        'Mapping: Person→PER, Institution→ORG, State→LOC, Place→LOC; mentions not on token boundaries are dropped.',
    );
  program.parse(argv);
  const opts = program.opts<Opts>();
  const explicit = program.args[0] as string | undefined;
  const file = explicit ? resolve(explicit) : DEFAULT_CONLL();

  if (!existsSync(file)) {
    if (explicit) {
      process.stderr.write(`eval-conll: ${file}: no such file\n`);
      return 1;
    }
    process.stdout.write(`CoNLL-2003 data not found at ${file}: skipping (it is research data outside the repo)\n`);
    return 0;
  }

  const docs = parseConll(readFileSync(file, 'utf8'));
  const { createExtractor, EXTRACTOR_VERSION } = await import('../src/pipeline/extract');
  const t0 = process.hrtime.bigint();
  const extractor = createExtractor();
  // Warm-up (lazy tables, JIT) on the first document, counted as set-up, so tokens/s is the steady rate.
  if (docs.length > 0) extractor.extract({ text: docs[0].text });
  const setup = Number(process.hrtime.bigint() - t0) / 1e9;
  const report = runConll(docs, extractor, { file, limit: opts.limit, examples: opts.examples ?? (opts.verbose ? 25 : undefined) });

  if (opts.json) {
    process.stdout.write(JSON.stringify({ extractor: EXTRACTOR_VERSION, setupSeconds: setup, ...report }, null, 2) + '\n');
  } else {
    process.stdout.write(formatConllReport(report));
    process.stdout.write(`extractor ${EXTRACTOR_VERSION}, set-up ${setup.toFixed(2)} s (tables, and one warm-up document)\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`eval-conll: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
