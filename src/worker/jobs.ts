import { createHash } from 'node:crypto';
import type { JobKind, NewJob } from '../graph/job-queue';
import type { ArticleInput } from '../model/extraction';

/**
 * Deterministic job ids: the same input gives the same job, so enqueueing twice, or two workers
 * noticing the same inbox file or feed item, adds one job.
 */
export const jobId = (kind: JobKind, key: string): string => `job:${kind}:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;

export interface FileIdentity { path: string; size: number; mtimeMs: number }

/** A file job: the same path with the same size and modification time is the same job; an edited file is a new one. */
export function fileJob(f: FileIdentity, scope: string | null = null, origin: string | null = null): NewJob {
  return { id: jobId('file', [scope ?? '', f.path, f.size, Math.trunc(f.mtimeMs)].join('|')), kind: 'file', input: f.path, scope, origin };
}

export const urlJob = (url: string, origin: string | null = null): NewJob => ({ id: jobId('url', url), kind: 'url', input: url, origin });

/** A feed item (or stdin article) carried in the job itself; `key` is its guid or url (or the text's article id). */
export function itemJob(key: string, input: ArticleInput, origin: string | null = null): NewJob {
  return { id: jobId('item', key), kind: 'item', input: key, payload: JSON.stringify(input), origin };
}

export { isUrl } from '../stages/load/fetch';
