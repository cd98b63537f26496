import * as fs from 'fs';
import * as path from 'path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { sbdSymbol, sentenceSpans, symbolAt, type SbdCache } from '../../../src/stages/segment/sentences';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };

interface Rdd {
  tokens: number[];
  numOfTokens: number;
  sentences: number[][];
  cache: SbdCache & { normal(i: number): number; nox(w: number): number; lookup(t: string): number[] | null };
}

/** wink's own sentences (its 'sbd' step) and ours from the same tokens. */
const nlp = winkNLP(model, ['sbd']);
const grab = (_i: number, rdd: Rdd): Rdd => rdd;
function both(text: string): { wink: number[][]; ours: number[][] } {
  allowed.its4token.add(grab);
  let rdd: Rdd;
  try {
    rdd = nlp.readDoc(text).tokens().itemAt(0).out(grab as never) as unknown as Rdd;
  } finally {
    allowed.its4token.delete(grab);
  }
  const lf = (rdd.cache.lookup('\n') as number[])[0];
  const symbols = new Int32Array(rdd.numOfTokens);
  for (let i = 0; i < rdd.numOfTokens; i++) {
    const id = rdd.tokens[i * 4];
    const sw = rdd.tokens[i * 4 + 1];
    const normal = sw > 0xffff ? rdd.cache.nox(sw) : rdd.cache.normal(id);
    symbols[i] = symbolAt(sbdSymbol(rdd.cache, normal, id, lf), (sw & 0xffff) !== 0);
  }
  return { wink: rdd.sentences.map((s) => [s[0], s[1]]), ours: sentenceSpans(symbols) };
}

function expectSame(text: string): void {
  const { wink, ours } = both(text);
  expect({ text, sentences: ours }).toEqual({ text, sentences: wink });
}

const ODD = [
  'The U.S. said so. Mr. Smith went to Washington. It grew 3.5 per cent.',
  'Wait... what? "Yes." He left. \'No.\' She stayed.',
  'He said: "It is over." Then he left.\nNew line here\n\nAnd a paragraph. (Really.) [Yes!] End',
  'Dr. J. R. R. Tolkien, Ph.D., e.g. and i.e. etc. vs. Inc. Ltd. Co. Jan. Feb. St. Ave.',
  'Prices rose 2.5%!!! Why?! Because... well.   Spaces  .  Here .',
  '“Quoted.” ‘Single.’ «Guillemets.» — dash. – en dash? Ellipsis… next',
  'No end punctuation',
  '...',
  '. . .',
  'A.\nB.\n\nC?\r\nD!',
  "They won't go. Didn't they? I'd've. It's 5 p.m. now. At 10 a.m. he came.",
  'e-mail: a@b.com. URL http://x.y/z. Next #tag @user :) :( ok.',
];

describe("sentences as wink's sbd step finds them", () => {
  it('agrees on odd punctuation, abbreviations, quotes, line breaks', () => {
    for (const t of ODD) expectSame(t);
    expect(both('One. Two.').ours).toEqual([[0, 1], [2, 3]]);
  });

  it('agrees on the gold and sample articles and on random mixtures of their sentences', () => {
    const root = path.join(__dirname, '../../../data');
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const f of fs.readdirSync(dir)) {
        const p = path.join(dir, f);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (/\.(txt|json|jsonl)$/.test(f) && fs.statSync(p).size < 2_000_000) {
          const raw = fs.readFileSync(p, 'utf8');
          for (const m of raw.matchAll(/"text"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) texts.push(JSON.parse(`"${m[1]}"`) as string);
          if (f.endsWith('.txt')) texts.push(raw);
        }
      }
    };
    walk(root);
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) expectSame(t);
    // Random mixtures: pieces of texts and odd strings glued with varied separators.
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = texts.flatMap((t) => t.split(/(?<=[.!?"”'’)])/)).concat(ODD);
    const seps = ['', ' ', '\n', '\n\n', '  ', '"', ' "', '." ', '... ', '. ', ' U.S. ', ' Mr. ', ' 3.5 ', '?! ', ')', '“', '” '];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const m = 1 + rand(8);
      for (let q = 0; q < m; q++) s += pieces[rand(pieces.length)] + seps[rand(seps.length)];
      expectSame(s);
    }
  });
});
