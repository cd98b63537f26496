import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { GUIDE_TITLE, paramsCommand } from '../../src/browser/guide';
import { postConnectCommand, startBrowserServer } from '../../src/browser/server';
import type { BrowserServer } from '../../src/browser/server';
import { styleFor } from '../../src/browser/style';
import { Graph } from '../../src/graph/neo4j';
import { Neo4jWriter } from '../../src/graph/neo4j-writer';
import { ensureSchema } from '../../src/graph/schema';
import { loadReports } from '../../src/reports/registry';
import { FIRST_BATCH, FIRST_CLOCK, SECOND_BATCH, SECOND_CLOCK, buildResult } from '../reports/fixture';

/**
 * Neo4j Browser end to end: a Neo4j of its own (the Browser needs its HTTP port, and post_connect_cmd is
 * read at start-up) whose browser.post_connect_cmd loads the style and guide from our server; headless
 * Chromium connects, the test runs a report from the guide and reads the node colours from the SVG.
 */

const neo4jScript = require('../../scripts/neo4j.js') as {
  start(env: NodeJS.ProcessEnv, o?: { quiet?: boolean; timeoutMs?: number }): Promise<unknown>;
  stop(env: NodeJS.ProcessEnv, o?: { quiet?: boolean }): Promise<boolean>;
};

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BOLT = 27687;
const HTTP = 27474;
const FILES = 27476;
// Saved beside the test output (git-ignored); set NEWSGRAPH_SCREENSHOT=docs/browser-screenshot.png to refresh the README's picture.
const SCREENSHOT = process.env.NEWSGRAPH_SCREENSHOT || path.join(ROOT, 'test-output', 'browser-screenshot.png');
const BROWSER_URL = `http://localhost:${HTTP}/browser/?dbms=bolt://localhost:${BOLT}&preselectAuthMethod=NO_AUTH`;
const REPORT = 'event-timeline';

describe('Neo4j Browser with the newsgraph style and guide', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  let g: Graph;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_LOCAL_HOME: '.neo4j-test-browser',
    NEO4J_LOCAL_BOLT_PORT: String(BOLT),
    NEO4J_LOCAL_HTTP_PORT: String(HTTP),
    NEO4J_HEAP: '512m',
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}: the Neo4j Browser test needs it (apt-get install chromium, as CI does, or set CHROMIUM_PATH)`);
    }
    server = await startBrowserServer({ port: FILES });
    env.NEO4J_BROWSER_POST_CONNECT_CMD = postConnectCommand(server.baseUrl);
    await neo4jScript.start(env, { quiet: true });
    g = await Graph.connect({ uri: `bolt://127.0.0.1:${BOLT}`, user: 'neo4j', password: undefined, database: undefined });
    await g.query('MATCH (n) DETACH DELETE n', {}, 'write');
    await ensureSchema(g);
    await new Neo4jWriter(g, { extractorVersion: 'test', now: () => FIRST_CLOCK }).writeArticles(FIRST_BATCH.map(buildResult));
    await new Neo4jWriter(g, { extractorVersion: 'test', now: () => SECOND_CLOCK }).writeArticles(SECOND_BATCH.map(buildResult));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await g?.close();
    if (env.NEO4J_BROWSER_POST_CONNECT_CMD) await neo4jScript.stop(env, { quiet: true });
    await server?.close();
  }, 90_000);

  it('serves the style and the guide to the Browser origin, preflight included', async () => {
    const pre = await fetch(`${server.baseUrl}/guide.md`, {
      method: 'OPTIONS',
      headers: { Origin: `http://localhost:${HTTP}`, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'pragma,cache-control' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/pragma.*cache-control/);
    const grass = await fetch(`${server.baseUrl}/newsgraph.grass`, { headers: { Origin: `http://localhost:${HTTP}` } });
    expect(grass.headers.get('access-control-allow-origin')).toBe('*');
    expect(await grass.text()).toContain(`node.Person {\n  color: ${styleFor('Person')!.color};`);
  });

  it('loads style and guide on connect; a report run from the guide shows every label in the project colours', async () => {
    try {
      await browserSession();
    } catch (err) {
      const shot = path.join(os.tmpdir(), 'newsgraph-browser-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(err as Error).message}\n(the page at the time: ${shot})`);
    }
  }, 180_000);

  async function browserSession(): Promise<void> {
    await page.goto(BROWSER_URL);
    await page.getByText('Connected to Neo4j').first().waitFor({ timeout: 60_000 });
    // post_connect_cmd opened our guide in the sidebar.
    const drawer = page.locator('[data-testid="guidesDrawer"]');
    await drawer.getByText(GUIDE_TITLE).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000); // let the other start-up frames and the consent banner settle
    await dismissBanner(page);
    await closeFrames(page);

    // Go to the report's slide; its blocks are runnable: a click puts the code in the editor.
    const report = loadReports().find((r) => r.name === REPORT)!;
    const paramsBlock = drawer.locator('pre.runnable', { hasText: paramsCommand(report).slice(0, 30) });
    for (let i = 0; i < 40 && !(await paramsBlock.isVisible()); i++) await page.locator('[data-testid="guideNextSlide"]').click();
    await paramsBlock.click();
    await run(page);
    await page.locator('[data-testid="frame"]', { hasText: '"modality": "any"' }).first().waitFor({ timeout: 30_000 });
    await closeFrames(page);

    const graphLine = report.graph!.split('\n').find((l) => l.startsWith('MATCH p'))!;
    const graphBlock = drawer.locator('pre.runnable', { hasText: graphLine });
    await graphBlock.scrollIntoViewIfNeeded();
    await graphBlock.click();
    await run(page);

    // The nodes the graph view returns, from the database: the SVG must show exactly these.
    const [expected] = await g.query(`CALL () { ${report.graph} } UNWIND nodes(p) AS n RETURN count(DISTINCT n) AS nodes, count(DISTINCT CASE WHEN n:Event THEN n END) AS events`, {
      type: 'any', actor: '', modality: 'any', from: '1900-01-01', to: '2999-12-31', limit: 50,
    });
    await page.waitForFunction((n) => document.querySelectorAll('svg g.node').length >= n, Number(expected.nodes), { timeout: 30_000 });
    await page.waitForTimeout(2500); // the force layout settles

    const nodes = await page.$$eval('svg g.node', (gs) =>
      gs.map((el) => ({
        caption: [...el.querySelectorAll('text')].map((t) => (t.textContent ?? '').trim()).join(' '),
        fill: el.querySelector('circle.b-outline')?.getAttribute('fill')?.toUpperCase() ?? null,
        r: Number(el.querySelector('circle.b-outline')?.getAttribute('r')),
      })),
    );
    expect(nodes.length).toBe(Number(expected.nodes));
    const labels = ['Person', 'State', 'Institution', 'Place', 'Event', 'Article'];
    const colour = (label: string) => styleFor(label)!.color.toUpperCase();
    // Every node is drawn in one of the project's label colours, and all six labels appear.
    expect([...new Set(nodes.map((n) => n.fill))].sort()).toEqual(labels.map(colour).sort());
    // Node by node, where the caption tells the label.
    const byCaption = (caption: string) => nodes.find((n) => n.caption.replace(/\s+/g, ' ') === caption);
    expect(byCaption('North Korea')).toEqual({ caption: 'North Korea', fill: colour('State'), r: styleFor('State')!.diameter / 2 });
    expect(byCaption('New York')).toMatchObject({ fill: colour('Place'), r: styleFor('Place')!.diameter / 2 });
    expect(byCaption('Joseph Yun')).toMatchObject({ fill: colour('Person'), r: styleFor('Person')!.diameter / 2 });
    const events = nodes.filter((n) => /^[A-Z]{3,}/.test(n.caption));
    expect(events.length).toBe(Number(expected.events));
    expect(events.length).toBeGreaterThan(5);
    for (const ev of events) expect(ev).toMatchObject({ fill: colour('Event'), r: styleFor('Event')!.diameter / 2 });

    // For the README: the guide's first slide (the colour legend) beside the graph, fitted to its frame.
    await page.locator('button[aria-label="Collapse the node properties display"]').click({ timeout: 5000 }).catch(() => undefined);
    const firstSlide = drawer.locator('h1', { hasText: GUIDE_TITLE });
    for (let i = 0; i < 40 && !(await firstSlide.isVisible()); i++) await page.locator('[data-testid="guidePreviousSlide"]').click();
    await page.setViewportSize({ width: 1600, height: 660 });
    await page.locator('button[aria-label="zoom-to-fit"]').click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(1500);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(50_000);
  }

  it('newsgraph browser serves both files and prints the Browser URL', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), 'browser', '--port', String(FILES + 1)], {
      cwd: ROOT, env: { ...process.env, NEO4J_URI: `bolt://localhost:${BOLT}`, NEO4J_PASSWORD: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      for (let i = 0; i < 100 && !out.includes('Open Neo4j Browser'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain(`Serving the Neo4j Browser style and guide on http://localhost:${FILES + 1}`);
      expect(out).toContain(`Open Neo4j Browser: http://localhost:7474/browser/?dbms=bolt://localhost:${BOLT}&preselectAuthMethod=NO_AUTH`);
      const guide = await fetch(`http://localhost:${FILES + 1}/guide.md`);
      expect(guide.status).toBe(200);
      expect(await guide.text()).toContain(`:style http://localhost:${FILES + 1}/newsgraph.grass`);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
  });
});

/** Runs what is in the editor. */
async function run(page: Page): Promise<void> {
  await page.locator('[data-testid="editor-Run"]').first().click();
}

/** Closes every result frame, so the next one is alone on screen. */
async function closeFrames(page: Page): Promise<void> {
  const close = page.locator('[data-testid="frame"] button[title="Close"]');
  for (let n = await close.count(); n > 0; n--) await close.first().click();
}

/** The Browser's usage-data notice: cosmetic, closed when present. */
async function dismissBanner(page: Page): Promise<void> {
  const banner = page.locator('div', { has: page.getByText('To help make Neo4j Browser better', { exact: false }) }).last();
  if (await banner.isVisible()) await banner.locator(':scope > span').last().click({ timeout: 2000 }).catch(() => undefined);
}
