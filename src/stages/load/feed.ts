import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseDate } from './dates';
import { fragmentText, plainTextOf } from './html';

/**
 * RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds, through fast-xml-parser. Each item becomes one
 * article: its content (content:encoded, Atom content) or else its description/summary, as text with the
 * HTML stripped; link → url, guid/id → id, pubDate/dc:date/published/updated → publishedAt, title, and the
 * feed's own title as the source. A feed that is not well-formed XML is cut into its items, and each item
 * is parsed alone, so one broken item costs only itself.
 */

export interface FeedArticle {
  text: string;
  title: string | null;
  url: string | null;
  id: string | null;
  publishedAt: string | null;
  source: string | null;
  byline: string | null;
}

export type FeedEntry =
  | { ok: true; index: number; article: FeedArticle }
  | { ok: false; index: number | null; code: 'E_FEED' | 'E_FEED_ITEM' | 'E_EMPTY'; message: string };

/* Nodes of fast-xml-parser's preserveOrder output: `{ tag: children[], ':@': attributes }` or `{ '#text': s }`. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kidsOf = (n: XNode): XNode[] => {
  const k = n[tagOf(n)];
  return Array.isArray(k) ? (k as XNode[]) : [];
};
const attrsOf = (n: XNode): Record<string, string> => (n[':@'] as Record<string, string>) ?? {};
/** Local name, without a namespace prefix (`atom:entry` → `entry`); `content:encoded` keeps its prefix. */
const localOf = (tag: string): string => (tag === 'content:encoded' ? tag : tag.replace(/^[\w.-]+:/, ''));
const elements = (n: XNode): XNode[] => kidsOf(n).filter((k) => tagOf(k) !== '#text');
const child = (n: XNode, ...names: string[]): XNode | null => {
  for (const name of names) {
    const hit = elements(n).find((k) => tagOf(k) === name || localOf(tagOf(k)) === name);
    if (hit) return hit;
  }
  return null;
};

/** All text below a node, in document order (iterative). */
function textIn(n: XNode | null): string {
  if (!n) return '';
  let out = '';
  const stack: XNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (tagOf(x) === '#text') out += String(x['#text'] ?? '');
    else stack.push(...kidsOf(x).slice().reverse());
  }
  return out;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]);

/**
 * Markup below a node, for content that is HTML: text nodes go out as they are (escaped HTML in an RSS
 * description decodes to markup, which is what it means), elements are written back as tags.
 */
function markupIn(n: XNode): string {
  const parts: string[] = [];
  const stack: (XNode | string)[] = [...kidsOf(n)].reverse();
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      parts.push(x);
      continue;
    }
    const tag = tagOf(x);
    if (tag === '#text') {
      parts.push(String(x['#text'] ?? ''));
      continue;
    }
    const name = tag.replace(/^[\w.-]+:/, '');
    const attrs = Object.entries(attrsOf(x)).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
    parts.push(`<${name}${attrs}>`);
    stack.push(`</${name}>`, ...[...kidsOf(x)].reverse());
  }
  return parts.join('');
}

/** The text of a content element by its declared type: Atom `text` is plain, `html`/`xhtml` and RSS fields are HTML. */
function contentText(n: XNode | null, atom: boolean): string {
  if (!n) return '';
  const type = (attrsOf(n).type ?? (atom ? 'text' : 'html')).toLowerCase();
  if (atom && (type === 'text' || type === 'text/plain')) return plainParagraphs(textIn(n));
  return fragmentText(markupIn(n)).text;
}

/** Plain text as paragraphs: lines trimmed, blank lines separating paragraphs (linear, no regex backtracking). */
function plainParagraphs(s: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of s.split('\n')) {
    const line = raw.replace(/[ \t\r]+/g, ' ').trim();
    if (line) current.push(line);
    else if (current.length) {
      paragraphs.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs.join('\n\n').normalize('NFC');
}

const plain = (s: string): string | null => plainTextOf(s).text.replace(/\s+/g, ' ').trim().slice(0, 500) || null;

function linkOf(item: XNode, atom: boolean): string | null {
  if (!atom) {
    const text = textIn(child(item, 'link')).trim();
    return text || null;
  }
  const links = elements(item).filter((k) => localOf(tagOf(k)) === 'link');
  const alt = links.find((l) => !attrsOf(l).rel || attrsOf(l).rel === 'alternate') ?? links[0];
  return alt ? (attrsOf(alt).href ?? textIn(alt)).trim() || null : null;
}

function authorsOf(item: XNode): string | null {
  const found: string[] = [];
  for (const k of elements(item)) {
    const t = localOf(tagOf(k));
    if (t === 'creator') found.push(textIn(k));
    else if (t === 'author') found.push(child(k, 'name') ? textIn(child(k, 'name')) : textIn(k));
  }
  const list = found.map((s) => s.trim()).filter(Boolean);
  return list.length ? [...new Set(list)].slice(0, 10).join(', ') : null;
}

function toArticle(item: XNode, atom: boolean, source: string | null, index: number): FeedEntry {
  const content = child(item, 'content:encoded', 'content');
  let text = contentText(content, atom);
  if (!text) text = contentText(child(item, 'description', 'summary'), atom);
  const title = plain(textIn(child(item, 'title')));
  if (!text) {
    return { ok: false, index, code: 'E_FEED_ITEM', message: `item ${index + 1}${title ? ` ("${title.slice(0, 60)}")` : ''} has no content or description` };
  }
  const url = linkOf(item, atom);
  const guid = textIn(child(item, 'guid', 'id')).trim() || attrsOf(item)['rdf:about'] || null;
  const date = ['pubDate', 'published', 'date', 'issued', 'updated', 'modified'].map((n) => normaliseDate(textIn(child(item, n)))).find(Boolean) ?? null;
  const itemSource = plain(textIn(child(item, 'source')));
  return {
    ok: true,
    index,
    article: { text, title, url, id: guid ?? url, publishedAt: date, source: itemSource ?? source, byline: authorsOf(item) },
  };
}

export function parseFeed(raw: string): FeedEntry[] {
  // A bare `&` is never well-formed XML but is common in hand-made feeds ("AT&T"): escape it.
  const text = raw.replace(/&(?![a-zA-Z][\w.-]{0,40};|#\d{1,8};|#x[0-9a-fA-F]{1,8};)/g, '&amp;');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) return salvage(text, valid.err);
  let doc: XNode[];
  try {
    doc = parser.parse(text) as XNode[];
  } catch (e) {
    return salvage(text, { msg: (e as Error).message, line: 0 });
  }
  const root = doc.find((n) => ['rss', 'feed', 'RDF'].includes(localOf(tagOf(n))));
  if (!root) {
    const first = doc.find((n) => tagOf(n) !== '#text');
    return [{ ok: false, index: null, code: 'E_FEED', message: `XML but not an RSS or Atom feed (the root element is <${first ? tagOf(first) : '?'}>)` }];
  }
  const kind = localOf(tagOf(root));
  const atom = kind === 'feed';
  const channel = atom ? root : child(root, 'channel');
  const source = channel ? plain(textIn(child(channel, 'title'))) : null;
  // RSS 2.0 puts items in <channel>, RSS 1.0 beside it.
  const holder = atom ? root : kind === 'RDF' ? root : channel;
  const items = holder ? elements(holder).filter((k) => localOf(tagOf(k)) === (atom ? 'entry' : 'item')) : [];
  if (items.length === 0) return [{ ok: false, index: null, code: 'E_EMPTY', message: 'the feed has no items' }];
  return items.map((item, i) => toArticle(item, atom, source, i));
}

/** A feed that is not well-formed: parse each item alone. */
function salvage(text: string, err: { msg: string; line: number }): FeedEntry[] {
  const lower = text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const atom = /<(?:atom:)?feed\b/.test(lower.slice(0, 4096));
  const tag = atom ? 'entry' : 'item';
  const open = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s>/]`, 'g');
  const first = open.exec(lower);
  const where = err.line ? ` (line ${err.line})` : '';
  if (!first) return [{ ok: false, index: null, code: 'E_FEED', message: `not a readable feed: ${err.msg}${where}` }];
  const header = text.slice(0, first.index);
  const source = titleIn(header, lower.slice(0, first.index));
  const out: FeedEntry[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (at: number) => {
    for (let j = text.indexOf('\n', counted); j >= 0 && j < at; j = text.indexOf('\n', j + 1)) line++;
    counted = Math.max(counted, at);
    return line;
  };
  open.lastIndex = first.index;
  for (let m = open.exec(lower), index = 0; m; m = open.exec(lower), index++) {
    const start = m.index;
    const end = findClose(lower, tag, start);
    const at = lineAt(start);
    if (end < 0) {
      out.push({ ok: false, index, code: 'E_FEED_ITEM', message: `item ${index + 1} (line ${at}) is cut off: the feed ends inside it` });
      break;
    }
    const chunk = text.slice(start, end);
    open.lastIndex = end;
    const v = XMLValidator.validate(chunk, { allowBooleanAttributes: true });
    if (v !== true) {
      out.push({ ok: false, index, code: 'E_FEED_ITEM', message: `item ${index + 1} (line ${at + v.err.line - 1}) is not well-formed XML: ${v.err.msg}` });
      continue;
    }
    try {
      const [node] = (parser.parse(chunk) as XNode[]).filter((n) => tagOf(n) !== '#text');
      out.push(node ? toArticle(node, atom, source, index) : { ok: false, index, code: 'E_FEED_ITEM', message: `item ${index + 1} (line ${at}) is empty` });
    } catch (e) {
      out.push({ ok: false, index, code: 'E_FEED_ITEM', message: `item ${index + 1} (line ${at}): ${(e as Error).message}` });
    }
  }
  return out;
}

/** The end (exclusive) of the element opened at `start`, or -1: the first matching close tag. */
function findClose(lower: string, tag: string, start: number): number {
  const re = new RegExp(`</(?:[\\w.-]+:)?${tag}\\s*>`, 'g');
  re.lastIndex = start;
  const m = re.exec(lower);
  return m ? m.index + m[0].length : -1;
}

function titleIn(header: string, lower: string): string | null {
  const open = lower.search(/<title[\s>]/);
  if (open < 0) return null;
  const gt = lower.indexOf('>', open);
  const close = lower.indexOf('</title', gt);
  if (gt < 0 || close < 0) return null;
  return plain(header.slice(gt + 1, close).replace(/<!\[CDATA\[|\]\]>/g, ''));
}
