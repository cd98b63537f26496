import type { ArticleInput } from '../model/extraction';

/**
 * The peer baseline of `npm run bench`: an entity extractor built on compromise (people, organisations,
 * places, with character offsets), the kind of extractor a developer would reach for first. It does
 * less than newsgraph (no resolution to gazetteer ids, relations, events or dates), so the speed-up it
 * measures is conservative. compromise is a devDependency: only the benchmark loads this file.
 */

export type BaselineType = 'Person' | 'Institution' | 'Place';

export interface BaselineEntity {
  type: BaselineType;
  name: string;
  mentions: { start: number; end: number }[];
}

export interface BaselineResult {
  entities: BaselineEntity[];
}

export interface BaselineExtractor {
  extract(input: ArticleInput): BaselineResult;
}

/** The part of compromise's API used here. */
interface Match {
  json(options: { offset: boolean; terms: boolean; text: boolean }): { text: string; offset: { start: number; length: number } }[];
}
interface View {
  people(): Match;
  organizations(): Match;
  places(): Match;
}
type Nlp = (text: string) => View;

const EDGE = /^[\s"'“”‘’(),.;:!?-]+|[\s"'“”‘’(),.;:!?-]+$/g;

export function createBaselineExtractor(): BaselineExtractor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as Nlp;
  const options = { offset: true, terms: false, text: true };
  return {
    extract(input: ArticleInput): BaselineResult {
      const doc = nlp(input.text);
      const found = new Map<string, BaselineEntity>();
      const add = (type: BaselineType, matches: ReturnType<Match['json']>) => {
        for (const m of matches) {
          const raw = m.text;
          const name = raw.replace(EDGE, '').replace(/['’]s$/, '');
          if (!name) continue;
          const start = m.offset.start + raw.indexOf(name);
          const key = `${type}\u0000${name.toLowerCase()}`;
          let e = found.get(key);
          if (!e) found.set(key, (e = { type, name, mentions: [] }));
          e.mentions.push({ start, end: start + name.length });
        }
      };
      add('Person', doc.people().json(options));
      add('Institution', doc.organizations().json(options));
      add('Place', doc.places().json(options));
      const entities = [...found.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start || (a.type < b.type ? -1 : 1));
      return { entities };
    },
  };
}
