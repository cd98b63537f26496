import type { Job } from '../graph/job-queue';
import type { ArticleInput } from '../model/extraction';
import { loadFile } from '../stages/load';
import type { LoadedItem } from '../stages/load';

/**
 * A job's articles, one LoadedItem per article or per problem, through the shared loader: a file or a
 * URL (any format the loader reads: text, JSON, JSONL, HTML, RSS/Atom), or the article the job carries
 * (feed items, stdin). Read lazily, so a large JSONL file streams.
 */

export interface LoadJobOptions {
  maxBytes: number;
  fetchTimeoutMs?: number;
}

export async function* loadJob(job: Job, o: LoadJobOptions): AsyncGenerator<LoadedItem> {
  if (job.kind === 'file' || job.kind === 'url') {
    yield* loadFile(job.input, { maxBytes: o.maxBytes, timeoutMs: o.fetchTimeoutMs });
    return;
  }
  if (job.kind === 'item') {
    let input: ArticleInput | null = null;
    try {
      input = JSON.parse(job.payload ?? 'null') as ArticleInput | null;
    } catch {
      input = null;
    }
    if (!input || typeof input.text !== 'string') {
      return yield { ok: false, origin: job.origin ?? job.input, code: 'E_JOB', message: 'the job carries no readable article (payload missing or not an article)' };
    }
    if (input.text.trim() === '') return yield { ok: false, origin: input.origin ?? job.input, code: 'E_EMPTY', message: 'article text is empty' };
    yield { ok: true, input: { ...input, origin: input.origin ?? job.origin ?? job.input } };
    return;
  }
  yield { ok: false, origin: job.input, code: 'E_JOB', message: `unknown job kind "${String(job.kind)}"` };
}
