import type { Command } from 'commander';
import { UsageError } from '../../pipeline/errors';
import { connectWriter, formatOption } from '../context';

export function registerRemove(program: Command): void {
  program
    .command('remove')
    .description('remove one article and whatever only it supported (entities, relations, events), correcting the aggregates')
    .argument('<article>', 'article id (article:…), url, or the id given in the input JSON')
    .addOption(formatOption(['table', 'json']))
    .action(async (ref: string, opts: { format: string }) => {
      const writer = await connectWriter();
      try {
        const removed = await writer.removeArticle(ref);
        if (!removed) throw new UsageError(`no article matches "${ref}"`);
        process.stdout.write(opts.format === 'json' ? JSON.stringify({ removed }) + '\n' : `removed ${removed}\n`);
      } finally {
        await writer.close();
      }
    });
}
