import { parseGold } from '../../src/eval/gold';
import { aggregate, dateMatches, evaluateGold, prf, scoreArticle } from '../../src/eval/score';
import { ent, ev, GOLD_JSON, perfectPrediction, rel, result } from './helpers';

const gold = () => parseGold(structuredClone(GOLD_JSON), 'summit.json');
const score = (pred: ReturnType<typeof result>, verbose = true) => aggregate([scoreArticle(gold(), pred)], { verbose });

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const r = prf({ tp: 3, fp: 1, fn: 2 });
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
  it('scores an empty comparison as perfect and a one-sided one as zero', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(prf({ tp: 0, fp: 0, fn: 2 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(prf({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('scoreArticle', () => {
  it('gives a perfect prediction 1.0 everywhere', () => {
    const r = score(perfectPrediction());
    expect(r.entities).toMatchObject({ tp: 5, fp: 0, fn: 0, f1: 1 });
    expect(r.entitiesAll).toMatchObject({ tp: 6, fp: 0, fn: 0, f1: 1 });
    expect(r.byType.Place).toMatchObject({ tp: 1, f1: 1 });
    expect(r.relations).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(r.events).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(r.date).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(r.modality).toEqual({ correct: 2, total: 2, accuracy: 1 });
    expect(r.mode).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(r.perArticle[0].errors).toEqual([]);
    expect(r.errorClasses).toEqual({});
  });

  it('matches on aliases after normalisation, on either side', () => {
    const r = score(
      result([
        ent('p1', 'Person', 'MR  Moon'), // gold alias "Mr Moon"
        ent('p2', 'Person', 'Jong-un Kim', ['Kim']), // predicted alias = gold alias
        ent('s1', 'State', 'Republic of Korea', ['South Korea']), // predicted alias = gold name
        ent('s2', 'State', 'Pyongyang'),
      ]),
    );
    expect(r.byType.Person).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(r.byType.State).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(r.byType.Institution).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.entities).toMatchObject({ tp: 4, fp: 0, fn: 1 });
  });

  it('counts a second entity for the same referent as a false positive', () => {
    const pred = perfectPrediction();
    pred.entities.push(ent('person:mr moon', 'Person', 'Mr Moon'));
    const r = score(pred);
    expect(r.byType.Person).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(r.entities.precision).toBeCloseTo(5 / 6);
    expect(r.perArticle[0].errors).toEqual([
      expect.objectContaining({ category: 'entity', kind: 'FP', reason: 'duplicate', type: 'Person' }),
    ]);
  });

  it('keeps the full-name entity as the match when a duplicate comes first', () => {
    const pred = perfectPrediction();
    pred.entities.unshift(ent('person:moon', 'Person', 'Moon'));
    const r = score(pred);
    expect(r.byType.Person).toMatchObject({ tp: 2, fp: 1 });
    // the relation from the full-name entity still maps to gold
    expect(r.relations).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('requires the type to match', () => {
    const pred = perfectPrediction();
    pred.entities[4] = ent('place:united nations command', 'Place', 'United Nations Command');
    const r = score(pred);
    expect(r.byType.Institution).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.byType.Place).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.entities).toMatchObject({ tp: 4, fp: 0, fn: 1 });
    expect(r.entitiesAll).toMatchObject({ tp: 5, fp: 1, fn: 1 });
    expect(r.errorClasses).toEqual({ 'entity FN wrong-type': 1, 'entity FP wrong-type': 1 });
  });

  it('counts spurious and missed entities', () => {
    const r = score(result([ent('p', 'Person', 'Donald Trump'), ent('s', 'State', 'North Korea')]));
    expect(r.byType.Person).toMatchObject({ tp: 0, fp: 1, fn: 2 });
    expect(r.byType.State).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.errorClasses['entity FP spurious']).toBe(1);
    expect(r.errorClasses['entity FN missed']).toBe(5);
  });

  it('maps relation endpoints through the entity matching', () => {
    const pred = perfectPrediction();
    // different ids and names on the predicted side; the aliases carry the match
    pred.entities[0] = ent('x1', 'Person', 'President Moon', ['Moon']);
    pred.entities[2] = ent('x2', 'State', 'ROK', ['Seoul']);
    pred.relations = [
      rel('HOLDS_POSITION', 'x1', 'x2', 'President'),
      rel('HOLDS_POSITION', 'state:PRK', 'person:kim jong-un'), // reversed
      rel('CITIZEN_OF', 'x1', 'x2'), // not in gold
      rel('MEMBER_OF', 'x1', 'nobody'), // unknown endpoint
    ];
    const r = score(pred);
    expect(r.relations).toMatchObject({ tp: 1, fp: 3, fn: 1 });
    expect(r.relationsByType.HOLDS_POSITION).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.errorClasses).toMatchObject({
      'relation FP reversed': 1,
      'relation FP wrong-type': 1,
      'relation FP unmatched-endpoint': 1,
      'relation FN missed': 1,
    });
  });

  it('does not give a relation credit when its endpoint entity is unmatched', () => {
    const pred = perfectPrediction();
    pred.entities[2] = ent('state:KOR', 'State', 'Korea'); // no longer matches gold South Korea
    const r = score(pred);
    expect(r.relations).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.errorClasses).toMatchObject({ 'relation FP unmatched-endpoint': 1, 'relation FN endpoint-not-found': 1 });
  });

  it('counts a repeated relation as a false positive', () => {
    const pred = perfectPrediction();
    pred.relations.push(rel('HOLDS_POSITION', 'person:moon jae-in', 'state:KOR', 'head of state'));
    const r = score(pred);
    expect(r.relations).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(r.errorClasses['relation FP duplicate']).toBe(1);
  });

  it('matches events on type and one actor, one-to-one', () => {
    const pred = perfectPrediction();
    pred.events = [
      // only one of the two gold actors, no recipients: still a match
      ev('COOPERATE', ['state:PRK'], [], { modality: 'future' }),
      // right actor, wrong type
      ev('AGREE', ['person:moon jae-in']),
      // right type, actor is the gold recipient only
      ev('CONSULT', ['person:kim jong-un']),
      // right type and actor, matched
      ev('CONSULT', ['person:moon jae-in'], [], { date: '2018-04-27', datePrecision: 'day' }),
      // the same event again: duplicate
      ev('CONSULT', ['person:moon jae-in'], ['person:kim jong-un']),
    ];
    const r = score(pred);
    expect(r.events).toMatchObject({ tp: 2, fp: 3, fn: 0 });
    expect(r.errorClasses).toMatchObject({ 'event FP wrong-type': 1, 'event FP wrong-actors': 1, 'event FP duplicate': 1 });
  });

  it('prefers the prediction with the best overlap when several match', () => {
    const pred = perfectPrediction();
    pred.events = [
      ev('CONSULT', ['person:moon jae-in'], [], { date: '2018-05-01', datePrecision: 'day' }),
      ev('CONSULT', ['person:moon jae-in'], ['person:kim jong-un'], { date: '2018-04-27', datePrecision: 'day' }),
    ];
    const r = score(pred);
    expect(r.eventsByType.CONSULT).toMatchObject({ tp: 1, fp: 1 });
    expect(r.date).toEqual({ correct: 1, total: 1, accuracy: 1 });
  });

  it('misses an event whose actors were not found', () => {
    const pred = perfectPrediction();
    pred.entities = pred.entities.filter((e) => e.id !== 'person:moon jae-in');
    const r = score(pred);
    expect(r.eventsByType.CONSULT).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.errorClasses).toMatchObject({ 'event FN actor-not-found': 1, 'event FP unmatched-actor': 1 });
  });

  it('measures date accuracy at the gold precision over matched events with a gold date', () => {
    const withDate = (date: string | null, datePrecision: 'day' | 'month' | 'year' | null) => {
      const pred = perfectPrediction();
      pred.events[0] = { ...pred.events[0], date, datePrecision };
      return score(pred).date;
    };
    expect(withDate('2018-04-27', 'day')).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(withDate('2018-04-26', 'day')).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(withDate(null, null)).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(withDate('2018-04-01', 'month')).toMatchObject({ correct: 0 }); // too coarse for a gold day
    // the COOPERATE event has no gold date and is not counted, whatever is predicted
    const pred = perfectPrediction();
    pred.events[1] = { ...pred.events[1], date: '2018-01-01', datePrecision: 'day' };
    expect(score(pred).date.total).toBe(1);
  });

  it('reports modality and mode accuracy on matched events', () => {
    const pred = perfectPrediction();
    pred.events[1] = { ...pred.events[1], modality: 'asserted' };
    pred.events[0] = { ...pred.events[0], mode: 'visit' };
    const r = score(pred);
    expect(r.modality).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(r.mode).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(r.errorClasses).toMatchObject({ 'modality mismatch future-as-asserted': 1, 'mode mismatch wrong-mode': 1 });
  });

  it('leaves error lists out unless verbose', () => {
    expect(score(perfectPrediction(), false).perArticle[0].errors).toBeUndefined();
  });
});

describe('dateMatches', () => {
  it('compares at the gold precision', () => {
    expect(dateMatches('2018-04', 'month', '2018-04-27', 'day')).toBe(true);
    expect(dateMatches('2018-04-01', 'month', '2018-04-27', 'day')).toBe(true);
    expect(dateMatches('2018', 'year', '2018-11', 'month')).toBe(true);
    expect(dateMatches('2018-04-27', 'day', '2018-04-27T09:00:00Z', 'day')).toBe(true);
    expect(dateMatches('2018-04-27', 'day', '2018-04-27', 'month')).toBe(false);
    expect(dateMatches('2018-04-27', 'day', '2018-04', null)).toBe(false);
    expect(dateMatches('2018-04-27', 'day', null, null)).toBe(false);
  });
});

describe('aggregate', () => {
  it('micro-averages counts over articles and keeps per-article figures', () => {
    const second = parseGold({ ...structuredClone(GOLD_JSON), article: { ...GOLD_JSON.article, id: 'gold-test-2' } }, 'b.json');
    const r = aggregate([
      scoreArticle(gold(), perfectPrediction()),
      scoreArticle(second, result([ent('s', 'State', 'North Korea')])),
    ]);
    expect(r.articles).toBe(2);
    expect(r.entities).toMatchObject({ tp: 6, fp: 0, fn: 4 });
    expect(r.entities.recall).toBeCloseTo(0.6);
    expect(r.perArticle.map((a) => [a.id, a.entities.f1])).toEqual([
      ['gold-test-summit', 1],
      ['gold-test-2', expect.closeTo(2 / 6, 5)],
    ]);
  });

  it('runs an extractor over gold documents', () => {
    const r = evaluateGold([gold()], { extract: (input) => (input.publishedAt === '2018-04-27' ? perfectPrediction() : result([])) });
    expect(r.entities.f1).toBe(1);
  });
});

describe('error classes', () => {
  it('calls a name that contains the gold name (or is contained in it) a boundary error', () => {
    const r = score(result([ent('p', 'Person', 'South Korean President Moon Jae-in'), ent('i', 'Institution', 'Nations Command')]));
    expect(r.perArticle[0].errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'FP', reason: 'boundary', type: 'Person' }),
        expect.objectContaining({ kind: 'FN', reason: 'boundary', type: 'Person', text: 'Person "Moon Jae-in" (predicted Person "South Korean President Moon Jae-in")' }),
        expect.objectContaining({ kind: 'FP', reason: 'boundary', type: 'Institution' }),
        expect.objectContaining({ kind: 'FN', reason: 'boundary', type: 'Institution' }),
      ]),
    );
  });
});
