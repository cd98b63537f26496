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

/** What counts as a passing failure is the graph layer's knowledge; the worker retries on it. */
export { isRetriable } from '../graph/neo4j';

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
