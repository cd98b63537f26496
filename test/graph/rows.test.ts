import { compareEvidence, evidenceKey, relationUpdates } from '../../src/graph/rows';
import type { RelationRow } from '../../src/graph/rows';

const row = (article: string, seen: string, start: number, over: Partial<RelationRow> = {}): RelationRow => ({
  type: 'PART_OF', source: 'institution:state department:USA', target: 'state:USA', identity: {}, article, seen,
  confidence: 0.8, quote: `quote ${article} ${start}`, start, end: start + 10, ...over,
});

describe('relationUpdates', () => {
  it('gives one update per relation with every article, the date range and the best confidence', () => {
    const rows = [row('article:b', '2020-02-01', 5), row('article:a', '2020-03-01', 0, { confidence: 0.9 }), row('article:b', '2020-02-01', 40)];
    const [u] = relationUpdates(rows).get('PART_OF')!;
    expect(u.articles).toEqual(['article:a', 'article:b']);
    expect([u.firstSeen, u.lastSeen, u.confidence]).toEqual(['2020-02-01', '2020-03-01', 0.9]);
    expect(u.evidence.map((e) => [e.article, e.start])).toEqual([['article:b', 5], ['article:b', 40], ['article:a', 0]]);
  });

  it('keeps the earliest evidence, whatever the order of the rows', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`article:${String.fromCharCode(97 + (i * 7) % 12)}`, `2020-01-${String(10 + (i % 5)).padStart(2, '0')}`, i));
    const kept = (list: RelationRow[]) => relationUpdates(list, 4).get('PART_OF')![0].evidence;
    const forward = kept(rows);
    expect(forward).toHaveLength(4);
    expect(kept([...rows].reverse())).toEqual(forward);
    const all = rows.map((r) => ({ key: evidenceKey(r.seen!, r.article, r.start, r.end), seen: r.seen!, article: r.article, start: r.start, end: r.end, quote: r.quote })).sort(compareEvidence);
    expect(forward).toEqual(all.slice(0, 4));
  });

  it('orders evidence keys by date, then article, then offset as numbers', () => {
    const keys = [evidenceKey('2020-01-02', 'article:a', 5, 9), evidenceKey('2020-01-01', 'article:b', 100, 120), evidenceKey('2020-01-01', 'article:b', 20, 30), evidenceKey('2020-01-01T08:00:00Z', 'article:a', 0, 1), evidenceKey('2020-01-01', 'article:a', 7, 8)];
    expect([...keys].sort()).toEqual([keys[4], keys[2], keys[1], keys[3], keys[0]]);
  });

  it('keeps relations with different identities apart, in a stable order', () => {
    const a = row('article:a', '2020-01-01', 0, { type: 'HOLDS_POSITION', source: 'person:x', target: 'state:USA', identity: { title: 'envoy' } });
    const b = { ...a, identity: { title: 'ambassador' } };
    const updates = relationUpdates([a, b]).get('HOLDS_POSITION')!;
    expect(updates.map((u) => u.identity.title)).toEqual(['ambassador', 'envoy']);
    expect(relationUpdates([b, a]).get('HOLDS_POSITION')).toEqual(updates);
  });
});
