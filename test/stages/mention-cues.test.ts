import { CUE, VERSUS, tokenCues } from '../../src/stages/mentions/cues';
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
});
