import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryWriter } from '../../src/graph/memory-writer';
import { fileJob } from '../../src/worker/jobs';
import { Inbox } from '../../src/worker/inbox';
import { MemoryJobQueue } from '../../src/worker/memory-queue';
import { IngestWorker } from '../../src/worker/worker';
import { makeArticles, memoryLogger, stubIdOf, stubPool, tempDirs } from './helpers';

const tempDir = tempDirs();

const old = (file: string) => utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

function inboxWorld(maxBytes = 1 << 20) {
  const dir = tempDir('ng-inbox-');
  const queue = new MemoryJobQueue();
  const writer = new MemoryWriter();
  const { log, lines } = memoryLogger();
  const inbox = new Inbox(dir, queue, log, { pollMs: 50, settleMs: 300, host: 'testhost' });
  const worker = (once = true) =>
    new IngestWorker(
      { queue, writer, pool: stubPool(), log, sources: [inbox], idOf: stubIdOf },
      { owner: 'w1', leaseMs: 10_000, window: 40, pollMs: 50, once, maxAttempts: 3, scopes: [inbox.scope], statsMs: 60_000, maxBytes },
    );
  return { dir, queue, writer, inbox, worker, lines };
}

describe('the inbox', () => {
  it('ingests new files, moves them to done/, and poison to failed/ with the reason beside it', async () => {
    const { dir, inbox, worker, writer } = inboxWorld(4096);
    await inbox.init();
    const [a, b] = makeArticles(2, 'inbox');
    const files: Record<string, string | Buffer> = {
      'one.json': JSON.stringify(a),
      'two.txt': `${b.title}\n\n${b.text}`,
      'broken.json': '{"text": "no end',
      'picture.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
      'huge.txt': 'word '.repeat(2000),
      '.hidden.txt': 'not for us',
      'copying.json.part': 'half',
    };
    for (const [name, body] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), body);
      old(path.join(dir, name));
    }
    const s = await worker().run();
    expect(s.jobs).toMatchObject({ done: 2, failed: 3 });
    expect(writer.articles.size).toBe(2);
    expect(readdirSync(path.join(dir, 'done')).sort()).toEqual(['one.json', 'two.txt']);
    expect(readdirSync(path.join(dir, 'failed')).sort()).toEqual([
      'broken.json', 'broken.json.error.json', 'huge.txt', 'huge.txt.error.json', 'picture.png', 'picture.png.error.json',
    ]);
    const reason = (name: string) => JSON.parse(readFileSync(path.join(dir, 'failed', `${name}.error.json`), 'utf8'));
    expect(reason('broken.json')).toMatchObject({ file: 'broken.json', code: 'E_JSON', reason: expect.stringMatching(/invalid JSON/) });
    expect(reason('picture.png')).toMatchObject({ code: 'E_BINARY', reason: expect.stringMatching(/PNG/), attempts: 1, worker: 'w1' });
    expect(reason('huge.txt')).toMatchObject({ code: 'E_TOO_LARGE', reason: expect.stringMatching(/10000 bytes, over the limit of 4096/) });
    expect(reason('huge.txt').failures).toEqual([expect.objectContaining({ code: 'E_TOO_LARGE' })]);
    // Left alone: hidden and partial files.
    expect(readdirSync(dir).sort()).toEqual(['.hidden.txt', 'copying.json.part', 'done', 'failed']);
  });

  it('waits for a file being written to settle, and picks up files that arrive while it runs', async () => {
    const { dir, inbox, worker, queue } = inboxWorld();
    await inbox.init();
    const [a, b] = makeArticles(2, 'late');
    writeFileSync(path.join(dir, 'fresh.json'), JSON.stringify(a));
    expect(await inbox.poll()).toBe(0);
    expect(inbox.needsAnotherPass()).toBe(true);
    const w = worker(false);
    const running = w.run();
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path.join(dir, 'later.json'), JSON.stringify(b));
    const deadline = Date.now() + 5000;
    while (readdirSync(path.join(dir, 'done')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    w.stop('test');
    await running;
    expect(readdirSync(path.join(dir, 'done')).sort()).toEqual(['fresh.json', 'later.json']);
    expect((await queue.status()).done).toBe(2);
  });

  it('moves a file whose job finished before (a worker stopped before moving it) without ingesting it again', async () => {
    const { dir, inbox, queue, worker } = inboxWorld();
    await inbox.init();
    const file = path.join(dir, 'again.json');
    writeFileSync(file, JSON.stringify(makeArticles(1, 'again')[0]));
    old(file);
    const { size, mtimeMs } = statSync(file);
    const job = fileJob({ path: file, size, mtimeMs }, inbox.scope, dir);
    await queue.enqueue([job]);
    await queue.claim('gone', 1, { leaseMs: 10_000, scopes: [inbox.scope], maxAttempts: 3 });
    await queue.finish('gone', [{ id: job.id, status: 'failed', errorCode: 'E_JSON', error: 'invalid JSON: x', failures: '[]', added: 0, updated: 0, skipped: 0, failed: 1 }]);
    const s = await worker().run();
    expect(s.jobs.claimed).toBe(0);
    expect(existsSync(path.join(dir, 'failed', 'again.json'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'failed', 'again.json.error.json'), 'utf8'))).toMatchObject({ code: 'E_JSON', job: job.id });
  });

  it('never overwrites an earlier file of the same name in done/', async () => {
    const { dir, inbox, worker } = inboxWorld();
    await inbox.init();
    const [a, b] = makeArticles(2, 'same');
    for (const art of [a, b]) {
      writeFileSync(path.join(dir, 'daily.json'), JSON.stringify(art));
      old(path.join(dir, 'daily.json'));
      await worker().run();
    }
    expect(readdirSync(path.join(dir, 'done')).sort()).toEqual(['daily-2.json', 'daily.json']);
  });
});
