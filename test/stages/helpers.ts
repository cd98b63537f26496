import type { ArticleDoc } from '../../src/model/doc';
import { analyse, STAGES } from '../../src/pipeline/extract';
import { fixtureResources } from '../pipeline/fixture-knowledge';

/** Run the pipeline on a short text with the fixture knowledge. */
export function run(text: string, publishedAt: string | null = '2017-11-01', upTo?: string): ArticleDoc {
  const stages = upTo ? STAGES.slice(0, STAGES.findIndex((s) => s.name === upTo) + 1) : STAGES;
  return analyse({ text, publishedAt }, fixtureResources(), stages);
}

export function entity(doc: ArticleDoc, id: string) {
  return doc.entities.find((e) => e.id === id);
}

export function ids(doc: ArticleDoc): string[] {
  return doc.entities.map((e) => e.id);
}

export function surface(doc: ArticleDoc, id: string): string[] {
  const e = entity(doc, id);
  return e ? e.mentions.map((k) => doc.mentions[k].text) : [];
}
