/**
 * npm run bench [-- --json FILE] [--quick] [--skip-ingest] [--skip-baseline] [--allow-existing] [--seed N]
 *                  [--profile DIR] [--check] …   (see --help)
 *
 * Measures, in one run on this machine:
 *  - extraction throughput (articles/s, tokens/s) on one thread and on all cores (the worker pool that
 *    `ingest` uses), over ../shared/corpus/bbc when present and over the project's deterministic article
 *    generator (src/bench/generator.ts);
 *  - the same workload through a compromise-based extractor (src/bench/baseline.ts), and the speed-up;
 *  - `newsgraph ingest` end to end into a real Neo4j: 1,000 then 10,000 generated articles, then the same
 *    10,000 again (unchanged, so skipped): articles/s, relationships/s, the 10k/1k cost ratio, the
 *    re-ingest speed-up;
 *  - peak resident memory of the bench process (with its worker threads) and of each ingest process;
 *    the Neo4j JVM is reported separately.
 * Without NEO4J_URI it starts a dedicated Neo4j on ports 37687/37474 with a fresh data folder in
 * .neo4j-bench/, and stops it and deletes the folder at the end (unless --keep-neo4j). With NEO4J_URI it refuses unless --allow-existing: the bench
 * deletes nothing but adds thousands of generated articles to that database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createBaselineExtractor } from '../src/bench/baseline';
import type { BaselineExtractor } from '../src/bench/baseline';
import { loadBbc, writeJsonl } from '../src/bench/corpus';
import type { Corpus } from '../src/bench/corpus';
import { summariseProfiles } from '../src/bench/cpu-profile';
import type { CpuProfile, ProfileSummary } from '../src/bench/cpu-profile';
import { createGenerator, DEFAULT_SEED } from '../src/bench/generator';
import type { Generator } from '../src/bench/generator';
import { countTokens, mb, measureThroughput, procCpuSeconds, procMemory, RssSampler } from '../src/bench/measure';
import type { Throughput } from '../src/bench/measure';
import { evaluateTargets, renderReport, round } from '../src/bench/report';
import type { BenchReport, CorpusFigures, IngestRun, Rate } from '../src/bench/report';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { Graph } from '../src/graph/neo4j';
import { Neo4jWriter } from '../src/graph/neo4j-writer';
import type { ArticleInput } from '../src/model/extraction';
import { articleIdOf } from '../src/pipeline/article-id';
import { createExtractor, EXTRACTOR_VERSION } from '../src/pipeline/extract';
import { createPool, defaultConcurrency } from '../src/pipeline/pool';
import type { ExtractPool } from '../src/pipeline/pool';

interface Opts {
  json?: string;
  quick?: boolean;
  ingest: boolean;
  baseline: boolean;
  allowExisting?: boolean;
  seed: number;
  profile?: string;
  bbc?: string;
  articles?: number;
  sizes?: [number, number];
  threads: number;
  check?: boolean;
  keepNeo4j?: boolean;
  boltPort: number;
  httpPort: number;
}

/** Index ranges of the generator's stream, so the extraction set and each ingest set never overlap. */
/**
 * Generated articles in the extraction warm-up (with the BBC articles outside politics). After only 300,
 * the timed pass still ran code V8 was re-optimising (deoptimisations on constructions the warm-up had not
 * shown, with the compiler thread busy); 1,000 bring the pass closer to the steady state of a long ingest
 * (2,000 gave no further gain worth their memory). See docs/benchmarks.md.
 */
const WARMUP_GENERATED = 1_000;
/** Articles per request to the worker pool during the warm-up (all results of one request are held at once). */
const WARMUP_WINDOW = 250;
const STREAM = { extract: 0, small: 1_000_000, large: 2_000_000, profile: 3_000_000, warmup: 4_000_000, warmupExtract: 5_000_000 };
/** Articles ingested first, untimed, so the timed runs do not pay for a cold JVM and empty caches. */
const WARMUP = 200;
const BENCH_NEO4J = { home: '.neo4j-bench', bolt: 37687, http: 37474 };

const log = (msg: string): void => {
  process.stderr.write(`[bench] ${msg}\n`);
};

const wholeNumber = (name: string, min = 1) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}`);
  return n;
};

function parseArgs(argv: string[]): Opts {
  const program = new Command('bench')
    .description('measure extraction speed (vs a compromise baseline), ingestion into Neo4j at 1k and 10k articles, re-ingestion and peak memory')
    .option('--json <file>', 'also write the figures as JSON to this file')
    .option('--quick', 'a smoke run: small corpora, ingest 200 then 2,000 articles (figures not comparable with a full run)')
    .option('--no-ingest', 'skip the Neo4j part (same as --skip-ingest)')
    .option('--skip-ingest', 'skip the Neo4j part')
    .option('--no-baseline', 'skip the compromise baseline (same as --skip-baseline)')
    .option('--skip-baseline', 'skip the compromise baseline')
    .option('--allow-existing', 'with NEO4J_URI set: add the generated articles to that database (nothing is deleted)')
    .option('--seed <n>', 'generator seed', wholeNumber('--seed', 0), DEFAULT_SEED)
    .option('--profile <dir>', 'also record CPU profiles (extraction in-process, one ingest with --cpu-prof) into this folder and summarise them')
    .option('--bbc <dir>', 'the BBC corpus folder (default ../shared/corpus/bbc from the repository root)')
    .option('--articles <n>', 'generated articles for the extraction figures (default 1000, quick 200)', wholeNumber('--articles'))
    .option('--sizes <small,large>', 'ingest sizes (default 1000,10000; quick 200,2000)', (v: string): [number, number] => {
      const [a, b] = v.split(',').map(Number);
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b <= a) throw new InvalidArgumentError('--sizes must be two whole numbers, small,large');
      return [a, b];
    })
    .option('--threads <n>', 'threads for the all-cores figures', wholeNumber('--threads'), defaultConcurrency())
    .option('--check', 'exit 2 when a target is missed')
    .option('--bolt-port <n>', 'Bolt port of the dedicated Neo4j', wholeNumber('--bolt-port'), BENCH_NEO4J.bolt)
    .option('--http-port <n>', 'HTTP (Browser) port of the dedicated Neo4j', wholeNumber('--http-port'), BENCH_NEO4J.http)
    .option('--keep-neo4j', 'leave the dedicated Neo4j running with its data at the end (stop it with NEO4J_LOCAL_HOME=.neo4j-bench npm run neo4j:stop)')
    .helpOption('-h, --help', 'show this help');
  program.parse(argv);
  const o = program.opts<Opts & { skipIngest?: boolean; skipBaseline?: boolean }>();
  return { ...o, ingest: o.ingest && !o.skipIngest, baseline: o.baseline && !o.skipBaseline };
}

// ---- the machine ------------------------------------------------------------------------------

function firstLine(cmd: string, args: string[], stream: 'stdout' | 'stderr' = 'stdout'): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0 || r.error) return null;
  return (r[stream] || r.stdout || r.stderr || '').split('\n')[0].trim() || null;
}

function describeMachine(root: string, threads: number): Record<string, string | number | null> {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    threads,
    cpu: cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? null,
    ramGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: firstLine('java', ['-version'], 'stderr'),
    loadAverageAtStart: round(os.loadavg()[0], 2),
    extractor: EXTRACTOR_VERSION,
    commit: firstLine('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
  };
}

// ---- extraction -------------------------------------------------------------------------------

async function extractAllOk(pool: ExtractPool, articles: readonly ArticleInput[]): Promise<number> {
  const results = await pool.extractAll(articles);
  return results.filter((r) => !r.ok).length;
}

/** Extracts one article on this thread; what it returns is dropped. */
type OneArticle = (input: ArticleInput) => unknown;

/**
 * One pass over the articles on this thread, each result dropped as soon as it is made: the one loop
 * that times newsgraph on one thread and the compromise baseline alike (a result kept alive until the
 * pass ends costs the garbage collector, and only one side would pay it). Failures are counted.
 */
async function timeOnThisThread(articles: readonly ArticleInput[], extract: OneArticle): Promise<{ t: Throughput; failed: number }> {
  let failed = 0;
  const t = await measureThroughput(articles.length, () => {
    for (const x of articles) {
      try {
        extract(x);
      } catch {
        failed++;
      }
    }
  }, { minSeconds: 0, maxRounds: 1 });
  return { t, failed };
}

const rateOf = (t: Throughput, tokensPerArticle: number): Rate => ({
  articles: t.items,
  rounds: t.rounds,
  seconds: round(t.seconds, 3),
  articlesPerSec: round(t.perSecond, 1),
  tokensPerSec: Math.round(t.perSecond * tokensPerArticle),
  articlesPerCpuSec: round(t.perCpuSecond, 1),
});

/**
 * One timed pass over the corpus on one thread and on all threads. The pools were warmed up beforehand
 * on other articles (see warmUp), so the pass measures compiled code with warm caches on articles it has
 * not seen, as in a long-running ingest: a second pass over the same articles would flatter the caches.
 */
async function benchCorpus(corpus: Corpus & { baseline: boolean }, one: OneArticle, all: ExtractPool, warnings: string[]): Promise<CorpusFigures> {
  const a = corpus.articles;
  const tokens = a.reduce((n, x) => n + countTokens(x.text), 0);
  const perArticle = tokens / a.length;
  const once = { minSeconds: 0, maxRounds: 1 };
  let failed = 0;

  log(`${corpus.name}: ${a.length} articles, newsgraph on one thread…`);
  const single = await timeOnThisThread(a, one);
  const t1 = single.t;
  failed += single.failed;
  log(`${corpus.name}: newsgraph on ${all.size} threads…`);
  const tN = await measureThroughput(a.length, async () => { failed += await extractAllOk(all, a); }, once);
  if (failed) log(`${corpus.name}: ${failed} extractions failed (they still count in the time)`);
  // One busy thread should get about one CPU-second per second; much less means other processes took the cores.
  if (t1.seconds > 0 && t1.cpuSeconds / t1.seconds < 0.85) {
    warnings.push(`${corpus.name}: the one-thread run got only ${round((100 * t1.cpuSeconds) / t1.seconds, 0)}% of a core (other processes were running): its wall-clock rate understates the extractor`);
    log(warnings[warnings.length - 1]);
  }
  return {
    description: corpus.description,
    articles: a.length,
    tokens,
    meanChars: Math.round(a.reduce((n, x) => n + x.text.length, 0) / a.length),
    oneThread: rateOf(t1, perArticle),
    allCores: { ...rateOf(tN, perArticle), threads: all.size },
    baseline: null,
    speedupVsBaseline: null,
    speedupVsBaselineCpu: null,
  };
}

/** The compromise baseline over the same corpus, one thread, one pass, the same loop; fills in the speed-ups. */
async function benchBaseline(corpus: Corpus, baseline: BaselineExtractor, f: CorpusFigures): Promise<void> {
  const a = corpus.articles;
  log(`${corpus.name}: compromise baseline on one thread…`);
  const { t } = await timeOnThisThread(a, (x) => baseline.extract(x));
  f.baseline = rateOf(t, f.tokens / a.length);
  f.speedupVsBaseline = round(f.oneThread.articlesPerSec / f.baseline.articlesPerSec, 2);
  f.speedupVsBaselineCpu = round(f.oneThread.articlesPerCpuSec / f.baseline.articlesPerCpuSec, 2);
}

/**
 * Runs the pools over articles that are not timed later: the JIT compiles the hot paths and the
 * per-word caches fill with common vocabulary, as after the first few thousand articles of a long
 * ingest (a cold first pass is about three times slower).
 */
async function warmUp(articles: readonly ArticleInput[], one: OneArticle, all: ExtractPool): Promise<void> {
  log(`warming up on ${articles.length} articles that are not timed…`);
  await timeOnThisThread(articles, one);
  // In windows, as ingest sends them: the results of a window are dropped before the next is sent.
  for (let i = 0; i < articles.length; i += WARMUP_WINDOW) await all.extractAll(articles.slice(i, i + WARMUP_WINDOW));
}

/** A CPU profile of this thread while `work` runs (the inspector's Profiler, as --cpu-prof records). */
async function profileInProcess(work: () => Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  let profile: CpuProfile;
  try {
    await work();
  } finally {
    // Stopped even when the work fails, so the session does not keep sampling.
    profile = (await post<{ profile: CpuProfile }>('Profiler.stop')).profile;
    session.disconnect();
  }
  return profile;
}

// ---- ingestion --------------------------------------------------------------------------------

interface Launcher {
  start(env: NodeJS.ProcessEnv, o?: { quiet?: boolean }): Promise<{ pid: number; started: boolean; seconds?: number; home: string }>;
  stop(env: NodeJS.ProcessEnv, o?: { quiet?: boolean }): Promise<boolean>;
  settings(env: NodeJS.ProcessEnv): { home: string; bolt: number; http: number; pidFile: string; heap: string };
  portOpen(port: number): Promise<boolean>;
}

interface Neo4jTarget {
  uri: string;
  dedicated: boolean;
  startSeconds: number | null;
  heap: string | null;
  pid: number | null;
  /** The environment the ingest processes run with. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** The bench adds thousands of articles to the database it is given: only with --allow-existing. */
function refuseExisting(opts: Opts): void {
  if (!process.env.NEO4J_URI || opts.allowExisting) return;
  throw new Error(
    `NEO4J_URI is set (${process.env.NEO4J_URI}): the bench would add ${WARMUP + opts.sizes![0] + opts.sizes![1]} generated articles to that database ` +
      '(it deletes nothing). Run with --allow-existing to accept that, or unset NEO4J_URI to let the bench start its own Neo4j.',
  );
}

async function neo4jFor(opts: Opts, root: string): Promise<Neo4jTarget> {
  if (process.env.NEO4J_URI) {
    refuseExisting(opts);
    log(`using the existing Neo4j at ${process.env.NEO4J_URI}: generated articles will be ADDED to it (nothing is deleted)`);
    return { uri: process.env.NEO4J_URI, dedicated: false, startSeconds: null, heap: null, pid: null, env: { ...process.env }, stop: async () => undefined };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const launcher = require(path.join(root, 'scripts', 'neo4j.js')) as Launcher;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_LOCAL_HOME: path.join(root, BENCH_NEO4J.home),
    NEO4J_LOCAL_BOLT_PORT: String(opts.boltPort),
    NEO4J_LOCAL_HTTP_PORT: String(opts.httpPort),
  };
  const s = launcher.settings(env);
  // A bench Neo4j left over from an interrupted run is stopped (by its PID file); then a fresh data folder.
  await launcher.stop(env, { quiet: true });
  if (await launcher.portOpen(s.bolt)) throw new Error(`port ${s.bolt} is in use by another process: pass --bolt-port/--http-port, or set NEO4J_URI (with --allow-existing)`);
  rmSync(s.home, { recursive: true, force: true });
  log(`starting a dedicated Neo4j (bolt ${s.bolt}, heap ${s.heap}, data in ${BENCH_NEO4J.home}/)…`);
  const started = await launcher.start(env, { quiet: true });
  const uri = `bolt://127.0.0.1:${s.bolt}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri };
  for (const k of ['NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete childEnv[k];
  let stopped = false;
  return {
    uri,
    dedicated: true,
    startSeconds: started.seconds ?? null,
    heap: s.heap,
    pid: started.pid,
    env: childEnv,
    stop: async () => {
      if (stopped || opts.keepNeo4j) return;
      stopped = true;
      await launcher.stop(env, { quiet: true });
      // Its transaction logs alone reach gigabytes over a full run: nothing is left behind.
      rmSync(s.home, { recursive: true, force: true });
    },
  };
}

async function counts(graph: Graph): Promise<{ nodes: number; rels: number }> {
  const [n] = await graph.query('MATCH (n) RETURN count(n) AS n');
  const [r] = await graph.query('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: Number(n.n), rels: Number(r.n) };
}

interface CliResult {
  seconds: number;
  exitCode: number | null;
  summary: { seconds?: number; articles?: { added: number; skipped: number; failed: number; updated: number }; failures?: { origin: string; code: string; message: string }[] } | null;
  peakRssBytes: number | null;
  cpuSeconds: number | null;
  stderr: string;
}

/** Runs `newsgraph ingest <dir> --format json` as users do, timing it from spawn to exit. */
function runIngestCli(root: string, dir: string, env: NodeJS.ProcessEnv, scratch: string, label: string, cpuProfDir?: string): Promise<CliResult> {
  const rssFile = path.join(scratch, `rss-${label}.json`);
  rmSync(rssFile, { force: true });
  const probe = path.join(root, 'dist', 'src', 'bench', 'rss-probe.js');
  const args = [
    ...(cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : []),
    '-r', probe,
    path.join(root, 'bin', 'newsgraph.js'), 'ingest', dir, '--format', 'json', '--no-progress',
  ];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...env, NEWSGRAPH_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let summary: CliResult['summary'] = null;
      try {
        summary = JSON.parse(Buffer.concat(out).toString('utf8')) as CliResult['summary'];
      } catch {
        summary = null;
      }
      let probe: { maxRssBytes?: number; cpuSeconds?: number } = {};
      try {
        probe = JSON.parse(readFileSync(rssFile, 'utf8')) as typeof probe;
      } catch {
        probe = {};
      }
      resolve({ seconds, exitCode: code, summary, peakRssBytes: probe.maxRssBytes ?? null, cpuSeconds: probe.cpuSeconds ?? null, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

async function measuredIngest(label: string, articles: number, dir: string, root: string, target: Neo4jTarget, graph: Graph, scratch: string, cpuProfDir?: string): Promise<IngestRun> {
  log(`ingest ${label}: newsgraph ingest ${path.relative(root, dir)} (${articles} articles)…`);
  const before = await counts(graph);
  const loadAverage = round(os.loadavg()[0], 2);
  const jvm0 = target.pid ? procCpuSeconds(target.pid) : null;
  const r = await runIngestCli(root, dir, target.env, scratch, label, cpuProfDir);
  const jvm1 = target.pid ? procCpuSeconds(target.pid) : null;
  const after = await counts(graph);
  const a = r.summary?.articles;
  if (r.exitCode !== 0) {
    log(`ingest ${label}: exit code ${r.exitCode}${r.stderr ? `: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
    for (const f of r.summary?.failures?.slice(0, 5) ?? []) log(`  ${f.origin}: ${f.code}: ${f.message}`);
  }
  if (!a) throw new Error(`ingest ${label} printed no summary (exit ${r.exitCode}): ${r.stderr.trim().slice(0, 500)}`);
  const rels = after.rels - before.rels;
  return {
    label,
    articles,
    seconds: round(r.seconds, 3),
    cliSeconds: r.summary?.seconds ?? null,
    articlesPerSec: round(articles / r.seconds, 1),
    nodesAdded: after.nodes - before.nodes,
    relationshipsAdded: rels,
    relationshipsPerSec: Math.round(rels / r.seconds),
    added: a.added + a.updated,
    skipped: a.skipped,
    failed: a.failed,
    exitCode: r.exitCode,
    peakRssMb: r.peakRssBytes === null ? null : mb(r.peakRssBytes),
    cliCpuSeconds: r.cpuSeconds === null ? null : round(r.cpuSeconds, 1),
    neo4jCpuSeconds: jvm0 !== null && jvm1 !== null ? round(jvm1 - jvm0, 1) : null,
    loadAverage,
  };
}

function readProfiles(dir: string): { main: CpuProfile[]; workers: CpuProfile[] } {
  const main: CpuProfile[] = [];
  const workers: CpuProfile[] = [];
  if (!existsSync(dir)) return { main, workers };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort()) {
    // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread.
    const tid = Number(f.split('.')[4]);
    (tid === 0 ? main : workers).push(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
  }
  return { main, workers };
}

async function benchIngest(opts: Opts, gen: Generator, root: string, profiles: Record<string, ProfileSummary>): Promise<{ ingest: BenchReport['ingest']; cliPeakMb: number | null; jvmPeakMb: number | null }> {
  const [small, large] = opts.sizes!;
  const scratch = path.join(root, '.bench', `seed-${gen.seed}`);
  mkdirSync(scratch, { recursive: true });
  const dirs = { warmup: path.join(scratch, `warmup-${WARMUP}`), small: path.join(scratch, `ingest-${small}`), large: path.join(scratch, `ingest-${large}`), profile: path.join(scratch, `profile-${small}`) };
  log(`writing ${small} + ${large} generated articles as JSONL into ${path.relative(root, scratch)}/…`);
  writeJsonl(dirs.warmup, WARMUP, (i) => gen.article(STREAM.warmup + i));
  writeJsonl(dirs.small, small, (i) => gen.article(STREAM.small + i));
  writeJsonl(dirs.large, large, (i) => gen.article(STREAM.large + i));
  if (opts.profile) writeJsonl(dirs.profile, small, (i) => gen.article(STREAM.profile + i));

  const target = await neo4jFor(opts, root);
  const onSignal = () => {
    void target.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let graph: Graph | null = null;
  try {
    graph = await Graph.connect(loadConfig(target.env).neo4j);
    const writer = new Neo4jWriter(graph, { extractorVersion: EXTRACTOR_VERSION });
    const probe = [gen.article(STREAM.warmup), gen.article(STREAM.small), gen.article(STREAM.large)].map(articleIdOf);
    if ((await writer.existingArticles(probe)).size > 0) {
      throw new Error(`this database already holds the generated articles of seed ${gen.seed} (from an earlier bench run): pass another --seed`);
    }
    const runs: IngestRun[] = [];
    // Warm-up (not a figure): the schema is created, the JVM compiles the hot paths, the caches fill.
    runs.push(await measuredIngest(`warm-up ${WARMUP} (not a figure)`, WARMUP, dirs.warmup, root, target, graph, scratch));
    runs.push(await measuredIngest(`first ${small}`, small, dirs.small, root, target, graph, scratch));
    runs.push(await measuredIngest(`first ${large}`, large, dirs.large, root, target, graph, scratch));
    runs.push(await measuredIngest(`again ${large} (unchanged)`, large, dirs.large, root, target, graph, scratch));
    const [, first1, first2, again] = runs;
    if (opts.profile) {
      const dir = path.resolve(opts.profile, 'ingest');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      runs.push(await measuredIngest(`profiled ${small} (--cpu-prof, not a figure)`, small, dirs.profile, root, target, graph, scratch, dir));
      const p = readProfiles(dir);
      if (p.main.length) profiles['ingest: main thread (load, hash, write to Neo4j)'] = summariseProfiles(p.main, root);
      if (p.workers.length) profiles['ingest: extraction worker threads'] = summariseProfiles(p.workers, root);
    }
    const jvm = target.pid ? procMemory(target.pid) : null;
    const cliPeaks = runs.map((r) => r.peakRssMb).filter((x): x is number => x !== null);
    return {
      ingest: {
        skipped: null,
        sizes: [small, large],
        articlesPerSec1k: first1.articlesPerSec,
        articlesPerSec10k: first2.articlesPerSec,
        relationshipsPerSec1k: first1.relationshipsPerSec,
        relationshipsPerSec10k: first2.relationshipsPerSec,
        scalingRatio: round(first2.seconds / first1.seconds, 2),
        reingestSpeedup: round(first2.seconds / again.seconds, 1),
        // The only new node a re-ingest may add is its (:IngestRun) ledger entry.
        reingestUnchanged: again.nodesAdded <= 1 && again.relationshipsAdded === 0 && again.added === 0,
        runs,
        neo4j: { uri: target.uri, dedicated: target.dedicated, startSeconds: target.startSeconds, heap: target.heap },
      },
      cliPeakMb: cliPeaks.length ? Math.max(...cliPeaks) : null,
      jvmPeakMb: jvm ? mb(jvm.peak) : null,
    };
  } finally {
    await graph?.close();
    await target.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// ---- main -------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const quick = Boolean(opts.quick);
  opts.sizes ??= quick ? [200, 2000] : [1000, 10_000];
  if (opts.ingest) refuseExisting(opts);
  const generated = opts.articles ?? (quick ? 200 : 1000);
  const root = projectRoot();
  const rss = new RssSampler();
  const startedAt = new Date().toISOString();
  const machine = describeMachine(root, opts.threads);
  log(`${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.java ?? 'no java found'}`);
  const warnings: string[] = [];
  const load = os.loadavg()[0];
  if (load > Number(machine.cores) * 0.75) {
    warnings.push(`the machine was already busy at the start (1-minute load average ${round(load, 2)} on ${machine.cores} cores): wall-clock figures may be low`);
    log(warnings[warnings.length - 1]);
  }

  const gen = createGenerator({ seed: opts.seed });
  const corpora: (Corpus & { baseline: boolean })[] = [];
  const bbcDir = opts.bbc ? path.resolve(opts.bbc) : path.resolve(root, '../shared/corpus/bbc');
  const politics = loadBbc(bbcDir, ['politics']);
  const bbcOthers = loadBbc(bbcDir, ['business', 'entertainment', 'sport', 'tech']);
  if (politics && politics.length) {
    corpora.push({ name: 'bbc-politics', description: `BBC politics (${bbcDir})`, articles: quick ? politics.slice(0, 100) : politics, baseline: true });
  } else {
    log(`the BBC corpus is absent (looked in ${bbcDir}): skipping it; the generated corpus gives the headline figures`);
  }
  corpora.push({ name: 'generated', description: `src/bench/generator.ts, seed ${gen.seed}`, articles: gen.articles(STREAM.extract, generated), baseline: true });
  const headline = corpora[0].name;
  // Warm-up text, the same for newsgraph and the baseline: generated articles of another range, and the
  // BBC articles outside politics.
  const others = bbcOthers ?? [];
  const warm = [...gen.articles(STREAM.warmupExtract, quick ? 100 : WARMUP_GENERATED), ...(quick ? others.filter((_, i) => i % 8 === 0) : others)];

  // Extraction.
  // One thread: the extractor in this thread, as the baseline; all cores: the worker pool of `ingest`.
  const extractor = createExtractor();
  const one: OneArticle = (x) => extractor.extract(x);
  const all = createPool(opts.threads);
  const figures: Record<string, CorpusFigures> = {};
  const profiles: Record<string, ProfileSummary> = {};
  try {
    await warmUp(warm, one, all);
    for (const c of corpora) figures[c.name] = await benchCorpus(c, one, all, warnings);
    if (opts.profile) {
      const dir = path.resolve(opts.profile);
      mkdirSync(dir, { recursive: true });
      const articles = corpora[0].articles;
      log(`profiling one-thread extraction over ${headline}…`);
      const profile = await profileInProcess(async () => {
        for (let i = 0; i < 3; i++) await timeOnThisThread(articles, one);
      });
      writeFileSync(path.join(dir, 'extract-one-thread.cpuprofile'), JSON.stringify(profile));
      profiles[`extraction, one thread (${headline})`] = summariseProfiles([profile], root);
    }
  } finally {
    await all.close();
  }
  // The baseline runs after newsgraph, so that neither shares a heap with the other's warm caches while timed.
  if (opts.baseline) {
    const baseline = createBaselineExtractor();
    log(`warming up compromise on the same ${warm.length} articles, not timed…`);
    for (const x of warm) baseline.extract(x);
    for (const c of corpora) if (c.baseline) await benchBaseline(c, baseline, figures[c.name]);
  }
  const head = figures[headline];

  // Ingestion.
  let ingest: BenchReport['ingest'] = {
    skipped: 'not run (--skip-ingest)',
    sizes: null,
    articlesPerSec1k: null,
    articlesPerSec10k: null,
    relationshipsPerSec1k: null,
    relationshipsPerSec10k: null,
    scalingRatio: null,
    reingestSpeedup: null,
    reingestUnchanged: null,
    runs: [],
    neo4j: null,
  };
  let cliPeakMb: number | null = null;
  let jvmPeakMb: number | null = null;
  if (opts.ingest) ({ ingest, cliPeakMb, jvmPeakMb } = await benchIngest(opts, gen, root, profiles));

  const benchPeakMb = mb(rss.stop());
  const partial: Omit<BenchReport, 'targets'> = {
    version: 1,
    startedAt,
    command: `npm run bench${argv.length > 2 ? ` -- ${argv.slice(2).join(' ')}` : ''}`,
    quick,
    seed: gen.seed,
    warnings,
    machine: { ...machine, loadAverageAtEnd: round(os.loadavg()[0], 2) },
    extract: {
      corpus: headline,
      articlesPerSec: head.allCores.articlesPerSec,
      articlesPerSecPerCore: head.oneThread.articlesPerSec,
      articlesPerCpuSecPerCore: head.oneThread.articlesPerCpuSec,
      tokensPerSec: head.allCores.tokensPerSec,
      tokensPerSecPerCore: head.oneThread.tokensPerSec,
      baselineArticlesPerSec: head.baseline?.articlesPerSec ?? null,
      speedupVsBaseline: head.speedupVsBaseline,
      speedupVsBaselineCpu: head.speedupVsBaselineCpu,
      threads: opts.threads,
      corpora: figures,
    },
    ingest,
    memory: {
      peakRssMb: Math.max(benchPeakMb, cliPeakMb ?? 0),
      benchProcessPeakRssMb: benchPeakMb,
      ingestCliPeakRssMb: cliPeakMb,
      neo4jJvmPeakRssMb: jvmPeakMb,
    },
    ...(Object.keys(profiles).length ? { profiles } : {}),
  };
  const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
  process.stdout.write(renderReport(report));
  if (opts.json) {
    writeFileSync(path.resolve(opts.json), JSON.stringify(report, null, 2) + '\n');
    log(`figures written to ${opts.json}`);
  }
  const missed = report.targets.filter((t) => t.pass === false);
  return opts.check && missed.length ? 2 : 0;
}

if (require.main === module) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
