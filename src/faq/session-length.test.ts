// Round 20: asked how long one session lasts („Wie lange dauert die letzte Sitzung?“), the schedule answer says
// its length besides its time; „How long does one session last?“ asks for the sessions' length, not for the last
// session. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-length-');

const program = programYaml(
  [
    { id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' },
    { id: 'praxis', title: 'Praxis', date: '2027-04-06', start: '15:00', end: '16:30' },
    { id: 'abschluss', title: 'Abschluss', date: '2027-05-04', start: '14:00', end: '16:00' },
  ],
  { id: 'wege', title: 'Wege und Plätze' },
);

const material = ['# Anmeldung', '', 'Anmeldung bis 15.02.2027 bei Lea Sommer, wege@netz.example.org.', ''].join('\n');

describe('the length of one session', () => {
  it('is given when asked of one session, in either language', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const last = engine.ask('Wie lange dauert die letzte Sitzung?');
    expect(last.answer).toContain('04.05.2027');
    expect(last.answer).toContain('Dauer: zwei Stunden (120 Minuten).');
    expect(engine.ask('How long is the first session?', { locale: 'en' }).answer).toContain('Duration: 90 minutes.');
    expect(engine.ask('Wann ist die letzte Sitzung?').answer).not.toContain('Dauer');
    expect(engine.ask('Wie lange noch bis zum nächsten Termin?').answer).not.toContain('Dauer');
    expect(engine.ask('How long until the next session?', { locale: 'en' }).answer).not.toContain('Duration');
  });

  it('of the sessions in general is no question about the last session', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const answer = engine.ask('How long does one session last?', { locale: 'en' }).answer;
    expect(answer).not.toContain('The last session');
    expect(answer).toContain('90 minutes');
  });
});
