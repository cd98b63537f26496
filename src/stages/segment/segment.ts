import type { ArticleDoc, Sentence, Token } from '../../model/doc';
import { analyseText } from './nlp';

/**
 * Sentences, tokens, POS tags and lemmas from wink-nlp. Whitespace tokens are dropped; a blank line
 * always ends a sentence, and so does a line break after sentence-final punctuation or before a
 * capitalised line.
 */

export { tokenKey } from './lexeme';

export function segment(doc: ArticleDoc): void {
  const text = doc.limit < doc.text.length ? doc.text.slice(0, doc.limit) : doc.text;
  if (text.trim().length === 0) return;
  const w = analyseText(text);
  const { lexemes, spaces, pos, lemmas, negated: negs } = w;
  const spans = w.sentences;

  // wink token index → sentence index, and where hard breaks fall.
  const sentOf = new Int32Array(lexemes.length);
  for (let s = 0; s < spans.length; s++) for (let k = spans[s][0]; k <= spans[s][1]; k++) sentOf[k] = s;

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // The current sentence's words and their upper-case and all letters, for the shouted-sentence test.
  let words = 0;
  let up = 0;
  let letters = 0;
  let cursor = 0;
  let curSent = -1;
  let lastWinkSent = -1;
  let breakPending = false;
  const startSentence = (): void => {
    if (curSent >= 0) closeSentence();
    curSent = sentences.length;
    sentences.push({ i: curSent, start: 0, end: 0, tokStart: tokens.length, tokEnd: tokens.length, allCaps: false });
    words = up = letters = 0;
  };
  // A sentence is only started for a token that is then added to it: none is empty.
  const closeSentence = (): void => {
    const s = sentences[curSent];
    s.tokEnd = tokens.length;
    s.start = tokens[s.tokStart].start;
    s.end = tokens[s.tokEnd - 1].end;
    s.allCaps = words >= 2 && letters >= 6 && up / letters > 0.8;
  };
  for (let k = 0; k < lexemes.length; k++) {
    const lex = lexemes[k];
    const v = lex.value;
    cursor += spaces[k];
    let start = cursor;
    if (text.startsWith(v, start) === false) {
      const found = text.indexOf(v, start);
      if (found >= 0) start = found;
    }
    cursor = start + v.length;
    if (lex.space) {
      const nl = lex.newlines;
      if (nl >= 2) breakPending = true;
      else if (nl === 1 && tokens.length > 0) {
        const prev = tokens[tokens.length - 1];
        const next = k + 1 < lexemes.length ? lexemes[k + 1].value : '';
        if (/^[.!?:"')\]]$/.test(prev.text) || /^\p{Lu}/u.test(next) || /^["'(\-•*]/.test(next)) breakPending = true;
      }
      continue;
    }
    if (curSent < 0 || breakPending || sentOf[k] !== lastWinkSent) {
      if (curSent < 0 || tokens.length > sentences[curSent].tokStart) startSentence();
      breakPending = false;
    }
    lastWinkSent = sentOf[k];
    if (lex.type === 'word') {
      words++;
      up += lex.uppers;
      letters += lex.uppers + lex.lowers;
    }
    tokens.push({
      i: tokens.length,
      start,
      end: start + v.length,
      text: v,
      key: lex.key,
      lower: lex.lower,
      pos: pos[k],
      lemma: lemmas[k],
      type: lex.type,
      cap: lex.cap,
      upper: lex.upper,
      negated: !!negs[k],
      sentence: curSent,
      spaceBefore: spaces[k] > 0 || (k > 0 && lexemes[k - 1].space),
    });
  }
  if (curSent >= 0) closeSentence();
  doc.tokens = tokens;
  doc.sentences = sentences;
}
