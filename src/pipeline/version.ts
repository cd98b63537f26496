/** Bump when the extractor's output for the same input changes. Kept apart so that commands can name it without loading the extractor. */
export const EXTRACTOR_VERSION = 'newsgraph-rules/0.2.17';
