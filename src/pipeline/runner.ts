import type { ArticleDoc } from '../model/doc';
import type { Resources } from './resources';
import type { Stage } from './stage';

/**
 * Runs stages in order. Error policy: a stage that throws leaves an E_STAGE_FAILED issue on the article
 * and the article goes on with what the earlier stages produced (a required stage stops the rest);
 * nothing is thrown to the caller, so one bad article never stops a batch.
 */
export function runStages(doc: ArticleDoc, stages: readonly Stage[], res: Resources): ArticleDoc {
  for (const s of stages) {
    try {
      s.run(doc, res);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      doc.issues.push({ code: 'E_STAGE_FAILED', message: `stage ${s.name} failed: ${message}` });
      if (s.required) break;
    }
  }
  return doc;
}
