import { InputError } from '../pipeline/errors';
import { defaultUserAgent } from '../stages/load/fetch';

/**
 * HTTP(S) GET for polling feeds: conditional requests (ETag / Last-Modified) so that an unchanged feed
 * costs a 304, a timeout, a size limit enforced while reading, and errors with stable codes. (Other
 * URLs are fetched by the loader.)
 */

export interface FetchOptions {
  maxBytes: number;
  timeoutMs?: number;
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  /** Aborts the request (the worker is stopping). */
  signal?: AbortSignal;
}

export interface Fetched {
  /** false on 304 Not Modified (no body). */
  modified: boolean;
  bytes: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export async function fetchBytes(url: string, o: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = {
    'user-agent': o.userAgent ?? defaultUserAgent(),
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  let res: Response;
  try {
    const timeout = AbortSignal.timeout(o.timeoutMs ?? 30_000);
    res = await fetch(url, { headers, redirect: 'follow', signal: o.signal ? AbortSignal.any([timeout, o.signal]) : timeout });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = o.signal?.aborted ? 'stopped' : e.name === 'TimeoutError' ? `no answer within ${Math.round((o.timeoutMs ?? 30_000) / 1000)}s` : e.cause?.code ?? e.cause?.message ?? e.message;
    throw new InputError('E_FETCH', `cannot fetch: ${why}`, url);
  }
  const meta = { contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  if (res.status === 304) return { modified: false, bytes: Buffer.alloc(0), ...meta };
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError('E_FETCH', `HTTP ${res.status} ${res.statusText}`.trim(), url);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > o.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError('E_TOO_LARGE', `${declared} bytes, over the limit of ${o.maxBytes} (see --max-bytes)`, url);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > o.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InputError('E_TOO_LARGE', `more than ${o.maxBytes} bytes (see --max-bytes)`, url);
      }
      chunks.push(Buffer.from(value));
    }
  }
  return { modified: true, bytes: Buffer.concat(chunks), ...meta };
}
