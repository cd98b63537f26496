import { writeFileSync } from 'node:fs';

/**
 * Preloaded (`node -r`) into the processes the benchmark spawns: on exit, writes the process's peak
 * resident memory (the kernel's high-water mark, all threads included) and CPU time to
 * NEWSGRAPH_BENCH_RSS_FILE.
 */
const file = process.env.NEWSGRAPH_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(file, JSON.stringify({ pid: process.pid, maxRssBytes: u.maxRSS * 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
    } catch {
      // The benchmark reports the figure as missing.
    }
  });
}
