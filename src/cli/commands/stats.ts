import type { Command } from 'commander';
import { config } from '../../config/config';
import { Neo4jWriter } from '../../graph/neo4j-writer';
import { EXTRACTOR_VERSION } from '../../pipeline/version';
import { formatOption } from '../context';
import { table } from '../output';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('count nodes by label and relationships by type')
    .addOption(formatOption(['table', 'json']))
    .action(async (opts: { format: string }) => {
      const writer = await Neo4jWriter.connect(config().neo4j, { extractorVersion: EXTRACTOR_VERSION });
      try {
        const stats = await writer.stats();
        if (opts.format === 'json') {
          process.stdout.write(JSON.stringify(stats, null, 2) + '\n');
          return;
        }
        const rows = (m: Record<string, number>, key: string) => Object.entries(m).map(([k, n]) => ({ [key]: k, count: n }));
        process.stdout.write(table(rows(stats.labels, 'label'), ['label', 'count']) + '\n');
        process.stdout.write(table(rows(stats.relationships, 'relationship'), ['relationship', 'count']));
      } finally {
        await writer.close();
      }
    });
}
