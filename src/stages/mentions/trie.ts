import { tokenKey } from '../segment/segment';
import { getTokenizer } from '../segment/nlp';

/**
 * A token trie over phrase keys: the longest phrase starting at a token is found in one walk.
 * Phrases are cut by the same tokeniser as articles, so "Kim Jong-un" and "U.S." match as in text.
 */

/**
 * Every key that occurs in a phrase of any trie, numbered (one vocabulary per process, shared by all
 * tries). A document's tokens are looked up once (`phraseIds`) and the tries then walk on numbers: one
 * string look-up per token instead of one per trie and start position.
 */
class PhraseVocabulary {
  /**
   * Key → number. A prototype-less object rather than a Map: V8 finds a token's (mostly interned) key
   * string in it faster than in a Map of this size, and there is one look-up per token of every article.
   */
  private readonly ids: Record<string, number> = Object.create(null) as Record<string, number>;
  private size = 0;
  private readonly memo = new WeakMap<readonly { key: string }[], { ids: Int32Array; known: number }>();

  /** The key's number, added when new. */
  intern(key: string): number {
    let id = this.ids[key];
    if (id === undefined) {
      id = this.size++;
      this.ids[key] = id;
    }
    return id;
  }

  /** Each token's key number, -1 for a key no phrase has (computed once per token array). */
  idsOf(tokens: readonly { key: string }[]): Int32Array {
    const hit = this.memo.get(tokens);
    // A trie built since (new keys) or tokens added since: count again.
    if (hit && hit.ids.length === tokens.length && hit.known === this.size) return hit.ids;
    const ids = new Int32Array(tokens.length);
    const known = this.ids;
    for (let i = 0; i < tokens.length; i++) ids[i] = known[tokens[i].key] ?? -1;
    this.memo.set(tokens, { ids, known: this.size });
    return ids;
  }
}

const VOCABULARY = new PhraseVocabulary();

/** The key's number in the phrase vocabulary (added when new), to find it among `phraseIds`. */
export function phraseKeyId(key: string): number {
  return VOCABULARY.intern(key);
}

/** The tokens' key numbers, for `TokenTrie.matchAll` (tokens are looked up once per array). */
export function phraseIds(tokens: readonly { key: string }[]): Int32Array {
  return VOCABULARY.idsOf(tokens);
}

export interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  values: T[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const NONE: { end: number; values: any[] }[] = [];

export class TokenTrie<T> {
  readonly root: TrieNode<T> = { next: new Map(), values: [] };
  size = 0;
  /**
   * The root's children as an array indexed by key number (built on first match, dropped by `add`): every
   * token of an article starts a walk, and an array read is much cheaper than a map look-up.
   */
  private first: (TrieNode<T> | undefined)[] | null = null;

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    this.first = null;
    let node = this.root;
    for (const k of keys) {
      const id = VOCABULARY.intern(k);
      let n = node.next.get(id);
      if (!n) {
        n = { next: new Map(), values: [] };
        node.next.set(id, n);
      }
      node = n;
    }
    node.values.push(value);
    this.size++;
  }

  /** The key numbers that start a phrase: a token whose key is none of them starts no match. */
  startIds(): IterableIterator<number> {
    return this.root.next.keys();
  }

  /**
   * Every phrase starting at token `start` and ending by `limit`, longest first: [end (exclusive), values].
   * `ids` are the tokens' key numbers (`phraseIds`).
   */
  matchAll(ids: ArrayLike<number>, start: number, limit: number): { end: number; values: T[] }[] {
    let node = this.startNode(ids, start, limit);
    // Most walks end without a phrase: the list is made only for a match.
    let out: { end: number; values: T[] }[] | null = null;
    for (let i = start + 1; node; i++) {
      if (node.values.length > 0) {
        if (out) out.push({ end: i, values: node.values });
        else out = [{ end: i, values: node.values }];
      }
      if (i >= limit || ids[i] < 0) break;
      node = node.next.get(ids[i]);
    }
    if (!out) return NONE;
    return out.length > 1 ? out.reverse() : out;
  }

  /** The longest phrase starting at token `start` and ending by `limit`: `matchAll(...)[0]` without the list. */
  longest(ids: ArrayLike<number>, start: number, limit: number): { end: number; values: T[] } | undefined {
    let node = this.startNode(ids, start, limit);
    let end = -1;
    let values: T[] | null = null;
    for (let i = start + 1; node; i++) {
      if (node.values.length > 0) { end = i; values = node.values; }
      if (i >= limit || ids[i] < 0) break;
      node = node.next.get(ids[i]);
    }
    return values ? { end, values } : undefined;
  }

  /** The node of the phrase key at `start` (a key no phrase has, id -1, is about half of an article's tokens). */
  private startNode(ids: ArrayLike<number>, start: number, limit: number): TrieNode<T> | undefined {
    if (start >= limit) return undefined;
    const first = this.first ?? this.indexFirst();
    const id = ids[start];
    return id >= 0 && id < first.length ? first[id] : undefined;
  }

  private indexFirst(): (TrieNode<T> | undefined)[] {
    let max = -1;
    for (const id of this.root.next.keys()) if (id > max) max = id;
    const first: (TrieNode<T> | undefined)[] = new Array<TrieNode<T> | undefined>(max + 1).fill(undefined);
    for (const [id, node] of this.root.next) first[id] = node;
    this.first = first;
    return first;
  }
}

export interface PhraseToken {
  text: string;
  key: string;
  /** How a text token must be written to match: all upper case (an acronym), capitalised, or any way. */
  shape: 'acronym' | 'capitalised' | 'any';
}

/** An acronym: at least two letters, all upper case. */
export function isUpperAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(letters);
}

function shapeOf(text: string): PhraseToken['shape'] {
  return isUpperAcronym(text) ? 'acronym' : /^\p{Lu}/u.test(text) ? 'capitalised' : 'any';
}

/** Cut many phrases at once (one wink pass over the joined phrases: fast at start-up). */
export function tokenisePhrases(phrases: readonly string[]): PhraseToken[][] {
  const nlp = getTokenizer();
  const its = nlp.its;
  const joined = phrases.join('\n');
  const out: PhraseToken[][] = phrases.map(() => []);
  if (phrases.length === 0) return out;
  const starts: number[] = [];
  let pos = 0;
  for (const p of phrases) { starts.push(pos); pos += p.length + 1; }
  const wdoc = nlp.readDoc(joined);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  let cursor = 0;
  let p = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    cursor += spaces[k].length;
    let start = cursor;
    if (!joined.startsWith(v, start)) {
      const f = joined.indexOf(v, start);
      if (f >= 0) start = f;
    }
    cursor = start + v.length;
    if (v.trim().length === 0) continue;
    while (p + 1 < phrases.length && starts[p + 1] <= start) p++;
    out[p].push({ text: v, key: tokenKey(v), shape: shapeOf(v) });
  }
  return out;
}
