import type { ArticleDoc } from '../model/doc';
import type { Resources } from './resources';

/** One typed step over the document model; it reads what earlier stages left and adds its own layer. */
export interface Stage {
  readonly name: string;
  /** A stage the rest cannot do without: when it fails, later stages are skipped. */
  readonly required?: boolean;
  run(doc: ArticleDoc, res: Resources): void;
}

export const stage = (name: string, run: Stage['run'], required = false): Stage => ({ name, run, required });
