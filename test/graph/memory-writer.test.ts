import { MemoryWriter } from '../../src/graph/memory-writer';
import { SAMPLE, fakeResult } from '../helpers/results';

describe('MemoryWriter', () => {
  it('merges entities across articles and counts one event reported twice once', async () => {
    const w = new MemoryWriter();
    const outcomes = await w.writeArticles(SAMPLE.map(fakeResult));
    expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added']);
    const stats = await w.stats();
    expect(stats.labels).toMatchObject({ Article: 3, Person: 3, State: 2, Place: 1, Event: 3 });
    expect(stats.relationships.SANCTIONS).toBeUndefined(); // a negated event draws no aggregated edge
    expect(stats.relationships.REPORTED_IN).toBe(4);
    const threat = [...w.aggregates().values()].find((a) => a.type === 'THREATENS')!;
    expect(threat).toMatchObject({ actor: 'person:donald trump', recipient: 'state:PRK', count: 1 });
    expect(threat.articleIds).toHaveLength(2);
    expect([...w.entities.get('state:USA')!.aliases].sort()).toEqual(['US', 'United States', 'Washington']);
  });

  it('skips unchanged articles and replaces a changed one with the same external id', async () => {
    const w = new MemoryWriter();
    await w.writeArticles(SAMPLE.map(fakeResult));
    const again = await w.writeArticles(SAMPLE.map(fakeResult));
    expect(again.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    const changed = fakeResult({ ...SAMPLE[2], text: SAMPLE[2].text + ' They met again on Friday.', relations: [] });
    const [out] = await w.writeArticles([changed]);
    expect(out.status).toBe('updated');
    expect(out.replaced).toHaveLength(1);
    expect(w.articles.size).toBe(3);
    expect((await w.stats()).relationships.HOLDS_POSITION).toBe(1);
  });

  it('removes an article and only what it alone supported', async () => {
    const w = new MemoryWriter();
    await w.writeArticles(SAMPLE.map(fakeResult));
    const removed = await w.removeArticle('a3');
    expect(removed).toMatch(/^article:/);
    expect(w.entities.has('person:joseph yun')).toBe(false);
    expect(w.entities.has('place:new york:USA')).toBe(false);
    expect(w.entities.has('state:PRK')).toBe(true);
    expect([...w.entities.get('state:USA')!.aliases].sort()).toEqual(['US', 'United States', 'Washington']);
    await w.removeArticle('a1');
    expect([...w.entities.get('state:USA')!.aliases].sort()).toEqual(['United States', 'Washington']);
    const threat = [...w.aggregates().values()].find((a) => a.type === 'THREATENS')!;
    expect(threat.count).toBe(1);
    expect(threat.articleIds).toHaveLength(1);
    expect(await w.removeArticle('nope')).toBeNull();
  });
});
