import path from 'node:path';

/**
 * Reads V8 CPU profiles (`node --cpu-prof`, or the inspector's Profiler) and says where the time went:
 * self time per function and per area of the code (a folder of src/, a package in node_modules, Node's
 * internals, the garbage collector).
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Share {
  name: string;
  selfMs: number;
  /** Percentage of the busy (non-idle) time. */
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  functions: (Share & { location: string; area: string })[];
  areas: Share[];
}

/** Where a frame's code lives, e.g. "src/stages/mentions", "node_modules/wink-nlp", "node:internal", "(gc)". */
export function areaOf(frame: CallFrame, root: string): string {
  const name = frame.functionName;
  if (name === '(garbage collector)') return '(gc)';
  if (name === '(program)' || name === '(root)') return '(program)';
  if (name === '(idle)') return '(idle)';
  const url = frame.url;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    return `node_modules/${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return file;
  // Compiled code maps back to its source folder: dist/src/stages/x/y.js → src/stages/x.
  return path.posix.dirname(rel.replace(/^dist\//, ''));
}

export function locationOf(frame: CallFrame, root: string): string {
  if (!frame.url) return '';
  const file = frame.url.startsWith('file://') ? decodeURIComponent(frame.url.slice('file://'.length)) : frame.url;
  const rel = file.startsWith('/') ? path.relative(root, file).split(path.sep).join('/') : file;
  return `${rel.startsWith('../..') ? file : rel}:${frame.lineNumber + 1}`;
}

/** Self time per node in ms, from the samples and their time deltas (or the hit counts when absent). */
export function selfTimes(p: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  if (p.samples?.length && p.timeDeltas?.length === p.samples.length) {
    for (let i = 0; i < p.samples.length; i++) {
      // Each delta is the time before a sample: the time up to the next sample belongs to this one.
      const dt = i + 1 < p.timeDeltas.length ? p.timeDeltas[i + 1] : 0;
      self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + Math.max(0, dt) / 1000);
    }
    return self;
  }
  const hits = p.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const perHit = hits > 0 ? (p.endTime - p.startTime) / 1000 / hits : 0;
  for (const node of p.nodes) self.set(node.id, (node.hitCount ?? 0) * perHit);
  return self;
}

export function summariseProfile(p: CpuProfile, root: string, top = 15): ProfileSummary {
  return summariseProfiles([p], root, top);
}

/** One summary over several profiles (e.g. the main thread and each worker thread of one run). */
export function summariseProfiles(profiles: readonly CpuProfile[], root: string, top = 15): ProfileSummary {
  const byFunction = new Map<string, { name: string; location: string; area: string; selfMs: number }>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const p of profiles) {
    const self = selfTimes(p);
    for (const node of p.nodes) {
      const ms = self.get(node.id) ?? 0;
      if (ms === 0) continue;
      totalMs += ms;
      const area = areaOf(node.callFrame, root);
      if (area === '(idle)') {
        idleMs += ms;
        continue;
      }
      const location = locationOf(node.callFrame, root);
      const name = node.callFrame.functionName || '(anonymous)';
      const key = `${name}@${location}`;
      const f = byFunction.get(key) ?? { name, location, area, selfMs: 0 };
      f.selfMs += ms;
      byFunction.set(key, f);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
    }
  }
  const busyMs = totalMs - idleMs;
  const pct = (ms: number) => (busyMs > 0 ? Math.round((ms / busyMs) * 1000) / 10 : 0);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: round(totalMs),
    idleMs: round(idleMs),
    busyMs: round(busyMs),
    functions: [...byFunction.values()]
      .sort((a, b) => b.selfMs - a.selfMs || (a.name < b.name ? -1 : 1))
      .slice(0, top)
      .map((f) => ({ ...f, selfMs: round(f.selfMs), pct: pct(f.selfMs) })),
    areas: [...byArea.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([name, ms]) => ({ name, selfMs: round(ms), pct: pct(ms) })),
  };
}
