import type { Command } from 'commander';
import { UsageError } from '../../pipeline/errors';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('long-running ingestion worker over an inbox, feeds and a job queue (not built yet: see issue 5; use ingest meanwhile)')
    .option('--once', 'drain the sources and exit')
    .action(async () => {
      throw new UsageError('the worker is not built yet (issue 5); use `newsgraph ingest <inputs…>` meanwhile');
    });
}
