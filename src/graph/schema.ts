import type { Graph } from './neo4j';
import { run } from './neo4j';
import { SCHEMA } from './queries';

export interface SchemaReport {
  constraints: number;
  indexes: number;
  created: number;
}

const COUNT = `
CALL () { SHOW CONSTRAINTS YIELD name RETURN count(name) AS constraints }
CALL () { SHOW INDEXES YIELD name RETURN count(name) AS indexes }
RETURN constraints, indexes`;

/** Creates the uniqueness constraints and indexes of the ontology (idempotent: IF NOT EXISTS). */
export async function ensureSchema(graph: Graph): Promise<SchemaReport> {
  const before = await graph.read((tx) => run(tx, COUNT));
  for (const statement of SCHEMA) await graph.query(statement, {}, 'write');
  await graph.query('CALL db.awaitIndexes(300)', {}, 'read');
  const after = (await graph.read((tx) => run(tx, COUNT)))[0];
  const total = (r: Record<string, unknown>) => Number(r.constraints) + Number(r.indexes);
  return { constraints: Number(after.constraints), indexes: Number(after.indexes), created: total(after) - total(before[0]) };
}
