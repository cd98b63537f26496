import type { Resources } from '../../pipeline/resources';
import { phraseIds, phraseKeyId, type TokenTrie } from './trie';

/**
 * Word cues the mention stage tests on every token, as bits of one number per token. The cue words are
 * numbered in the phrase vocabulary, so an article's tokens find their cues through the key numbers the
 * tries already looked up (`phraseIds`): no string look-up per token and cue set. The same number tells
 * which tries have a phrase starting with the token's key: a token with none starts no match, and the
 * stage skips the walk (most tokens start no title or gazetteer name).
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
  /** A phrase of `titles` starts with the key. */
  titleStart: 32,
  /** A phrase of `gazetteer` starts with the key. */
  gazetteerStart: 64,
  /** A phrase of `orgPrefixes` starts with the key. */
  orgPrefixStart: 128,
  /** A phrase of `placePrefixes` starts with the key. */
  placePrefixStart: 256,
  /** A phrase of `possessiveHeads` starts with the key. */
  possessiveHeadStart: 512,
} as const;

export const VERSUS: ReadonlySet<string> = new Set(['v', 'vs', 'versus']);
const OPEN_PAREN: ReadonlySet<string> = new Set(['(']);

/** Cue bits by key number, per resources (built once; pure in the resources' cue sets and tries). */
const TABLES = new WeakMap<Resources, Uint16Array>();

function cueTable(res: Resources): Uint16Array {
  let table = TABLES.get(res);
  if (table) return table;
  const sets: [ReadonlySet<string>, number][] = [
    [res.cues.igoReferences, CUE.igoReference],
    [res.cues.governmentReferences, CUE.governmentReference],
    [res.cues.teamRoleNouns, CUE.teamRole],
    [VERSUS, CUE.versus],
    [OPEN_PAREN, CUE.openParen],
  ];
  const tries: [TokenTrie<unknown>, number][] = [
    [res.titles, CUE.titleStart],
    [res.gazetteer, CUE.gazetteerStart],
    [res.orgPrefixes, CUE.orgPrefixStart],
    [res.placePrefixes, CUE.placePrefixStart],
    [res.possessiveHeads, CUE.possessiveHeadStart],
  ];
  const bits = new Map<number, number>();
  const mark = (id: number, bit: number): void => { bits.set(id, (bits.get(id) ?? 0) | bit); };
  for (const [set, bit] of sets) for (const key of set) mark(phraseKeyId(key), bit);
  for (const [trie, bit] of tries) for (const id of trie.startIds()) mark(id, bit);
  let max = -1;
  for (const id of bits.keys()) if (id > max) max = id;
  table = new Uint16Array(max + 1);
  for (const [id, b] of bits) table[id] = b;
  TABLES.set(res, table);
  return table;
}

/** Whether a token has the cue. */
export function anyCue(cues: Uint16Array, bit: number): boolean {
  for (let i = 0; i < cues.length; i++) if (cues[i] & bit) return true;
  return false;
}

/**
 * Each token's cue bits (`CUE`), 0 for none: a cue word's bit is set exactly when the token's key is in that
 * cue set, a trie's start bit exactly when a phrase of the trie starts with the key. Written to `out` when
 * given (at least one entry per token), else to a new array.
 */
export function tokenCues(tokens: readonly { key: string }[], res: Resources, out: Uint16Array = new Uint16Array(tokens.length)): Uint16Array {
  const table = cueTable(res); // first: it may number new keys, which `phraseIds` then sees
  const ids = phraseIds(tokens);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    out[i] = id >= 0 && id < table.length ? table[id] : 0;
  }
  return out;
}
