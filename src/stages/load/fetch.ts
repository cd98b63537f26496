import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import type { InputFormat } from './types';

/**
 * http(s) inputs, through Node's global fetch: one deadline for the whole exchange (connection, redirects
 * and body), redirects followed by hand up to a limit, a content-type check, a size cap applied to
 * Content-Length before reading and to the bytes while reading, and an honest User-Agent.
 */

export type Fetched =
  | {
      ok: true;
      bytes: Buffer;
      url: string;
      contentType: string | null;
      charset: string | null;
      format: InputFormat | null;
      /** A conditional request answered 304: nothing new, no bytes. */
      notModified: boolean;
      /** Validators for the next conditional request (feeds polled on an interval). */
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: false; code: 'E_FETCH' | 'E_TOO_LARGE' | 'E_CONTENT_TYPE'; message: string };

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent?: string;
  /** Make the request conditional (If-None-Match / If-Modified-Since). */
  etag?: string | null;
  lastModified?: string | null;
  /** Aborts the request from outside (a worker stopping). */
  signal?: AbortSignal;
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** The URL without user name or password, for messages and origins. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/** Content types newsgraph reads, and the format each one means (null: decide from the URL or the bytes). */
const CONTENT_TYPES: Record<string, InputFormat | null> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': null,
  'text/xml': null,
  'application/json': 'json',
  'application/feed+json': 'json',
  'application/ld+json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'text/plain': null,
  'text/markdown': 'text',
  'text/x-markdown': 'text',
  'application/octet-stream': null,
};

let agent: string | null = null;

/** `newsgraph/<version>`, with the project's homepage when package.json names one. */
export function defaultUserAgent(): string {
  if (agent) return agent;
  let version = '0.0.0';
  let home: string | null = null;
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version?: string; homepage?: string; repository?: string | { url?: string } };
    version = pkg.version ?? version;
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    home = pkg.homepage ?? (repo ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : null);
  } catch {
    // Keep the defaults.
  }
  agent = `newsgraph/${version} (${home ? `+${home}; ` : ''}news article loader; Node.js ${process.version})`;
  return agent;
}

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.1';

export async function fetchUrl(url: string, o: FetchOptions): Promise<Fetched> {
  if (redact(url) !== url) return { ok: false, code: 'E_FETCH', message: 'URLs with a user name or password are not supported' };
  const deadline = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([deadline, o.signal]) : deadline;
  const timedOut = () => ({
    ok: false as const,
    code: 'E_FETCH' as const,
    message: o.signal?.aborted ? 'stopped' : `no complete answer within ${o.timeoutMs / 1000} s (see --timeout)`,
  });
  const headers: Record<string, string> = { 'user-agent': o.userAgent ?? defaultUserAgent(), accept: ACCEPT };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', signal, headers });
    } catch (e) {
      if (signal.aborted) return timedOut();
      return { ok: false, code: 'E_FETCH', message: `cannot fetch ${redact(current)}: ${reason(e).split(current).join(redact(current))}` };
    }
    if ([301, 302, 303, 307, 308].includes(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) return { ok: false, code: 'E_FETCH', message: `HTTP ${res.status} redirect without a Location` };
      if (hop >= o.maxRedirects) return { ok: false, code: 'E_FETCH', message: `more than ${o.maxRedirects} redirects` };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { ok: false, code: 'E_FETCH', message: `redirect to an invalid URL` };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ok: false, code: 'E_FETCH', message: `redirect to a ${next.protocol} URL` };
      if (next.username || next.password) return { ok: false, code: 'E_FETCH', message: 'redirect to a URL with a user name or password' };
      current = next.href;
      continue;
    }
    const validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: true, bytes: Buffer.alloc(0), url: current, contentType: null, charset: null, format: null, notModified: true, ...validators };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 'E_FETCH', message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    }
    const header = res.headers.get('content-type');
    const type = header ? header.split(';')[0].trim().toLowerCase() : null;
    const charset = header ? (/;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(header)?.[1] ?? null) : null;
    if (type && !(type in CONTENT_TYPES)) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 'E_CONTENT_TYPE', message: `the server sent ${type}, not a web page, feed, JSON or text` };
    }
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > o.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 'E_TOO_LARGE', message: `the server announces ${length} bytes, over the limit of ${o.maxBytes} (see --max-bytes)` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > o.maxBytes) {
            await reader.cancel().catch(() => undefined);
            return { ok: false, code: 'E_TOO_LARGE', message: `the response passed the limit of ${o.maxBytes} bytes (see --max-bytes)` };
          }
          chunks.push(Buffer.from(value));
        }
      }
    } catch (e) {
      if (signal.aborted) return timedOut();
      return { ok: false, code: 'E_FETCH', message: `the connection broke while reading: ${reason(e)}` };
    }
    return { ok: true, bytes: Buffer.concat(chunks), url: current, contentType: type, charset, format: type ? CONTENT_TYPES[type] : null, notModified: false, ...validators };
  }
}

function reason(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name could not be resolved',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
    UND_ERR_SOCKET: 'the connection closed unexpectedly',
  };
  if (code && known[code]) return known[code];
  return err.cause?.message ?? err.message ?? String(e);
}
