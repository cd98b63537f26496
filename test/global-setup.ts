import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Before any test: compile (the CLI tests run the real `bin/newsgraph.js` on dist/) and, unless NEO4J_URI
 * points at a server already, start a real Neo4j 5.26 on test ports with a fresh data folder.
 */
const ROOT = path.resolve(__dirname, '..');

export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
  if (process.env.NEO4J_URI) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const neo4j = require(path.join(ROOT, 'scripts', 'neo4j.js'));
  const env = {
    ...process.env,
    NEO4J_LOCAL_HOME: process.env.NEO4J_TEST_HOME ?? path.join(ROOT, '.neo4j-test'),
    NEO4J_LOCAL_BOLT_PORT: process.env.NEO4J_TEST_BOLT_PORT ?? '17687',
    NEO4J_LOCAL_HTTP_PORT: process.env.NEO4J_TEST_HTTP_PORT ?? '17474',
  };
  const s = neo4j.settings(env);
  // A fresh database for every run, unless a test Neo4j is already up (e.g. left running on purpose).
  if (!(await neo4j.portOpen(s.bolt))) require('node:fs').rmSync(path.join(s.home, 'data'), { recursive: true, force: true });
  const started = await neo4j.start(env, { quiet: true });
  process.stderr.write(`\n[tests] Neo4j ${started.started ? `started in ${started.seconds}s` : 'already running'} at bolt://127.0.0.1:${s.bolt}\n`);
  process.env.NEO4J_URI = `bolt://127.0.0.1:${s.bolt}`;
  process.env.NEO4J_TEST_HTTP_URL = `http://localhost:${s.http}`;
  process.env.NEWSGRAPH_TEST_STARTED_NEO4J = started.started ? env.NEO4J_LOCAL_HOME! : '';
}
