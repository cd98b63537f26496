import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MemoryWriter } from '../../src/graph/memory-writer';
import { FeedPoller } from '../../src/worker/feeds';
import { fetchUrl } from '../../src/stages/load/fetch';
import { MemoryJobQueue } from '../../src/worker/memory-queue';
import { IngestWorker } from '../../src/worker/worker';
import { memoryLogger, stubIdOf, stubPool, tempDirs } from './helpers';

const tempDir = tempDirs();

const rssItem = (n: number, extra = '') => `
  <item>
    <title>Ministers from Kenya and Japan meet (${n})</title>
    <link>https://news.example.org/story/${n}</link>
    <guid isPermaLink="false">story-${n}</guid>
    <pubDate>Tue, 05 Mar 2024 10:0${n % 10}:00 GMT</pubDate>
    <description><![CDATA[<p>Ministers from Kenya and Japan met in Nairobi on Tuesday, item ${n}.</p><p>They agreed to meet again &amp; to &quot;keep talking&quot;.</p>]]></description>
    ${extra}
  </item>`;
const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example News</title>${items.join('')}</channel></rss>`;

function world(feeds: string[]) {
  const queue = new MemoryJobQueue();
  const writer = new MemoryWriter();
  const { log, lines } = memoryLogger();
  const poller = () => new FeedPoller(feeds, queue, log, { intervalMs: 60_000, maxBytes: 1 << 20, fetchTimeoutMs: 5_000 });
  return { queue, writer, log, lines, poller };
}

describe('feed polling', () => {
  it('queues each item once, across polls and restarts, and queues new items as they appear', async () => {
    const dir = tempDir('ng-feed-');
    const file = path.join(dir, 'news.xml');
    writeFileSync(file, rss([rssItem(1), rssItem(2), rssItem(3)]));
    const w = world([file]);
    expect(await w.poller().poll()).toBe(3);
    const first = w.poller();
    expect(await first.poll()).toBe(0);
    writeFileSync(file, rss([rssItem(4), rssItem(1), rssItem(2), rssItem(3)]));
    expect(await first.poll()).toBe(1);
    expect(await w.poller().poll()).toBe(0); // a restarted worker: the queue remembers
    expect((await w.queue.status()).queued).toBe(4);
    // The items carry their article: a worker ingests them with no access to the feed.
    const worker = new IngestWorker(
      { queue: w.queue, writer: w.writer, pool: stubPool(), log: w.log, idOf: stubIdOf },
      { owner: 'w', leaseMs: 10_000, window: 20, pollMs: 20, once: true, maxAttempts: 3, scopes: [], statsMs: 60_000, maxBytes: 1 << 20 },
    );
    const s = await worker.run();
    expect(s.articles.added).toBe(4);
    expect([...w.writer.articles.values()].map((a) => a.externalId).sort()).toEqual(['story-1', 'story-2', 'story-3', 'story-4']);
    // Done jobs keep their ids (for de-duplication) and drop their payload.
    expect([...w.queue.jobs.values()].every((j) => j.status === 'done' && j.payload === null)).toBe(true);
    expect(await w.poller().poll()).toBe(0);
  });

  it('polls a URL with conditional requests and reports a feed it cannot read', async () => {
    let requests = 0;
    let conditional = 0;
    const body = rss([rssItem(7), rssItem(8)]);
    const server = http.createServer((req, res) => {
      requests++;
      if (req.url === '/missing') return void res.writeHead(404).end('no');
      if (req.headers['if-none-match'] === '"v1"') {
        conditional++;
        return void res.writeHead(304).end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const w = world([`${base}/feed`, `${base}/missing`]);
      const p = w.poller();
      expect(await p.poll()).toBe(2);
      expect(await p.poll()).toBe(0);
      expect(conditional).toBe(1);
      expect(requests).toBe(4);
      expect(p.problems).toBe(2);
      expect(w.lines.filter((l) => l.event === 'feed-error')).toEqual([
        expect.objectContaining({ feed: `${base}/missing`, code: 'E_FETCH', reason: 'HTTP 404 Not Found', level: 'warn' }),
        expect.objectContaining({ feed: `${base}/missing` }),
      ]);
      const [job] = [...w.queue.jobs.values()];
      expect(job.origin).toBe(`${base}/feed`);
      const carried = JSON.parse(job.payload!);
      expect(carried).toMatchObject({ id: 'story-7', url: 'https://news.example.org/story/7', title: 'Ministers from Kenya and Japan meet (7)' });
      expect(carried.text).toMatch(/^Ministers from Kenya and Japan met in Nairobi on Tuesday, item 7\./);
      expect(carried.text).not.toMatch(/<p>/);
      expect(carried.origin.startsWith(`${base}/feed`)).toBe(true);
      expect(await fetchUrl(`${base}/feed`, { maxBytes: 100, timeoutMs: 5000, maxRedirects: 0 })).toMatchObject({ ok: false, code: 'E_TOO_LARGE' });
    } finally {
      server.close();
    }
  });

  it('reports a broken feed and an item without text once each, and keeps polling', async () => {
    const dir = tempDir('ng-feed-');
    const broken = path.join(dir, 'broken.rss');
    writeFileSync(broken, '<rss><channel><item><title>cut off');
    const partial = path.join(dir, 'partial.rss');
    writeFileSync(partial, rss([rssItem(5), '<item><title>No body</title><guid>empty-1</guid></item>']));
    const w = world([broken, partial, path.join(dir, 'absent.rss')]);
    const p = w.poller();
    expect(await p.poll()).toBe(1);
    expect(await p.poll()).toBe(0);
    expect(p.problems).toBe(4); // broken twice, absent twice; the partial feed is fine
    const itemErrors = w.lines.filter((l) => l.event === 'feed-item-error');
    expect(itemErrors.filter((l) => l.feed === partial)).toHaveLength(1);
    expect(itemErrors.filter((l) => l.feed === broken)).toHaveLength(1);
    expect(w.lines.filter((l) => l.event === 'feed-error')).toEqual([
      expect.objectContaining({ code: 'E_NOT_FOUND' }), expect.objectContaining({ code: 'E_NOT_FOUND' }),
    ]);
  });
});
