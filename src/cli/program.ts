import { Command } from 'commander';
import { registerBrowser } from './commands/browser';
import { registerEnqueue } from './commands/enqueue';
import { registerEval } from './commands/eval';
import { registerExtract } from './commands/extract';
import { registerIngest } from './commands/ingest';
import { registerInit } from './commands/init';
import { registerRemove } from './commands/remove';
import { registerReport } from './commands/report';
import { registerStats } from './commands/stats';
import { registerWorker } from './commands/worker';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('newsgraph')
    .description(
      'Turn news articles into a knowledge graph in Neo4j: people, states, institutions, places and events,\n' +
        'each traceable to the sentence that supports it. Offline, deterministic and idempotent.',
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Configuration (environment):
  NEO4J_URI       default bolt://localhost:7687 (neo4j+s://… for Aura)
  NEO4J_USER      default neo4j
  NEO4J_PASSWORD  unset = no authentication (the local Neo4j of npm run neo4j:start)
  NEO4J_DATABASE  default: the server's default database

Exit codes: 0 success, 1 fatal error, 2 some articles failed (the rest were processed).`,
    );
  registerInit(program);
  registerExtract(program);
  registerIngest(program);
  registerWorker(program);
  registerEnqueue(program);
  registerReport(program);
  registerStats(program);
  registerRemove(program);
  registerEval(program);
  registerBrowser(program);
  return program;
}
