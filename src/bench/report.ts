import { table } from '../cli/output';
import type { ProfileSummary } from './cpu-profile';

/** The figures of one `npm run bench` run (what `--json FILE` writes), the targets, and the screen table. */

export interface Rate {
  articles: number;
  rounds: number;
  seconds: number;
  articlesPerSec: number;
  tokensPerSec: number;
  /** Articles per CPU-second of the bench process (for one-thread runs: per core, whatever else the machine runs). */
  articlesPerCpuSec: number;
}

export interface CorpusFigures {
  description: string;
  articles: number;
  tokens: number;
  meanChars: number;
  oneThread: Rate;
  allCores: Rate & { threads: number };
  baseline: Rate | null;
  /** One thread of newsgraph over one thread of the compromise baseline (wall clock). */
  speedupVsBaseline: number | null;
  /** The same ratio in CPU time, which load from other processes barely moves. */
  speedupVsBaselineCpu: number | null;
}

export interface IngestRun {
  label: string;
  articles: number;
  /** Wall-clock time of the `newsgraph ingest` process, start to exit. */
  seconds: number;
  /** The time the CLI reports itself (after start-up, connection and schema). */
  cliSeconds: number | null;
  articlesPerSec: number;
  nodesAdded: number;
  relationshipsAdded: number;
  relationshipsPerSec: number;
  added: number;
  skipped: number;
  failed: number;
  exitCode: number | null;
  peakRssMb: number | null;
  /** CPU seconds of the ingest process (all its threads) and of the Neo4j JVM (dedicated server only) during the run. */
  cliCpuSeconds: number | null;
  neo4jCpuSeconds: number | null;
  /** 1-minute load average when the run started (other processes on the machine slow it down). */
  loadAverage: number;
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  command: string;
  quick: boolean;
  seed: number;
  /** E.g. other load on the machine while measuring. */
  warnings: string[];
  machine: Record<string, string | number | null>;
  extract: {
    corpus: string;
    articlesPerSec: number;
    articlesPerSecPerCore: number;
    articlesPerCpuSecPerCore: number;
    tokensPerSec: number;
    tokensPerSecPerCore: number;
    baselineArticlesPerSec: number | null;
    speedupVsBaseline: number | null;
    speedupVsBaselineCpu: number | null;
    threads: number;
    corpora: Record<string, CorpusFigures>;
  };
  ingest: {
    skipped: string | null;
    sizes: [number, number] | null;
    articlesPerSec1k: number | null;
    articlesPerSec10k: number | null;
    relationshipsPerSec1k: number | null;
    relationshipsPerSec10k: number | null;
    scalingRatio: number | null;
    reingestSpeedup: number | null;
    reingestUnchanged: boolean | null;
    runs: IngestRun[];
    neo4j: { uri: string; dedicated: boolean; startSeconds: number | null; heap: string | null } | null;
  };
  memory: {
    peakRssMb: number;
    benchProcessPeakRssMb: number;
    ingestCliPeakRssMb: number | null;
    neo4jJvmPeakRssMb: number | null;
  };
  targets: TargetResult[];
  profiles?: Record<string, ProfileSummary>;
}

export interface Target {
  key: string;
  label: string;
  op: '>=' | '<=' | '<';
  value: number;
  issue: string;
}

export interface TargetResult extends Target {
  actual: number | null;
  pass: boolean | null;
}

export const TARGETS: readonly Target[] = [
  { key: 'extract.speedupVsBaseline', label: 'extraction speed-up over compromise (one thread each)', op: '>=', value: 10, issue: '#3, #8' },
  { key: 'extract.articlesPerSecPerCore', label: 'extraction, articles/s on one core', op: '>=', value: 300, issue: '#3, #8' },
  { key: 'ingest.articlesPerSec10k', label: 'end-to-end ingest of 10k articles, articles/s', op: '>=', value: 150, issue: '#4, #8' },
  { key: 'ingest.scalingRatio', label: 'time for 10k / time for 1k', op: '<=', value: 11, issue: '#8' },
  { key: 'ingest.reingestSpeedup', label: 'first ingest / re-ingest of the unchanged 10k', op: '>=', value: 10, issue: '#4, #8' },
  { key: 'memory.peakRssMb', label: 'peak RSS, MB (bench and ingest processes)', op: '<', value: 1024, issue: '#4, #8' },
];

const lookup = (obj: unknown, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

export function evaluateTargets(report: Omit<BenchReport, 'targets'>, targets: readonly Target[] = TARGETS): TargetResult[] {
  return targets.map((t) => {
    const v = lookup(report, t.key);
    const actual = typeof v === 'number' && Number.isFinite(v) ? v : null;
    const pass = actual === null ? null : t.op === '>=' ? actual >= t.value : t.op === '<=' ? actual <= t.value : actual < t.value;
    return { ...t, actual, pass };
  });
}

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

const fmt = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined || !Number.isFinite(n) ? '–' : round(n, digits).toLocaleString('en-GB'));

export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  out.push(`newsgraph benchmark — ${r.startedAt}${r.quick ? ' (quick: smaller sizes, not comparable with full runs)' : ''}`);
  out.push(Object.entries(r.machine).map(([k, v]) => `${k}: ${v ?? '–'}`).join(' · '));
  if (r.warnings.length) out.push(...r.warnings.map((w) => `WARNING: ${w}`));
  out.push('');
  out.push('Extraction (articles/s; tokens/s; one thread = one core)');
  out.push(
    table(
      Object.entries(r.extract.corpora).map(([name, c]) => ({
        corpus: name,
        articles: c.articles,
        'mean chars': c.meanChars,
        '1 thread art/s': fmt(c.oneThread.articlesPerSec),
        '1 thread tok/s': fmt(c.oneThread.tokensPerSec, 0),
        '1 thread art/cpu-s': fmt(c.oneThread.articlesPerCpuSec),
        [`${c.allCores.threads} threads art/s`]: fmt(c.allCores.articlesPerSec),
        'compromise art/s': fmt(c.baseline?.articlesPerSec),
        'speed-up': c.speedupVsBaseline === null ? '–' : `${fmt(c.speedupVsBaseline)}× (cpu ${fmt(c.speedupVsBaselineCpu)}×)`,
      })),
    ),
  );
  out.push('Ingestion into Neo4j (`newsgraph ingest`, wall clock from process start to exit)');
  if (r.ingest.skipped) out.push(`  skipped: ${r.ingest.skipped}\n`);
  else {
    out.push(
      table(
        r.ingest.runs.map((x) => ({
          run: x.label,
          articles: x.articles,
          seconds: fmt(x.seconds, 2),
          'art/s': fmt(x.articlesPerSec),
          'rels added': x.relationshipsAdded,
          'rels/s': fmt(x.relationshipsPerSec, 0),
          'nodes added': x.nodesAdded,
          'added/skipped/failed': `${x.added}/${x.skipped}/${x.failed}`,
          'peak RSS MB': fmt(x.peakRssMb, 0),
          'CPU s ingest/neo4j': `${fmt(x.cliCpuSeconds, 0)}/${fmt(x.neo4jCpuSeconds, 0)}`,
          load: fmt(x.loadAverage, 1),
        })),
      ),
    );
    const [small, large] = r.ingest.sizes ?? [1000, 10_000];
    out.push(`  scaling ratio (time for ${large} / time for ${small}): ${fmt(r.ingest.scalingRatio, 2)} · re-ingest speed-up: ${fmt(r.ingest.reingestSpeedup)}× · re-ingest left counts unchanged: ${r.ingest.reingestUnchanged ?? '–'}`);
    if (r.ingest.neo4j) out.push(`  Neo4j: ${r.ingest.neo4j.uri}${r.ingest.neo4j.dedicated ? ` (dedicated, heap ${r.ingest.neo4j.heap}, started in ${fmt(r.ingest.neo4j.startSeconds)}s)` : ' (existing server)'}`);
    out.push('');
  }
  const m = r.memory;
  out.push(`Memory: peak RSS ${fmt(m.peakRssMb, 0)} MB (bench process with its worker threads ${fmt(m.benchProcessPeakRssMb, 0)} MB, ingest CLI ${fmt(m.ingestCliPeakRssMb, 0)} MB); Neo4j JVM separately ${fmt(m.neo4jJvmPeakRssMb, 0)} MB`);
  out.push('');
  out.push('Targets');
  out.push(
    table(
      r.targets.map((t) => ({
        target: t.label,
        wanted: `${t.op} ${t.value}`,
        measured: fmt(t.actual, 2),
        result: t.pass === null ? 'not measured' : t.pass ? 'met' : 'MISSED',
        issue: t.issue,
      })),
    ),
  );
  if (r.profiles) {
    for (const [name, p] of Object.entries(r.profiles)) {
      out.push(`Profile: ${name} (busy ${fmt(p.busyMs / 1000, 1)}s of ${fmt(p.totalMs / 1000, 1)}s sampled)`);
      out.push(table(p.areas.slice(0, 10).map((a) => ({ area: a.name, 'self ms': fmt(a.selfMs, 0), '%': fmt(a.pct) }))));
      out.push(table(p.functions.slice(0, 12).map((f) => ({ function: f.name, where: f.location, 'self ms': fmt(f.selfMs, 0), '%': fmt(f.pct) }))));
    }
  }
  return out.join('\n') + '\n';
}
