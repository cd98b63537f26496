import { createRng, hash32 } from '../../src/bench/prng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('keeps every helper inside its range', () => {
    const r = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.between(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
    const seen = new Set(Array.from({ length: 500 }, () => r.int(4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('samples distinct items and never more than there are', () => {
    const r = createRng(1);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const s = r.sample(items, 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample(items, 10).sort()).toEqual(items);
    expect(() => r.pick([])).toThrow();
  });
});

describe('hash32', () => {
  it('is stable and spreads close inputs apart', () => {
    expect(hash32('1:0')).toBe(hash32('1:0'));
    expect(hash32('1:0')).not.toBe(hash32('1:1'));
    expect(hash32('')).toBe(0x811c9dc5);
  });
});
