import type { Graph } from './neo4j';
import { SCHEMA } from './queries';

export interface SchemaReport {
  constraints: number;
  indexes: number;
  created: number;
}

async function count(graph: Graph): Promise<{ constraints: number; indexes: number }> {
  const [c] = await graph.query('SHOW CONSTRAINTS YIELD name RETURN count(name) AS n');
  const [i] = await graph.query('SHOW INDEXES YIELD name RETURN count(name) AS n');
  return { constraints: Number(c.n), indexes: Number(i.n) };
}

/** Creates the uniqueness constraints and indexes of the ontology (idempotent: IF NOT EXISTS). */
export async function ensureSchema(graph: Graph): Promise<SchemaReport> {
  const before = await count(graph);
  for (const statement of SCHEMA) await graph.query(statement, {}, 'write');
  await graph.query('CALL db.awaitIndexes(300)', {}, 'read');
  const after = await count(graph);
  return { ...after, created: after.constraints + after.indexes - before.constraints - before.indexes };
}
