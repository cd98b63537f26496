import {
  alignMentions,
  formatConllReport,
  parseConll,
  runConll,
  scoreSpans,
  tagsToChunks,
} from '../../src/eval/conll';
import type { ExtractedEntity } from '../../src/model/extraction';
import type { EntityLabel } from '../../src/model/ontology';
import { result } from './helpers';

// A tiny hand-written snippet in the CoNLL-2003 layout (not from the shared corpus).
const SNIPPET = [
  '-DOCSTART- -X- -X- O',
  '',
  'Angela NNP I-NP I-PER',
  'Merkel NNP I-NP I-PER',
  'visited VBD I-VP O',
  'Paris NNP I-NP I-LOC',
  '. . O O',
  '',
  'The DT I-NP O',
  'European NNP I-NP I-ORG',
  'Commission NNP I-NP I-ORG',
  'and CC O O',
  'French JJ I-NP I-MISC',
  'officials NNS I-NP O',
  'met VBD I-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Berlin NNP I-NP I-LOC',
  'Paris NNP I-NP B-LOC',
  'talks NNS I-NP O',
  '',
].join('\n');

describe('tagsToChunks', () => {
  it('reads IOB1: I- continues, B- splits two adjacent chunks of one type, a type change splits', () => {
    expect(tagsToChunks(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG', 'I-MISC'])).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
      { start: 4, end: 5, label: 'LOC' },
      { start: 5, end: 6, label: 'ORG' },
      { start: 6, end: 7, label: 'MISC' },
    ]);
  });
  it('reads IOB2 and IOBES too, with an offset', () => {
    expect(tagsToChunks(['B-PER', 'I-PER', 'B-PER', 'O'], 10)).toEqual([
      { start: 10, end: 12, label: 'PER' },
      { start: 12, end: 13, label: 'PER' },
    ]);
    expect(tagsToChunks(['S-LOC', 'B-ORG', 'E-ORG', 'S-ORG'])).toEqual([
      { start: 0, end: 1, label: 'LOC' },
      { start: 1, end: 3, label: 'ORG' },
      { start: 3, end: 4, label: 'ORG' },
    ]);
  });
});

describe('parseConll', () => {
  const docs = parseConll(SNIPPET);

  it('splits documents at -DOCSTART- and rebuilds the text with offsets', () => {
    expect(docs).toHaveLength(2);
    expect(docs[0].text).toBe('Angela Merkel visited Paris .\nThe European Commission and French officials met .');
    expect(docs[0].sentences).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 13 },
    ]);
    for (const d of docs) for (const t of d.tokens) expect(d.text.slice(t.start, t.end)).toBe(t.text);
    expect(docs[1]).toMatchObject({ index: 1, line: 18, text: 'Berlin Paris talks' });
  });

  it('keeps gold chunks with document-wide token indexes, MISC included', () => {
    expect(docs[0].gold).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
      { start: 6, end: 8, label: 'ORG' },
      { start: 9, end: 10, label: 'MISC' },
    ]);
    expect(docs[1].gold).toEqual([
      { start: 0, end: 1, label: 'LOC' },
      { start: 1, end: 2, label: 'LOC' },
    ]);
  });

  it('handles files without -DOCSTART-, CRLF line ends, and reports malformed lines', () => {
    const d = parseConll('Oslo NNP I-NP I-LOC\r\nis VBZ I-VP O\r\n\r\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ text: 'Oslo is', gold: [{ start: 0, end: 1, label: 'LOC' }] });
    expect(() => parseConll('-DOCSTART- -X- -X- O\n\nlonely\n')).toThrow(/line 3: expected "token POS chunk NER"/);
  });
});

describe('alignMentions', () => {
  it('maps character spans on token boundaries to token spans and drops the rest', () => {
    const [doc] = parseConll(SNIPPET);
    const at = (s: string) => doc.text.indexOf(s);
    const { spans, dropped } = alignMentions(doc, [
      { start: at('Angela Merkel'), end: at('Angela Merkel') + 13, label: 'PER' },
      { start: at('Angela Merkel'), end: at('Angela Merkel') + 13, label: 'PER' }, // same span twice
      { start: at('Merk'), end: at('Merk') + 4, label: 'PER' }, // inside a token
      { start: at('Paris'), end: at('Paris') + 5, label: 'LOC' },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
    ]);
    expect(dropped).toBe(1);
  });
});

describe('scoreSpans', () => {
  it('scores exact spans per label, ignoring MISC, and classifies false positives', () => {
    const s = scoreSpans([
      {
        gold: [
          { start: 0, end: 2, label: 'PER' },
          { start: 3, end: 4, label: 'LOC' },
          { start: 6, end: 8, label: 'ORG' },
          { start: 9, end: 10, label: 'MISC' },
        ],
        pred: [
          { start: 0, end: 2, label: 'PER' }, // tp
          { start: 3, end: 4, label: 'LOC' }, // tp
          { start: 6, end: 8, label: 'LOC' }, // exact span, wrong label
          { start: 9, end: 10, label: 'LOC' }, // on MISC
        ],
      },
      {
        gold: [
          { start: 0, end: 1, label: 'LOC' },
          { start: 1, end: 2, label: 'LOC' },
        ],
        pred: [{ start: 0, end: 2, label: 'LOC' }], // boundary error
      },
    ]);
    expect(s.byLabel.PER).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.byLabel.LOC).toMatchObject({ tp: 1, fp: 3, fn: 2 });
    expect(s.byLabel.ORG).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
    expect(s.overall).toMatchObject({ tp: 2, fp: 3, fn: 3 });
    expect(s.overall.f1).toBeCloseTo(0.4);
    expect(s.untyped).toMatchObject({ tp: 3, fp: 2, fn: 2 });
    expect(s.confusion).toEqual({ 'ORG→LOC': 1 });
    expect(s.onMisc).toBe(1);
    expect(s.boundary).toBe(1);
  });
});

describe('runConll', () => {
  /** A fake extractor that finds fixed surface strings. */
  const table: Array<[string, EntityLabel, string?]> = [
    ['Angela Merkel', 'Person', 'name'],
    ['Paris', 'Place'],
    ['European Commission', 'State'],
    ['French', 'State'],
    ['Berlin Paris', 'Place'],
    ['Merk', 'Person'],
    ['European', 'State', 'demonym'], // not a name: left out
  ];
  const extractor = {
    calls: [] as Array<{ text: string; publishedAt?: string | null }>,
    extract(input: { text: string; publishedAt?: string | null }) {
      this.calls.push(input);
      const entities: ExtractedEntity[] = [];
      for (const [s, type, role] of table) {
        let from = 0;
        const mentions = [];
        for (let i = input.text.indexOf(s); i >= 0; i = input.text.indexOf(s, from)) {
          mentions.push({ start: i, end: i + s.length, text: s, ...(role ? { role } : {}) });
          from = i + 1;
        }
        if (mentions.length) entities.push({ id: s, type, name: s, aliases: [], mentions, attributes: {} });
      }
      return result(entities);
    },
  };

  it('runs the extractor per document without a publication date and scores the mentions', () => {
    const docs = parseConll(SNIPPET);
    const r = runConll(docs, extractor, { file: 'snippet.txt', examples: 5 });
    expect(extractor.calls).toHaveLength(2);
    expect(extractor.calls[0].publishedAt).toBeUndefined();
    expect(r).toMatchObject({ documents: 2, sentences: 3, tokens: 16, mentions: 8, droppedMentions: 1, skippedRoles: { demonym: 1 } });
    // doc 2: "Paris" inside "Berlin Paris" is also found, a true positive
    expect(r.score.byLabel.LOC).toMatchObject({ tp: 2, fp: 3, fn: 1 });
    expect(r.score.overall).toMatchObject({ tp: 3, fp: 3, fn: 2 });
    expect(r.falseNegatives).toEqual([
      ['LOC Berlin', 1],
      ['ORG European Commission', 1],
    ]);
    expect(r.falsePositives).toEqual([
      ['LOC Berlin Paris', 1],
      ['LOC European Commission', 1],
      ['LOC French', 1],
    ]);
    expect(r.tokensPerSecond).toBeGreaterThan(0);
    const text = formatConllReport(r);
    expect(text).toMatch(/^overall +50\.00 +60\.00 +54\.55 +5 +6 +3$/m);
    expect(text).toMatch(/1 on gold MISC spans, 1 boundary errors, 1 wrong label on an exact span \(ORG→LOC 1\)/);
    expect(text).toMatch(/8 predicted, 1 dropped \(not on token boundaries\), 1 not names \(demonym 1\)/);
    expect(text).toMatch(/tokens\/s/);
  });

  it('honours --limit', () => {
    expect(runConll(parseConll(SNIPPET), extractor, { limit: 1 }).documents).toBe(1);
  });
});
