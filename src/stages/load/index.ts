import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ArticleInputSchema } from '../../model/extraction';
import type { ArticleInput } from '../../model/extraction';
import { normaliseDate } from './dates';
import { decode, detectEncoding, looksBinary } from './decode';
import { parseFeed } from './feed';
import { fetchUrl, isUrl, redact } from './fetch';
import { GLOB_MAGIC, PathFilter, globToRegExp } from './glob';
import { extractHtml, fragmentText } from './html';
import { jsonErrorAt } from './json-error';
import { detectLanguage, isAcceptedLanguage } from './language';
import { splitLines, utf8Chunks } from './lines';
import type { Line } from './lines';
import { looksLikeFeed, looksLikeHtml, sniff } from './sniff';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, fail } from './types';
import type { InputFormat, LoadMeta, LoadOptions, LoadedItem } from './types';

/**
 * The input layer shared by extract, ingest, worker and enqueue: files, directories (recursive, with
 * include/exclude globs), globs, http(s) URLs and stdin (`-`), in .txt/.md, .html/.htm, .json (object,
 * array or JSON Feed), .jsonl/.ndjson, and RSS/Atom feeds. Every problem is one failed item with a stable
 * code (README, "Input formats"); the other items still load. Nothing here throws for bad input.
 * JSON Lines from a file or stdin stream line by line, so `maxBytes` limits each line, not the file.
 */

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './types';
export type { InputFormat, LoadMeta, LoadOptions, LoadedItem } from './types';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.text', '.markdown'];
export const JSON_EXTENSIONS = ['.json'];
export const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
export const HTML_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml'];
export const FEED_EXTENSIONS = ['.rss', '.atom', '.xml', '.rdf'];
const FORMAT_OF_EXTENSION = new Map<string, InputFormat>([
  ...TEXT_EXTENSIONS.map((e) => [e, 'text'] as const),
  ...JSON_EXTENSIONS.map((e) => [e, 'json'] as const),
  ...JSONL_EXTENSIONS.map((e) => [e, 'jsonl'] as const),
  ...HTML_EXTENSIONS.map((e) => [e, 'html'] as const),
  ...FEED_EXTENSIONS.map((e) => [e, 'feed'] as const),
]);
/** Documentation files that live beside articles and are not articles (only when walking a directory). */
const SKIP_IN_DIRECTORIES = /^(readme|license|licence|changelog|notice|contributing)(\.[a-z]+)?$/i;

/** What parseBytes may know beyond the bytes (from an HTTP response). */
export interface ParseHints {
  format?: InputFormat | null;
  charset?: string | null;
  /** The page's own URL: resolves relative canonical links and is the url when the page names none. */
  baseUrl?: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Inputs → files.

/** Expands inputs (files, directories, globs, URLs, `-`) into files and URLs, in a stable order. */
export async function expandInputs(
  inputs: readonly string[],
  options: Pick<LoadOptions, 'include' | 'exclude'> = {},
): Promise<{ files: string[]; missing: LoadedItem[] }> {
  const filter = new PathFilter(options.include, options.exclude);
  const files: string[] = [];
  const missing: LoadedItem[] = [];
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) {
      files.push(input);
      continue;
    }
    if (GLOB_MAGIC.test(input)) {
      const stat = await fs.stat(input).catch(() => null);
      if (!stat) {
        const matched = (await glob(input)).filter((f) => keep(filter, f, false));
        if (matched.length === 0) missing.push(fail(input, 'E_NO_MATCH', 'no file matches this pattern'));
        files.push(...matched);
        continue;
      }
    }
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) missing.push(fail(input, 'E_NOT_FOUND', 'no such file or directory'));
    else if (stat.isDirectory()) await walk(input, '', filter, files, missing, new Set([`${stat.dev}:${stat.ino}`]));
    else files.push(input);
  }
  return { files, missing };
}

/** Whether a file found by walking (or by a pattern) is loaded. */
function keep(filter: PathFilter, rel: string, walking: boolean): boolean {
  const posix = rel.split(path.sep).join('/');
  if (filter.excluded(posix)) return false;
  const inc = filter.included(posix);
  if (inc !== null) return inc;
  if (!walking) return true;
  const name = path.basename(posix);
  return FORMAT_OF_EXTENSION.has(path.extname(name).toLowerCase()) && !SKIP_IN_DIRECTORIES.test(name);
}

async function walk(dir: string, rel: string, filter: PathFilter, out: string[], missing: LoadedItem[], seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    missing.push(fail(dir, 'E_READ', `cannot read this directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const relPath = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(full).catch(() => null);
      if (!st) continue;
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      if (filter.excluded(relPath)) continue;
      const st = await fs.stat(full).catch(() => null);
      const id = st ? `${st.dev}:${st.ino}` : full;
      if (seen.has(id)) continue;
      seen.add(id);
      await walk(full, relPath, filter, out, missing, seen);
    } else if (isFile && keep(filter, relPath, true)) out.push(full);
  }
}

/** Files matching a glob (`*`, `?`, `**`, `[…]`, `{a,b}`), hidden ones left out, sorted. */
export async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const firstMagic = parts.findIndex((p) => GLOB_MAGIC.test(p));
  const base = parts.slice(0, firstMagic).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const regex = globToRegExp(pattern.replace(/\\/g, '/'));
  // Without `**`, no match lies deeper than the pattern's segments below its base.
  const maxDepth = parts.some((p) => p.includes('**')) ? 64 : parts.length - firstMagic - 1;
  const all: string[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string, depth: number) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = dir === '.' ? e.name : path.join(dir, e.name);
      const st = e.isSymbolicLink() ? await fs.stat(full).catch(() => null) : null;
      if (e.isDirectory() || st?.isDirectory()) {
        const s = st ?? (await fs.stat(full).catch(() => null));
        const id = s ? `${s.dev}:${s.ino}` : full;
        if (seen.has(id) || depth >= maxDepth) continue;
        seen.add(id);
        await visit(full, depth + 1);
      } else if (e.isFile() || st?.isFile()) all.push(full);
    }
  };
  await visit(base, 0);
  return all.filter((f) => regex.test(f.split(path.sep).join('/').replace(/^\.\//, ''))).sort();
}

// ---------------------------------------------------------------------------------------------------
// Files, URLs and stdin → bytes.

/** Loads every article from the inputs, in order, one item per article or per failure. */
export async function* loadInputs(inputs: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadedItem> {
  const { files, missing } = await expandInputs(inputs, options);
  yield* missing;
  for (const file of files) yield* loadFile(file, options);
}

export async function* loadFile(file: string, options: LoadOptions = {}): AsyncGenerator<LoadedItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file === '-') {
    try {
      return yield* loadReadable(streamChunks(options.stdin ?? process.stdin), 'stdin', null, options, `stdin is larger than the limit of ${maxBytes} bytes (see --max-bytes)`);
    } catch (e) {
      return yield fail('stdin', 'E_READ', `cannot read stdin: ${(e as Error).message}`);
    }
  }
  if (isUrl(file)) {
    const origin = redact(file);
    const got = await fetchUrl(file, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      userAgent: options.userAgent,
    });
    if (!got.ok) return yield fail(origin, got.code, got.message);
    const format = got.format ?? formatOfPath(new URL(got.url).pathname);
    return yield* parseBytes(got.bytes, origin, options, { format, charset: got.charset, baseUrl: got.url });
  }
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return yield fail(file, 'E_NOT_FOUND', 'no such file');
  if (stat.isDirectory()) return yield* loadInputs([file], options);
  // A file that is or may be JSONL (no known extension: its content decides) is read even when large.
  const format = formatOfPath(file);
  const overSize = `file is ${stat.size} bytes, over the limit of ${maxBytes} (see --max-bytes)`;
  if (stat.size > maxBytes && format !== 'jsonl' && format !== null) return yield fail(file, 'E_TOO_LARGE', overSize);
  const tooLarge = stat.size > maxBytes ? overSize : `file grew past the limit of ${maxBytes} bytes while being read`;
  try {
    yield* loadReadable(fileChunks(file, options.readChunkBytes ?? READ_CHUNK_BYTES), file, format, options, tooLarge);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    yield fail(file, 'E_READ', `cannot read this file: ${err.code ?? err.message}`);
  }
}

/** Bytes per read of a file. */
const READ_CHUNK_BYTES = 64 * 1024;
/** What is read before deciding the format from the content (sniff looks at the first 1 MB). */
const SNIFF_BYTES = 1 << 20;
/** What is read before streaming JSONL: enough for looksBinary (8 KB) and detectEncoding (4 KB). */
const HEAD_BYTES = 8192;

/**
 * A file or stdin, from its chunks. JSONL (from the extension, or else from the content) streams line by
 * line with `maxBytes` per line; anything else is read whole, up to `maxBytes` (else `tooLarge`), and parsed.
 * Read errors are thrown, for the caller to name.
 */
async function* loadReadable(chunks: AsyncIterable<Buffer>, origin: string, format: InputFormat | null, options: LoadOptions, tooLarge: string): AsyncGenerator<LoadedItem> {
  const source = chunks[Symbol.asyncIterator]();
  const head = format === 'jsonl' || format === null ? await readHead(source, format === null ? SNIFF_BYTES : HEAD_BYTES) : [];
  const headBytes = Buffer.concat(head);
  const jsonl = format === 'jsonl' || (format === null && headBytes.length > 0 && sniff(decode(headBytes).text) === 'jsonl');
  if (jsonl) return yield* streamJsonLines(headBytes, replay(head, source), origin, options);
  const bytes = await readCapped(replay(head, source), options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!bytes) return yield fail(origin, 'E_TOO_LARGE', tooLarge);
  yield* parseBytes(bytes, origin, options);
}

/** A file's bytes, one fresh buffer per read (lines keep slices of them). */
async function* fileChunks(file: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buf, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* streamChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string | Uint8Array);
}

/** Chunks until they hold at least `bytes`, or the source ends. */
async function readHead(source: AsyncIterator<Buffer>, bytes: number): Promise<Buffer[]> {
  const head: Buffer[] = [];
  for (let size = 0; size < bytes; ) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  return head;
}

/** The head, then the rest of the source; the source is closed however this ends. */
async function* replay(head: Buffer[], source: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  } finally {
    await source.return?.();
  }
}

/** All the chunks, or null as soon as they pass `maxBytes`. */
async function readCapped(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer | null> {
  const all: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes) return null;
    all.push(chunk);
  }
  return Buffer.concat(all, size);
}

// ---------------------------------------------------------------------------------------------------
// Bytes → articles.

function formatOfPath(p: string): InputFormat | null {
  return FORMAT_OF_EXTENSION.get(path.extname(p).toLowerCase()) ?? null;
}

export { sniff } from './sniff';

export function* parseBytes(bytes: Uint8Array, origin: string, options: LoadOptions = {}, hints: ParseHints = {}): Generator<LoadedItem> {
  if (bytes.length === 0) return yield fail(origin, 'E_EMPTY', 'empty input');
  const binary = looksBinary(bytes);
  if (binary) return yield fail(origin, 'E_BINARY', `not text: looks like ${binary}`);
  const { text, encoding } = decode(bytes, hints.charset);
  if (text.trim() === '') return yield fail(origin, 'E_EMPTY', 'input has no text');
  let format = hints.format ?? (origin === 'stdin' ? null : formatOfPath(origin)) ?? sniff(text);
  // .xml is a feed when it says so, a page when it is XHTML.
  if (format === 'feed' && !looksLikeFeed(text) && looksLikeHtml(text)) format = 'html';
  if (format === 'html' && looksLikeFeed(text)) format = 'feed';
  const ctx: Ctx = { origin, options, encoding, format };
  try {
    if (format === 'jsonl') yield* parseJsonLines(text, ctx);
    else if (format === 'json') yield* parseJson(text, ctx);
    else if (format === 'feed') yield* feedItems(text, ctx);
    else if (format === 'html') yield* fromHtml(text, ctx, {}, hints.baseUrl ?? null, origin);
    else yield* accept({ ...parsePlainText(text, origin, options.publishedAt ?? null) }, ctx, {});
  } catch (e) {
    yield internalError(origin, e);
  }
}

/** Bad input must never escape as an exception; a failure here is a bug, reported as data. */
const internalError = (origin: string, e: unknown): LoadedItem =>
  fail(origin, 'E_INTERNAL', `could not load this input (${(e as Error).message}); please report it`);

interface Ctx { origin: string; options: LoadOptions; encoding: string; format: InputFormat }

/** The last step for every article: language check, then the item. */
function* accept(input: ArticleInput, ctx: Ctx, extra: Partial<LoadMeta>): Generator<LoadedItem> {
  const where = input.origin ?? ctx.origin;
  const meta: LoadMeta = { format: ctx.format, encoding: ctx.encoding, ...extra };
  if (ctx.options.checkLanguage !== false) {
    const lang = detectLanguage(input.text);
    if (!isAcceptedLanguage(lang)) {
      const what = lang.code.startsWith('und') ? `${lang.name}` : `${lang.name} (${lang.code})`;
      return yield fail(where, 'E_LANGUAGE', `the article is in ${what}, not English; skipped`);
    }
    meta.language = lang.code;
  }
  if (input.publishedAt == null && ctx.options.publishedAt) input.publishedAt = ctx.options.publishedAt;
  yield { ok: true, input, meta };
}

/** Plain text: the first line is the title when a blank line follows it; the text stays as given. */
export function parsePlainText(text: string, origin: string, publishedAt: string | null): ArticleInput {
  const m = /^\s*([^\r\n]{1,300})\r?\n[ \t]*\r?\n/.exec(text.slice(0, 2000));
  const title = m ? m[1].replace(/^#+\s*/, '').trim() : null;
  return { text, title, publishedAt, origin };
}

function* fromHtml(html: string, ctx: Ctx, given: Partial<ArticleInput>, baseUrl: string | null, where: string): Generator<LoadedItem> {
  const r = extractHtml(html, baseUrl ?? given.url ?? null);
  if (!r.ok) return yield fail(where, r.code, r.message);
  const a = r.article;
  yield* accept(
    {
      text: a.text,
      id: given.id ?? null,
      url: given.url ?? a.url,
      title: given.title ?? a.title,
      source: given.source ?? a.source,
      publishedAt: given.publishedAt ?? a.publishedAt,
      origin: where,
    },
    { ...ctx, format: 'html' },
    { byline: a.byline, truncated: a.truncated || undefined },
  );
}

function* feedItems(text: string, ctx: Ctx): Generator<LoadedItem> {
  for (const e of parseFeed(text)) {
    const where = e.index === null ? ctx.origin : `${ctx.origin}[${e.index}]`;
    if (!e.ok) {
      yield fail(where, e.code, e.message);
      continue;
    }
    const a = e.article;
    yield* accept(
      { text: a.text, id: a.id, url: a.url, title: a.title, source: a.source, publishedAt: a.publishedAt, origin: where },
      ctx,
      { byline: a.byline },
    );
  }
}

function* parseJson(text: string, ctx: Ctx): Generator<LoadedItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorAt(text);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.message}` : (e as Error).message.slice(0, 200);
    return yield fail(ctx.origin, 'E_JSON', `invalid JSON at ${where}`);
  }
  if (isJsonFeed(data)) return yield* jsonFeedItems(data, ctx);
  const items = Array.isArray(data) ? data : [data];
  if (items.length === 0) return yield fail(ctx.origin, 'E_EMPTY', 'the JSON array is empty');
  for (let i = 0; i < items.length; i++) yield* fromJson(items[i], Array.isArray(data) ? `${ctx.origin}[${i}]` : ctx.origin, ctx);
}

function* parseJsonLines(text: string, ctx: Ctx): Generator<LoadedItem> {
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield* jsonLine(text.slice(start, end), line, ctx);
    start = end + 1;
  }
}

/** One line of JSONL (without its `\n`): nothing when blank, else an article or a failure named `origin:line`. */
function* jsonLine(text: string, line: number, ctx: Ctx): Generator<LoadedItem> {
  const row = text.replace(/\r$/, '');
  if (row.trim() === '') return;
  const where = `${ctx.origin}:${line}`;
  let data: unknown;
  try {
    data = JSON.parse(row);
  } catch (e) {
    const at = jsonErrorAt(row);
    return yield fail(where, 'E_JSON', `invalid JSON on line ${line}${at ? `, column ${at.column}: ${at.message}` : `: ${(e as Error).message.slice(0, 200)}`}`);
  }
  yield* fromJson(data, where, ctx);
}

/**
 * JSONL from a stream (`head` is its first bytes, also the first of `chunks`): each line is limited to
 * `maxBytes` and decoded on its own (UTF-8, else Windows-1252, as decode() does a file); a UTF-16 stream is
 * transcoded to UTF-8 first. Memory holds one line at a time.
 */
async function* streamJsonLines(head: Buffer, chunks: AsyncIterable<Buffer>, origin: string, options: LoadOptions): AsyncGenerator<LoadedItem> {
  if (head.length === 0) return yield fail(origin, 'E_EMPTY', 'empty input');
  const binary = looksBinary(head);
  if (binary) return yield fail(origin, 'E_BINARY', `not text: looks like ${binary}`);
  const { encoding } = detectEncoding(head.subarray(0, 4096));
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : null;
  let count = 0;
  for await (const line of splitLines(utf16 ? utf8Chunks(chunks, utf16) : chunks, options.maxBytes ?? DEFAULT_MAX_BYTES)) {
    for (const item of lineItems(line, origin, utf16, options)) {
      count++;
      yield item;
    }
  }
  if (count === 0) yield fail(origin, 'E_EMPTY', 'input has no text');
}

/** The item of one streamed line (none when it is blank). */
function lineItems(line: Line, origin: string, utf16: string | null, options: LoadOptions): LoadedItem[] {
  const where = `${origin}:${line.number}`;
  if ('tooLong' in line) {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    return [fail(where, 'E_TOO_LARGE', `line ${line.number} is ${line.tooLong} bytes, over the limit of ${max} (see --max-bytes)`)];
  }
  try {
    const { text, encoding } = decode(line.bytes);
    return [...jsonLine(text, line.number, { origin, options, encoding: utf16 ?? encoding, format: 'jsonl' })];
  } catch (e) {
    return [internalError(where, e)];
  }
}

function* fromJson(data: unknown, where: string, ctx: Ctx): Generator<LoadedItem> {
  const parsed = ArticleInputSchema.safeParse(data);
  if (!parsed.success) return yield fail(where, 'E_SCHEMA', z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; '));
  const a = parsed.data;
  const given = {
    id: a.id ?? null,
    url: a.url ?? null,
    title: a.title ?? null,
    source: a.source ?? null,
    publishedAt: a.publishedAt ? (normaliseDate(a.publishedAt) ?? new Date(a.publishedAt).toISOString().slice(0, 10)) : null,
  };
  if (typeof a.text !== 'string') {
    if (!a.html || a.html.trim() === '') return yield fail(where, 'E_EMPTY', 'article html is empty');
    return yield* fromHtml(a.html, { ...ctx, origin: where }, given, given.url, where);
  }
  if (a.text.trim() === '') return yield fail(where, 'E_EMPTY', 'article text is empty');
  yield* accept({ text: a.text.normalize('NFC'), ...given, origin: where }, { ...ctx, origin: where }, {});
}

// JSON Feed (https://jsonfeed.org): `{"version": "https://jsonfeed.org/version/1.1", "items": [...]}`.

interface JsonFeed { version: string; title?: unknown; items: unknown[] }

function isJsonFeed(data: unknown): data is JsonFeed {
  const d = data as JsonFeed;
  return Boolean(d) && typeof d === 'object' && typeof d.version === 'string' && d.version.includes('jsonfeed.org') && Array.isArray(d.items);
}

function* jsonFeedItems(feed: JsonFeed, ctx: Ctx): Generator<LoadedItem> {
  if (feed.items.length === 0) return yield fail(ctx.origin, 'E_EMPTY', 'the feed has no items');
  const source = typeof feed.title === 'string' ? feed.title : null;
  for (let i = 0; i < feed.items.length; i++) {
    const where = `${ctx.origin}[${i}]`;
    const it = (feed.items[i] ?? {}) as Record<string, unknown>;
    const s = (k: string) => (typeof it[k] === 'string' && (it[k] as string).trim() ? (it[k] as string) : null);
    const text = s('content_text')?.normalize('NFC') ?? (s('content_html') ? fragmentText(s('content_html')!).text : null) ?? s('summary');
    if (!text || !text.trim()) {
      yield fail(where, 'E_FEED_ITEM', `item ${i + 1} has no content_text, content_html or summary`);
      continue;
    }
    const authors = Array.isArray(it.authors) ? it.authors : it.author ? [it.author] : [];
    const byline = authors.map((x) => (x as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string').join(', ') || null;
    yield* accept(
      {
        text,
        id: s('id') ?? (typeof it.id === 'number' ? String(it.id) : null) ?? s('url'),
        url: s('url') ?? s('external_url'),
        title: s('title'),
        source,
        publishedAt: normaliseDate(s('date_published')),
        origin: where,
      },
      { ...ctx, format: 'feed' },
      { byline },
    );
  }
}
