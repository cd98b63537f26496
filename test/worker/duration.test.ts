import { backoffDelay, isRetriable, Sleeper } from '../../src/worker/backoff';
import { formatDuration, parseDuration } from '../../src/worker/duration';
import { ConnectionError, InputError } from '../../src/pipeline/errors';

describe('durations', () => {
  it.each([
    ['500ms', 500], ['30s', 30_000], ['5m', 300_000], ['1h', 3_600_000], ['1.5s', 1500], ['45', 45_000], [' 2M ', 120_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '5 minutes', '-1s', '0s', '1w'])('refuses %j', (text) => expect(() => parseDuration(text)).toThrow());

  it('formats for people', () => {
    expect([250, 1500, 90_000, 7_200_000].map(formatDuration)).toEqual(['250ms', '1.5s', '1.5m', '2h']);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    expect(backoffDelay(0, { random: () => 1, baseMs: 100 })).toBe(100);
    expect(backoffDelay(3, { random: () => 1, baseMs: 100 })).toBe(800);
    expect(backoffDelay(20, { random: () => 1, baseMs: 100, capMs: 5000 })).toBe(5000);
    expect(backoffDelay(20, { random: () => 0.5, baseMs: 100, capMs: 5000 })).toBe(2500);
    expect(backoffDelay(5, { random: () => 0 })).toBe(10);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('tells passing Neo4j failures from the rest', () => {
    expect(isRetriable(new ConnectionError('lost Neo4j at bolt://x: connection refused'))).toBe(true);
    expect(isRetriable(Object.assign(new Error('x'), { code: 'Neo.TransientError.Transaction.DeadlockDetected' }))).toBe(true);
    expect(isRetriable(Object.assign(new Error('gone'), { code: 'ServiceUnavailable' }))).toBe(true);
    expect(isRetriable(new Error('connect ECONNREFUSED 127.0.0.1:7687'))).toBe(true);
    expect(isRetriable(Object.assign(new Error('CALL { ... } IN TRANSACTIONS can only be executed in an implicit transaction'), { code: 'Neo.DatabaseError.Transaction.TransactionStartFailed' }))).toBe(false);
    expect(isRetriable(Object.assign(new Error('x'), { code: 'Neo.ClientError.Cluster.NotALeader' }))).toBe(true);
    expect(isRetriable(Object.assign(new Error('x'), { code: 'Neo.ClientError.Schema.ConstraintValidationFailed' }))).toBe(false);
    expect(isRetriable(Object.assign(new Error('Invalid input'), { code: 'Neo.ClientError.Statement.SyntaxError' }))).toBe(false);
    expect(isRetriable(new InputError('E_JSON', 'invalid JSON', 'a.json'))).toBe(false);
    expect(isRetriable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isRetriable(new Error('ForsetiClient[1] can\'t acquire ExclusiveLock… DeadlockDetected'))).toBe(true);
    expect(isRetriable(new Error('The database is not currently available to serve your request, refer to the database logs for more details.'))).toBe(true);
    expect(isRetriable(new Error('Property values can only be of primitive types'))).toBe(false);
  });

  it('sleeps can be cut short', async () => {
    const s = new Sleeper();
    const t = Date.now();
    const p = s.sleep(5_000);
    setTimeout(() => s.wake(), 20);
    await p;
    expect(Date.now() - t).toBeLessThan(1000);
  });
});
