import type { ArticleInput } from '../../model/extraction';

/** What the load stage yields: one article ready for extraction, or one failure with a stable code. */

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 5;

/** How an article was read; informative only (the extractor sees `input`). */
export interface LoadMeta {
  format: InputFormat;
  /** The byte encoding the text was decoded from. */
  encoding?: string;
  /** ISO 639-1 code of the detected language, or `und` when the text is too short to tell. */
  language?: string;
  /** Author(s) as the page or feed names them. */
  byline?: string | null;
  /** True when an HTML page was cut before parsing (see MAX_HTML_CHARS). */
  truncated?: boolean;
}

export type LoadedItem =
  | { ok: true; input: ArticleInput; meta?: LoadMeta }
  | { ok: false; origin: string; code: string; message: string };

export type InputFormat = 'text' | 'json' | 'jsonl' | 'html' | 'feed';

export interface LoadOptions {
  /**
   * Refuse inputs larger than this, without reading them (files: from their size; URLs: Content-Length,
   * then while reading). JSONL files and stdin stream line by line, and the limit applies to each line.
   */
  maxBytes?: number;
  /** Publication date for inputs that carry none (plain text, pages without metadata). */
  publishedAt?: string | null;
  /** Read `-` from here (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
  /** Globs a file found by walking a directory or expanding a pattern must match (default: the known extensions). */
  include?: readonly string[];
  /** Globs that leave out files (and prune directories) found by walking or expanding. */
  exclude?: readonly string[];
  /** URLs: give up after this many milliseconds (connection and body together). */
  timeoutMs?: number;
  /** URLs: follow at most this many redirects. */
  maxRedirects?: number;
  /** URLs: the User-Agent header (default: newsgraph and its version). */
  userAgent?: string;
  /** Skip articles not in English (default true). */
  checkLanguage?: boolean;
  /** Internal: bytes per read of a file (default 64 KiB); tests make it small to split lines and characters. */
  readChunkBytes?: number;
}

export const fail = (origin: string, code: string, message: string): LoadedItem => ({ ok: false, origin, code, message });
