// FAQ quality gate on the tune split of every evaluation program (tests/faq/suites.ts): the example program,
// the example with its raw announcement as the only material, and the programs under tests/faq/programs.
// The floors sit below the measured figures (see each test) so that a real regression fails; they are not
// the targets of issue 15 (90 % answered correctly, 95 % declined), which bench/faq.ts reports on the held-out
// split. The held-out files are never read here.
import { describe, expect, it } from 'vitest';
import { FAQ_CONFIDENCE_THRESHOLD } from '../../src/faq/engine.js';
import { calibrateThreshold, loadEvalSet } from '../../src/faq/evaluation.js';
import { calibrationRun, discoverSuites, failures, runSuite } from './suites.js';

const tune = discoverSuites().filter((s) => s.split === 'tune');

// Floors per program: [answered correctly among answerable, declined among out of scope], just below the figures
// measured on the tune split (see docs/benchmarks.md) so that a regression fails. A program added later is held
// to the default floor.
const FLOORS: Record<string, [number, number]> = {
  example: [0.98, 0.98],
  'example-announcement': [0.75, 0.98],
  'digitale-sitzungen-en': [0.65, 0.9],
  'gruenflaechen-pflege': [0.75, 0.82],
  'mobilitaet-kleinstadt': [0.72, 0.64],
  'open-data-portal-en': [0.7, 0.78],
  // Round 19's threshold (0.9455) declines answers with a half-known word: the floors of this program,
  // kommunale-ki-werkstatt, resilienz-netzwerk, waermeplanung-kompakt, leerstand-innenstadt and
  // tourism-visitor-flows-brazil-en were lowered to its figures.
  'beteiligungshaushalt-dach': [0.88, 0.94],
  // Round 15's threshold (0.7025, what the calibration rule gives on 31 tune suites) declines a few
  // answers of low confidence here that 0.645 gave, and round 19's (0.9455 on 39 suites) a few more.
  'kommunale-ki-werkstatt': [0.85, 0.94],
  'ozg-buergerservices': [0.9, 0.98],
  // Round 13's country names answer one near miss here ("Welche Städte aus Spanien machen mit?": the material says
  // cities from Spain take part, not which): measured and kept, see docs/architecture.md.
  'resilienz-netzwerk': [0.77, 0.94],
  'waermeplanung-kompakt': [0.92, 0.98],
  // Held out until round 6 to 19, then rotated into tune (tests/faq/heldout/README.md).
  'katastrophenschutz-nordic-en': [0.5, 0.95],
  'vergabe-nachhaltig': [0.55, 0.9],
  'fachkraefte-verwaltung': [0.55, 0.75],
  'seniorenarbeit-tokyo-en': [0.65, 0.65],
  'schulwege-sicher': [0.55, 0.85],
  'bibliotheken-dritte-orte-en': [0.55, 0.9],
  'sanierung-schulbau-ankuendigung': [0.6, 0.75],
  'hitzeschutz-sydney-en': [0.65, 0.95],
  'barrierefreiheit-digital': [0.55, 0.7],
  'wasser-kommunen-indien-en': [0.6, 0.75],
  'leerstand-innenstadt': [0.55, 0.6],
  'abfall-kreislauf-nairobi-en': [0.4, 0.75],
  'ehrenamt-landkreise': [0.55, 0.65],
  'maerkte-bogota-en': [0.5, 0.7],
  'starkregen-gemeinden': [0.6, 0.65],
  'waermenetze-auckland-en': [0.55, 0.45],
  'eakt-gemeinden': [0.5, 0.8],
  'playgrounds-chile-en': [0.5, 0.65],
  'energieberatung-be-so': [0.4, 0.6],
  'elending-libraries-za-en': [0.6, 0.8],
  'friedhof-wandel-suedtirol': [0.55, 0.6],
  'streetlights-denver-en': [0.65, 0.8],
  'buergerbueros-termine-nrw': [0.55, 0.85],
  'walkable-streets-seoul-en': [0.5, 0.65],
  'jugendbeteiligung-luxemburg': [0.7, 0.7],
  'coastal-adaptation-halifax-en': [0.7, 0.7],
  'feuerwehr-nachwuchs-bayern': [0.45, 0.95],
  'tourism-visitor-flows-brazil-en': [0.5, 0.85],
  'gemeindekooperation-alpenrhein': [0.6, 0.85],
  'epermits-mexico-en': [0.6, 0.95],
  'kita-platzvergabe-mitteldeutschland': [0.45, 0.7],
  'noise-action-singapore-en': [0.7, 0.9],
  'landarzt-versorgung-nord': [0.6, 0.9],
  'cyber-incident-response-pacific-en': [0.7, 0.9],
  // Round 24 reads „Gde.“ as Gemeinde: „Welche Buchungssoftware verwendet die Gde. Seebrunn?“ had been declined
  // only because the abbreviation was unknown, and is now answered with the town's booking portal.
  'sportstaetten-vereine-oesterreich': [0.6, 0.85],
  'housing-first-perth-en': [0.65, 0.85],
  'stadtwald-gemeinden-schweiz': [0.5, 0.85],
  'winter-roads-anchorage-en': [0.55, 0.75],
};
const DEFAULT_FLOOR: [number, number] = [0.65, 0.7];

describe('FAQ evaluation, tune split', () => {
  it('has the example set and at least two other programs, each with out-of-scope and English questions', async () => {
    const programs = new Set(tune.map((s) => s.program));
    expect(programs.has('example')).toBe(true);
    expect(programs.size).toBeGreaterThanOrEqual(4);
    for (const suite of tune) {
      const set = await loadEvalSet(suite.setFile);
      expect(set.cases.filter((c) => c.declined).length, suite.program).toBeGreaterThanOrEqual(Math.ceil(set.cases.length * 0.15));
      expect(set.cases.filter((c) => c.lang === 'en').length, suite.program).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses the threshold that the calibration rule picks on the tune split (re-calibrate when the engine changes)', async () => {
    const runs = [];
    for (const suite of tune) runs.push(await calibrationRun(suite));
    expect(Math.abs(calibrateThreshold(runs) - FAQ_CONFIDENCE_THRESHOLD)).toBeLessThanOrEqual(0.05);
  });

  for (const suite of tune) {
    it(`${suite.program}: answers and declines at least as well as measured`, async () => {
      const { summary, engine } = await runSuite(suite);
      const [answered, declined] = FLOORS[suite.program] ?? DEFAULT_FLOOR;
      const why = failures(summary).join('\n');
      expect(summary.in_scope_accuracy, why).toBeGreaterThanOrEqual(answered);
      expect(summary.declined_correctly, why).toBeGreaterThanOrEqual(declined);
      if (suite.program === 'example-announcement') expect(engine.knowledgeBase.programSource).toBe('material');
      for (const o of summary.outcomes) {
        expect(o.answer.answer.length, o.case.q).toBeLessThan(700);
        if (o.answer.answered) expect(o.answer.sources.length, o.case.q).toBeGreaterThan(0);
      }
    });
  }
});

describe('threshold calibration rule', () => {
  it('takes the midpoint of the interval that best separates correct answers from out-of-scope questions, programs weighed equally', () => {
    const program = [
      { out: false, confidence: 0.9, correct: true },
      { out: false, confidence: 0.7, correct: true },
      { out: false, confidence: 0.8, correct: false },
      { out: true, confidence: 0.3, correct: false },
      { out: true, confidence: 0.5, correct: false },
    ];
    // Any threshold in [0.5, 0.7) answers both correct ones and declines both out-of-scope ones.
    expect(calibrateThreshold([program])).toBeCloseTo(0.6);
    // A second program whose out-of-scope question scores 0.75: declining it is worth more (half of that
    // program) than answering the 0.7 one (a quarter of the first), so the optimum moves to [0.75, 0.9).
    const other = [
      { out: false, confidence: 0.95, correct: true },
      { out: true, confidence: 0.75, correct: false },
    ];
    expect(calibrateThreshold([program, other])).toBeCloseTo(0.825);
    expect(calibrateThreshold([other])).toBeCloseTo(0.85);
  });
});
