import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { allowHeaders, browserUrl, DEFAULT_BROWSER_PORT, postConnectCommand, startBrowserServer } from '../../src/browser/server';
import type { BrowserServer } from '../../src/browser/server';
import { grass } from '../../src/browser/style';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the style and guide server', () => {
  let server: BrowserServer;
  beforeAll(async () => {
    server = await startBrowserServer({ port: 0 });
  });
  afterAll(async () => server?.close());

  it('listens on localhost at the port it reports', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.baseUrl).toBe(`http://localhost:${server.port}`);
    expect(server.hosts).toContain('127.0.0.1');
  });

  it('answers the preflight of a guide fetch from the Browser origin', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/guide.md`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:7474', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'pragma,cache-control,sentry-trace,baggage' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    const allowed = res.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowed).toEqual(expect.arrayContaining(['pragma', 'cache-control', 'sentry-trace', 'baggage']));
  });

  it('serves the style and the guide with CORS headers and no caching', async () => {
    const style = await fetch(`http://127.0.0.1:${server.port}/newsgraph.grass`);
    expect(style.status).toBe(200);
    expect(style.headers.get('access-control-allow-origin')).toBe('*');
    expect(style.headers.get('cache-control')).toBe('no-cache');
    expect(await style.text()).toBe(grass());
    const guide = await fetch(`http://127.0.0.1:${server.port}/guide.md?x=1`);
    expect(guide.status).toBe(200);
    expect(guide.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await guide.text()).toContain(`:style ${server.baseUrl}/newsgraph.grass`);
    const index = await (await fetch(`http://127.0.0.1:${server.port}/`)).text();
    expect(index).toContain(`browser.post_connect_cmd=${postConnectCommand(server.baseUrl)}`);
  });

  it('says what it has for unknown paths, and refuses other methods', async () => {
    const missing = await fetch(`http://127.0.0.1:${server.port}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/\/newsgraph\.grass.*\/guide\.md/);
    const post = await fetch(`http://127.0.0.1:${server.port}/guide.md`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('fails with EADDRINUSE when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    await expect(startBrowserServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise((r) => blocker.close(r));
  });
});

describe('links and settings', () => {
  it('builds the post-connect command and the Browser URL', () => {
    expect(postConnectCommand('http://localhost:7476')).toBe('style http://localhost:7476/newsgraph.grass; guide http://localhost:7476/guide.md');
    expect(browserUrl('http://localhost:7474/browser/', 'bolt://localhost:7687', true)).toBe('http://localhost:7474/browser/?dbms=bolt://localhost:7687&preselectAuthMethod=NO_AUTH');
    expect(browserUrl('http://h:7474/browser/', 'neo4j+s://x.io', false)).toBe('http://h:7474/browser/?dbms=neo4j+s://x.io');
  });

  it('allows the headers a preflight asks for, and only well-formed header names', () => {
    expect(allowHeaders(undefined)).toBe('pragma, cache-control, content-type, sentry-trace, baggage');
    expect(allowHeaders('X-Custom, pragma, bad header\r\n')).toBe('pragma, cache-control, content-type, sentry-trace, baggage, x-custom');
  });

  it('the local Neo4j and docker compose load the files from the default port by default', () => {
    const expected = postConnectCommand(`http://localhost:${DEFAULT_BROWSER_PORT}`);
    const local = require('../../scripts/neo4j.js').settings({}) as { postConnectCmd: string; browserAllowlist: string };
    expect(local.postConnectCmd).toBe(expected);
    expect(local.browserAllowlist.split(',')).toContain('localhost');
    expect(require('../../scripts/neo4j.js').settings({ NEO4J_BROWSER_POST_CONNECT_CMD: '' }).postConnectCmd).toBe('');
    const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`NEO4J_browser_post__connect__cmd: "\${NEO4J_BROWSER_POST_CONNECT_CMD-${expected}}"`);
    expect(compose).toMatch(/NEO4J_browser_remote__content__hostname__whitelist: "\$\{NEO4J_BROWSER_ALLOWLIST:-localhost,/);
  });
});
