import { createDoc } from '../../../src/model/doc';
import { normalise } from '../../../src/stages/normalise/normalise';
import { segment, tokenKey } from '../../../src/stages/segment/segment';

function seg(text: string) {
  const doc = createDoc({ text });
  normalise(doc);
  segment(doc);
  return doc;
}

describe('segment', () => {
  it('cuts sentences and gives tokens with exact offsets, POS and lemmas', () => {
    const doc = seg('Ministers met in Oslo on Monday. They signed two deals.\n\nA new paragraph starts here');
    expect(doc.sentences).toHaveLength(3);
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    const signed = doc.tokens.find((t) => t.text === 'signed');
    expect(signed?.lemma).toBe('sign');
    expect(signed?.pos).toBe('VERB');
    expect(doc.tokens.find((t) => t.text === 'deals')?.lemma).toBe('deal');
  });

  it('ends a sentence at a blank line even without punctuation', () => {
    const doc = seg('Headline without a stop\n\nBody text follows.');
    expect(doc.sentences).toHaveLength(2);
    expect(doc.text.slice(doc.sentences[0].start, doc.sentences[0].end)).toBe('Headline without a stop');
  });

  it('marks shouted headlines', () => {
    const doc = seg('ENVOYS HOLD SECRET TALKS IN OSLO\n\nEnvoys held talks.');
    expect(doc.sentences[0].allCaps).toBe(true);
    expect(doc.sentences[1].allCaps).toBe(false);
  });

  it('keys drop case and periods', () => {
    expect(tokenKey('U.S.')).toBe('us');
    expect(tokenKey('Mr.')).toBe('mr');
    expect(tokenKey('.')).toBe('.');
  });

  it('handles empty text', () => {
    const doc = seg('   ');
    expect(doc.tokens).toHaveLength(0);
    expect(doc.sentences).toHaveLength(0);
  });
});
