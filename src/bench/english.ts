/**
 * Just enough English verb morphology for the benchmark generator to inflect the trigger lemmas of
 * data/event-triggers.json ("accuse" → "accused", "call on" → "called on", "urge" → "urges"). British
 * spelling, as in the wire copy it imitates. Irregular forms are a table, not branches.
 */

/** Simple past of irregular verbs (and of verbs whose final consonant doubles against the plain rule). */
export const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  beat: 'beat', bet: 'bet', break: 'broke', build: 'built', buy: 'bought', cast: 'cast', come: 'came',
  cut: 'cut', deal: 'dealt', draw: 'drew', fight: 'fought', find: 'found', flee: 'fled', fly: 'flew',
  forbid: 'forbade', forgive: 'forgave', freeze: 'froze', give: 'gave', go: 'went', hang: 'hung',
  have: 'had', hit: 'hit', hold: 'held', keep: 'kept', lay: 'laid', lead: 'led', leave: 'left',
  lend: 'lent', let: 'let', lose: 'lost', make: 'made', meet: 'met', pay: 'paid', put: 'put',
  quit: 'quit', rebuild: 'rebuilt', ride: 'rode', run: 'ran', say: 'said', see: 'saw', seek: 'sought',
  sell: 'sold', send: 'sent', set: 'set', shake: 'shook', shoot: 'shot', shut: 'shut', sink: 'sank',
  sit: 'sat', speak: 'spoke', spend: 'spent', stand: 'stood', steal: 'stole', strike: 'struck',
  swear: 'swore', take: 'took', teach: 'taught', tear: 'tore', tell: 'told', think: 'thought',
  throw: 'threw', undergo: 'underwent', understand: 'understood', uphold: 'upheld', win: 'won',
  withdraw: 'withdrew', withhold: 'withheld', write: 'wrote',
  // Final stress or British -ll-: the consonant doubles.
  acquit: 'acquitted', admit: 'admitted', cancel: 'cancelled', commit: 'committed', compel: 'compelled',
  confer: 'conferred', control: 'controlled', deter: 'deterred', equip: 'equipped', expel: 'expelled',
  label: 'labelled', model: 'modelled', omit: 'omitted', patrol: 'patrolled', permit: 'permitted',
  prefer: 'preferred', rebel: 'rebelled', refer: 'referred', regret: 'regretted', signal: 'signalled',
  submit: 'submitted', travel: 'travelled', fuel: 'fuelled', level: 'levelled', total: 'totalled',
};

/** Simple past of one verb, e.g. "urge" → "urged", "ban" → "banned", "deny" → "denied". */
export function pastOfVerb(verb: string): string {
  const v = verb.toLowerCase();
  const irregular = IRREGULAR_PAST[v];
  if (irregular) return irregular;
  if (v.endsWith('e')) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  // One syllable ending consonant-vowel-consonant doubles the consonant ("ban", "slam", "snub").
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(v)) return v + v[v.length - 1] + 'ed';
  return v + 'ed';
}

/** Third person singular present, e.g. "urge" → "urges", "press" → "presses", "deny" → "denies". */
export function thirdOfVerb(verb: string): string {
  const v = verb.toLowerCase();
  if (v === 'have') return 'has';
  if (/(s|sh|ch|x|z)$/.test(v) || /[^aeiou]o$/.test(v)) return v + 'es';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ies';
  return v + 's';
}

/** Inflects the first word of a phrase ("call on" → "called on"); the particles stay. */
export function inflectPhrase(phrase: string, form: 'past' | 'third' | 'base'): string {
  const [head, ...rest] = phrase.split(' ');
  const inflected = form === 'past' ? pastOfVerb(head) : form === 'third' ? thirdOfVerb(head) : head;
  return [inflected, ...rest].join(' ');
}
