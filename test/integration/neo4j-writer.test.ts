import { MemoryWriter } from '../../src/graph/memory-writer';
import type { Graph } from '../../src/graph/neo4j';
import { Neo4jWriter } from '../../src/graph/neo4j-writer';
import { SAMPLE, fakeResult } from '../helpers/results';
import { connect, counts, lockDb, resetDb, unlockDb } from './db';

describe('Neo4jWriter against a real Neo4j', () => {
  let g: Graph;
  let w: Neo4jWriter;

  beforeAll(async () => {
    await lockDb();
    g = await connect();
    w = new Neo4jWriter(g, { extractorVersion: 'test', batchSize: 7 });
  });
  afterAll(async () => {
    await g?.close();
    unlockDb();
  });
  beforeEach(async () => resetDb(g));

  it('writes one node per entity, evidence on relations, events and aggregates', async () => {
    const out = await w.writeArticles(SAMPLE.map(fakeResult));
    expect(out.map((o) => o.status)).toEqual(['added', 'added', 'added']);
    const c = await counts(g);
    expect(c.SANCTIONS).toBeUndefined();
    expect(c).toMatchObject({ Article: 3, Person: 3, State: 2, Place: 1, Event: 3, MENTIONS: 11, REPORTED_IN: 4, THREATENS: 1, CONSULTS: 1, HOLDS_POSITION: 2, OCCURRED_IN: 1 });
    const [threat] = await g.query('MATCH (:Person {id: "person:donald trump"})-[t:THREATENS]->(:State {id: "state:PRK"}) RETURN t');
    expect((threat.t as { properties: Record<string, unknown> }).properties).toMatchObject({ count: 1, firstDate: '2017-09-19', lastDate: '2017-09-19' });
    const [usa] = await g.query('MATCH (s:State {id: "state:USA"}) RETURN s.aliases AS aliases');
    expect([...(usa.aliases as string[])].sort()).toEqual(['US', 'United States', 'Washington']);
    const [held] = await g.query('MATCH (:Person {id: "person:rex tillerson"})-[r:HOLDS_POSITION]->(:State) RETURN r.title AS title, r.quotes AS quotes, r.starts AS starts, r.count AS count');
    expect(held).toMatchObject({ title: 'Secretary of State', count: 1, starts: [0] });
    expect(held.quotes).toEqual([SAMPLE[0].text.slice(0, 40)]);
    // The transaction's claim mark is not left on articles or events; links are drawn once.
    expect(await g.query('MATCH (n) WHERE n.claim IS NOT NULL RETURN n.id AS id')).toEqual([]);
    expect(await g.query('MATCH (:Person {id: "person:donald trump"})-[r:ACTOR_IN]->(:Event) RETURN count(r) AS n')).toEqual([{ n: 1 }]);
  });

  it('matches the in-memory writer exactly', async () => {
    await w.writeArticles(SAMPLE.map(fakeResult));
    const mem = new MemoryWriter();
    await mem.writeArticles(SAMPLE.map(fakeResult));
    expect(await w.stats()).toEqual(await mem.stats());
  });

  it('is idempotent: writing again skips every article and changes nothing', async () => {
    await w.writeArticles(SAMPLE.map(fakeResult));
    const before = await counts(g);
    const again = await w.writeArticles(SAMPLE.map(fakeResult));
    expect(again.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(await counts(g)).toEqual(before);
    expect([...(await w.existingArticles([fakeResult(SAMPLE[0]).article.id, 'article:none']))]).toEqual([fakeResult(SAMPLE[0]).article.id]);
  });

  it('replaces a changed article and keeps the aggregates right', async () => {
    await w.writeArticles(SAMPLE.map(fakeResult));
    const changed = fakeResult({ ...SAMPLE[1], text: SAMPLE[1].text + ' Later he softened his words.', events: [] });
    const [out] = await w.writeArticles([changed]);
    expect(out.status).toBe('updated');
    const [t] = await g.query('MATCH ()-[t:THREATENS]->() RETURN t.count AS count, size(t.articleIds) AS articles');
    expect(t).toEqual({ count: 1, articles: 1 });
    const c = await counts(g);
    expect(c.Article).toBe(3);
    const mem = new MemoryWriter();
    await mem.writeArticles(SAMPLE.map(fakeResult));
    await mem.writeArticles([changed]);
    expect(await w.stats()).toEqual(await mem.stats());
  });

  it('re-extracted articles of another extractor version replace their facts only with refreshStale', async () => {
    const older = new Neo4jWriter(g, { extractorVersion: 'rules/0.1', batchSize: 7 });
    await older.writeArticles(SAMPLE.map(fakeResult));
    // The newer extractor reads the same texts (same ids) and no longer finds the threat (two articles report it).
    const reread = SAMPLE.map((a, i) => fakeResult(i < 2 ? { ...a, events: [] } : a));
    const ids = reread.map((r) => r.article.id);

    const plain = new Neo4jWriter(g, { extractorVersion: 'rules/0.2', batchSize: 7 });
    expect([...(await plain.existingArticles(ids))].sort()).toEqual([...ids].sort());
    expect((await plain.writeArticles(reread)).map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect((await counts(g)).THREATENS).toBe(1);

    const refresh = new Neo4jWriter(g, { extractorVersion: 'rules/0.2', batchSize: 7, refreshStale: true });
    expect([...(await refresh.existingArticles(ids))]).toEqual([]);
    const out = await refresh.writeArticles(reread);
    expect(out.map((o) => o.status)).toEqual(['updated', 'updated', 'updated']);
    expect(out[1].replaced).toEqual([ids[1]]);
    expect(await g.query('MATCH (a:Article) RETURN DISTINCT a.extractorVersion AS v')).toEqual([{ v: 'rules/0.2' }]);
    const c = await counts(g);
    expect(c.THREATENS).toBeUndefined();
    expect(c.Article).toBe(3);
    // The graph is the one the newer extractor alone would have written.
    const mem = new MemoryWriter();
    await mem.writeArticles(reread);
    expect(await w.stats()).toEqual(await mem.stats());
    expect((await refresh.writeArticles(reread)).map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('removes an article and what only it supported', async () => {
    await w.writeArticles(SAMPLE.map(fakeResult));
    expect(await w.removeArticle('a3')).toMatch(/^article:/);
    const c = await counts(g);
    expect(c.Article).toBe(2);
    expect(c.CONSULTS).toBeUndefined();
    expect(c.Place).toBeUndefined();
    expect((await g.query('MATCH (p:Person {id: "person:joseph yun"}) RETURN p')).length).toBe(0);
    expect(await w.removeArticle('a1')).not.toBeNull();
    expect(await w.removeArticle('a2')).not.toBeNull();
    const empty = await counts(g);
    expect(Object.keys(empty).filter((k) => k !== 'IngestRun')).toEqual([]);
    expect(await w.removeArticle('a2')).toBeNull();
  });

  describe('evidence on a relation that many articles repeat', () => {
    // Nine articles say the same thing; the relation keeps every article id but only 3 quotes.
    const many = Array.from({ length: 9 }, (_, i) => fakeResult({
      text: `Report ${i}: the State Department, part of the United States, spoke.`,
      publishedAt: `2020-01-${String(10 + ((i * 4) % 9)).padStart(2, '0')}`,
      entities: [
        ['institution:state department:USA', 'Institution', 'State Department'],
        ['state:USA', 'State', 'United States'],
      ],
      relations: [['PART_OF', 'institution:state department:USA', 'state:USA']],
    }));
    const evidenceOf = async () => (await g.query(`
      MATCH (:Institution)-[r:PART_OF]->(:State)
      RETURN r.quotes AS quotes, r.seenDates AS seen, r.evidenceArticleIds AS ids, r.count AS count,
             r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, size(r.articleIds) AS articles`))[0];
    const capped = (batchSize: number) => new Neo4jWriter(g, { extractorVersion: 'test', batchSize, transactionRows: batchSize, evidencePerRelation: 3 });

    it('keeps the same earliest quotes whatever the order and batching of the writes', async () => {
      await capped(1000).writeArticles(many);
      const once = await evidenceOf();
      expect(once).toMatchObject({ count: 9, articles: 9, firstSeen: '2020-01-10', lastSeen: '2020-01-18' });
      expect(once.seen).toEqual(['2020-01-10', '2020-01-11', '2020-01-12']);
      expect(once.quotes).toEqual(['2020-01-10', '2020-01-11', '2020-01-12'].map((d) => many.find((m) => m.article.publishedAt === d)!.article.title).map((t) => expect.stringContaining(t)));
      // One article per transaction, newest first (each older one displaces a kept quote), then oldest
      // first (once three are kept, later ones leave the lists alone).
      const byDate = [...many].sort((a, b) => (a.article.publishedAt! < b.article.publishedAt! ? -1 : 1));
      for (const order of [[...byDate].reverse(), byDate]) {
        await resetDb(g);
        for (const r of order) await capped(3).writeArticles([r]);
        expect(await evidenceOf()).toEqual(once);
      }
    });

    it('takes a removed article out of the evidence and recomputes the dates', async () => {
      await capped(1000).writeArticles(many);
      const first = many.find((m) => m.article.publishedAt === '2020-01-10')!;
      expect(await w.removeArticle(first.article.id)).toBe(first.article.id);
      const after = await evidenceOf();
      expect(after).toMatchObject({ count: 8, articles: 8, firstSeen: '2020-01-11', lastSeen: '2020-01-18' });
      expect(after.seen).toEqual(['2020-01-11', '2020-01-12']);
      expect(after.ids).not.toContain(first.article.id);
    });
  });

  it('gives concurrent writers of overlapping articles one copy of everything', async () => {
    const results = SAMPLE.map(fakeResult);
    const writers = [0, 1, 2, 3].map(() => new Neo4jWriter(g, { extractorVersion: 'test', batchSize: 1000 }));
    const outs = await Promise.all(writers.map((wr, i) => wr.writeArticles([results[i % 3], results[(i + 1) % 3], results[(i + 2) % 3]])));
    const added = outs.flat().filter((o) => o.status === 'added').length;
    expect(added).toBe(3);
    const mem = new MemoryWriter();
    await mem.writeArticles(results);
    expect(await w.stats()).toEqual(await mem.stats());
  });
});
