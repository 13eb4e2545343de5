// Round 20: a program held in another zone is read in German time, and that time moves when either side changes
// its clocks during the series. Participants ask why ("Warum ist der Termin im April bei uns eine Stunde
// später?") or when a country changes its clocks; the time zone rules answer, not the material. Invented programs.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { ManualClock } from '../shared/clock.js';
import { clockQuestion, clockTransitions } from './clock-changes.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-clocks-');

const material = [
  '# Anmeldung',
  '',
  'Anmeldung bis 20.02.2027 bei Aiko Mori, austausch@kuesten.example.org. Die Teilnahme ist kostenlos.',
  '',
  '# Ablauf',
  '',
  'Jeder Termin beginnt mit einem Impuls aus einer Stadt, danach tauschen sich die Teilnehmenden in Gruppen aus.',
  '',
].join('\n');

const sessions = (start: string, end: string) => [
  { id: 'auftakt', title: 'Auftakt', date: '2027-03-09', start, end },
  { id: 'deiche', title: 'Deiche und Dünen', date: '2027-04-13', start, end },
  { id: 'warnung', title: 'Sturmflutwarnung', date: '2027-05-11', start, end },
];

async function engineFor(timezone: string, start = '17:30', end = '19:00') {
  const dir = await contentDir({ 'program.yaml': programYaml(sessions(start, end), { id: 'kueste', title: 'Küsten im Austausch', timezone }), 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
}

describe('questions about the clocks', () => {
  it('are told from other questions, including other questions for a reason', () => {
    expect(clockQuestion('Warum ist der Termin im April bei uns eine Stunde später?')).toBe('why-shifted');
    expect(clockQuestion('Why do the times change during the series?')).toBe('why-shifted');
    expect(clockQuestion('wann stellt deutschland auf sommerzeit um')).toBe('clocks');
    expect(clockQuestion('Does Japan change its clocks?')).toBe('clocks');
    expect(clockQuestion("What's the time difference to Germany?")).toBe('clocks');
    expect(clockQuestion('Warum ist der dritte Termin an einem Dienstag?')).toBeUndefined();
    expect(clockQuestion('Wie viele Stunden dauert der Termin?')).toBeUndefined();
    expect(clockQuestion('Wann ist der nächste Termin?')).toBeUndefined();
  });

  it('are answered from the zone rules where the program has no summer time and Germany has', async () => {
    const engine = await engineFor('Asia/Tokyo');
    const why = engine.ask('Warum ist der Termin im April bei uns eine Stunde später?');
    expect(why.answered).toBe(true);
    expect(why.answer).toContain('Ortszeit Asia/Tokyo');
    expect(why.answer).toContain('Deutschland stellt am 28.03.2027 auf Sommerzeit um');
    expect(why.answer).toContain('eine Stunde später (17:30 Uhr Ortszeit ist dann 10:30 Uhr deutscher Zeit)');
    expect(why.answer).toContain('Asia/Tokyo stellt die Uhr nicht um');
    expect(why.sources[0]!.title).toContain('Küsten im Austausch');
    const en = engine.ask('Why is the April session an hour later for us?', { locale: 'en' });
    expect(en.answer).toContain('At the first session, German time is 8 hours behind Asia/Tokyo.');
    expect(en.answer).toContain('Germany switches to daylight saving time (summer time) on 28 March 2027');
    expect(engine.ask('Wie groß ist der Zeitunterschied nach Tokio?').answer).toContain('8 Stunden früher');
  });

  it('date a change at midnight by the clock before it, and name both sides when both change', async () => {
    // Chile goes back from Sunday 00:00 to Saturday 23:00 (4 April 2027) and forward on 5 September.
    const changes = clockTransitions('America/Santiago', DateTime.fromISO('2027-03-01T12:00:00Z'), DateTime.fromISO('2027-10-01T12:00:00Z'));
    expect(changes.map((c) => [c.at.toISODate(), c.minutes])).toEqual([['2027-04-04', -60], ['2027-09-05', 60]]);
    const engine = await engineFor('America/Santiago', '10:00', '11:30');
    const answer = engine.ask('When does Chile end daylight saving time?', { locale: 'en' }).answer;
    expect(answer).toContain('America/Santiago switches back to standard time on 4 April 2027; from then on the sessions start one hour later in German time');
    expect(answer).toContain('Germany switches to daylight saving time (summer time) on 28 March 2027');
  });

  it('leave a program on German time, and a question why the time moves where the clocks do not explain it, to the material', async () => {
    const vienna = await engineFor('Europe/Vienna');
    expect(vienna.ask('Warum ist der Termin im April eine Stunde später?').via).not.toBe('schedule');
    // London keeps one hour behind Germany all year: both change on the same days.
    const london = await engineFor('Europe/London');
    expect(london.ask('Why is the April session an hour later?', { locale: 'en' }).via).not.toBe('schedule');
    const difference = london.ask('What is the time difference to Germany?', { locale: 'en' });
    expect(difference.answer).toContain('German time is one hour ahead of Europe/London');
    expect(difference.answer).not.toContain('from then on');
  });
});
