import { createHash } from 'node:crypto';
import type { DatePrecision, EntityLabel } from './ontology';

/**
 * Deterministic node keys (ARCHITECTURE.md §2). The same real-world thing gets the same key in every
 * article and every run, which is what makes MERGE idempotent.
 */

const normalised = new Map<string, string>();

/** Lower case, NFKD without diacritics, curly quotes straightened, runs of space folded, periods in acronyms dropped. */
export function normaliseName(name: string): string {
  // Most names are plain ASCII: their normal form is their lower case, with no memo look-up (a look-up in a
  // large map costs more than lower-casing a short name).
  if (isPlainName(name)) return name.toLowerCase();
  // The same names come back in every article (and many times in one): remembered, up to a bound.
  let key = normalised.get(name);
  if (key === undefined) {
    key = normaliseNameOnce(name);
    if (normalised.size < 50_000) normalised.set(name, key);
  }
  return key;
}

/**
 * Whether `normaliseNameOnce` only lower-cases the name: printable ASCII (NFKD leaves it as it is) with no
 * backquote or period, and single spaces between words (nothing to fold or trim).
 */
export function isPlainName(name: string): boolean {
  const n = name.length;
  if (n === 0 || name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32) return n === 0;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c > 126 || c === 46 || c === 96) return false; // control, non-ASCII, '.', '`'
    if (c === 32 && name.charCodeAt(i + 1) === 32) return false;
  }
  return true;
}

function normaliseNameOnce(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\.(?=\S)/g, '')
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const personKey = (name: string): string => `person:${normaliseName(name)}`;
export const stateKey = (iso3: string): string => `state:${iso3.toUpperCase()}`;
export const institutionKey = (name: string, country?: string | null): string =>
  `institution:${normaliseName(name)}${country ? `:${country.toUpperCase()}` : ''}`;
export const placeKey = (name: string, country?: string | null): string =>
  `place:${normaliseName(name)}${country ? `:${country.toUpperCase()}` : ''}`;
export const articleKey = (normalisedText: string): string => articleKeyOfHash(sha256(normalisedText));
/** The article key when the sha256 of its normalised text is at hand. */
export const articleKeyOfHash = (hash: string): string => `article:${hash}`;

export function entityKey(type: EntityLabel, name: string, country?: string | null): string {
  switch (type) {
    case 'Person': return personKey(name);
    case 'State': return stateKey(name);
    case 'Institution': return institutionKey(name, country);
    case 'Place': return placeKey(name, country);
  }
}

export interface EventKeyParts {
  type: string;
  mode: string | null;
  actors: readonly string[];
  recipients: readonly string[];
  date: string | null;
  datePrecision: DatePrecision | null;
  /** Only used when the date is unknown: then the event is local to its article. */
  articleId: string;
}

/** Hash of (type, mode, sorted actors, sorted recipients, date at its precision); the article id joins in when there is no date. */
export function eventKey(p: EventKeyParts): string {
  const date = p.date ? truncateDate(p.date, p.datePrecision ?? 'day') : null;
  const parts = [p.type, p.mode ?? '', [...p.actors].sort().join(','), [...p.recipients].sort().join(','), date ?? `@${p.articleId}`];
  return `event:${sha256(parts.join('|')).slice(0, 32)}`;
}

export function truncateDate(date: string, precision: DatePrecision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date.slice(0, 10);
}

/** Whether the name (up to an "of") ends with these lower-case words and is longer than them ("Supreme Court" of "Supreme Court of Israel" counts). */
export function isNameHead(run: readonly string[], name: string): boolean {
  const words = name.split(/\s+/);
  const of = words.indexOf('of');
  const len = of > 0 ? of : words.length;
  const n = run.length;
  if (n > len || (n === len && of <= 0)) return false;
  for (let k = 0; k < n; k++) if (words[len - n + k].toLowerCase() !== run[k]) return false;
  return true;
}
