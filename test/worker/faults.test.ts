import { MemoryWriter } from '../../src/graph/memory-writer';
import type { ClaimOptions, JobQueue, JobResult, NewJob } from '../../src/graph/job-queue';
import type { GraphWriter } from '../../src/graph/writer';
import type { ExtractionResult } from '../../src/model/extraction';
import { ConnectionError } from '../../src/pipeline/errors';
import { itemJob } from '../../src/worker/jobs';
import { MemoryJobQueue } from '../../src/worker/memory-queue';
import { IngestWorker } from '../../src/worker/worker';
import { makeArticles, memoryLogger, stubIdOf, stubPool, waitFor } from './helpers';

/**
 * Neo4j failing at random moments, including after a transaction committed but before the worker heard
 * so (the answer lost with the connection): whatever happens, every job ends up done and every article
 * is written exactly once. A seeded generator makes each run repeatable.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

class Flaky {
  calls = 0;
  failures = 0;
  constructor(private readonly random: () => number, private readonly rate: number) {}
  async run<T>(op: () => Promise<T>): Promise<T> {
    this.calls++;
    const r = this.random();
    if (r < this.rate / 2) {
      this.failures++;
      throw new ConnectionError('lost Neo4j at bolt://test: connection refused');
    }
    const result = await op();
    if (r < this.rate) {
      this.failures++;
      throw new ConnectionError('lost Neo4j at bolt://test: connection reset (the answer was lost)');
    }
    return result;
  }
}

class FlakyQueue implements JobQueue {
  constructor(readonly inner: MemoryJobQueue, private readonly f: Flaky) {}
  ensureSchema() { return this.inner.ensureSchema(); }
  enqueue(jobs: readonly NewJob[], o?: { requeue?: boolean }) { return this.f.run(() => this.inner.enqueue(jobs, o)); }
  existing(ids: readonly string[]) { return this.f.run(() => this.inner.existing(ids)); }
  claim(owner: string, n: number, o: ClaimOptions) { return this.f.run(() => this.inner.claim(owner, n, o)); }
  renew(owner: string, ids: readonly string[], leaseMs: number) { return this.f.run(() => this.inner.renew(owner, ids, leaseMs)); }
  finish(owner: string, results: readonly JobResult[]) { return this.f.run(() => this.inner.finish(owner, results)); }
  release(owner: string, ids: readonly string[]) { return this.f.run(() => this.inner.release(owner, ids)); }
  status() { return this.inner.status(); }
}

class FlakyWriter implements GraphWriter {
  writes = new Map<string, number>();
  constructor(readonly inner: MemoryWriter, private readonly f: Flaky) {}
  existingArticles(ids: readonly string[]) { return this.f.run(() => this.inner.existingArticles(ids)); }
  writeArticles(results: readonly ExtractionResult[]) {
    return this.f.run(async () => {
      const out = await this.inner.writeArticles(results);
      for (const o of out) if (o.status === 'added') this.writes.set(o.articleId, (this.writes.get(o.articleId) ?? 0) + 1);
      return out;
    });
  }
  removeArticle(ref: string) { return this.inner.removeArticle(ref); }
  recordRun() { return Promise.resolve(); }
  stats() { return this.inner.stats(); }
  close() { return Promise.resolve(); }
}

describe('IngestWorker when Neo4j fails at random moments', () => {
  it.each([
    [1, 1], [2, 1], [3, 1], [4, 1], [5, 2], [6, 2], [7, 2], [8, 2],
  ])('seed %i, %i worker(s): every job done, every article written once', async (seed, count) => {
    const random = rng(seed);
    const flaky = new Flaky(random, 0.3);
    const queue = new FlakyQueue(new MemoryJobQueue(), flaky);
    const writer = new FlakyWriter(new MemoryWriter(), flaky);
    const { log, lines } = memoryLogger('info');
    const articles = makeArticles(80, `fault${seed}`);
    await queue.inner.enqueue(articles.map((a) => itemJob(a.id, a)));
    const workers = ['w1', 'w2'].slice(0, count).map(
      (owner) =>
        new IngestWorker(
          { queue, writer, pool: stubPool({ size: 2 }), log, idOf: stubIdOf },
          { owner, leaseMs: 60, window: 8, pollMs: 5, once: false, maxAttempts: 1000, scopes: [], statsMs: 60_000, maxBytes: 1 << 20, retry: { baseMs: 1, capMs: 5 } },
        ),
    );
    const runs = workers.map((w) => w.run());
    try {
      await waitFor('all done', async () => (await queue.inner.status()).done, (n) => n === 80, 20_000, 10);
    } finally {
      workers.forEach((w) => w.stop('test'));
    }
    const summaries = await Promise.all(runs);
    expect(flaky.failures).toBeGreaterThan(10);
    expect(await queue.inner.status()).toMatchObject({ done: 80, running: 0, queued: 0, failed: 0 });
    expect(writer.inner.articles.size).toBe(80);
    expect([...writer.writes.values()].every((n) => n === 1)).toBe(true);
    expect(summaries.reduce((n, s) => n + s.articles.failed, 0)).toBe(0);
    expect(lines.filter((l) => l.event === 'fatal')).toEqual([]);
  });
});
