import type { ArticleDoc, Mention, Token } from '../model/doc';

/** Helpers shared by the relation and event stages. */

/** Token index → index of the (kept) mention covering it, or -1. */
export function mentionIndex(doc: ArticleDoc): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  doc.mentions.forEach((m, k) => {
    if (m.dropped || m.entity === undefined) return;
    for (let t = m.tokStart; t < m.tokEnd; t++) at[t] = k;
  });
  return at;
}

export function entityId(doc: ArticleDoc, m: Mention | undefined): string | null {
  if (!m || m.dropped || m.entity === undefined) return null;
  return doc.entities[m.entity]?.id ?? null;
}

export function entityType(doc: ArticleDoc, m: Mention | undefined): string | null {
  if (!m || m.dropped || m.entity === undefined) return null;
  return doc.entities[m.entity]?.type ?? null;
}

export function isBe(t: Token | undefined): boolean {
  return !!t && t.lemma === 'be';
}

/** Index of the sentence's mentions, in order. */
export function sentenceMentions(doc: ArticleDoc, s: number): number[] {
  const out: number[] = [];
  doc.mentions.forEach((m, k) => {
    if (!m.dropped && m.entity !== undefined && doc.tokens[m.tokStart].sentence === s) out.push(k);
  });
  return out;
}
