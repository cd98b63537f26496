import { createDoc } from '../../../src/model/doc';
import { normalise } from '../../../src/stages/normalise/normalise';
import { negationFlags, opensPattern } from '../../../src/stages/segment/negation';

const asWords = (normals: string[], types: string[]) => normals.map((normal, i) => ({ normal, type: types[i] }));
import { segment } from '../../../src/stages/segment/segment';

/** The words of `text` in a negation's scope, as segment() marks them. */
function negated(text: string): string[] {
  const doc = createDoc({ text });
  normalise(doc);
  segment(doc);
  return doc.tokens.filter((t) => t.negated).map((t) => t.text);
}

describe('negation scope', () => {
  it('covers the words after a negation up to a comma or a conjunction, never punctuation', () => {
    expect(negated('They did not join the pact, officials said.')).toEqual(['join', 'the', 'pact']);
    expect(negated('Seoul never signed because talks failed.')).toEqual(['signed']);
    expect(negated("They won't join the alliance")).toEqual(['join', 'the', 'alliance']);
    expect(negated('Ministers ruled out sanctions')).toEqual(['sanctions']);
  });

  it('leaves phrases that only look negative alone', () => {
    expect(negated('They may not join the alliance')).toEqual([]);
    expect(negated('It is not only a trade deal')).toEqual([]);
    expect(negated('No wonder talks stalled')).toEqual([]);
  });

  it('stops at the end of the sentence', () => {
    expect(negated('Greece did not veto it. Turkey joined.')).toEqual(['veto', 'it']);
  });

  it('works on bare token lists: longest pattern first, single line breaks skipped inside one', () => {
    const words = ['they', 'failed', '\n', 'to', 'agree', 'today'];
    const types = ['word', 'word', 'tabCRLF', 'word', 'word', 'word'];
    expect(negationFlags(asWords(words, types), [[0, 5]])).toEqual([false, false, false, false, true, true]);
    // A scope that another pattern follows ends before the sentence's last token (as wink marks it).
    const two = ['no', 'deal', 'x', '.', 'but', 'then'];
    expect(negationFlags(asWords(two, ['word', 'word', 'word', 'punctuation', 'word', 'word']), [[0, 2], [3, 5]])).toEqual([false, true, false, false, false, false]);
  });

  it('gives the same flags when told which tokens can open a pattern', () => {
    const words = ['they', 'failed', '\n', 'to', 'agree', ',', 'not', 'only', 'now', 'never', 'again'];
    const types = words.map((w) => (w === '\n' ? 'tabCRLF' : w === ',' ? 'punctuation' : 'word'));
    const opens = words.map((w) => (opensPattern(w) ? 1 : 0));
    expect(opens).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0]);
    const sentences: [number, number][] = [[0, 10]];
    const told = asWords(words, types).map((w, i) => ({ ...w, opens: opens[i] }));
    expect(negationFlags(told, sentences)).toEqual(negationFlags(asWords(words, types), sentences));
    expect(negationFlags(told, sentences)).toEqual([false, false, false, false, true, false, false, false, false, false, true]);
  });
});
