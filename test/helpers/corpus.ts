import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small deterministic corpus of original wire-style articles for ingestion tests: a few recurring
 * actors, so entities, relations and events overlap across articles.
 */
const PEOPLE = [
  ['US Secretary of State Rex Tillerson', 'Mr Tillerson'],
  ['South Korean President Moon Jae-in', 'Mr Moon'],
  ['Japanese Prime Minister Shinzo Abe', 'Mr Abe'],
  ['NATO Secretary-General Jens Stoltenberg', 'Mr Stoltenberg'],
  ['Chinese Foreign Minister Wang Yi', 'Mr Wang'],
  ['Russian Foreign Minister Sergei Lavrov', 'Mr Lavrov'],
];
const STATES = ['North Korea', 'Iran', 'Russia', 'China', 'Syria', 'Venezuela'];
const CITIES = ['Geneva', 'Vienna', 'Brussels', 'Seoul', 'Tokyo', 'New York'];
const VERBS = ['urged', 'warned', 'accused', 'threatened', 'praised', 'criticised'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export interface CorpusArticle { id: string; title: string; publishedAt: string; text: string }

export function corpus(n: number): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (let i = 0; i < n; i++) {
    const [full, short] = PEOPLE[i % PEOPLE.length];
    const state = STATES[(i * 7) % STATES.length];
    const city = CITIES[(i * 5) % CITIES.length];
    const verb = VERBS[(i * 3) % VERBS.length];
    const day = DAYS[i % DAYS.length];
    const month = String(1 + (i % 12)).padStart(2, '0');
    out.push({
      id: `corpus-${i}`,
      title: `${full.split(' ').slice(-2).join(' ')} ${verb} ${state} (${i})`,
      publishedAt: `2018-${month}-15`,
      text:
        `${full} ${verb} ${state} on ${day} during a meeting in ${city}, officials said. ` +
        `${short} told reporters that ${state} must halt its weapons programme, report number ${i}.\n\n` +
        `The United Nations Security Council will meet next week. ${state} rejected the demand and ` +
        `accused the United States of hostility, according to a statement released in ${city}.`,
    });
  }
  return out;
}

/** Writes the corpus as JSONL files of `perFile` articles; returns the file paths. */
export function writeCorpus(dir: string, articles: CorpusArticle[], perFile = 50): string[] {
  const files: string[] = [];
  for (let i = 0; i < articles.length; i += perFile) {
    const file = path.join(dir, `part-${String(i / perFile).padStart(3, '0')}.jsonl`);
    writeFileSync(file, articles.slice(i, i + perFile).map((a) => JSON.stringify(a)).join('\n') + '\n');
    files.push(file);
  }
  return files;
}
