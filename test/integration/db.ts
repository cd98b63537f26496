import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { Graph } from '../../src/graph/neo4j';
import { ensureSchema } from '../../src/graph/schema';

/**
 * Integration tests share one real Neo4j (Community has one user database), so test files take turns:
 * a lock directory serialises them across jest workers while unit tests run in parallel.
 */
const LOCK = path.join(os.tmpdir(), `newsgraph-test-db-${process.env.NEO4J_URI?.replace(/\W/g, '_')}.lock`);

export async function lockDb(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmdirSync(LOCK); // a crashed run left it
      } catch {
        /* gone meanwhile */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export function unlockDb(): void {
  try {
    rmdirSync(LOCK);
  } catch {
    /* already released */
  }
}

export const testConfig = () => loadConfig(process.env).neo4j;

export async function connect(): Promise<Graph> {
  return Graph.connect(testConfig());
}

/** Empties the database (data only) and makes sure the schema is there. */
export async function resetDb(g: Graph): Promise<void> {
  await g.query('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS', {}, 'write').catch(async () => {
    await g.query('MATCH (n) DETACH DELETE n', {}, 'write');
  });
  await ensureSchema(g);
}

/** Counts of every label and relationship type, for comparing graphs. */
export async function counts(g: Graph): Promise<Record<string, number>> {
  const rows = await g.query(`
    CALL () { MATCH (n) UNWIND labels(n) AS k RETURN k, count(*) AS n }
    RETURN k, n
    UNION ALL
    CALL () { MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n }
    RETURN k, n`);
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A fingerprint of the whole graph (but the run ledger and timestamps): every node with its labels and
 * aliases, every relationship with its endpoints, counts, dates and kept evidence. Equal fingerprints mean
 * the same graph, duplicates included.
 */
export async function fingerprint(g: Graph): Promise<string[]> {
  const nodes = await g.query(`
    MATCH (n) WHERE NOT n:IngestRun
    RETURN n.id AS id, labels(n) AS labels, n.aliases AS aliases`);
  const rels = await g.query(`
    MATCH (a)-[r]->(b)
    RETURN type(r) AS type, a.id AS from, b.id AS to, r.count AS count, r.title AS title,
           r.quotes AS quotes, r.evidenceArticleIds AS evidence, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen,
           r.articleIds AS articleIds, r.quote AS quote`);
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
  return [
    ...nodes.map((n) => JSON.stringify([n.id, norm(n.labels), norm(n.aliases)])),
    // Evidence lists keep their order: it is part of what a run must reproduce.
    ...rels.map((r) => JSON.stringify([r.type, r.from, r.to, r.count, r.title, r.quotes, r.evidence, r.firstSeen, r.lastSeen, norm(r.articleIds), r.quote])),
  ].sort();
}

/**
 * For a describe block that uses the database: takes the lock, connects and empties the database
 * before its tests, and releases both after them.
 */
export function exclusiveDb(): { readonly graph: Graph } {
  let g: Graph | undefined;
  beforeAll(async () => {
    await lockDb();
    g = await connect();
    await resetDb(g);
  });
  afterAll(async () => {
    await g?.close();
    unlockDb();
  });
  return {
    get graph(): Graph {
      if (!g) throw new Error('exclusiveDb: the database is only available inside tests');
      return g;
    },
  };
}
