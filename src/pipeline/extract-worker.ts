import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleInput } from '../model/extraction';
import { createExtractor } from './extract';

/** A worker thread of the extraction pool: one extractor, one article per message. */
const extractor = createExtractor(workerData as { dataDir?: string });
parentPort?.on('message', (job: { id: number; input: ArticleInput }) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, result: extractor.extract(job.input) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: String((err as Error)?.message ?? err) });
  }
});
