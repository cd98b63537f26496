import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Neo4jConfig } from '../config/config';
import { ConnectionError, NewsgraphError } from '../pipeline/errors';

/**
 * The driver, and the one place that turns driver failures into newsgraph errors. Only src/graph/
 * imports neo4j-driver.
 */

export type Tx = ManagedTransaction;
export type Row = Record<string, unknown>;

export const START_HINT = 'start one with npm run neo4j:start or docker compose up -d';

export type DriverOptions = Parameters<typeof neo4j.driver>[2];

export function createDriver(c: Neo4jConfig, overrides: DriverOptions = {}): Driver {
  // auth.none exists at run time (driver 6) but is missing from its type declarations.
  const none = (neo4j.auth as unknown as { none: () => ReturnType<typeof neo4j.auth.basic> }).none;
  const auth = c.password ? neo4j.auth.basic(c.user, c.password) : none();
  return neo4j.driver(c.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: 30_000,
    connectionAcquisitionTimeout: 20_000,
    logging: { level: 'error', logger: () => undefined },
    ...overrides,
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

/** Neo4j error codes and messages that mean "try again", whatever layer they come from. */
const TRANSIENT_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|connection (was )?(closed|lost|terminated|reset)|ServiceUnavailable|SessionExpired|DatabaseUnavailable|unavailable|not currently available|Retrying your request|Neo\.TransientError|deadlock|lock client|leader|no longer available|routing table|could not perform discovery|failed to connect|terminated/i;

/**
 * Server-side codes that say nothing against the statement: the database was starting, stopping or
 * changing leader, or the transaction was ended from outside. A worker waits these out.
 */
const PASSING_CODES = new Set([
  'ServiceUnavailable', 'SessionExpired',
  'Neo.ClientError.Database.DatabaseNotFound', // while the server starts, before the database is up (a wrong NEO4J_DATABASE is caught at start-up)
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.LockClientStopped',
]);

export function isRetriable(err: unknown): boolean {
  if (err instanceof NewsgraphError) return err.retriable;
  const e = err as { code?: unknown; retriable?: unknown; message?: unknown };
  if (e?.retriable === true) return true;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('Neo.TransientError') || PASSING_CODES.has(code)) return true;
  return TRANSIENT_MESSAGE.test(String(e?.message ?? err));
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

  /** A driver for `c` (with `overrides`), checked first unless `check` is false (ConnectionError when Neo4j does not answer). */
  static async connect(c: Neo4jConfig, overrides: DriverOptions = {}, check = true): Promise<Graph> {
    const driver = createDriver(c, overrides);
    if (check) {
      try {
        await verify(driver, c);
      } catch (err) {
        await driver.close();
        throw err;
      }
    }
    return new Graph(driver, c);
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transact('write', work);
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transact('read', work);
  }

  /** A managed transaction in a fresh session; driver failures come out as newsgraph errors. */
  private async transact<T>(mode: 'read' | 'write', work: (tx: Tx) => Promise<T>): Promise<T> {
    const accessMode = mode === 'write' ? neo4j.session.WRITE : neo4j.session.READ;
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: accessMode });
    try {
      return await (mode === 'write' ? session.executeWrite(work) : session.executeRead(work));
    } catch (err) {
      throw wrap(err, this.config);
    } finally {
      await session.close();
    }
  }

  async query(cypher: string, params: Record<string, unknown> = {}, mode: 'read' | 'write' = 'read'): Promise<Row[]> {
    return this.transact(mode, (tx) => run(tx, cypher, params));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

function wrap(err: unknown, c: Neo4jConfig): unknown {
  if (isConnectionFailure(err)) return new ConnectionError(`lost Neo4j at ${c.uri}: ${reasonOf(err)} (${START_HINT})`, err);
  if (!(err instanceof NewsgraphError) && isRetriable(err)) return new TransientGraphError(reasonOf(err), err);
  return err;
}

/** A failure that says nothing against the statement (deadlock, database restarting) and outlasted the driver's retries. */
export class TransientGraphError extends NewsgraphError {
  constructor(message: string, cause?: unknown) {
    super('E_NEO4J_TRANSIENT', message, true, cause);
    this.name = 'TransientGraphError';
  }
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
