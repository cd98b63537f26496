import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleInput } from '../model/extraction';

/**
 * The corpora of `npm run bench`: the BBC news dataset when it is on this machine (read at run time,
 * never copied), and JSONL files of generated articles for the ingest runs.
 */

export interface Corpus {
  name: string;
  description: string;
  articles: ArticleInput[];
}

/**
 * The BBC dataset's layout: one folder per category of .txt files, the title on the first line, a blank
 * line, then the text. Returns null when the folder is absent. Categories in a stable order.
 */
export function loadBbc(dir: string, categories?: readonly string[]): ArticleInput[] | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const wanted = categories ?? readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort();
  const out: ArticleInput[] = [];
  for (const category of wanted) {
    const folder = path.join(dir, category);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
      out.push(splitTitle(readFileSync(path.join(folder, file), 'utf8'), `${category}/${file}`));
    }
  }
  return out;
}

/** "Title\n\nText…" → {title, text}; text without a title line stays whole. */
export function splitTitle(raw: string, origin: string): ArticleInput {
  const text = raw.replace(/\r\n?/g, '\n');
  const m = /^([^\n]{1,300})\n[ \t]*\n/.exec(text);
  if (!m) return { text, title: null, origin };
  return { title: m[1].trim(), text: text.slice(m[0].length), origin };
}

/**
 * Writes `count` articles as JSONL files of `perFile` articles each into a fresh `dir` (emptied first),
 * producing them in chunks so memory stays flat. Returns the number of bytes written.
 */
export function writeJsonl(dir: string, count: number, make: (i: number) => ArticleInput, perFile = 250): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let first = 0, part = 0; first < count; first += perFile, part++) {
    const lines: string[] = [];
    for (let i = first; i < Math.min(count, first + perFile); i++) {
      const { origin: _origin, ...article } = make(i);
      lines.push(JSON.stringify(article));
    }
    const body = lines.join('\n') + '\n';
    writeFileSync(path.join(dir, `part-${String(part).padStart(4, '0')}.jsonl`), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}
