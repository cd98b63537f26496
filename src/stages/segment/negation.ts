/**
 * Negation scope, as wink-nlp's English negation model marks it, computed here in one pass over the
 * tokens (one automaton pass less inside wink). The patterns are the model's own
 * (wink-eng-lite-web-model, eng-negation-model.json), as sequences of normalised tokens:
 *  - `negation`: a negation word opens a scope ("not", "never", "failed to", "ruled out");
 *  - `scope-end`: punctuation and conjunctions that end one ("," "but" "because" "which");
 *  - `not-negation`: phrases that look like one but are not ("not only", "may not", "no wonder").
 * At each token the longest pattern is taken, then the scan goes on after it; single line breaks are
 * skipped inside a pattern. A scope covers the words after its negation up to the next negation or
 * scope end, and never past the end of the negation's sentence.
 */

type Kind = 'negation' | 'scope-end' | 'not-negation';

const PATTERNS: readonly (readonly [Kind, readonly string[]])[] = [
  ['negation', ['eliminate', 'hardly', 'neither', 'never', 'no', 'none', 'nor', 'not', 'prevent', 'rarely', 'scarcely', 'without']],
  ['negation', ['fail to', 'failed to', 'failing to', 'fails to', 'impossible to', 'rule out', 'ruled out', 'rules out', 'unlikely to']],
  ['scope-end', ['!', ')', ',', '.', ';', '?', 'although', 'as', 'because', 'but', 'except', 'however', 'nevertheless', 'so', 'still', 'though', 'unless', 'until', 'which', 'yet']],
  ['scope-end', ['cause for', 'cause of', 'causes for', 'causes of']],
  ['not-negation', ['as good as', 'as long as', 'as much as', 'as soon as', 'may not', 'might not', 'no further', 'no wonder', 'not certain if', 'not just', 'not only', 'not to mention', 'without further ado']],
  // "go-no-go" with any of - / – — between the words, or none.
  ['not-negation', goNoGo()],
];

function goNoGo(): string[] {
  const out: string[] = [];
  for (const a of ['', '-', '/', '–', '—']) for (const b of ['', '-', '–', '—']) out.push(['go', a, 'no', b, 'go'].filter(Boolean).join(' '));
  return out;
}

interface Node { kind?: Kind; next: Map<string, Node> }

const ROOT: Node = { next: new Map() };
for (const [kind, phrases] of PATTERNS) {
  for (const phrase of phrases) {
    let node = ROOT;
    for (const word of phrase.split(' ')) {
      let next = node.next.get(word);
      if (!next) node.next.set(word, (next = { next: new Map() }));
      node = next;
    }
    node.kind = kind;
  }
}

/** Token types never marked as negated. */
const UNMARKED = new Set(['punctuation', 'emoji', 'emoticon']);

/** Whether a token of this normal form can open a pattern: most cannot, and the scan skips them unread. */
export function opensPattern(normal: string): boolean {
  return ROOT.next.has(normal);
}

/**
 * A token as the scan reads it: its normal form (lower case, "n't" → "not") and wink's token type; `opens`,
 * when known (per lexeme, by the caller), is what opensPattern says of the normal form (1 or 0).
 */
export interface NegationWord {
  normal: string;
  type: string;
  opens?: number;
}

/** Which tokens are in a negation's scope. `sentences` are inclusive token ranges covering every token. */
export function negationFlags(words: readonly NegationWord[], sentences: readonly (readonly [number, number])[]): boolean[] {
  const n = words.length;
  const found: { start: number; end: number; kind: Kind }[] = [];
  let i = 0;
  while (i < n) {
    if (words[i].opens === 0) {
      i++;
      continue;
    }
    const normal = words[i].normal;
    let node = normal === '\n' ? undefined : ROOT.next.get(normal);
    if (!node) {
      i++;
      continue;
    }
    let end = node.kind ? i : -1;
    let kind = node.kind;
    for (let j = i + 1; j < n && node.next.size > 0; j++) {
      const normal = words[j].normal;
      if (normal === '\n') continue;
      const next: Node | undefined = node.next.get(normal);
      if (!next) break;
      node = next;
      if (node.kind) {
        end = j;
        kind = node.kind;
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    if (kind !== 'not-negation') found.push({ start: i, end, kind: kind as Kind });
    i = end + 1;
  }
  const flags: boolean[] = new Array(n).fill(false);
  let s = 0;
  for (let k = 0; k < found.length; k++) {
    if (found[k].kind !== 'negation') continue;
    const last = found[k].end;
    while (s < sentences.length - 1 && sentences[s][1] < last) s++;
    const next = found[k + 1];
    // wink's quirk, kept: a scope that another pattern follows stops before the sentence's last token.
    const stop = next ? Math.min(sentences[s][1], next.start) : sentences[s][1] + 1;
    for (let t = last + 1; t < stop; t++) if (!UNMARKED.has(words[t].type)) flags[t] = true;
  }
  return flags;
}
