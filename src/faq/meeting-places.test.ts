// Round 20: the place where the program says it meets („Begehung vor Ort in Talheim“) names no subject a passage
// must repeat: „Wird die Begehung in Talheim gefilmt?“ meets „Die Begehung wird nicht aufgezeichnet“. A figure
// asked of that place still comes from its own passage. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-places-');

const program = programYaml(
  [
    { id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' },
    { id: 'begehung', title: 'Begehung der Uferwege', date: '2027-04-16', start: '10:00', end: '13:00' },
  ],
  { id: 'ufer', title: 'Ufer und Wege', location: 'Online über Teams; Begehung vor Ort in Talheim' },
);

const material = [
  '# Aufzeichnung',
  '',
  'Die Vorträge der Online-Termine werden aufgezeichnet. Die Begehung wird nicht aufgezeichnet.',
  '',
  '# Talheim',
  '',
  'Talheim hat 4.200 Einwohnerinnen und Einwohner und 11 km Uferwege.',
  '',
  '# Bergdorf',
  '',
  'Bergdorf hat 2.100 Einwohnerinnen und Einwohner und 3 km Uferwege.',
  '',
  '# Anmeldung',
  '',
  'Anmeldung bis 15.02.2027 bei Lea Sommer, ufer@netz.example.org.',
  '',
].join('\n');

describe('the place where the program meets', () => {
  it('need not stand in the passage that answers about what happens there', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const filmed = engine.ask('Wird die Begehung in Talheim gefilmt?');
    expect(filmed.answered).toBe(true);
    expect(filmed.answer).toContain('nicht aufgezeichnet');
    const residents = engine.ask('Wie viele Einwohner hat Talheim?');
    expect(residents.answer).toContain('4.200');
    expect(residents.answer).not.toContain('2.100');
  });
});
