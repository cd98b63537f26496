import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ArticleInputSchema } from '../../model/extraction';
import type { ArticleInput } from '../../model/extraction';
import { decode, looksBinary } from './decode';

/**
 * The input layer shared by extract, ingest, worker and enqueue: files, directories (recursive), globs
 * and stdin (`-`), in .txt/.md, .json (object or array) and .jsonl/.ndjson. Every problem is one failed
 * item with a stable code; the other items still load.
 */

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type LoadedItem =
  | { ok: true; input: ArticleInput }
  | { ok: false; origin: string; code: string; message: string };

export interface LoadOptions {
  /** Refuse files larger than this, without reading them. */
  maxBytes?: number;
  /** Publication date for inputs that carry none (plain text). */
  publishedAt?: string | null;
  /** Read `-` from here (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
}

export const TEXT_EXTENSIONS = ['.txt', '.md', '.text', '.markdown'];
export const JSON_EXTENSIONS = ['.json'];
export const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
const KNOWN = new Set([...TEXT_EXTENSIONS, ...JSON_EXTENSIONS, ...JSONL_EXTENSIONS]);
/** Documentation files that live beside articles and are not articles (only when walking a directory). */
const SKIP_IN_DIRECTORIES = /^(readme|license|licence|changelog|notice)(\.[a-z]+)?$/i;

const fail = (origin: string, code: string, message: string): LoadedItem => ({ ok: false, origin, code, message });

/** Expands inputs (files, directories, globs, `-`) into file paths in a stable order. */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; missing: LoadedItem[] }> {
  const files: string[] = [];
  const missing: LoadedItem[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    if (/[*?[]/.test(input)) {
      const matched = await glob(input);
      if (matched.length === 0) missing.push(fail(input, 'E_NO_MATCH', 'no file matches this pattern'));
      files.push(...matched);
      continue;
    }
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) missing.push(fail(input, 'E_NOT_FOUND', 'no such file or directory'));
    else if (stat.isDirectory()) files.push(...(await walk(input)));
    else files.push(input);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && KNOWN.has(path.extname(e.name).toLowerCase()) && !SKIP_IN_DIRECTORIES.test(e.name)) out.push(full);
  }
  return out;
}

/** Minimal glob: `*` and `?` within a path segment, `**` across segments, `[...]` classes. */
export async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const firstMagic = parts.findIndex((p) => /[*?[]/.test(p));
  const base = parts.slice(0, firstMagic).join('/') || '.';
  const regex = new RegExp(
    '^' +
      pattern
        .split('/')
        .map((seg) => (seg === '**' ? '(?:.*/)?' : seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '/'))
        .join('')
        .replace(/\(\?:\.\*\/\)\?\/?/g, '(?:.*/)?')
        .replace(/\/$/, '') +
      '$',
  );
  const all = await walkAll(base).catch(() => []);
  return all.filter((f) => regex.test(f.split(path.sep).join('/'))).sort();
}

async function walkAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = dir === '.' ? e.name : path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkAll(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Loads every article from the inputs, in order, one item per article or per failure. */
export async function* loadInputs(inputs: readonly string[], options: LoadOptions = {}): AsyncGenerator<LoadedItem> {
  const { files, missing } = await expandInputs(inputs);
  yield* missing;
  for (const file of files) yield* loadFile(file, options);
}

export async function* loadFile(file: string, options: LoadOptions = {}): AsyncGenerator<LoadedItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  if (file === '-') {
    const read = await readStream(options.stdin ?? process.stdin, maxBytes);
    if (!read) return yield fail('stdin', 'E_TOO_LARGE', `stdin is larger than the limit of ${maxBytes} bytes`);
    bytes = read;
  } else {
    const stat = await fs.stat(file).catch(() => null);
    if (!stat) return yield fail(file, 'E_NOT_FOUND', 'no such file');
    if (stat.size > maxBytes) {
      return yield fail(file, 'E_TOO_LARGE', `file is ${stat.size} bytes, over the limit of ${maxBytes} (see --max-bytes)`);
    }
    bytes = await fs.readFile(file);
  }
  const origin = file === '-' ? 'stdin' : file;
  yield* parseBytes(bytes, origin, options);
}

export function* parseBytes(bytes: Uint8Array, origin: string, options: LoadOptions = {}): Generator<LoadedItem> {
  if (bytes.length === 0) return yield fail(origin, 'E_EMPTY', 'empty input');
  const binary = looksBinary(bytes);
  if (binary) return yield fail(origin, 'E_BINARY', `not text: looks like ${binary}`);
  const { text } = decode(bytes);
  if (text.trim() === '') return yield fail(origin, 'E_EMPTY', 'input has no text');
  const ext = origin === 'stdin' ? sniff(text) : path.extname(origin).toLowerCase();
  if (JSONL_EXTENSIONS.includes(ext)) return yield* parseJsonLines(text, origin);
  if (JSON_EXTENSIONS.includes(ext)) return yield* parseJson(text, origin);
  yield { ok: true, input: parsePlainText(text, origin, options.publishedAt ?? null) };
}

function sniff(text: string): string {
  const t = text.trimStart();
  if (t.startsWith('[')) return '.json';
  if (t.startsWith('{')) return /\}\s*\r?\n\s*\{/.test(t) ? '.jsonl' : '.json';
  return '.txt';
}

/** Plain text: the first line is the title when a blank line follows it; the text stays as given. */
export function parsePlainText(text: string, origin: string, publishedAt: string | null): ArticleInput {
  const m = /^\s*([^\r\n]{1,300})\r?\n[ \t]*\r?\n/.exec(text);
  const title = m ? m[1].replace(/^#+\s*/, '').trim() : null;
  return { text, title, publishedAt, origin };
}

function* parseJson(text: string, origin: string): Generator<LoadedItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return yield fail(origin, 'E_JSON', `invalid JSON: ${jsonErrorWhere(text, e as Error)}`);
  }
  const items = Array.isArray(data) ? data : [data];
  for (let i = 0; i < items.length; i++) yield fromJson(items[i], Array.isArray(data) ? `${origin}[${i}]` : origin);
}

function* parseJsonLines(text: string, origin: string): Generator<LoadedItem> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const where = `${origin}:${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(lines[i]);
    } catch (e) {
      yield fail(where, 'E_JSON', `invalid JSON on line ${i + 1}: ${(e as Error).message}`);
      continue;
    }
    yield fromJson(data, where);
  }
}

function fromJson(data: unknown, origin: string): LoadedItem {
  const parsed = ArticleInputSchema.safeParse(data);
  if (!parsed.success) {
    return fail(origin, 'E_SCHEMA', z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; '));
  }
  const a = parsed.data;
  const text = a.text ?? '';
  if (typeof a.text !== 'string') return fail(origin, 'E_UNSUPPORTED', 'HTML input is not supported yet: give "text"');
  if (text.trim() === '') return fail(origin, 'E_EMPTY', 'article text is empty');
  return {
    ok: true,
    input: {
      text: text.normalize('NFC'), id: a.id ?? null, url: a.url ?? null, title: a.title ?? null, source: a.source ?? null,
      publishedAt: a.publishedAt ? a.publishedAt.slice(0, 10) : null, origin,
    },
  };
}

function jsonErrorWhere(text: string, e: Error): string {
  const pos = /position (\d+)/.exec(e.message);
  if (!pos) return e.message;
  const line = text.slice(0, Number(pos[1])).split('\n').length;
  return `${e.message.replace(/ in JSON at position \d+.*$/, '')} (line ${line})`;
}

/** The whole stream, or null as soon as it passes `maxBytes`. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
