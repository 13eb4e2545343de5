// Round 19: a figure the material writes with a percent sign ("23 %") is found by a question that says
// "Prozent" or "percent": the sign is read as the word, so the passage with the figure ranks above one that only
// repeats the question's other words. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { createFaqEngine } from './engine.js';
import { percentWords } from './german.js';
import { PassageIndex } from './retrieval.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-percent-');

const program = programYaml([{ id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' }], { id: 'bauhoefe', title: 'Bauhöfe im Vergleich' });

const material = [
  '# Zahlen aus Talbrunn',
  '',
  'Der Bauhof Talbrunn hat 18 Beschäftigte. Die Fahrzeugauslastung lag 2026 bei 64 %.',
  '',
  '# Winterdienst',
  '',
  'Im Winterdienst räumt der Bauhof 42 km Straßen, dazu die Gehwege an Schulen.',
  '',
  '# Grünpflege',
  '',
  'Die Grünpflege übernimmt ein Team aus vier Gärtnerinnen und Gärtnern.',
  '',
  '# Fuhrpark',
  '',
  'Zum Fuhrpark gehören zwei Unimogs, ein Kleintraktor und drei Transporter.',
  '',
  '# Fahrzeugauslastung',
  '',
  'Die Fahrzeugauslastung in Talbrunn misst der Bauhof selbst, jedes Jahr im Januar.',
  '',
  '# Anmeldung',
  '',
  'Anmeldung bis 15.02.2027 bei Jana Roth, bauhof@talbrunn.example.org.',
  '',
  '# Kosten',
  '',
  'Die Teilnahme ist für Mitgliedsgemeinden kostenlos.',
  '',
].join('\n');

describe('a percent sign', () => {
  it('stands for the word, after a figure only', () => {
    expect(percentWords('Auslastung 64 %')).toEqual(['prozent']);
    expect(percentWords('Auslastung 64%')).toEqual(['prozent']);
    expect(percentWords('Rabatt-Code 50OFF, 100 Euro')).toEqual([]);
  });

  it('makes "Prozent" and "percent" words the material knows, where it writes a figure with the sign', () => {
    const index = new PassageIndex([
      { id: 'a', kind: 'passage', title: 'Zahlen', text: 'Die Fahrzeugauslastung lag 2026 bei 64 %.', source: 'zahlen.md' },
      { id: 'b', kind: 'passage', title: 'Winterdienst', text: 'Der Bauhof räumt 42 km Straßen.', source: 'zahlen.md' },
    ]);
    const known = (q: string) => index.units(q).map((u) => [u.word, u.knownDf]);
    expect(known('fahrzeugauslastung prozent')).toEqual([['fahrzeugauslastung', 1], ['prozent', 1]]);
    expect(known('fahrzeugauslastung percent')).toEqual([['fahrzeugauslastung', 1], ['percent', 1]]);
  });

  it('answers a question that asks in percent, in either language, and not one the material has no figure for', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/zahlen.md': material });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const de = engine.ask('fahrzeugauslastung talbrunn prozent');
    expect(de.answered).toBe(true);
    expect(de.answer).toContain('64 %');
    const en = engine.ask('Fahrzeugauslastung in Talbrunn in percent?', { locale: 'en' });
    expect(en.answered).toBe(true);
    expect(en.answer).toContain('64 %');
    expect(engine.ask('Wie viel Prozent der Bürger nutzen das Freibad?').answered).toBe(false);
  });
});
