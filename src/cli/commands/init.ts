import type { Command } from 'commander';
import { ensureSchema } from '../../graph/schema';
import { formatOption, withGraph } from '../context';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the uniqueness constraints (one per label) and the full-text index over names and aliases; running it again changes nothing')
    .addOption(formatOption(['table', 'json']))
    .action(async (opts: { format: string }) => {
      const report = await withGraph(ensureSchema);
      if (opts.format === 'json') process.stdout.write(JSON.stringify(report) + '\n');
      else
        process.stdout.write(
          `schema ready: ${report.constraints} constraints, ${report.indexes} indexes (${report.created === 0 ? 'nothing new' : `${report.created} created`})\n`,
        );
    });
}
