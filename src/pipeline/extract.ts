import type { ArticleInput, ExtractionResult } from '../model/extraction';
import { createDoc, type ArticleDoc } from '../model/doc';
import { loadKnowledge, type Knowledge } from '../model/knowledge';
import { normalise } from '../stages/normalise/normalise';
import { segment } from '../stages/segment/segment';
import { getNlp } from '../stages/segment/nlp';
import { findMentions } from '../stages/mentions/mentions';
import { resolveMentions } from '../stages/resolve/resolve';
import { findDates } from '../stages/dates/dates';
import { findRelations } from '../stages/relations/relations';
import { findEvents } from '../stages/events/events';
import { compileResources, type Resources } from './resources';
import { runStages } from './runner';
import { stage, type Stage } from './stage';
import { toResult } from './output';

/** Bump it in ./version.ts when the output for the same input changes. */
export { EXTRACTOR_VERSION } from './version';

export interface Extractor {
  extract(input: ArticleInput): ExtractionResult;
}

/** Work is capped on huge inputs: only the first MAX_CHARS characters are analysed. */
export const MAX_CHARS = 200_000;

export const STAGES: readonly Stage[] = [
  stage('normalise', normalise, true),
  stage('limit', limitWork, true),
  stage('segment', segment, true),
  stage('mentions', findMentions),
  stage('resolve', resolveMentions),
  stage('dates', findDates),
  stage('relations', findRelations),
  stage('events', findEvents),
];

function limitWork(doc: ArticleDoc): void {
  if (doc.text.trim().length === 0) {
    doc.issues.push({ code: 'W_EMPTY_TEXT', message: 'the article has no text', start: 0, end: 0 });
    return;
  }
  if (doc.text.length > MAX_CHARS) {
    // Cut at a paragraph or sentence end when one is near, so no sentence is cut in half.
    let cut = doc.text.lastIndexOf('\n', MAX_CHARS);
    if (cut < MAX_CHARS * 0.9) cut = doc.text.lastIndexOf('. ', MAX_CHARS) + 1;
    if (cut < MAX_CHARS * 0.9) cut = MAX_CHARS;
    doc.limit = cut;
    doc.issues.push({ code: 'W_TEXT_TRUNCATED', message: `only the first ${cut} of ${doc.text.length} characters were analysed`, start: cut, end: doc.text.length });
  }
}

/** Run the pipeline on one article, returning the document model (for tests and debugging). */
export function analyse(input: ArticleInput, res: Resources, stages: readonly Stage[] = STAGES): ArticleDoc {
  return runStages(createDoc(input), stages, res);
}

export function createExtractorFromKnowledge(knowledge: Knowledge): Extractor {
  getNlp();
  const res = compileResources(knowledge);
  return {
    extract(input: ArticleInput): ExtractionResult {
      return toResult(analyse(input, res));
    },
  };
}

/** Loads the tables and wink-nlp once; `extract()` is synchronous and fast. */
export function createExtractor(options?: { dataDir?: string }): Extractor {
  return createExtractorFromKnowledge(loadKnowledge(options?.dataDir));
}
