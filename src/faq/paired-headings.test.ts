// Round 19: a heading that names two towns side by side ("Session 2: Varunapuri and Ahrweiden") names the
// subject of none of its paragraphs alone; a paragraph that names only the other town gives that town's
// figures. Invented program; each decline is checked against the answer for the town the paragraph names.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-paired-');

const program = programYaml([{ id: 'kickoff', title: 'Kick-off', date: '2027-03-02', start: '10:00', end: '11:30' }], { id: 'water-partners', title: 'Water Partners Exchange', language: 'en' });

const material = [
  '# Session 2: Kalvapur and Mossfeld',
  '',
  'The utility of Mossfeld (42,000 inhabitants) loses 7 % of its water. Its network of 300 km has 12 metering zones.',
  '',
  'Kalvapur reduced its losses from 38 % to 29 % with district metering.',
  '',
  '# Fees',
  '',
  'Participation is free of charge for municipalities.',
  '',
].join('\n');

describe('a heading that names two towns', () => {
  it('gives a paragraph that names only one of them to that one', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/plan.md': material });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const mossfeld = e.ask('How many inhabitants does Mossfeld have?', { locale: 'en' });
    expect(mossfeld.answered).toBe(true);
    expect(mossfeld.answer).toContain('42,000');
    // The material gives no population for Kalvapur: Mossfeld's is no answer.
    expect(e.ask('How many inhabitants does Kalvapur have?', { locale: 'en' }).answered).toBe(false);
    const losses = e.ask('How high are the losses in Kalvapur?', { locale: 'en' });
    expect(losses.answer).toContain('29 %');
  });

  it('does not take a common noun beside the town for a second town, nor a paragraph about both for the other one', async () => {
    const notes = [
      '# Anreise nach Mossfeld und Parken',
      '',
      'Parken ist am Bahnhof kostenlos möglich, die Stellplätze sind ausgeschildert.',
      '',
      '# Kurtaxe in Mossfeld und Kalvapur',
      '',
      'In beiden Orten beträgt die Kurtaxe 3 Euro pro Nacht; Kalvapur erhebt zusätzlich eine Bettensteuer von 1 Euro.',
      '',
    ].join('\n');
    const dir = await contentDir({ 'program.yaml': program, 'material/plan.md': material, 'material/anreise.md': notes });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    expect(e.ask('Ist Parken in Mossfeld kostenlos?').answer).toContain('Parken ist am Bahnhof kostenlos');
    expect(e.ask('Wie hoch ist die Kurtaxe in Mossfeld?').answer).toContain('3 Euro pro Nacht');
  });
});
