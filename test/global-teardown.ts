import path from 'node:path';

/** Stops the Neo4j that the global setup started (and only that one). */
export default async function globalTeardown(): Promise<void> {
  const home = process.env.NEWSGRAPH_TEST_STARTED_NEO4J;
  if (!home) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const neo4j = require(path.resolve(__dirname, '..', 'scripts', 'neo4j.js'));
  await neo4j.stop({ ...process.env, NEO4J_LOCAL_HOME: home }, { quiet: true });
}
