// Round 19: a question whether something is recorded is answered only by a passage that says what is recorded;
// a passage that merely names the same workshop and town answers another question. And "bzw." is
// function words, not the rarest topic of a question. An invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-recording-');

const program = programYaml(
  [
    { id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' },
    { id: 'werkstatt', title: 'Werkstatt in Halden', date: '2027-04-17', start: '09:00', end: '15:00' },
  ],
  { id: 'bauhof-werkstatt', title: 'Bauhöfe lernen voneinander' },
);

const material = [
  '# Werkstatt in Halden am Samstag',
  '',
  'Am Samstag, 17.04.2027, treffen wir uns im Bauhof Halden, Ringstraße 4. Die Werkstatt in Halden beginnt um 09:00 Uhr mit einem Rundgang über den Bauhof, danach arbeiten wir in Gruppen.',
  '',
  '# Aufzeichnung',
  '',
  'Aufgezeichnet werden nur die Vorträge der Online-Termine. Die Gruppenarbeit vor Ort wird nicht aufgezeichnet.',
  '',
  '# Kosten',
  '',
  'Die Teilnahme ist kostenlos.',
  '',
  '# Exkursion',
  '',
  'Für den Herbst plant das Netzwerk eine Exkursion nach Vinsbach. Termin und Kosten stehen noch nicht fest.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/programm.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
}

describe('questions whether something is recorded', () => {
  it('are answered by what the material says is recorded, never by a passage that only names the place', async () => {
    const e = await engine();
    const workshop = e.ask('Wird die Werkstatt in Halden am Samstag gefilmt?');
    expect(workshop.answered).toBe(true);
    expect(workshop.answer).toMatch(/^Aufgezeichnet werden nur die Vorträge der Online-Termine/);
    // The walk is named only in the programme of the day, which says nothing of recording.
    const walk = e.ask('Wird der Rundgang in Halden aufgezeichnet?');
    expect(walk.answer).not.toContain('Ringstraße');
  });

  it('read a word that also means a recording ("auf Video") as known where the passage says what is recorded', async () => {
    const e = await engine();
    const video = e.ask('Wird die Werkstatt auf Video aufgenommen?');
    expect(video.answered).toBe(true);
    expect(video.answer).toContain('nicht aufgezeichnet');
    // A compound that has money only as a part asks for more than a cost or an amount.
    expect(e.ask('Gibt es für die Exkursion einen Reisekostenzuschuss?').answered).toBe(false);
  });

  it('do not take "bzw." for their topic', async () => {
    const e = await engine();
    const a = e.ask('Wird die Werkstatt in Halden gefilmt bzw. aufgezeichnet?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('nicht aufgezeichnet');
  });
});
