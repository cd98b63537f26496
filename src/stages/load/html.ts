import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { z } from 'zod';
import { projectRoot } from '../../config/paths';
import { normaliseDate } from './dates';
import { parseHTML } from './dom';

/**
 * Saved web pages → article text and metadata. The main content comes from @mozilla/readability over
 * linkedom; title, byline, publication date, canonical URL and site name come from JSON-LD and meta tags
 * (data/lexicon/html-meta.json). The text handed on is the extracted text (paragraphs separated by a
 * blank line), so every offset the extractor reports indexes into it.
 *
 * Work per page is bounded: scripts, styles and comments are cut out first (one linear pass), the rest is
 * capped at MAX_HTML_CHARS, pages deeper than MAX_DEPTH or with more than MAX_ELEMENTS elements skip
 * Readability (whose cost grows much faster than the page) for a single-pass fallback extractor, and
 * markup nested deeper than MAX_PARSE_DEPTH is not parsed at all (its tags are stripped instead).
 */

export const MAX_HTML_CHARS = 1_000_000;
export const MAX_ELEMENTS = 15_000;
export const MAX_DEPTH = 200;
/** Deeper than this (by a scan of the markup), a page is not even parsed: linkedom's cost grows with the square of the depth. */
export const MAX_PARSE_DEPTH = 1_000;
const MAX_JSON_LD = 50;

export interface HtmlArticle {
  text: string;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  source: string | null;
  /** The page was cut at MAX_HTML_CHARS before parsing. */
  truncated: boolean;
  /** `readability`, `fallback` or `json-ld` (the JSON-LD articleBody). */
  extractor: string;
}

export type HtmlResult = { ok: true; article: HtmlArticle } | { ok: false; code: 'E_NO_TEXT'; message: string };

/** data/lexicon/html-meta.json */
const HtmlTableSchema = z.object({
  articleTypes: z.array(z.string().min(1)).min(1),
  meta: z.object({
    title: z.array(z.string()),
    byline: z.array(z.string()),
    published: z.array(z.string()),
    url: z.array(z.string()),
    source: z.array(z.string()),
  }),
  boilerplate: z.object({ tags: z.array(z.string()), roles: z.array(z.string()), classOrIdWords: z.array(z.string().regex(/^[a-z0-9]+$/)) }),
  boilerplateParagraphs: z.array(z.string()),
  noText: z.object({ minWords: z.number().int().positive(), maxLinkShare: z.number().min(0).max(1) }),
});
type HtmlTable = z.infer<typeof HtmlTableSchema>;

let table: (HtmlTable & { types: Set<string>; skipTags: Set<string>; roles: Set<string>; words: Set<string>; dropParagraphs: Set<string> }) | null = null;

function tables() {
  if (table) return table;
  const t = HtmlTableSchema.parse(JSON.parse(readFileSync(path.join(projectRoot(), 'data', 'lexicon', 'html-meta.json'), 'utf8')));
  table = {
    ...t,
    types: new Set(t.articleTypes.map((s) => s.toLowerCase())),
    skipTags: new Set(t.boilerplate.tags),
    roles: new Set(t.boilerplate.roles),
    words: new Set(t.boilerplate.classOrIdWords),
    dropParagraphs: new Set(t.boilerplateParagraphs),
  };
  return table;
}

// ---------------------------------------------------------------------------------------------------
// Linear pre-processing of the raw HTML.

/** ASCII-only lower case: same length as the input, so indexes carry over. */
const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** The bodies of `<script type="application/ld+json">` elements, before scripts are removed. */
export function jsonLdBlocks(html: string, lower = asciiLower(html)): string[] {
  const out: string[] = [];
  let i = 0;
  while (out.length < MAX_JSON_LD) {
    const open = lower.indexOf('<script', i);
    if (open < 0) break;
    const tagEnd = lower.indexOf('>', open);
    if (tagEnd < 0) break;
    const close = lower.indexOf('</script', tagEnd);
    const end = close < 0 ? html.length : close;
    if (/ld\+json/.test(lower.slice(open, tagEnd))) out.push(html.slice(tagEnd + 1, end));
    i = end + 1;
  }
  return out;
}

const RAW_BLOCKS = ['script', 'style', 'template', 'noscript', 'svg', 'math', 'textarea', 'iframe'];

/** Removes comments and the raw-text blocks above; an unclosed one swallows the rest of the page. */
export function stripRawBlocks(html: string, lower = asciiLower(html)): string {
  const parts: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = lower.indexOf('<', i);
    if (lt < 0) break;
    let end = -1;
    if (lower.startsWith('<!--', lt)) {
      const c = lower.indexOf('-->', lt + 4);
      end = c < 0 ? html.length : c + 3;
    } else {
      const name = RAW_BLOCKS.find((t) => lower.startsWith(t, lt + 1) && /[\s>/]/.test(lower[lt + 1 + t.length] ?? ''));
      if (name) {
        const c = lower.indexOf(`</${name}`, lt);
        const gt = c < 0 ? -1 : lower.indexOf('>', c);
        end = gt < 0 ? html.length : gt + 1;
      }
    }
    if (end < 0) {
      parts.push(html.slice(i, lt + 1));
      i = lt + 1;
      continue;
    }
    parts.push(html.slice(i, lt), ' ');
    i = end;
  }
  parts.push(html.slice(i));
  return parts.join('');
}

const VOID_OR_AUTOCLOSED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', '!doctype',
]);

/** The deepest nesting of the markup, from its tags alone (linear; void and self-closing tags do not nest). */
export function markupDepth(lower: string): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  while (i < lower.length) {
    const lt = lower.indexOf('<', i);
    if (lt < 0) break;
    const gt = lower.indexOf('>', lt);
    if (gt < 0) break;
    const close = lower[lt + 1] === '/';
    const m = /^[a-z!][a-z0-9-]*/.exec(lower.slice(lt + (close ? 2 : 1), Math.min(gt, lt + 40)));
    i = gt + 1;
    if (!m || VOID_OR_AUTOCLOSED.has(m[0])) continue;
    if (close) depth = Math.max(0, depth - 1);
    else if (lower[gt - 1] !== '/') {
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

/** linkedom needs <html> and <body> to give a usable document.body. */
function ensureDocument(html: string): string {
  const lower = asciiLower(html);
  if (/<body[\s>]/.test(lower)) return html;
  const headEnd = lower.indexOf('</head>');
  const head = headEnd >= 0 ? html.slice(0, headEnd + 7) : '<!DOCTYPE html><html><head></head>';
  const rest = (headEnd >= 0 ? html.slice(headEnd + 7) : html).replace(/<\/?html\b[^<>]*>|<!doctype[^<>]*>/gi, '');
  return `${/<html/i.test(head) ? head : `<html>${head}`}<body>${rest}</body></html>`;
}

// ---------------------------------------------------------------------------------------------------
// Text from a DOM subtree, without recursion.

/* eslint-disable @typescript-eslint/no-explicit-any */
type DomNode = any;

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'center', 'fieldset', 'legend', 'body', 'html',
]);
const CELLS = new Set(['td', 'th']);
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'canvas', 'textarea', 'select']);

export interface TextOf { text: string; words: number; linkShare: number }

/** Paragraphs separated by a blank line, line breaks kept, runs of white space collapsed, NFC. */
export function textOf(root: DomNode, options: { boilerplate?: boolean } = {}): TextOf {
  const t = options.boilerplate ? tables() : null;
  const paragraphs: string[] = [];
  let buf = '';
  let chars = 0;
  let linkChars = 0;
  let inLink = 0;
  let inPre = 0;
  let bufPre = false;
  const breakParagraph = () => {
    const p = bufPre ? buf.replace(/^\n+/, '').trimEnd() : buf.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    bufPre = false;
    if (p && !(t && p.length < 60 && t.dropParagraphs.has(p.toLowerCase().replace(/[\s.:!…›»>-]+$/, '')))) paragraphs.push(p);
    buf = '';
  };
  const enter = (el: DomNode): boolean => {
    const tag = String(el.localName ?? el.tagName ?? '').toLowerCase();
    if (NEVER_TEXT.has(tag)) return false;
    if (t && isBoilerplate(el, tag, t)) return false;
    if (BLOCKS.has(tag)) breakParagraph();
    else if (tag === 'br') buf += '\n';
    else if (CELLS.has(tag)) buf += ' ';
    if (tag === 'a') inLink++;
    if (tag === 'pre') inPre++;
    return true;
  };
  const leave = (el: DomNode) => {
    const tag = String(el.localName ?? el.tagName ?? '').toLowerCase();
    if (BLOCKS.has(tag)) breakParagraph();
    if (tag === 'a') inLink--;
    if (tag === 'pre') inPre--;
  };
  const text = (node: DomNode) => {
    let s = String(node.data ?? node.textContent ?? '').replace(/[\u00ad\u200b\u2060\ufeff]/g, '');
    if (inPre) {
      s = s.replace(/\r\n?/g, '\n').replace(/[\t\u00a0]/g, ' ');
      bufPre = true;
    } else {
      s = s.replace(/[\s\u00a0]+/g, ' ');
      if (s[0] === ' ' && (buf === '' || buf.endsWith(' ') || buf.endsWith('\n'))) s = s.slice(1);
      if (!s) return;
    }
    buf += s;
    chars += s.length;
    if (inLink) linkChars += s.length;
  };

  if (root.nodeType === 3) text(root);
  else if (root.nodeType === 1 && !enter(root)) return { text: '', words: 0, linkShare: 0 };
  let node: DomNode = root.nodeType === 1 || root.nodeType === 9 ? root.firstChild : null;
  while (node) {
    let entered = false;
    if (node.nodeType === 3 || node.nodeType === 4) text(node);
    else if (node.nodeType === 1) entered = enter(node);
    if (entered && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (entered) leave(node);
    // Up until a next sibling is found, leaving each element on the way.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1) leave(node);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  if (root.nodeType === 1) leave(root);
  breakParagraph();
  const out = paragraphs.join('\n\n').normalize('NFC');
  const words = (out.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).length;
  return { text: out, words, linkShare: chars ? linkChars / chars : 0 };
}

function isBoilerplate(el: DomNode, tag: string, t: ReturnType<typeof tables>): boolean {
  if (t.skipTags.has(tag)) return true;
  const role = el.getAttribute?.('role');
  if (role && t.roles.has(role.toLowerCase())) return true;
  if (el.getAttribute?.('aria-hidden') === 'true' || el.hasAttribute?.('hidden')) return true;
  const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`.toLowerCase();
  if (names.length > 1) for (const w of names.split(/[^a-z0-9]+/)) if (w && t.words.has(w)) return true;
  return false;
}

/** The text of an HTML fragment (a feed item's description, a JSON `html` field without a page around it). */
export function fragmentText(html: string): TextOf {
  try {
    const cleaned = stripRawBlocks(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
    const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${cleaned}</body></html>`);
    return textOf(document.body);
  } catch {
    return plainTextOf(html);
  }
}

/** Last resort when the DOM fails, and for short fields (titles): drop tags, decode the common entities. Linear. */
export function plainTextOf(html: string): TextOf {
  const text = html
    .replace(/<(?:p|div|br|li|h[1-6]|tr|section|article)\b[^<>]*>/gi, '\n\n')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (m, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
      if (named[e.toLowerCase()]) return named[e.toLowerCase()];
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
    })
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
    .normalize('NFC');
  return { text, words: (text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).length, linkShare: 0 };
}

// ---------------------------------------------------------------------------------------------------
// Metadata: JSON-LD first, then meta tags, then what Readability found.

interface PageMeta {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  source: string | null;
  body: string | null;
  /** The page's only <h1>, and its <title>: the last resorts for the title. */
  heading: string | null;
  pageTitle: string | null;
}

function jsonLdArticle(blocks: string[]): Record<string, unknown> | null {
  const { types } = tables();
  const found: Record<string, unknown>[] = [];
  const visit = (x: unknown, depth: number) => {
    if (depth > 6 || found.length > 200 || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.slice(0, 200).forEach((y) => visit(y, depth + 1));
    const o = x as Record<string, unknown>;
    found.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const block of blocks) {
    const json = block.trim().replace(/^(?:\/\/\s*)?<!\[CDATA\[|\]\]>\s*$|^<!--|-->$/g, '').trim().replace(/;\s*$/, '');
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // A broken JSON-LD block is ignored; the page still loads.
    }
  }
  const typeOf = (o: Record<string, unknown>) =>
    (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:]/, '').toLowerCase());
  // The most specific type wins: the table lists NewsArticle before Article before WebPage.
  let best: Record<string, unknown> | null = null;
  let rank = Infinity;
  for (const o of found) {
    for (const t of typeOf(o)) {
      const r = [...types].indexOf(t);
      if (r >= 0 && r < rank) {
        best = o;
        rank = r;
      }
    }
  }
  return best;
}

const str = (x: unknown): string | null => {
  if (typeof x === 'string') return x.trim() || null;
  if (Array.isArray(x)) return str(x[0]);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return str(o.name ?? o['@value'] ?? o['@id'] ?? o.url);
  }
  return null;
};

const names = (x: unknown): string | null => {
  const list = (Array.isArray(x) ? x : [x]).map(str).filter((s): s is string => Boolean(s) && !/^https?:\/\//i.test(s!));
  return list.length ? [...new Set(list)].slice(0, 10).join(', ') : null;
};

function readMeta(document: DomNode, ld: Record<string, unknown> | null, baseUrl: string | null): PageMeta {
  const { meta } = tables();
  const tags = new Map<string, string>();
  for (const el of document.querySelectorAll('meta[content], [itemprop][content], time[itemprop][datetime]')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? '').trim();
    if (key && value && !tags.has(key)) tags.set(key, value);
  }
  const first = (keys: string[]) => {
    for (const k of keys) if (tags.get(k)) return tags.get(k)!;
    return null;
  };
  const canonical = document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? null;
  const byline = first(meta.byline);
  const h1s = document.querySelectorAll('h1');
  return {
    title: clean(str(ld?.headline) ?? str(ld?.name) ?? first(meta.title)),
    byline: clean(names(ld?.author) ?? names(ld?.creator) ?? (byline && !/^https?:\/\//i.test(byline) ? byline : null)),
    publishedAt: normaliseDate(str(ld?.datePublished)) ?? normaliseDate(first(meta.published)) ?? normaliseDate(str(ld?.dateCreated)),
    url: absolute(canonical, baseUrl) ?? absolute(first(meta.url), baseUrl) ?? absolute(str(ld?.url) ?? str(ld?.mainEntityOfPage), baseUrl),
    source: clean(str(ld?.publisher) ?? first(meta.source)),
    body: typeof ld?.articleBody === 'string' ? ld.articleBody : null,
    heading: h1s.length === 1 ? clean(String(h1s[0].textContent ?? '')) : null,
    pageTitle: clean(String(document.querySelector('title')?.textContent ?? '')),
  };
}

function clean(s: string | null): string | null {
  if (!s) return null;
  const t = plainTextOf(s).text.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 500) : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------

function shape(root: DomNode): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let max = 0;
  let node: DomNode = root.firstChild;
  while (node) {
    if (node.nodeType === 1) {
      elements++;
      if (node.firstChild) {
        depth++;
        if (depth > max) max = depth;
        if (elements > MAX_ELEMENTS || max > MAX_DEPTH) break;
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { elements, depth: max };
}

function fallbackRoot(document: DomNode): DomNode {
  const articles = [...document.querySelectorAll('article')].slice(0, 50);
  let best: DomNode = null;
  let bestLen = 0;
  for (const a of articles) {
    const len = String(a.textContent ?? '').length;
    if (len > bestLen) {
      best = a;
      bestLen = len;
    }
  }
  return best ?? document.querySelector('main, [role="main"]') ?? document.body ?? document.documentElement;
}

function enough(t: TextOf): boolean {
  const { noText } = tables();
  return t.words >= noText.minWords && t.linkShare <= noText.maxLinkShare;
}

/** Extracts the article of a page. `baseUrl` (the page's own URL, when fetched) resolves relative links. */
export function extractHtml(html: string, baseUrl: string | null = null): HtmlResult {
  const lower = asciiLower(html);
  const ld = jsonLdArticle(jsonLdBlocks(html, lower));
  let cleaned = stripRawBlocks(html, lower);
  const truncated = cleaned.length > MAX_HTML_CHARS;
  if (truncated) cleaned = cleaned.slice(0, Math.max(cleaned.lastIndexOf('<', MAX_HTML_CHARS), MAX_HTML_CHARS / 2));
  const page = ensureDocument(cleaned);
  const pageLower = asciiLower(page);

  const headEnd = pageLower.indexOf('</head>');
  const stripped = () => plainTextOf(headEnd >= 0 ? page.slice(headEnd + 7) : page);
  if (markupDepth(pageLower) > MAX_PARSE_DEPTH) return finish(stripped(), null, truncated, 'tags-stripped', baseUrl, ldBody(ld));
  let meta: PageMeta | null = null;
  let body: TextOf | null = null;
  let extractor = 'readability';
  try {
    const { document } = parseHTML(page);
    meta = readMeta(document, ld, baseUrl);
    const s = shape(document.documentElement ?? document);
    const readable = s.elements <= MAX_ELEMENTS && s.depth <= MAX_DEPTH;
    if (readable) {
      try {
        const r = new Readability<DomNode>(document as never, {
          serializer: (n: DomNode) => n,
          disableJSONLD: true,
          keepClasses: true,
          maxElemsToParse: MAX_ELEMENTS,
        }).parse();
        if (r?.content) {
          body = textOf(r.content, { boilerplate: true });
          meta.title ??= clean(r.title ?? null) ?? meta.heading;
          meta.byline ??= clean(r.byline ?? null);
          meta.publishedAt ??= normaliseDate(r.publishedTime ?? null);
        }
      } catch {
        body = null;
      }
    }
    if (!body || !enough(body)) {
      // Readability changes the document it reads: start again from the markup.
      const fresh = readable ? parseHTML(page).document : document;
      const fb = textOf(fallbackRoot(fresh), { boilerplate: true });
      if (!body || (enough(fb) && fb.words > body.words)) {
        body = fb;
        extractor = 'fallback';
      }
    }
  } catch {
    body = stripped();
    extractor = 'tags-stripped';
  }
  return finish(body, meta, truncated, extractor, baseUrl, meta?.body ?? ldBody(ld));
}

const ldBody = (ld: Record<string, unknown> | null): string | null => (typeof ld?.articleBody === 'string' ? ld.articleBody : null);

function finish(body: TextOf, meta: PageMeta | null, truncated: boolean, extractor: string, baseUrl: string | null, ldText: string | null): HtmlResult {
  if (!enough(body) && ldText) {
    const fromLd = plainTextOf(ldText);
    if (enough(fromLd)) {
      body = fromLd;
      extractor = 'json-ld';
    }
  }
  if (!enough(body)) {
    const why = body.words >= tables().noText.minWords ? 'it is mostly links' : `${body.words} word${body.words === 1 ? '' : 's'} after removing navigation and boilerplate`;
    return { ok: false, code: 'E_NO_TEXT', message: `no article text in this page (${why})` };
  }
  return {
    ok: true,
    article: {
      text: body.text,
      title: meta?.title ?? meta?.heading ?? meta?.pageTitle ?? null,
      byline: meta?.byline ?? null,
      publishedAt: meta?.publishedAt ?? null,
      url: meta?.url ?? absolute(baseUrl, null),
      source: meta?.source ?? null,
      truncated,
      extractor,
    },
  };
}
