/**
 * One root error class with stable codes and a `retriable` flag (ARCHITECTURE.md §5).
 * Per-article problems are data (`Issue`); these errors are for what stops an article or a run.
 */
export class NewsgraphError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retriable = false,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'NewsgraphError';
  }
}

/** Neo4j cannot be reached: one clear line for the user, exit code 1. */
export class ConnectionError extends NewsgraphError {
  constructor(message: string, cause?: unknown) {
    super('E_NEO4J_UNAVAILABLE', message, true, cause);
    this.name = 'ConnectionError';
  }
}

/** Bad configuration or arguments: exit code 1, no stack trace. */
export class UsageError extends NewsgraphError {
  constructor(message: string) {
    super('E_USAGE', message, false);
    this.name = 'UsageError';
  }
}

/** An article that cannot be read or processed; the run goes on without it. */
export class InputError extends NewsgraphError {
  constructor(code: string, message: string, readonly origin: string) {
    super(code, message, false);
    this.name = 'InputError';
  }
}
