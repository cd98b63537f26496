import { CUE, VERSUS, tokenCues } from '../../src/stages/mentions/cues';
import { phraseIds } from '../../src/stages/mentions/trie';
import { fixtureResources } from '../pipeline/fixture-knowledge';
import { run } from './helpers';

describe('mention cues', () => {
  it('sets a cue bit exactly when the token key is in that cue set', () => {
    const res = fixtureResources();
    const doc = run('The government and the alliance met. Leeds v Chelsea, said the captain; a Zzyzx vs. Qwerty game (ZQG).', '2017-11-01', 'segment');
    const cues = tokenCues(doc.tokens, res);
    const sets: [ReadonlySet<string>, number][] = [
      [res.cues.igoReferences, CUE.igoReference],
      [res.cues.governmentReferences, CUE.governmentReference],
      [res.cues.teamRoleNouns, CUE.teamRole],
      [VERSUS, CUE.versus],
      [new Set(['(']), CUE.openParen],
    ];
    let seen = 0;
    doc.tokens.forEach((t, i) => {
      for (const [set, bit] of sets) expect(!!(cues[i] & bit)).toBe(set.has(t.key));
      if (cues[i]) seen++;
    });
    expect(seen).toBeGreaterThan(2);
  });

  it('sets a trie start bit exactly when a phrase of that trie starts with the token key', () => {
    const res = fixtureResources();
    const doc = run('President Kim Jong-un met the Ministry of Defence and the UN in Seoul; Gulf of Aden, Russia\'s embassy.', '2017-11-01', 'segment');
    const cues = tokenCues(doc.tokens, res);
    const ids = phraseIds(doc.tokens);
    const tries = [
      [res.titles, CUE.titleStart], [res.gazetteer, CUE.gazetteerStart], [res.orgPrefixes, CUE.orgPrefixStart],
      [res.placePrefixes, CUE.placePrefixStart], [res.possessiveHeads, CUE.possessiveHeadStart],
    ] as const;
    const seen = new Set<number>();
    doc.tokens.forEach((_, i) => {
      for (const [trie, bit] of tries) {
        const starts = ids[i] >= 0 && [...trie.startIds()].includes(ids[i]);
        expect(!!(cues[i] & bit)).toBe(starts);
        if (starts) seen.add(bit);
      }
    });
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
