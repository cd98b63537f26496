import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../config/paths';

/**
 * A small deterministic language detector driven by data/lexicon/languages.json: the dominant script
 * decides for scripts one language writes alone (Hangul → Korean); Latin, Cyrillic, Arabic and
 * Devanagari text is scored by each language's function words. Short or word-poor text is `und`
 * (undetermined), which the loader lets through: only text that is clearly not English is skipped.
 */

export interface Language {
  /** ISO 639-1 (`fr`), `und` when undetermined, `und-<ISO 15924>` for a script without a language table. */
  code: string;
  /** "French", or "an undetermined language" */
  name: string;
  /** The dominant script, e.g. `Latin`. */
  script: string | null;
}

const ScriptRowSchema = z.object({
  script: z.string().regex(/^[A-Z][a-z_]+$/),
  code: z.string().length(4),
  language: z.string().optional(),
  yieldsTo: z.object({ language: z.string(), scripts: z.array(z.string()), share: z.number().min(0).max(1) }).optional(),
});
type ScriptRow = z.infer<typeof ScriptRowSchema>;

/** data/lexicon/languages.json */
const LanguageTableSchema = z.object({
  minLetters: z.number().int().positive(),
  minWords: z.number().int().positive(),
  minHits: z.number().int().positive(),
  minHitShare: z.number().min(0).max(1),
  /** A language other than English needs this many different words of its list. */
  minDistinct: z.number().int().positive(),
  foreignMargin: z.number().min(1),
  sampleChars: z.number().int().positive(),
  english: z.string(),
  scripts: z.array(ScriptRowSchema).min(1),
  languages: z.record(z.string(), z.object({ name: z.string().min(1), script: z.string().optional(), words: z.array(z.string().min(1)).optional() })),
});

interface Compiled {
  table: z.infer<typeof LanguageTableSchema>;
  scripts: (ScriptRow & { re: RegExp })[];
  /** Per script, the languages with word lists, in table order. */
  scored: Map<string, { code: string; words: Set<string> }[]>;
  /** Per script, each listed word → the positions (in `scored`) of the languages that list it. */
  wordIndex: Map<string, Map<string, number[]>>;
  /** The position in `scripts` of the table's Latin script (ASCII letters), or -1. */
  latin: number;
}

/** What one character counts as: a letter or not, and the position of its script in the table (-1: none). */
interface CharClass { letter: boolean; script: number }

let compiled: Compiled | null = null;

function load(): Compiled {
  if (compiled) return compiled;
  const file = path.join(projectRoot(), 'data', 'lexicon', 'languages.json');
  const table = LanguageTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const scripts = table.scripts.map((s) => ({ ...s, re: new RegExp(`^\\p{Script=${s.script}}$`, 'u') }));
  const scored = new Map<string, { code: string; words: Set<string> }[]>();
  for (const [code, lang] of Object.entries(table.languages)) {
    if (!lang.script || !lang.words) continue;
    const list = scored.get(lang.script) ?? [];
    list.push({ code, words: new Set(lang.words.map((w) => w.normalize('NFC').toLowerCase())) });
    scored.set(lang.script, list);
  }
  const wordIndex = new Map<string, Map<string, number[]>>();
  for (const [script, lists] of scored) {
    const index = new Map<string, number[]>();
    lists.forEach((l, i) => {
      for (const w of l.words) index.set(w, [...(index.get(w) ?? []), i]);
    });
    wordIndex.set(script, index);
  }
  compiled = { table, scripts, scored, wordIndex, latin: scripts.findIndex((s) => s.script === 'Latin') };
  return compiled;
}

const LETTER = /\p{L}/u;
const charClasses = new Map<number, CharClass>();

/** Classifies a non-ASCII character once, with the same Unicode properties the table names. */
function classify(c: Compiled, cp: number): CharClass {
  let k = charClasses.get(cp);
  if (!k) {
    const ch = String.fromCodePoint(cp);
    k = { letter: LETTER.test(ch), script: c.scripts.findIndex((s) => s.re.test(ch)) };
    if (charClasses.size < 65_536) charClasses.set(cp, k);
  }
  return k;
}

export function languageName(code: string): string {
  return load().table.languages[code]?.name ?? code;
}

const und = (script: string | null, code = 'und'): Language => ({
  code,
  name: script ? `an undetermined language in ${script} script` : 'an undetermined language',
  script,
});

export function detectLanguage(text: string): Language {
  const c = load();
  const { table, scripts } = c;
  const sample = text.slice(0, table.sampleChars);
  // One pass over the sample: letters, and characters per script (ASCII letters are Latin).
  const perScript = new Array<number>(scripts.length).fill(0);
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    let cp = sample.charCodeAt(i);
    if (cp < 0x80) {
      if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) {
        letters++;
        if (c.latin >= 0) perScript[c.latin]++;
      }
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < sample.length) {
      cp = sample.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    const k = classify(c, cp);
    if (k.letter) letters++;
    if (k.script >= 0) perScript[k.script]++;
  }
  if (letters < table.minLetters) return und(null);
  const counts = new Map<string, number>();
  scripts.forEach((s, i) => counts.set(s.script, perScript[i]));
  let top = scripts[0];
  for (const s of scripts) if (counts.get(s.script)! > counts.get(top.script)!) top = s;
  if (counts.get(top.script)! === 0) return und(null);

  const lists = c.scored.get(top.script);
  const foreignScript = top.script !== table.languages[table.english]?.script;
  if (!lists) {
    let code = top.language;
    if (top.yieldsTo) {
      const other = top.yieldsTo.scripts.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
      if (other >= (other + counts.get(top.script)!) * top.yieldsTo.share) code = top.yieldsTo.language;
    }
    return code ? { code, name: languageName(code), script: top.script } : und(top.script, `und-${top.code}`);
  }

  const words = sample.toLowerCase().match(/\p{L}[\p{L}\p{M}]*/gu) ?? [];
  const counted = foreignScript ? words : words.filter((w) => w.length > 1);
  const index = c.wordIndex.get(top.script)!;
  const hits = lists.map((l) => ({ code: l.code, n: 0, distinct: 0, seen: new Set<string>() }));
  for (const w of counted) {
    const langs = index.get(w);
    if (!langs) continue;
    for (const i of langs) {
      const h = hits[i];
      h.n++;
      if (!h.seen.has(w)) {
        h.seen.add(w);
        h.distinct++;
      }
    }
  }
  let best = hits[0];
  for (const h of hits) if (h.n > best.n) best = h;
  const sure =
    counted.length >= table.minWords &&
    best.n >= Math.max(table.minHits, counted.length * table.minHitShare) &&
    (best.code === table.english || best.distinct >= table.minDistinct);
  if (!sure) return foreignScript ? und(top.script, `und-${top.code}`) : und(top.script);
  if (best.code === table.english) return { code: best.code, name: languageName(best.code), script: top.script };
  const english = hits.find((h) => h.code === table.english)?.n ?? 0;
  if (!foreignScript && best.n < english * table.foreignMargin) return und(top.script);
  return { code: best.code, name: languageName(best.code), script: top.script };
}

/** English or undetermined text goes on; anything else is skipped by the loader. */
export const isAcceptedLanguage = (l: Language): boolean => l.code === load().table.english || l.code === 'und';
