import { ExtractionResultSchema } from '../../src/model/extraction';
import { articleKey, sha256 } from '../../src/model/keys';
import { createExtractorFromKnowledge, EXTRACTOR_VERSION, MAX_CHARS, analyse } from '../../src/pipeline/extract';
import { runStages } from '../../src/pipeline/runner';
import { stage } from '../../src/pipeline/stage';
import { createDoc } from '../../src/model/doc';
import { fixtureKnowledge, fixtureResources } from './fixture-knowledge';

const extractor = createExtractorFromKnowledge(fixtureKnowledge());

const ARTICLE = [
  'Envoys meet as tensions rise',
  '',
  'US Secretary of State Rex Tillerson said on Tuesday that the  administration would \u201ckeep talking\u201d to North Korea.',
  '',
  "Mr Tillerson\u2019s envoy, Joseph Yun, met diplomats at Pyongyang\u2019s United Nations mission in June.",
  '',
  'North Korea did not threaten Britain, Mr Yun said. Tony Kim was detained by North Korea in April.',
].join('\n');

describe('extract', () => {
  it('produces output that passes the contract schema', () => {
    const r = extractor.extract({ text: ARTICLE, publishedAt: '2017-11-01T09:30:00Z', title: 'Envoys', url: 'https://example.org/a', id: 'a-1' });
    expect(() => ExtractionResultSchema.parse(r)).not.toThrow();
    expect(r.entities.length).toBeGreaterThan(3);
    expect(r.relations.length).toBeGreaterThan(0);
    expect(r.events.length).toBeGreaterThan(0);
    expect(r.article.publishedAt).toBe('2017-11-01');
    expect(r.article.externalId).toBe('a-1');
    expect(r.article.url).toBe('https://example.org/a');
    expect(EXTRACTOR_VERSION).toMatch(/^newsgraph-rules\//);
  });

  it('ids the article by the sha256 of its normalised text', () => {
    const r = extractor.extract({ text: 'Hello  \u201cworld\u201d.' });
    expect(r.article.id).toBe(articleKey('Hello "world".'));
    expect(r.article.contentHash).toBe(sha256('Hello "world".'));
    expect(r.article.externalId).toBeNull();
  });

  it('is byte-identical across runs', () => {
    const a = JSON.stringify(extractor.extract({ text: ARTICLE, publishedAt: '2017-11-01' }));
    const b = JSON.stringify(extractor.extract({ text: ARTICLE, publishedAt: '2017-11-01' }));
    const c = JSON.stringify(createExtractorFromKnowledge(fixtureKnowledge()).extract({ text: ARTICLE, publishedAt: '2017-11-01' }));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('gives offsets into the text as given (curly quotes, doubled spaces)', () => {
    const r = extractor.extract({ text: ARTICLE, publishedAt: '2017-11-01' });
    for (const e of r.entities) for (const m of e.mentions) expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    for (const x of [...r.relations, ...r.events]) for (const ev of x.evidence) expect(ARTICLE.slice(ev.start, ev.end)).toBe(ev.quote);
    const mission = r.entities.find((e) => e.id === 'institution:united nations mission:PRK');
    expect(mission).toBeDefined();
    const admin = r.entities.find((e) => e.id === 'state:USA')?.mentions.find((m) => m.text === 'administration');
    expect(admin).toBeDefined();
    const ev = r.events.find((e) => e.type === 'COERCE');
    expect(ev?.evidence[0].quote).toBe('Tony Kim was detained by North Korea in April.');
  });

  it('orders entities by first mention and relations and events by evidence', () => {
    const r = extractor.extract({ text: ARTICLE, publishedAt: '2017-11-01' });
    const firsts = r.entities.map((e) => e.mentions[0].start);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    const evs = r.events.map((e) => e.evidence[0].start);
    expect([...evs].sort((a, b) => a - b)).toEqual(evs);
    for (const e of r.entities) expect([...e.aliases].sort()).toEqual(e.aliases);
  });

  it('reports empty text as an issue, never throws', () => {
    const r = extractor.extract({ text: '   \n  ' });
    expect(r.issues.map((i) => i.code)).toEqual(['W_EMPTY_TEXT']);
    expect(r.entities).toEqual([]);
    expect(() => ExtractionResultSchema.parse(r)).not.toThrow();
  });

  it('survives hostile text quickly', () => {
    const nasty = [
      '((((((((((((((((((((((((((((('.repeat(200),
      'A'.repeat(5000),
      'Mr Mr Mr Mr Mr '.repeat(500),
      '\u0000\u0001\u200b\ufeff'.repeat(100),
      'The The The The The '.repeat(1000),
      'x (Y) '.repeat(2000),
    ].join('\n\n');
    const t0 = Date.now();
    const r = extractor.extract({ text: nasty });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(() => ExtractionResultSchema.parse(r)).not.toThrow();
  });

  it('caps work on huge inputs with an issue', () => {
    const big = 'North Korea met Britain in Geneva. '.repeat(Math.ceil((MAX_CHARS + 1000) / 35));
    const r = extractor.extract({ text: big });
    expect(r.issues.map((i) => i.code)).toContain('W_TEXT_TRUNCATED');
    expect(r.article.id).toBe(articleKey(big.trim()));
  });

  it('without a publication date, relative dates are issues and absolute ones resolve', () => {
    const r = extractor.extract({ text: 'Britain imposed sanctions on North Korea on Tuesday. Britain imposed sanctions on North Korea on 5 March 2004.' });
    expect(r.issues.map((i) => i.code)).toEqual(['W_DATE_UNRESOLVED']);
    expect(r.events.map((e) => e.date).sort()).toEqual(['2004-03-05', null].sort());
  });
});

describe('runner', () => {
  it('turns a failing stage into an issue and goes on', () => {
    const seen: string[] = [];
    const doc = runStages(createDoc({ text: 'x' }), [
      stage('first', () => { seen.push('first'); }),
      stage('boom', () => { throw new Error('bad'); }),
      stage('last', () => { seen.push('last'); }),
    ], fixtureResources());
    expect(seen).toEqual(['first', 'last']);
    expect(doc.issues).toEqual([{ code: 'E_STAGE_FAILED', message: 'stage boom failed: bad' }]);
  });

  it('stops after a failing required stage', () => {
    const seen: string[] = [];
    runStages(createDoc({ text: 'x' }), [stage('req', () => { throw new Error('no'); }, true), stage('later', () => { seen.push('later'); })], fixtureResources());
    expect(seen).toEqual([]);
  });

  it('analyse returns the document model', () => {
    const doc = analyse({ text: 'Britain met North Korea.' }, fixtureResources());
    expect(doc.sentences).toHaveLength(1);
    expect(doc.entities.map((e) => e.id)).toEqual(['state:GBR', 'state:PRK']);
  });
});

describe('determinism across articles', () => {
  it('gives the same tokens whatever was read before (wink learns new words)', () => {
    const text = "Mr Qwertyxo's plan failed. Zarblat met him.";
    const before = JSON.stringify(extractor.extract({ text }));
    extractor.extract({ text: "They met Qwertyxo's, Zarblat's and Qwertyxo's men, then left. Qwertyxo's." });
    expect(JSON.stringify(extractor.extract({ text }))).toBe(before);
  });
});
