import { NewsgraphError } from '../pipeline/errors';

/**
 * Retrying what failed for a passing reason (Neo4j restarting, a lost connection, a deadlock) with
 * exponential backoff and full jitter, so workers that lost Neo4j together do not come back together.
 */

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

/** The delay before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)], at least 10 ms. */
export function backoffDelay(attempt: number, o: BackoffOptions = {}): number {
  const base = o.baseMs ?? 200;
  const cap = o.capMs ?? 5_000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.max(10, Math.round((o.random ?? Math.random)() * ceiling));
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

/** Whether a failed article's reason (a message only) says the write may succeed if tried again. */
export const isTransientMessage = (message: string): boolean => TRANSIENT_MESSAGE.test(message);

/** Resolves after `ms`, or at once when `wake` is called (sleeps are woken on shutdown). */
export class Sleeper {
  private wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.wakers.add(done);
    });
  }

  wake(): void {
    for (const w of [...this.wakers]) w();
  }
}
