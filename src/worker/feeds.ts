import { promises as fs } from 'node:fs';
import type { JobQueue, NewJob } from '../graph/job-queue';
import type { ArticleInput } from '../model/extraction';
import { articleIdOf } from '../pipeline/article-id';
import { InputError } from '../pipeline/errors';
import { DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, parseBytes } from '../stages/load';
import { fetchUrl } from '../stages/load/fetch';
import { isUrl, itemJob } from './jobs';
import type { Logger } from './log';
import type { WorkerSource } from './worker';

/**
 * RSS and Atom feeds (URLs or files), polled on an interval and read by the shared loader. Each item
 * becomes a job that carries the article, keyed by the item's guid (else its link, else its text), so an
 * item is queued once across restarts and across workers polling the same feed. An unchanged feed costs
 * a conditional request.
 */

export interface FeedOptions {
  intervalMs: number;
  maxBytes: number;
  fetchTimeoutMs?: number;
}

/** The de-duplication key of a feed item: its guid, else its url, else its text's article id. */
export const itemKey = (input: ArticleInput): string => input.id ?? input.url ?? articleIdOf(input);

export class FeedPoller implements WorkerSource {
  readonly name = 'feeds';
  readonly intervalMs: number;
  problems = 0;
  private readonly cache = new Map<string, { etag: string | null; lastModified: string | null }>();
  private readonly reported = new Set<string>();
  private readonly aborter = new AbortController();

  constructor(readonly feeds: readonly string[], private readonly queue: JobQueue, private readonly log: Logger, private readonly o: FeedOptions) {
    this.intervalMs = o.intervalMs;
  }

  async poll(): Promise<number> {
    let added = 0;
    for (const feed of this.feeds) {
      if (this.aborter.signal.aborted) break;
      added += await this.pollOne(feed);
    }
    return added;
  }

  stop(): void {
    this.aborter.abort();
  }

  private async read(feed: string): Promise<{ bytes: Buffer; charset: string | null } | null> {
    if (isUrl(feed)) {
      const c = this.cache.get(feed);
      const got = await fetchUrl(feed, {
        maxBytes: this.o.maxBytes, timeoutMs: this.o.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS, maxRedirects: DEFAULT_MAX_REDIRECTS,
        etag: c?.etag, lastModified: c?.lastModified, signal: this.aborter.signal,
      });
      if (!got.ok) throw new InputError(got.code, got.message, feed);
      if (got.notModified) return null;
      this.cache.set(feed, { etag: got.etag, lastModified: got.lastModified });
      return { bytes: got.bytes, charset: got.charset };
    }
    const stat = await fs.stat(feed).catch(() => null);
    if (!stat) throw new InputError('E_NOT_FOUND', 'no such file', feed);
    if (stat.size > this.o.maxBytes) throw new InputError('E_TOO_LARGE', `file is ${stat.size} bytes, over the limit of ${this.o.maxBytes} (see --max-bytes)`, feed);
    return { bytes: await fs.readFile(feed), charset: null };
  }

  /** One feed: new items are enqueued; problems are logged (once each) and counted, never thrown. */
  async pollOne(feed: string): Promise<number> {
    const t = Date.now();
    let got: { bytes: Buffer; charset: string | null } | null;
    try {
      got = await this.read(feed);
    } catch (err) {
      if (this.aborter.signal.aborted) return 0;
      this.problems++;
      const e = err as InputError;
      this.log.warn({ event: 'feed-error', feed, code: e.code ?? 'E_FETCH', reason: e.message }, `feed ${feed}: ${e.message}`);
      return 0;
    }
    if (got === null) {
      this.log.debug({ event: 'feed', feed, modified: false }, 'feed not modified');
      return 0;
    }
    const jobs: NewJob[] = [];
    let bad = 0;
    for (const item of parseBytes(got.bytes, feed, { maxBytes: this.o.maxBytes }, { format: 'feed', charset: got.charset, baseUrl: isUrl(feed) ? feed : null })) {
      if (!item.ok) {
        bad++;
        const key = `${item.origin}|${item.code}`;
        if (!this.reported.has(key)) {
          this.reported.add(key);
          this.log.warn({ event: 'feed-item-error', feed, origin: item.origin, code: item.code, reason: item.message }, 'feed item skipped');
        }
        continue;
      }
      jobs.push(itemJob(itemKey(item.input), item.input, feed));
    }
    if (bad > 0 && jobs.length === 0) this.problems++;
    const seen = await this.queue.existing(jobs.map((j) => j.id));
    const fresh = jobs.filter((j) => !seen.has(j.id));
    const results = fresh.length ? await this.queue.enqueue(fresh) : [];
    const added = results.filter((r) => r.created).length;
    this.log.info({ event: 'feed', feed, items: jobs.length + bad, new: added, failed: bad, ms: Date.now() - t }, `feed ${feed}: ${added} new items`);
    return added;
  }
}
