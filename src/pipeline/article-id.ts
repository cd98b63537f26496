import type { ArticleInput } from '../model/extraction';
import { articleKey } from '../model/keys';
import { normaliseText } from '../stages/normalise/normalise';

/** The id extraction will give this article (sha256 of its normalised text), computed without extracting. */
export const articleIdOf = (input: ArticleInput): string => articleKey(normaliseText(input.text).text);
