import { countTokens, mb, measureThroughput, procCpuSeconds, procMemory, RssSampler } from '../../src/bench/measure';

describe('countTokens', () => {
  it('counts words, numbers and punctuation marks', () => {
    expect(countTokens("Kim Jong-un's visit.")).toBe(4);
    expect(countTokens('It rose by 3,400 pounds!')).toBe(6);
    expect(countTokens('In 2004, the G8 met.')).toBe(7);
    expect(countTokens('')).toBe(0);
    expect(countTokens('  \n ')).toBe(0);
  });
});

describe('measureThroughput', () => {
  it('repeats rounds until the minimum time has passed and divides items by time', async () => {
    let clock = 0;
    let rounds = 0;
    const t = await measureThroughput(50, () => { rounds++; clock += 400; }, { minSeconds: 1, now: () => clock });
    expect(rounds).toBe(3);
    expect(t.items).toBe(150);
    expect(t.seconds).toBeCloseTo(1.2);
    expect(t.perSecond).toBeCloseTo(125);
  });

  it('stops at maxRounds and runs at least minRounds', async () => {
    let clock = 0;
    const slow = await measureThroughput(1, () => { clock += 10_000; }, { minSeconds: 0, minRounds: 2, maxRounds: 5, now: () => clock });
    expect(slow.rounds).toBe(2);
    const fast = await measureThroughput(1, () => { clock += 1; }, { minSeconds: 100, maxRounds: 4, now: () => clock });
    expect(fast.rounds).toBe(4);
  });
});

describe('memory helpers', () => {
  it('reads VmHWM and VmRSS from a /proc status file', () => {
    const status = 'Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(procMemory(1, () => status)).toEqual({ peak: 200 * 1024 * 1024, current: 100 * 1024 * 1024 });
    expect(procMemory(1, () => { throw new Error('ENOENT'); })).toBeNull();
    expect(procMemory(1, () => 'Name:\tx\n')).toBeNull();
  });

  it('reads CPU time from /proc/<pid>/stat, even when the command name has spaces', () => {
    const stat = '4242 (java main) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 40 0 1000';
    expect(procCpuSeconds(4242, () => stat)).toBe(3);
    expect(procCpuSeconds(4242, () => { throw new Error('ENOENT'); })).toBeNull();
    if (process.platform === 'linux') expect(procCpuSeconds(process.pid)).toBeGreaterThan(0);
  });

  it('samples a peak at least as large as the current RSS', () => {
    const s = new RssSampler(1000);
    const now = process.memoryUsage.rss();
    const peak = s.stop();
    expect(peak).toBeGreaterThanOrEqual(now * 0.9);
    expect(mb(peak)).toBeGreaterThan(1);
    expect(mb(1024 * 1024 * 1.26)).toBe(1.3);
  });
});
