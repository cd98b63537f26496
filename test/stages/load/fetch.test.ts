import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { defaultUserAgent, redact } from '../../../src/stages/load/fetch';
import { PROSE, failures, loadAll, oks, one, oneFailure } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'inputs');
const PAGE = readFileSync(path.join(FIXTURES, 'finland-joins-nato.html'));
const FEED = readFileSync(path.join(FIXTURES, 'world-briefing.rss'));

/** A local server with one route per behaviour; only 127.0.0.1, never the internet. */
describe('http(s) inputs', () => {
  let server: Server;
  let base = '';
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      const url = req.url ?? '/';
      if (url === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (url === '/amp') res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><link rel="canonical" href="/canonical/path"></head><body><p>${PROSE}</p></body></html>`);
      else if (url === '/feed') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
      else if (url === '/text') res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' }).end(Buffer.from(`Headline\n\n${PROSE} \x93Quoted.\x94`, 'latin1'));
      else if (url === '/json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'j1', text: PROSE }));
      else if (url === '/redirect') res.writeHead(302, { location: '/page' }).end();
      else if (url.startsWith('/loop')) res.writeHead(301, { location: `/loop${Number(url.slice(5) || 0) + 1}` }).end();
      else if (url === '/announced-huge') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
        res.write('x'.repeat(1024));
      } else if (url === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      } else if (url === '/silent') {
        // Never answers.
      } else if (url === '/pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      else if (url === '/secret-redirect') res.writeHead(302, { location: 'http://user:pw@127.0.0.1:9/x' }).end();
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('loads a web page, a feed, text and JSON, each by its content type', async () => {
    const items = await loadAll([`${base}/page`, `${base}/feed`, `${base}/text`, `${base}/json`]);
    expect(failures(items)).toEqual([]);
    expect(oks(items).map((i) => [i.input.origin, i.meta?.format])).toEqual([
      [`${base}/page`, 'html'],
      [`${base}/feed[0]`, 'feed'],
      [`${base}/feed[1]`, 'feed'],
      [`${base}/feed[2]`, 'feed'],
      [`${base}/text`, 'text'],
      [`${base}/json`, 'json'],
    ]);
    expect(oks(items)[0].input).toMatchObject({ title: "Finland becomes NATO's 31st member", url: 'https://news.example.com/world/2023/04/04/finland-joins-nato' });
    expect(oks(items)[4].input).toMatchObject({ title: 'Headline', text: `Headline\n\n${PROSE} \u201cQuoted.\u201d` });
  });

  it('sends an honest User-Agent', async () => {
    seen.length = 0;
    await loadAll([`${base}/json`]);
    expect(seen[0]['user-agent']).toBe(defaultUserAgent());
    expect(defaultUserAgent()).toMatch(/^newsgraph\/\d+\.\d+\.\d+ \(.*news article loader; Node\.js v\d+/);
  });

  it('follows redirects up to the limit, and resolves the page URL against where it ended', async () => {
    expect(one(await loadAll([`${base}/redirect`])).input).toMatchObject({ origin: `${base}/redirect`, title: "Finland becomes NATO's 31st member" });
    expect(one(await loadAll([`${base}/amp`])).input.url).toBe(`${base}/canonical/path`);
    expect(oneFailure(await loadAll([`${base}/loop`], { maxRedirects: 3 }))).toMatchObject({ code: 'E_FETCH', message: 'more than 3 redirects' });
  });

  it('refuses a response over the size cap, from Content-Length or while reading', async () => {
    const t = Date.now();
    expect(oneFailure(await loadAll([`${base}/announced-huge`]))).toMatchObject({ code: 'E_TOO_LARGE', message: `the server announces ${50 * 1024 * 1024} bytes, over the limit of ${5 * 1024 * 1024} (see --max-bytes)` });
    expect(oneFailure(await loadAll([`${base}/endless`], { maxBytes: 1024 * 1024 }))).toMatchObject({ code: 'E_TOO_LARGE', message: 'the response passed the limit of 1048576 bytes (see --max-bytes)' });
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('gives up on a silent server after the timeout', async () => {
    const t = Date.now();
    expect(oneFailure(await loadAll([`${base}/silent`], { timeoutMs: 300 }))).toMatchObject({ code: 'E_FETCH', message: 'no complete answer within 0.3 s (see --timeout)' });
    expect(Date.now() - t).toBeLessThan(3000);
  });

  it('reports a wrong content type, an HTTP error and an unreachable host, and goes on', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const items = await loadAll([`${base}/pdf`, `${base}/missing`, `http://127.0.0.1:${port}/x`, `${base}/json`]);
    expect(items.map((i) => (i.ok ? 'ok' : `${i.code}: ${i.message}`))).toEqual([
      'E_CONTENT_TYPE: the server sent application/pdf, not a web page, feed, JSON or text',
      'E_FETCH: HTTP 404 Not Found',
      `E_FETCH: cannot fetch http://127.0.0.1:${port}/x: connection refused`,
      'ok',
    ]);
  });

  it('never puts a password from a URL in an origin or a message', async () => {
    const items = await loadAll([`http://user:hunter2@127.0.0.1:9/x`, `${base}/secret-redirect`]);
    expect(JSON.stringify(items)).not.toMatch(/hunter2|pw@/);
    expect(items.map((i) => !i.ok && i.code)).toEqual(['E_FETCH', 'E_FETCH']);
    expect(redact('https://a:b@example.org/p?q=1')).toBe('https://example.org/p?q=1');
  });
});
