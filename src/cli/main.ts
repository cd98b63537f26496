import { CommanderError } from 'commander';
import { NewsgraphError } from '../pipeline/errors';
import { buildProgram } from './program';

/**
 * Entry point: runs the program and maps failures to exit codes scripts can rely on —
 * 0 success, 1 fatal error (one clear line, no stack trace), 2 some articles failed.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
    if (err instanceof NewsgraphError) {
      process.stderr.write(`newsgraph: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`newsgraph: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.NEWSGRAPH_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
