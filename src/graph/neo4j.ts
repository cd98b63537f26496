import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Neo4jConfig } from '../config/config';
import { ConnectionError } from '../pipeline/errors';

/**
 * The driver, and the one place that turns driver failures into newsgraph errors. Only src/graph/
 * imports neo4j-driver.
 */

export type Tx = ManagedTransaction;
export type Row = Record<string, unknown>;

export const START_HINT = 'start one with npm run neo4j:start or docker compose up -d';

export function createDriver(c: Neo4jConfig): Driver {
  // auth.none exists at run time (driver 6) but is missing from its type declarations.
  const none = (neo4j.auth as unknown as { none: () => ReturnType<typeof neo4j.auth.basic> }).none;
  const auth = c.password ? neo4j.auth.basic(c.user, c.password) : none();
  return neo4j.driver(c.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 30_000,
    connectionAcquisitionTimeout: 20_000,
    logging: { level: 'error', logger: () => undefined },
  });
}

/** Short reason for a connection failure, e.g. "connection refused". */
export function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const msg = String(e?.message ?? err);
  if (/ECONNREFUSED/.test(msg)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(msg)) return 'host not found';
  if (/ETIMEDOUT|timed out|timeout/i.test(msg)) return 'connection timed out';
  if (/Unauthorized|authentication/i.test(msg) || e?.code === 'Neo.ClientError.Security.Unauthorized') return 'authentication failed (check NEO4J_USER and NEO4J_PASSWORD)';
  if (/database.*does not exist|DatabaseNotFound/i.test(msg)) return 'database not found (check NEO4J_DATABASE)';
  return msg.split('\n')[0].replace(/\s+/g, ' ').slice(0, 200);
}

export async function verify(driver: Driver, c: Neo4jConfig): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: c.database });
  } catch (err) {
    throw new ConnectionError(`cannot reach Neo4j at ${c.uri}: ${reasonOf(err)} (${START_HINT})`, err);
  }
}

export function isConnectionFailure(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET/.test(String((err as Error)?.message));
}

export function records(result: QueryResult): Row[] {
  return result.records.map((r) => r.toObject() as Row);
}

/** A session-scoped helper: managed write and read transactions (the driver retries transient errors). */
export class Graph {
  constructor(readonly driver: Driver, readonly config: Neo4jConfig) {}

  static async connect(c: Neo4jConfig): Promise<Graph> {
    const driver = createDriver(c);
    try {
      await verify(driver, c);
    } catch (err) {
      await driver.close();
      throw err;
    }
    return new Graph(driver, c);
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw wrap(err, this.config);
    } finally {
      await session.close();
    }
  }

  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } catch (err) {
      throw wrap(err, this.config);
    } finally {
      await session.close();
    }
  }

  async query(cypher: string, params: Record<string, unknown> = {}, mode: 'read' | 'write' = 'read'): Promise<Row[]> {
    const work = (tx: Tx) => run(tx, cypher, params);
    return mode === 'read' ? this.read(work) : this.write(work);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

function wrap(err: unknown, c: Neo4jConfig): unknown {
  if (isConnectionFailure(err)) return new ConnectionError(`lost Neo4j at ${c.uri}: ${reasonOf(err)} (${START_HINT})`, err);
  return err;
}

export async function run(tx: Tx, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  return records(await tx.run(cypher, toCypher(params) as Record<string, unknown>));
}

/**
 * JS numbers travel as Cypher FLOAT; whole numbers become INTEGER here, so offsets and counts are
 * stored as integers and `LIMIT $limit` works.
 */
export function toCypher(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypher);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCypher(v);
    return out;
  }
  return value;
}
