import type { InputFormat } from './types';

/**
 * What a text is, from its first characters: the first element after any XML declaration, comments and
 * doctype, or the first JSON character. Linear, and it looks at 64 KB at most.
 */

export interface Prolog {
  /** The doctype's root name, lower case (`html`), if there is one. */
  doctype: string | null;
  /** The first element's name, lower case (`rss`, `feed`, `rdf:rdf`, `html`), if there is one. */
  tag: string | null;
}

export function prolog(text: string): Prolog {
  const t = text.slice(0, 65536);
  let i = 0;
  let doctype: string | null = null;
  for (;;) {
    while (i < t.length && /\s/.test(t[i])) i++;
    if (t.startsWith('<?', i)) {
      const end = t.indexOf('?>', i + 2);
      if (end < 0) return { doctype, tag: null };
      i = end + 2;
    } else if (t.startsWith('<!--', i)) {
      const end = t.indexOf('-->', i + 4);
      if (end < 0) return { doctype, tag: null };
      i = end + 3;
    } else if (t.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const end = t.indexOf('>', i);
      if (end < 0) return { doctype, tag: null };
      doctype = /^<!doctype\s+([\w:.-]+)/i.exec(t.slice(i, Math.min(end, i + 100)))?.[1]?.toLowerCase() ?? null;
      i = end + 1;
    } else break;
  }
  const m = /^<([A-Za-z][\w:.-]*)/.exec(t.slice(i, i + 100));
  return { doctype, tag: m ? m[1].toLowerCase() : null };
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf', 'rdf', 'atom:feed']);
const HTML_STARTS = new Set(['html', 'head', 'body', 'meta', 'title', 'article', 'main', 'div', 'p', 'section', 'header', 'h1', 'link', 'style', 'script']);

export function looksLikeFeed(text: string): boolean {
  const { tag } = prolog(text);
  return tag !== null && FEED_ROOTS.has(tag);
}

export function looksLikeHtml(text: string): boolean {
  const { doctype, tag } = prolog(text);
  return doctype === 'html' || (tag !== null && HTML_STARTS.has(tag));
}

/** The format of text with no extension or content type to go by (stdin, some URLs). */
export function sniff(text: string): InputFormat {
  const t = text.slice(0, 1 << 20).trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    // JSON Lines: at least two lines that each hold an object.
    let objects = 0;
    for (const line of t.split('\n', 1000)) if (line.trimStart().startsWith('{') && line.trimEnd().endsWith('}') && ++objects >= 2) return 'jsonl';
    return 'json';
  }
  if (looksLikeFeed(t)) return 'feed';
  if (looksLikeHtml(t)) return 'html';
  return 'text';
}
