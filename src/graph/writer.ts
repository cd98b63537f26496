import type { ExtractionResult } from '../model/extraction';

/**
 * What ingest, the worker and `--dry-run` write through. Two implementations: the Neo4j writer and an
 * in-memory writer with the same behaviour, for unit tests and dry runs.
 */

export type ArticleStatus = 'added' | 'updated' | 'skipped' | 'failed';

export interface ArticleOutcome {
  articleId: string;
  status: ArticleStatus;
  /** For `failed`: why. */
  error?: string;
  /** For `updated`: the ids of the earlier versions that this one replaced (its own id when it was stale). */
  replaced?: string[];
}

export interface RunRecord {
  id: string;
  startedAt: string;
  endedAt?: string | null;
  added: number;
  updated: number;
  skipped: number;
  failed: number;
  extractorVersion: string;
  /** Configuration in force, without secrets, as JSON. */
  config: string;
  command: string;
}

export interface GraphStats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

export interface GraphWriter {
  /**
   * Which of these article ids the graph already holds (for skipping unchanged articles before
   * extraction). A writer made to refresh stale articles leaves out those another extractor version wrote.
   */
  existingArticles(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Writes the articles; each one lands whole or not at all. Unchanged articles are skipped, unless the
   * writer refreshes stale articles and another extractor version wrote them: then they are replaced.
   */
  writeArticles(results: readonly ExtractionResult[]): Promise<ArticleOutcome[]>;
  /** Removes one article (by id, url or external id) and what only it supported. Returns the removed id. */
  removeArticle(ref: string): Promise<string | null>;
  recordRun(run: RunRecord): Promise<void>;
  stats(): Promise<GraphStats>;
  close(): Promise<void>;
}
