import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadReports } from '../reports/registry';
import type { Report } from '../reports/registry';
import { guideMarkdown } from './guide';
import { grass } from './style';

/**
 * A tiny static server for the Neo4j Browser style and guide. The Browser fetches them from the page's
 * origin (http://localhost:7474), so every answer carries CORS headers, and the preflight its fetches
 * trigger (they send extra request headers, see ALLOWED_REQUEST_HEADERS) is answered.
 *
 * It listens on 127.0.0.1 and, when the machine has it, on ::1 with the same port, because the
 * Browser's allowlist wants the host name `localhost`, which a web browser may resolve to either.
 */

export const DEFAULT_BROWSER_PORT = 7476;
export const STYLE_PATH = '/newsgraph.grass';
export const GUIDE_PATH = '/guide.md';

/** The `browser.post_connect_cmd` value that loads both files (commands without their leading colon). */
export const postConnectCommand = (baseUrl: string): string => `style ${baseUrl}${STYLE_PATH}; guide ${baseUrl}${GUIDE_PATH}`;

export const baseUrlFor = (port: number): string => `http://localhost:${port}`;

/** Neo4j Browser's address with the connection filled in (and no-auth preselected when there is no password). */
export function browserUrl(browser: string, boltUri: string, noAuth: boolean): string {
  const sep = browser.includes('?') ? '&' : '?';
  return `${browser}${sep}dbms=${boltUri}${noAuth ? '&preselectAuthMethod=NO_AUTH' : ''}`;
}

/**
 * Request headers the Browser's fetches carry: `pragma` and `cache-control` (guides), and, when its Sentry
 * tracing is on, `sentry-trace` and `baggage` (it adds them to requests to localhost). A preflight that
 * asks for others gets those allowed too: the files are public, and no credentials are involved.
 */
export const ALLOWED_REQUEST_HEADERS = ['pragma', 'cache-control', 'content-type', 'sentry-trace', 'baggage'];

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS.join(', '),
  'Access-Control-Max-Age': '600',
};

/** The Access-Control-Allow-Headers answer to a preflight: our list plus whatever it asks for. */
export function allowHeaders(requested: string | undefined): string {
  const asked = (requested ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => /^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(h));
  return [...new Set([...ALLOWED_REQUEST_HEADERS, ...asked])].join(', ');
}

export interface ServedFile {
  type: string;
  body: () => string;
}

/** What the server answers, by path; the guide is rebuilt from cypher/ on each request. */
export function servedFiles(baseUrl: string, reports: () => readonly Report[] = loadReports): Record<string, ServedFile> {
  return {
    [STYLE_PATH]: { type: 'text/plain; charset=utf-8', body: grass },
    [GUIDE_PATH]: { type: 'text/markdown; charset=utf-8', body: () => guideMarkdown(reports(), { baseUrl }) },
    '/': {
      type: 'text/plain; charset=utf-8',
      body: () =>
        [
          'newsgraph: Neo4j Browser style and guide',
          '',
          `style  ${baseUrl}${STYLE_PATH}`,
          `guide  ${baseUrl}${GUIDE_PATH}`,
          '',
          'In Neo4j Browser run',
          `  :style ${baseUrl}${STYLE_PATH}`,
          `  :guide ${baseUrl}${GUIDE_PATH}`,
          'or set the server setting',
          `  browser.post_connect_cmd=${postConnectCommand(baseUrl)}`,
          '',
        ].join('\n'),
    },
  };
}

export function handler(files: Record<string, ServedFile>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', allowHeaders(req.headers['access-control-request-headers']));
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files[pathname];
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname} (try ${Object.keys(files).join(', ')})\n`);
      return;
    }
    let body: string;
    try {
      body = file.body();
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${(err as Error).message}\n`);
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export interface BrowserServer {
  port: number;
  baseUrl: string;
  /** The addresses it listens on, e.g. ['127.0.0.1', '::1']. */
  hosts: string[];
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the server on `port` (0 = any free port). Rejects with EADDRINUSE when the port is taken. */
export async function startBrowserServer(options: { port?: number; reports?: () => readonly Report[] } = {}): Promise<BrowserServer> {
  const servers: Server[] = [];
  const hosts: string[] = [];
  let files: Record<string, ServedFile> = {};
  const handle = (req: IncomingMessage, res: ServerResponse) => handler(files)(req, res);
  const v4 = createServer(handle);
  const port = await listen(v4, options.port ?? DEFAULT_BROWSER_PORT, '127.0.0.1');
  servers.push(v4);
  hosts.push('127.0.0.1');
  const v6 = createServer(handle);
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
    hosts.push('::1');
  } catch {
    // No IPv6 loopback here (or ::1 is taken): 127.0.0.1 is enough for browsers that try both.
  }
  const baseUrl = baseUrlFor(port);
  files = servedFiles(baseUrl, options.reports);
  return {
    port,
    baseUrl,
    hosts,
    close: () =>
      Promise.all(
        servers.map((s) => new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        })),
      ).then(() => undefined),
  };
}
