import path from 'node:path';
import { areaOf, locationOf, summariseProfile, summariseProfiles } from '../../src/bench/cpu-profile';
import type { CpuProfile } from '../../src/bench/cpu-profile';

const ROOT = '/repo';
const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

describe('areaOf', () => {
  it('maps compiled files back to their source folder and packages to their name', () => {
    expect(areaOf(frame('findMentions', 'file:///repo/dist/src/stages/mentions/mentions.js'), ROOT)).toBe('src/stages/mentions');
    expect(areaOf(frame('x', 'file:///repo/node_modules/wink-nlp/src/wink-nlp.js'), ROOT)).toBe('node_modules/wink-nlp');
    expect(areaOf(frame('x', '/repo/node_modules/@scope/pkg/lib/a.js'), ROOT)).toBe('node_modules/@scope/pkg');
    expect(areaOf(frame('x', 'node:internal/streams/readable'), ROOT)).toBe('node:internal');
    expect(areaOf(frame('(garbage collector)', ''), ROOT)).toBe('(gc)');
    expect(areaOf(frame('exec', ''), ROOT)).toBe('(native)');
  });

  it('gives a repository-relative location with a 1-based line', () => {
    expect(locationOf(frame('f', `file://${path.join(ROOT, 'dist/src/graph/rows.js')}`, 9), ROOT)).toBe('dist/src/graph/rows.js:10');
    expect(locationOf(frame('f', ''), ROOT)).toBe('');
  });
});

describe('summariseProfile', () => {
  // root → a (src/stages/x) → b (node_modules/pkg); idle; gc. Samples: a a b idle gc b, 1 ms apart.
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 7000,
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
      { id: 2, callFrame: frame('a', 'file:///repo/dist/src/stages/x/a.js', 4), children: [3] },
      { id: 3, callFrame: frame('b', 'file:///repo/node_modules/pkg/b.js') },
      { id: 4, callFrame: frame('(idle)', '') },
      { id: 5, callFrame: frame('(garbage collector)', '') },
    ],
    samples: [2, 2, 3, 4, 5, 3, 3],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it('adds self time per function and per area, leaving idle time out of the percentages', () => {
    const s = summariseProfile(profile, ROOT);
    expect(s.totalMs).toBe(6);
    expect(s.idleMs).toBe(1);
    expect(s.busyMs).toBe(5);
    expect(s.areas).toEqual([
      { name: 'node_modules/pkg', selfMs: 2, pct: 40 },
      { name: 'src/stages/x', selfMs: 2, pct: 40 },
      { name: '(gc)', selfMs: 1, pct: 20 },
    ]);
    expect(s.functions[0]).toMatchObject({ name: 'a', location: 'dist/src/stages/x/a.js:5', area: 'src/stages/x', selfMs: 2 });
  });

  it('adds several profiles together', () => {
    const s = summariseProfiles([profile, profile], ROOT);
    expect(s.busyMs).toBe(10);
    expect(s.areas[0].pct).toBe(40);
  });

  it('falls back to hit counts when there are no samples', () => {
    const s = summariseProfile({ startTime: 0, endTime: 4000, nodes: [{ id: 1, callFrame: frame('a', 'file:///repo/dist/src/x/a.js'), hitCount: 3 }, { id: 2, callFrame: frame('(idle)', ''), hitCount: 1 }] }, ROOT);
    expect(s.busyMs).toBe(3);
    expect(s.idleMs).toBe(1);
  });
});
