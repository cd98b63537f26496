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

  it('replaces articles of another extractor version only when told to refresh them', async () => {
    // The newer extractor reads the same text (same id) and no longer finds the threat (two articles report it).
    const reread = SAMPLE.map((a, i) => fakeResult(i < 2 ? { ...a, events: [] } : a));
    const ids = reread.map((r) => r.article.id);

    // Same graph, newer version: stale articles are not "existing" and are replaced in place.
    const fresh = new MemoryWriter('rules/0.2', undefined, { refreshStale: true });
    await writeAs(fresh, 'rules/0.1', SAMPLE.map(fakeResult));
    expect([...(await fresh.existingArticles(ids))]).toEqual([]);
    const out = await fresh.writeArticles(reread);
    expect(out.map((o) => o.status)).toEqual(['updated', 'updated', 'updated']);
    expect(out[1].replaced).toEqual([ids[1]]);
    expect([...fresh.articles.values()].map((a) => a.props.extractorVersion)).toEqual(['rules/0.2', 'rules/0.2', 'rules/0.2']);
    expect((await fresh.stats()).relationships.THREATENS).toBeUndefined();
    expect([...(await fresh.existingArticles(ids))]).toEqual(ids);
    expect((await fresh.writeArticles(reread)).map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);

    // Without the option a newer version skips them, as before.
    const plain = new MemoryWriter('rules/0.2');
    await writeAs(plain, 'rules/0.1', SAMPLE.map(fakeResult));
    expect([...(await plain.existingArticles(ids))]).toEqual(ids);
    expect((await plain.writeArticles(reread)).map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect((await plain.stats()).relationships.THREATENS).toBe(1);
  });

  it('gives an entity back only its names, not surface forms like "the government", after a removal', async () => {
    const w = new MemoryWriter();
    await w.writeArticles([withSurface(fakeResult(SAMPLE[0]), 'state:USA', 'the government'), ...SAMPLE.slice(1).map(fakeResult)]);
    const before = [...w.entities.get('state:USA')!.aliases].sort();
    expect(before).not.toContain('the government');
    expect(await w.removeArticle('a3')).not.toBeNull();
    expect([...w.entities.get('state:USA')!.aliases].sort()).toEqual(before);
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

/** The result with one more mention of `entity`, read as `text`. */
function withSurface(r: ReturnType<typeof fakeResult>, entity: string, text: string): ReturnType<typeof fakeResult> {
  return { ...r, entities: r.entities.map((e) => (e.id === entity ? { ...e, mentions: [...e.mentions, { start: 50, end: 50 + text.length, text }] } : e)) };
}

/** Writes results into `w` as an older extractor version would have. */
async function writeAs(w: MemoryWriter, version: string, results: ReturnType<typeof fakeResult>[]): Promise<void> {
  const older = new MemoryWriter(version);
  await older.writeArticles(results);
  for (const [id, a] of older.articles) w.articles.set(id, a);
  for (const [id, e] of older.entities) w.entities.set(id, e);
  for (const [id, m] of older.mentions) w.mentions.set(id, m);
  for (const [id, r] of older.relations) w.relations.set(id, r);
  for (const [id, e] of older.events) w.events.set(id, e);
}
