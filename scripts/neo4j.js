#!/usr/bin/env node
'use strict';
/**
 * A real Neo4j 5.26 Community without Docker: tools/neo4j/LocalNeo4j.java on JDK 17, jars from Maven
 * Central (cached in ~/.m2). Bolt on 127.0.0.1:7687, Browser on http://127.0.0.1:7474/browser/, auth off.
 *
 *   node scripts/neo4j.js run      foreground (Ctrl-C stops it)
 *   node scripts/neo4j.js start    background, PID file, returns once Bolt answers
 *   node scripts/neo4j.js stop     stops the background one
 *   node scripts/neo4j.js status
 *
 * Environment: NEO4J_LOCAL_HOME (data, default .neo4j-local), NEO4J_LOCAL_BOLT_PORT (7687),
 * NEO4J_LOCAL_HTTP_PORT (7474; 0 = no Browser), NEO4J_JAVA (java), NEO4J_HEAP (1g),
 * NEO4J_BROWSER_POST_CONNECT_CMD (what the Browser runs on connect; default: load the style and guide that
 * `newsgraph browser` serves on localhost:7476; empty = nothing), NEO4J_BROWSER_ALLOWLIST (hosts the
 * Browser may fetch from; default localhost,guides.neo4j.com).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOL = path.join(ROOT, 'tools', 'neo4j');
const LIB = path.join(TOOL, 'target', 'lib');
/** Keep in step with src/browser/server.ts (DEFAULT_BROWSER_PORT, postConnectCommand) and docker-compose.yml. */
const BROWSER_FILES = 'http://localhost:7476';
const DEFAULT_POST_CONNECT_CMD = `style ${BROWSER_FILES}/newsgraph.grass; guide ${BROWSER_FILES}/guide.md`;
const DEFAULT_BROWSER_ALLOWLIST = 'localhost,guides.neo4j.com';

function settings(env = process.env) {
  const home = path.resolve(ROOT, env.NEO4J_LOCAL_HOME || '.neo4j-local');
  return {
    home,
    host: '127.0.0.1',
    bolt: Number(env.NEO4J_LOCAL_BOLT_PORT || 7687),
    http: Number(env.NEO4J_LOCAL_HTTP_PORT ?? 7474),
    pidFile: path.join(home, 'neo4j.pid'),
    logFile: path.join(home, 'neo4j.log'),
    java: env.NEO4J_JAVA || 'java',
    heap: env.NEO4J_HEAP || '1g',
    postConnectCmd: env.NEO4J_BROWSER_POST_CONNECT_CMD ?? DEFAULT_POST_CONNECT_CMD,
    browserAllowlist: env.NEO4J_BROWSER_ALLOWLIST || DEFAULT_BROWSER_ALLOWLIST,
  };
}

/** Downloads the jars once (Maven caches them in ~/.m2; target/lib is the class path). */
function ensureJars() {
  if (fs.existsSync(LIB) && fs.readdirSync(LIB).some((f) => f.startsWith('neo4j-5'))) return;
  process.stderr.write('neo4j: fetching Neo4j 5.26 jars with Maven (first run only)…\n');
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(TOOL, 'pom.xml'), 'dependency:copy-dependencies'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('mvn dependency:copy-dependencies failed (is Maven installed and Maven Central reachable?)');
}

function javaArgs(s) {
  return [
    `-Xms256m`, `-Xmx${s.heap}`, '-XX:+UseG1GC', '-XX:-OmitStackTraceInFastThrow', '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true', '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED', '--enable-native-access=ALL-UNNAMED',
    '-cp', path.join(LIB, '*'), path.join(TOOL, 'src', 'main', 'java', 'LocalNeo4j.java'),
  ];
}

function childEnv(s) {
  return {
    ...process.env,
    NEO4J_LOCAL_HOME: s.home,
    NEO4J_LOCAL_HOST: s.host,
    NEO4J_LOCAL_BOLT_PORT: String(s.bolt),
    NEO4J_LOCAL_HTTP_PORT: String(s.http),
    NEO4J_BROWSER_POST_CONNECT_CMD: s.postConnectCmd,
    NEO4J_BROWSER_ALLOWLIST: s.browserAllowlist,
  };
}

function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => { sock.destroy(); resolve(ok); };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function readPid(s) {
  try { const pid = Number(fs.readFileSync(s.pidFile, 'utf8').trim()); return pid > 0 ? pid : null; } catch { return null; }
}

/** Starts Neo4j in the background; resolves once the NEO4J_READY line appears (Bolt answers). */
async function start(env = process.env, { timeoutMs = 180_000, quiet = false } = {}) {
  const s = settings(env);
  const pid = readPid(s);
  if (pid && alive(pid) && (await portOpen(s.bolt))) {
    if (!quiet) process.stdout.write(`neo4j: already running (pid ${pid}) at bolt://${s.host}:${s.bolt}\n`);
    return { pid, started: false, ...s };
  }
  if (await portOpen(s.bolt)) throw new Error(`port ${s.bolt} is in use by another process (a Neo4j already running? set NEO4J_URI to use it)`);
  ensureJars();
  fs.mkdirSync(s.home, { recursive: true });
  const log = fs.openSync(s.logFile, 'w');
  const t0 = Date.now();
  const child = spawn(s.java, javaArgs(s), { env: childEnv(s), detached: true, stdio: ['ignore', log, log] });
  fs.writeFileSync(s.pidFile, String(child.pid));
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(child.pid)) {
      throw new Error(`Neo4j exited during start-up; see ${s.logFile}:\n${tail(s.logFile)}`);
    }
    if (fs.readFileSync(s.logFile, 'utf8').includes('NEO4J_READY') && (await portOpen(s.bolt))) {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (!quiet) {
        process.stdout.write(`neo4j: ready in ${secs}s (pid ${child.pid}) at bolt://${s.host}:${s.bolt}` +
          (s.http > 0 ? `, Browser http://localhost:${s.http}/browser/` : '') + `\n`);
      }
      return { pid: child.pid, started: true, seconds: Number(secs), ...s };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  try { process.kill(child.pid, 'SIGTERM'); } catch {}
  throw new Error(`Neo4j did not answer on port ${s.bolt} within ${timeoutMs / 1000}s; see ${s.logFile}`);
}

async function stop(env = process.env, { quiet = false } = {}) {
  const s = settings(env);
  const pid = readPid(s);
  if (!pid || !alive(pid)) {
    if (!quiet) process.stdout.write('neo4j: not running\n');
    try { fs.unlinkSync(s.pidFile); } catch {}
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  try { fs.unlinkSync(s.pidFile); } catch {}
  if (!quiet) process.stdout.write(`neo4j: stopped (pid ${pid})\n`);
  return true;
}

function tail(file, lines = 20) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

function runForeground() {
  const s = settings();
  ensureJars();
  fs.mkdirSync(s.home, { recursive: true });
  const child = spawn(s.java, javaArgs(s), { env: childEnv(s), stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function status() {
  const s = settings();
  const pid = readPid(s);
  const up = await portOpen(s.bolt);
  process.stdout.write(`neo4j: ${up ? 'answering' : 'not answering'} on bolt://${s.host}:${s.bolt}${pid && alive(pid) ? ` (pid ${pid})` : ''}\n`);
  return up;
}

module.exports = { start, stop, settings, portOpen, ensureJars };

if (require.main === module) {
  const cmd = process.argv[2] || 'run';
  const actions = { run: async () => runForeground(), start: () => start(), stop: () => stop(), status: async () => { process.exitCode = (await status()) ? 0 : 1; } };
  if (!actions[cmd]) {
    process.stderr.write('usage: node scripts/neo4j.js run|start|stop|status\n');
    process.exit(1);
  }
  actions[cmd]().catch((err) => { process.stderr.write(`neo4j: ${err.message}\n`); process.exit(1); });
}
