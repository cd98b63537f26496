import type { Resources } from '../../pipeline/resources';
import { phraseIds, phraseKeyId } from './trie';

/**
 * Word cues the mention stage tests on every token, as bits of one number per token. The cue words are
 * numbered in the phrase vocabulary, so an article's tokens find their cues through the key numbers the
 * tries already looked up (`phraseIds`): no string look-up per token and cue set.
 */
export const CUE = {
  /** "the alliance", "the bloc" (`cues.igoReferences`). */
  igoReference: 1,
  /** "the administration", "the government" (`cues.governmentReferences`). */
  governmentReference: 2,
  /** "captain", "batsman" (`cues.teamRoleNouns`). */
  teamRole: 4,
  /** "v", "vs", "versus". */
  versus: 8,
  /** "(" (acronym definitions). */
  openParen: 16,
} as const;

export const VERSUS: ReadonlySet<string> = new Set(['v', 'vs', 'versus']);
const OPEN_PAREN: ReadonlySet<string> = new Set(['(']);

/** Cue bits by key number, per resources (built once; pure in the resources' cue sets). */
const TABLES = new WeakMap<Resources, Uint8Array>();

function cueTable(res: Resources): Uint8Array {
  let table = TABLES.get(res);
  if (table) return table;
  const sets: [ReadonlySet<string>, number][] = [
    [res.cues.igoReferences, CUE.igoReference],
    [res.cues.governmentReferences, CUE.governmentReference],
    [res.cues.teamRoleNouns, CUE.teamRole],
    [VERSUS, CUE.versus],
    [OPEN_PAREN, CUE.openParen],
  ];
  const bits = new Map<number, number>();
  for (const [set, bit] of sets) for (const key of set) { const id = phraseKeyId(key); bits.set(id, (bits.get(id) ?? 0) | bit); }
  let max = -1;
  for (const id of bits.keys()) if (id > max) max = id;
  table = new Uint8Array(max + 1);
  for (const [id, b] of bits) table[id] = b;
  TABLES.set(res, table);
  return table;
}

/** Whether a token has the cue. */
export function anyCue(cues: Uint8Array, bit: number): boolean {
  for (let i = 0; i < cues.length; i++) if (cues[i] & bit) return true;
  return false;
}

/**
 * Each token's cue bits (`CUE`), 0 for none: bit b is set exactly when the token's key is in that cue set.
 * Written to `out` when given (at least one entry per token), else to a new array.
 */
export function tokenCues(tokens: readonly { key: string }[], res: Resources, out: Uint8Array = new Uint8Array(tokens.length)): Uint8Array {
  const table = cueTable(res); // first: it may number new keys, which `phraseIds` then sees
  const ids = phraseIds(tokens);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    out[i] = id >= 0 && id < table.length ? table[id] : 0;
  }
  return out;
}
