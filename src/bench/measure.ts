import { readFileSync } from 'node:fs';

/** Measuring helpers for `npm run bench`: throughput, tokens, peak memory. */

const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}])|[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Words (with inner hyphens and apostrophes), numbers and punctuation marks: "Kim Jong-un's visit." is 4 tokens, "3,400 pounds" 2. */
export function countTokens(text: string): number {
  let n = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.exec(text) !== null) n++;
  return n;
}

export const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export interface Throughput {
  /** Items processed in all timed rounds. */
  items: number;
  rounds: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this process (all threads) over the timed rounds. */
  cpuSeconds: number;
  /** Items per CPU-second: for work on one thread, a per-core rate that other load on the machine barely moves. */
  perCpuSecond: number;
}

/**
 * Times `round()` (which processes `itemsPerRound` items) until at least `minSeconds` have passed and
 * `minRounds` rounds are done, at most `maxRounds`. The rate is total items over total time.
 */
export async function measureThroughput(
  itemsPerRound: number,
  round: () => Promise<void> | void,
  o: { minSeconds?: number; minRounds?: number; maxRounds?: number; now?: () => number } = {},
): Promise<Throughput> {
  const now = o.now ?? (() => performance.now());
  const minSeconds = o.minSeconds ?? 3;
  const minRounds = o.minRounds ?? 1;
  const maxRounds = Math.max(minRounds, o.maxRounds ?? 10);
  let rounds = 0;
  const cpu0 = process.cpuUsage();
  const t0 = now();
  let elapsed = 0;
  while (rounds < maxRounds && (rounds < minRounds || elapsed < minSeconds * 1000)) {
    await round();
    rounds++;
    elapsed = now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const seconds = elapsed / 1000;
  const items = itemsPerRound * rounds;
  return { items, rounds, seconds, perSecond: seconds > 0 ? items / seconds : 0, cpuSeconds, perCpuSecond: cpuSeconds > 0 ? items / cpuSeconds : 0 };
}

/**
 * Peak resident memory of this process (all its threads, so worker threads too): sampled with
 * process.memoryUsage.rss() every `intervalMs`, and the kernel's own high-water mark
 * (process.resourceUsage().maxRSS) when read.
 */
export class RssSampler {
  private sampled = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.sampled) this.sampled = rss;
    return rss;
  }

  /** The peak so far in bytes: the larger of the samples and the kernel's maximum. */
  peak(): number {
    this.sample();
    return Math.max(this.sampled, process.resourceUsage().maxRSS * 1024);
  }

  stop(): number {
    clearInterval(this.timer);
    return this.peak();
  }
}

/** VmHWM (peak resident set) and VmRSS of another process from /proc, in bytes; null off Linux or once it exited. */
export function procMemory(pid: number, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): { peak: number; current: number } | null {
  let status: string;
  try {
    status = read(`/proc/${pid}/status`);
  } catch {
    return null;
  }
  const kb = (field: string): number | null => {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) * 1024 : null;
  };
  const peak = kb('VmHWM');
  const current = kb('VmRSS');
  if (peak === null || current === null) return null;
  return { peak, current };
}

/** CPU time (user + system) another process has used so far, in seconds, from /proc/<pid>/stat; null off Linux. */
export function procCpuSeconds(pid: number, read: (file: string) => string = (f) => readFileSync(f, 'utf8'), ticksPerSecond = 100): number | null {
  let stat: string;
  try {
    stat = read(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / ticksPerSecond : null;
}
