import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { baseUrlFor, browserUrl, DEFAULT_BROWSER_PORT, GUIDE_PATH, postConnectCommand, servedFiles, startBrowserServer, STYLE_PATH } from '../../browser/server';
import type { BrowserServer } from '../../browser/server';
import { config } from '../../config/config';
import { UsageError } from '../../pipeline/errors';
import { positiveInt } from '../context';

interface BrowserOptions {
  port: number;
  browserUrl: string;
  write?: string;
}

export function registerBrowser(program: Command): void {
  program
    .command('browser')
    .description('serve the Neo4j Browser style and guide on http://localhost:<port> and print the Browser URL')
    .option('--port <port>', 'port to serve the style and guide on', positiveInt('--port'), DEFAULT_BROWSER_PORT)
    .option('--browser-url <url>', 'where Neo4j Browser is', 'http://localhost:7474/browser/')
    .option('--write <dir>', 'write newsgraph.grass and guide.md into a folder instead of serving them')
    .addHelpText(
      'after',
      `
The local Neo4j (npm run neo4j:start) and docker compose load the style and guide when you connect, as
long as this command runs (browser.post_connect_cmd). With another Neo4j, run in the Browser:
  :style http://localhost:${DEFAULT_BROWSER_PORT}${STYLE_PATH}
  :guide http://localhost:${DEFAULT_BROWSER_PORT}${GUIDE_PATH}

Examples:
  newsgraph browser
  newsgraph browser --port 8080 --browser-url http://localhost:7474/browser/
  newsgraph browser --write ./browser-files`,
    )
    .action(async (opts: BrowserOptions) => {
      if (opts.write) {
        writeFiles(opts.write, baseUrlFor(opts.port));
        return;
      }
      let server: BrowserServer;
      try {
        server = await startBrowserServer({ port: opts.port });
      } catch (err) {
        if ((err as { code?: string }).code === 'EADDRINUSE') {
          throw new UsageError(`port ${opts.port} is in use (is newsgraph browser already running? choose another with --port)`);
        }
        throw err;
      }
      const neo4j = config().neo4j;
      process.stdout.write(
        [
          `Serving the Neo4j Browser style and guide on ${server.baseUrl} (Ctrl-C stops)`,
          `  style  ${server.baseUrl}${STYLE_PATH}`,
          `  guide  ${server.baseUrl}${GUIDE_PATH}`,
          `Open Neo4j Browser: ${browserUrl(opts.browserUrl, neo4j.uri, !neo4j.password)}`,
          `It loads both on connect when the server has browser.post_connect_cmd="${postConnectCommand(server.baseUrl)}"`,
          `(the local Neo4j and docker compose do, for port ${DEFAULT_BROWSER_PORT}); otherwise run those two commands with a colon in front.`,
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function writeFiles(dir: string, baseUrl: string): void {
  mkdirSync(dir, { recursive: true });
  const files = servedFiles(baseUrl);
  for (const name of [STYLE_PATH, GUIDE_PATH]) {
    const target = path.join(dir, name.slice(1));
    writeFileSync(target, files[name].body());
    process.stdout.write(`wrote ${target}\n`);
  }
}
