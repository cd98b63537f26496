import { evaluateTargets, renderReport, TARGETS } from '../../src/bench/report';
import type { BenchReport } from '../../src/bench/report';

const rate = (articlesPerSec: number) => ({ articles: 100, rounds: 1, seconds: 100 / articlesPerSec, articlesPerSec, tokensPerSec: articlesPerSec * 500, articlesPerCpuSec: articlesPerSec });

function report(over: { speedup?: number | null; perCore?: number; ingest10k?: number | null; peak?: number } = {}): Omit<BenchReport, 'targets'> {
  return {
    version: 1,
    startedAt: '2025-01-01T00:00:00.000Z',
    command: 'npm run bench',
    quick: false,
    seed: 1,
    warnings: [],
    machine: { cores: 2 },
    extract: {
      corpus: 'generated',
      articlesPerSec: 700,
      articlesPerSecPerCore: over.perCore ?? 400,
      articlesPerCpuSecPerCore: 410,
      tokensPerSec: 1,
      tokensPerSecPerCore: 1,
      baselineArticlesPerSec: 40,
      speedupVsBaseline: over.speedup === undefined ? 10 : over.speedup,
      speedupVsBaselineCpu: 10,
      threads: 2,
      corpora: {
        generated: { description: 'd', articles: 100, tokens: 50_000, meanChars: 2500, oneThread: rate(400), allCores: { ...rate(700), threads: 2 }, baseline: rate(40), speedupVsBaseline: 10, speedupVsBaselineCpu: 10 },
      },
    },
    ingest: {
      skipped: null,
      sizes: [1000, 10_000],
      articlesPerSec1k: 150,
      articlesPerSec10k: over.ingest10k === undefined ? 160 : over.ingest10k,
      relationshipsPerSec1k: 1,
      relationshipsPerSec10k: 1,
      scalingRatio: 11,
      reingestSpeedup: 12,
      reingestUnchanged: true,
      runs: [],
      neo4j: null,
    },
    memory: { peakRssMb: over.peak ?? 500, benchProcessPeakRssMb: 500, ingestCliPeakRssMb: 300, neo4jJvmPeakRssMb: 900 },
  };
}

describe('evaluateTargets', () => {
  it('checks each target against the figure it names, boundaries included as the issues state them', () => {
    const results = evaluateTargets(report());
    expect(results).toHaveLength(TARGETS.length);
    expect(results.every((t) => t.pass === true)).toBe(true);
    const missed = evaluateTargets(report({ speedup: 9.99, perCore: 299, peak: 1024 }));
    expect(missed.filter((t) => t.pass === false).map((t) => t.key).sort()).toEqual(['extract.articlesPerSecPerCore', 'extract.speedupVsBaseline', 'memory.peakRssMb']);
  });

  it('marks a figure that was not measured as such, not as met', () => {
    const r = evaluateTargets(report({ speedup: null, ingest10k: null }));
    expect(r.find((t) => t.key === 'extract.speedupVsBaseline')).toMatchObject({ actual: null, pass: null });
    expect(r.find((t) => t.key === 'ingest.articlesPerSec10k')).toMatchObject({ actual: null, pass: null });
  });
});

describe('renderReport', () => {
  it('shows the corpora, the targets and which were missed', () => {
    const partial = report({ speedup: 8 });
    const text = renderReport({ ...partial, targets: evaluateTargets(partial) });
    expect(text).toContain('generated');
    expect(text).toMatch(/MISSED/);
    expect(text).toMatch(/speed-up over compromise/);
  });
});
