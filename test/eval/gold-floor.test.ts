import { join } from 'node:path';
import { loadGoldDir } from '../../src/eval/gold';
import { evaluateGold, type EvalReport } from '../../src/eval/score';
import { createExtractor } from '../../src/pipeline/extract';

/**
 * Quality floors: the real extractor over every gold article in data/gold. A change that makes the
 * scores drop below these fails the build. Raise the floors when the extractor improves (keep them a
 * little under the measured values so harmless shifts do not fail).
 *
 * Measured on 2026-11-26 with newsgraph-rules/0.2.17 over the 27 gold articles (gold-01 … gold-27):
 *   entity F1 (P/S/I) 0.971, entity F1 (all) 0.952, relation F1 0.876 (P 0.910, R 0.843), event F1 0.845,
 *   event-date accuracy 0.915 (129/141), modality accuracy 0.955 (231/242), mode accuracy 0.844 (38/45).
 * (0.2.12 and 0.2.13: relation F1 0.865; 0.2.14 and 0.2.15: 0.870; 0.2.16: 0.873.) On gold-01 … gold-23 alone: 0.973, 0.954, 0.905 (P 0.935, R 0.877), 0.864, 0.933 (111/119), 0.953, 0.854.
 * gold-24 … gold-27 were written and annotated blind; their first run (0.2.11) gave entity 0.958, all
 * 0.938, relations 0.667, events 0.732, dates 0.773 (17/22), modality 0.967 (the extractor before this
 * session's date rules, 0cb8d82: the same but dates 0.682 (15/22)). One error class found there ("came a
 * day after", 0.2.12) was then fixed, so they are no longer unseen.
 * (0.2.4 and 0.2.5 measured the same but for event-date accuracy 0.866 (103/119); 0.2.6 0.874 (104/119);
 * 0.2.7 0.891 (106/119); 0.2.8 0.916 (109/119);
 * 0.2.9 0.924 (110/119); 0.2.10 and 0.2.11 the same as 0.2.12.)
 * (0.2.3 measured 0.972, 0.953, 0.862 (P 0.929, R 0.804), 0.864, 0.866 (103/119), 0.953 (202/212), mode 0.854 (35/41).)
 * (0.2.2 measured 0.972, 0.953, 0.862, 0.846, 0.863 (101/117), 0.952 (199/209), mode 0.744 (29/39).)
 * (0.2.1 measured 0.946, 0.926, 0.831, 0.817, 0.851 (97/114), 0.935 (186/199).)
 * gold-17 … gold-23 were annotated before the extractor was run on them; on those seven alone 0.2.0
 * measured entity 0.948, relations 0.652, events 0.652, dates 0.810; 0.2.1 0.967, 0.739, 0.718, 0.846;
 * 0.2.2 0.990, 0.809, 0.781, 0.857; 0.2.3 0.990, 0.809, 0.822, 0.867; 0.2.4 0.990, 0.880, 0.822, 0.867 (these seven have since been looked at, so they are no longer unseen).
 * (0.2.0 on gold-01 … gold-16: 0.929, 0.910, 0.844, 0.852, 0.852, 0.939.)
 * (0.1.0 measured 0.884, 0.870, 0.414, 0.598, 0.729, 0.906.) The gold set was used to find error
 * classes, so these figures are optimistic for unseen articles.
 * (Issue 3 targets on unseen articles: entity F1 ≥ 0.85, relation and event F1 ≥ 0.5, dates ≥ 0.8.)
 */
const FLOORS = {
  /** Person + State + Institution, micro F1 (the headline figure). */
  entityF1: 0.90,
  /** All four entity types. */
  entityAllF1: 0.88,
  relationF1: 0.80,
  eventF1: 0.80,
  /** Over matched events with a gold date (about 50 events: one event is 0.02). */
  dateAccuracy: 0.80,
  /** Over matched events. */
  modalityAccuracy: 0.90,
};

const GOLD_DIR = join(__dirname, '../../data/gold');

describe('extraction quality on data/gold', () => {
  let report: EvalReport;

  beforeAll(() => {
    report = evaluateGold(loadGoldDir(GOLD_DIR), createExtractor(), { verbose: true });
  });

  it('has the gold set the issue asks for (at least 15 articles)', () => {
    expect(report.articles).toBeGreaterThanOrEqual(15);
  });

  it('stays above the floors', () => {
    const measured = {
      entityF1: report.entities.f1,
      entityAllF1: report.entitiesAll.f1,
      relationF1: report.relations.f1,
      eventF1: report.events.f1,
      dateAccuracy: report.date.accuracy ?? 0,
      modalityAccuracy: report.modality.accuracy ?? 0,
    };
    const failures = Object.entries(FLOORS)
      .filter(([k, floor]) => measured[k as keyof typeof measured] < floor)
      .map(([k, floor]) => `${k} ${measured[k as keyof typeof measured].toFixed(3)} < floor ${floor}`);
    // On failure the message shows what dropped and the commonest error classes (`newsgraph eval data/gold --verbose` for details).
    expect({ failures, errorClasses: failures.length ? report.errorClasses : {} }).toEqual({ failures: [], errorClasses: {} });
  });
});
