import fs from 'fs';
import path from 'path';
import model from 'wink-eng-lite-web-model';
import { getNlp } from '../../../src/stages/segment/nlp';
import { memoisedTokenizer, registeringDocData, type DocDataWrapper, type WinkTokenizerFactory } from '../../../src/stages/segment/wink-tokenizer';

/* eslint-disable @typescript-eslint/no-require-imports */
const winkTokenizer = require('wink-nlp/src/tokenizer.js') as WinkTokenizerFactory;
const winkDocData = require('wink-nlp/src/dd-wrapper.js') as DocDataWrapper;
const compileTRex = require('wink-nlp/src/compile-trex.js') as (trex: unknown) => Parameters<WinkTokenizerFactory>[0];
const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The cache of the process's wink instance: the model's lexicon, what wink learnt, learnt words hidden. */
function winkCache(): unknown {
  const grab = (_i: number, rdd: { cache: unknown }): unknown => rdd.cache;
  allowed.its4token.add(grab);
  try {
    return getNlp().readDoc('x').tokens().itemAt(0).out(grab as never);
  } finally {
    allowed.its4token.delete(grab);
  }
}

const core = (model as unknown as { core(): { trex: unknown; tcat: { hash: { unk: number } }; preserve: unknown } }).core();
const trex = compileTRex(core.trex);

interface Tokenised {
  tokens: number[];
  nonBreakingSpaces: Record<number, string>;
}

function run(tokenize: ReturnType<WinkTokenizerFactory>, wrap: DocDataWrapper, cache: unknown, text: string): Tokenised {
  const data = { cache, tokens: [] as number[], nonBreakingSpaces: Object.create(null) as Record<number, string> };
  tokenize(wrap(data), text);
  return { tokens: data.tokens, nonBreakingSpaces: { ...data.nonBreakingSpaces } };
}

const ODD = [
  "can't", "won't", "Blunkett's", "U.S.", "U.S", "e.g.", "(word", 'word,"', '"quoted"', "'single'", '(a)', '[b]', '{c}',
  'word.', 'word...', 'end?!', 'x.', 'A.', 'Mr.', 'St.Petersburg', 'co-operate', 'pre-war', 'well-known-ish', '--', '––', '—',
  'a—b', '1,000', '£3.5bn', '$10', '10%', '3:30pm', '9.30am', '1990s', "'90s", '21st', '2005-06-01', '+44', '-3.2',
  'https://www.bbc.co.uk/news?x=1', 'www.example.com', 'john.smith@example.com', '@user', '#tag', ':-)', ';)', '<3',
  '😀', '👍🏽', '©', '™', 'naïve', 'Zürich', 'São', '…', '‘curly’', '“double”', 'it’s', 'don’t', "y'all", "o'clock",
  'O\u2019Neill', "rock'n'roll", 'AT&T', 'C++', 'C#', 'x/y', 'a&b', '***', '§', '±', '°C', 'km²', '١٢٣', '中文', '\u2060',
  'I', 'a', 'the', 'The', 'THE', 'said,', 'said.', 'Labour', "Labour's", "MPs'", 'bn', 'xyzzyplugh', 'Xyzzyplugh', 'xyzzyplugh.',
];
const SEPARATORS = [' ', '  ', '\n', '\n\n', '\t', ' \n ', '\r\n', ' '.repeat(70000), '\u00a0', ' \u2009 '];

/** A reproducible stream of pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function articleTexts(): string[] {
  const texts: string[] = [];
  for (const dir of ['data/gold', 'data/articles']) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { text?: string; article?: { text?: string } };
      const text = j.article?.text ?? j.text;
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts;
}

describe('memoised wink tokeniser', () => {
  const cache = winkCache();
  const plain = winkTokenizer(trex, core.tcat.hash, core.preserve);
  const memoised = memoisedTokenizer(winkTokenizer)(trex, core.tcat.hash, core.preserve);
  const registering = registeringDocData(winkDocData);
  const check = (text: string): void => {
    const mine = run(memoised, registering, cache, text);
    expect(mine).toEqual(run(plain, winkDocData, cache, text));
    // A second time every chunk comes from the memo.
    expect(run(memoised, registering, cache, text)).toEqual(mine);
  };

  it('gives the tokens wink gives on odd chunks, alone and after spaces of every kind', () => {
    for (const w of ODD) {
      check(w);
      for (const sep of SEPARATORS) check(`x${sep}${w}${sep}y${sep}`);
    }
    check('');
    check('   ');
    check('\n');
  });

  it('gives the tokens wink gives on random mixtures, whichever path sees a chunk first', () => {
    const next = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    for (let n = 0; n < 400; n++) {
      const parts: string[] = [];
      const len = 1 + Math.floor(next() * 12);
      for (let i = 0; i < len; i++) {
        // Glued pieces make new chunks ("(U.S.", "can't,"), so both paths meet unseen chunks first.
        parts.push(next() < 0.3 ? pick(ODD) + pick(ODD) : pick(ODD));
        parts.push(pick(SEPARATORS.slice(0, 7)));
      }
      const text = parts.join('');
      if (n % 2) check(text);
      else {
        const theirs = run(plain, winkDocData, cache, text);
        expect(run(memoised, registering, cache, text)).toEqual(theirs);
      }
    }
  });

  it('gives the tokens wink gives on whole articles', () => {
    const texts = articleTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) check(text);
  });

  it('refuses document data it was not given through the registering wrapper', () => {
    expect(() => run(memoised, winkDocData, cache, 'x')).toThrow(/wink-nlp internals changed/);
  });
});
