import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryWriter } from '../../src/graph/memory-writer';
import { TransientGraphError } from '../../src/graph/neo4j';
import type { ArticleOutcome, GraphWriter } from '../../src/graph/writer';
import type { ExtractionResult } from '../../src/model/extraction';
import { ConnectionError } from '../../src/pipeline/errors';
import { fileJob, itemJob } from '../../src/worker/jobs';
import { MemoryJobQueue } from '../../src/worker/memory-queue';
import { IngestWorker } from '../../src/worker/worker';
import type { WorkerOptions } from '../../src/worker/worker';
import { makeArticles, memoryLogger, sleep, stubIdOf, stubPool, tempDirs, waitFor } from './helpers';

const tempDir = tempDirs();

const OPTIONS: WorkerOptions = {
  owner: 'w1', leaseMs: 10_000, window: 30, pollMs: 20, once: true, maxAttempts: 3, scopes: [], statsMs: 60_000, maxBytes: 1 << 20,
  retry: { baseMs: 5, capMs: 20 },
};

/** A writer that counts its calls and can be told to fail. */
class SpyWriter implements GraphWriter {
  readonly inner = new MemoryWriter();
  batches: number[][] = [];
  failNext = 0;
  transientFor = new Set<string>();
  delayMs = 0;
  existingArticles(ids: readonly string[]) {
    return this.inner.existingArticles(ids);
  }
  async writeArticles(results: readonly ExtractionResult[]): Promise<ArticleOutcome[]> {
    if (this.delayMs) await sleep(this.delayMs);
    if (this.failNext > 0) {
      this.failNext--;
      throw new ConnectionError('lost Neo4j at bolt://test: connection refused');
    }
    // Like the Neo4j writer: a passing failure (a deadlock past the driver's retries) writes nothing and is thrown.
    const flaky = results.filter((r) => this.transientFor.has(r.article.id));
    if (flaky.length) {
      for (const r of flaky) this.transientFor.delete(r.article.id);
      throw new TransientGraphError('Neo.TransientError.Transaction.DeadlockDetected: try again');
    }
    const outcomes = await this.inner.writeArticles(results);
    this.batches.push(results.map((r) => results.indexOf(r)));
    return outcomes;
  }
  removeArticle(ref: string) {
    return this.inner.removeArticle(ref);
  }
  recordRun() {
    return Promise.resolve();
  }
  stats() {
    return this.inner.stats();
  }
  close() {
    return Promise.resolve();
  }
}

function setup(o: Partial<WorkerOptions> = {}, poolOptions: { size?: number; delayMs?: number } = {}) {
  const queue = new MemoryJobQueue();
  const writer = new SpyWriter();
  const pool = stubPool(poolOptions);
  const { log, lines } = memoryLogger();
  const worker = new IngestWorker({ queue, writer, pool, log, idOf: stubIdOf }, { ...OPTIONS, ...o });
  return { queue, writer, pool, log, lines, worker };
}

const articleJobs = (n: number, prefix = 'w') => makeArticles(n, prefix).map((a) => itemJob(a.id, a, 'test'));

describe('IngestWorker', () => {
  it('ingests every queued job once, batching writes across jobs, and logs each article with its timing', async () => {
    const { queue, writer, worker, lines, pool } = setup();
    await queue.enqueue(articleJobs(100));
    const s = await worker.run();
    expect(s.jobs).toMatchObject({ claimed: 100, done: 100, failed: 0, released: 0 });
    expect(s.articles).toEqual({ added: 100, updated: 0, skipped: 0, failed: 0 });
    expect(writer.inner.articles.size).toBe(100);
    expect(pool.extracted).toHaveLength(100);
    expect(writer.batches.length).toBeLessThan(100 / 3);
    expect(Math.max(...writer.batches.map((b) => b.length))).toBeGreaterThan(1);
    expect((await queue.status())).toMatchObject({ done: 100, queued: 0, running: 0 });
    const articles = lines.filter((l) => l.event === 'article');
    expect(articles).toHaveLength(100);
    for (const a of articles) {
      expect(a).toMatchObject({ status: 'added', worker: 'test', level: 'info' });
      expect(typeof a.extractMs).toBe('number');
      expect(typeof a.writeMs).toBe('number');
      expect(typeof a.ms).toBe('number');
    }
    expect(lines.filter((l) => l.event === 'job')).toHaveLength(100);
    expect(lines.find((l) => l.event === 'stats' && l.final === true)).toMatchObject({ articles: { added: 100 } });
  });

  it('skips articles the graph already has without extracting them', async () => {
    const { queue, worker, pool, writer } = setup();
    const articles = makeArticles(10);
    await writer.inner.writeArticles((await stubPool().extractAll(articles.slice(0, 4))).map((x) => (x as { result: ExtractionResult }).result));
    await queue.enqueue(articles.map((a) => itemJob(a.id, a)));
    const s = await worker.run();
    expect(s.articles).toMatchObject({ added: 6, skipped: 4 });
    expect(pool.extracted).toHaveLength(6);
  });

  it('never holds more than the window of articles, however large the job', async () => {
    const dir = tempDir('ng-worker-');
    const file = path.join(dir, 'big.jsonl');
    writeFileSync(file, makeArticles(400, 'big').map((a) => JSON.stringify(a)).join('\n'));
    const { queue, writer, worker } = setup({ window: 24 });
    writer.delayMs = 5; // writing is the slow part: the producer must wait for it
    await queue.enqueue([fileJob({ path: file, size: 1, mtimeMs: 1 })]);
    const s = await worker.run();
    expect(s.articles.added).toBe(400);
    expect(s.maxHeld).toBeLessThanOrEqual(24);
    expect(s.maxHeld).toBeGreaterThanOrEqual(8);
    expect(writer.batches.length).toBeGreaterThanOrEqual(400 / 8);
    expect(s.jobs.done).toBe(1);
  });

  it('fails poison jobs with their reason and goes on with the rest', async () => {
    const dir = tempDir('ng-worker-');
    const bin = path.join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"text": "unterminated');
    const { queue, worker, writer, lines } = setup();
    const good = articleJobs(5);
    const boom = makeArticles(1, 'boom').map((a) => itemJob(a.id, { ...a, text: a.text + ' EXPLODE' }))[0];
    await queue.enqueue([
      good[0],
      fileJob({ path: bin, size: 12, mtimeMs: 1 }),
      good[1],
      fileJob({ path: bad, size: 10, mtimeMs: 1 }),
      fileJob({ path: path.join(dir, 'missing.txt'), size: 0, mtimeMs: 0 }),
      { id: 'job:item:nopayload', kind: 'item', input: 'x', payload: 'not json' },
      boom,
      ...good.slice(2),
    ]);
    const s = await worker.run();
    expect(s.jobs).toMatchObject({ done: 5, failed: 5 });
    expect(writer.inner.articles.size).toBe(5);
    const failed = [...queue.jobs.values()].filter((j) => j.status === 'failed').map((j) => [j.input, j.errorCode]);
    expect(failed).toEqual(
      expect.arrayContaining([
        [bin, 'E_BINARY'], [bad, 'E_JSON'], [path.join(dir, 'missing.txt'), 'E_NOT_FOUND'], ['x', 'E_JOB'], ['boom-0', 'E_EXTRACT'],
      ]),
    );
    const binJob = [...queue.jobs.values()].find((j) => j.input === bin)!;
    expect(binJob.error).toMatch(/PNG/);
    expect(JSON.parse(binJob.failures!)).toEqual([expect.objectContaining({ code: 'E_BINARY', origin: bin })]);
    expect(lines.filter((l) => l.event === 'job' && l.status === 'failed' && l.level === 'warn')).toHaveLength(5);
  });

  it('waits out a Neo4j outage, logs it once, and loses nothing', async () => {
    const { queue, writer, worker, lines } = setup();
    writer.failNext = 4;
    await queue.enqueue(articleJobs(40));
    const s = await worker.run();
    expect(s.articles.added).toBe(40);
    expect(s.outages).toBe(1);
    expect(lines.filter((l) => l.event === 'neo4j-down')).toHaveLength(1);
    expect(lines.filter((l) => l.event === 'neo4j-up')).toHaveLength(1);
    expect((await queue.status())).toMatchObject({ done: 40, failed: 0 });
  });

  it('writes again the articles that failed for a passing reason', async () => {
    const { queue, writer, worker } = setup();
    const articles = makeArticles(6);
    writer.transientFor.add(stubIdOf(articles[2]));
    await queue.enqueue(articles.map((a) => itemJob(a.id, a)));
    const s = await worker.run();
    expect(s.articles).toMatchObject({ added: 6, failed: 0 });
    expect(s.jobs.failed).toBe(0);
  });

  it('on stop, finishes the articles in flight and gives the unstarted jobs back', async () => {
    const dir = tempDir('ng-worker-');
    const all = makeArticles(300, 'stop');
    const files = Array.from({ length: 30 }, (_, i) => {
      const file = path.join(dir, `part-${String(i).padStart(2, '0')}.jsonl`);
      writeFileSync(file, all.slice(i * 10, i * 10 + 10).map((a) => JSON.stringify(a)).join('\n'));
      return fileJob({ path: file, size: 1, mtimeMs: 1 });
    });
    const { queue, writer, worker } = setup({ once: false, window: 12 }, { delayMs: 15, size: 2 });
    await queue.enqueue(files);
    const running = worker.run();
    await waitFor('some jobs done', async () => (await queue.status()).done, (n) => n >= 2, 10_000, 5);
    worker.stop('test');
    const s = await running;
    const st = await queue.status();
    expect(st.running).toBe(0);
    expect(st.done + st.queued).toBe(30);
    expect(st.queued).toBeGreaterThan(20);
    // The job it was in the middle of went back, without counting an attempt.
    expect(s.jobs.released).toBeGreaterThanOrEqual(1);
    for (const j of queue.jobs.values()) if (j.status === 'queued') expect(j.attempts).toBe(0);
    // Every article of a done job is written; what was in flight was written whole.
    const done = [...queue.jobs.values()].filter((j) => j.status === 'done');
    expect(writer.inner.articles.size).toBeGreaterThanOrEqual(done.length * 10);
    expect(s.articles.added).toBe(writer.inner.articles.size);
    // Another worker finishes the rest: every article once.
    const { log } = memoryLogger();
    const next = new IngestWorker({ queue, writer, pool: stubPool(), log, idOf: stubIdOf }, { ...OPTIONS, owner: 'w2' });
    const s2 = await next.run();
    expect(writer.inner.articles.size).toBe(300);
    expect(s2.articles.added + s.articles.added).toBe(300);
    expect((await queue.status())).toMatchObject({ done: 30, queued: 0 });
  });

  it('stops recording a job whose lease another worker took, and does not overwrite its result', async () => {
    const { queue, worker, lines } = setup({ once: false, leaseMs: 60_000 }, { delayMs: 40, size: 1 });
    await queue.enqueue(articleJobs(3));
    const running = worker.run();
    await waitFor('claimed', async () => (await queue.status()).running, (n) => n === 3, 5_000, 2);
    // The lease runs out and another worker takes the jobs and finishes them first.
    for (const j of queue.jobs.values()) queue.expire(j.id);
    const other = await queue.claim('w2', 3, { leaseMs: 60_000, scopes: [], maxAttempts: 3 });
    await queue.finish('w2', other.jobs.map((j) => ({ id: j.id, status: 'done' as const, added: 1, updated: 0, skipped: 0, failed: 0 })));
    await waitFor('lost', () => lines.filter((l) => l.event === 'lease-lost').length, (n) => n >= 1, 5_000, 5);
    worker.stop('test');
    const s = await running;
    expect(s.jobs.done).toBe(0);
    expect([...queue.jobs.values()].every((j) => j.status === 'done')).toBe(true);
  });

  it('serves scoped jobs only when it serves the scope', async () => {
    const { queue, worker } = setup();
    const [a, b] = articleJobs(2);
    await queue.enqueue([{ ...a, scope: 'inbox:elsewhere:/in' }, b]);
    const s = await worker.run();
    expect(s.jobs.claimed).toBe(1);
    expect((await queue.status())).toMatchObject({ queued: 1, done: 1 });
  });
});
