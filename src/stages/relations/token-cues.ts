import type { Token } from '../../model/doc';

/** A word table and what of a token it is matched on. */
export interface CueTable {
  words: ReadonlySet<string>;
  on: 'key' | 'lemma';
}

/**
 * The bit of each named table of a stage, in the order its tables are given to TokenCues (bit i for the
 * i-th name), so that a stage names its tables once and the bits cannot drift from the table order.
 */
export function cueBits<N extends string>(names: readonly N[]): Record<N, number> {
  if (names.length > 31) throw new Error('TokenCues: at most 31 tables');
  return Object.fromEntries(names.map((n, i) => [n, 1 << i])) as Record<N, number>;
}

/** The tables of `names`, in that order, from a record of tables by name. */
export function cueTables<N extends string>(names: readonly N[], tables: Record<N, CueTable>): CueTable[] {
  return names.map((n) => tables[n]);
}

/**
 * Which of a stage's word tables a token is in, one bit per table (bit i for tables[i]), found with one
 * or two Map look-ups per token instead of one Set look-up per table and pass. The union of a sentence's
 * bits tells which token-scanning passes can find anything there at all.
 */
export class TokenCues {
  private readonly words = new Map<string, number>();
  private readonly keyBits: number;
  private readonly lemmaBits: number;

  constructor(tables: readonly CueTable[]) {
    if (tables.length > 31) throw new Error('TokenCues: at most 31 tables');
    let keyBits = 0;
    let lemmaBits = 0;
    tables.forEach((t, i) => {
      const bit = 1 << i;
      if (t.on === 'key') keyBits |= bit;
      else lemmaBits |= bit;
      for (const w of t.words) this.words.set(w, (this.words.get(w) ?? 0) | bit);
    });
    this.keyBits = keyBits;
    this.lemmaBits = lemmaBits;
  }

  /** The token's bits: tables holding its key (for key tables) or its lemma (for lemma tables). */
  of(t: Token): number {
    // One look-up when the key is the lemma: every bit of the word then holds.
    if (t.key === t.lemma) return this.words.get(t.key) ?? 0;
    return ((this.words.get(t.key) ?? 0) & this.keyBits) | ((this.words.get(t.lemma) ?? 0) & this.lemmaBits);
  }
}
