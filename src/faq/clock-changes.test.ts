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

/** An engine over a program.yaml and the material above, asked at `now`. */
async function engineOf(yaml: string, now = '2027-02-01T08:00:00Z') {
  const dir = await contentDir({ 'program.yaml': yaml, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(now) });
}

/** The three sessions above at one clock time of the zone. */
function engineFor(timezone: string, start = '17:30', end = '19:00') {
  return engineOf(programYaml(sessions(start, end), { id: 'kueste', title: 'Küsten im Austausch', timezone }));
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
    expect(clockQuestion('Wann ist der nächste Termin nach der Zeitumstellung?')).toBeUndefined();
    expect(clockQuestion('Wann ist die nächste Zeitumstellung?')).toBe('clocks');
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
    expect(en.answer).toContain('At the next session, German time is 8 hours behind Asia/Tokyo, otherwise mostly 7 hours.');
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

  it('leave questions about other spans of time, a session moved and the summer months to the material', async () => {
    const engine = await engineFor('Asia/Tokyo');
    for (const q of ['Warum ist die Aufzeichnung erst 24 Stunden später verfügbar?', 'Warum ist der Termin im April eine Stunde später als geplant?', 'Gibt es in der Sommerzeit eine Pause?', 'Warum ist die Zeit für die Anmeldung so knapp?']) {
      expect(engine.ask(q).answer).not.toContain('Asia/Tokyo');
    }
    expect(clockQuestion('How many hours ahead do I get the Teams link?')).toBeUndefined();
    // Sessions at different clock times of their own: why the second is later is the material's to say.
    const movedEngine = await engineOf(programYaml([{ id: 'a', title: 'Auftakt', date: '2027-03-09', start: '17:30', end: '19:00' }, { id: 'b', title: 'Deiche', date: '2027-04-13', start: '18:30', end: '20:00' }], { id: 'kueste', timezone: 'Asia/Tokyo' }));
    expect(movedEngine.ask('Warum ist der Termin im April bei uns zwei Stunden später?').via).not.toBe('schedule');
  });

  it('understand the German word order of setting the clocks', async () => {
    const engine = await engineFor('America/Toronto', '10:00', '11:30');
    const canada = engine.ask('Wann stellt Kanada die Uhren um?');
    expect(canada.answered).toBe(true);
    expect(canada.answer).toContain('America/Toronto stellt am 14.03.2027 auf Sommerzeit um');
    expect(canada.answer).toContain('Beim nächsten Termin ist es in Deutschland 6 Stunden später als dort');
  });

  it('give a session as an example only for the change that sets its German time', async () => {
    // Sydney: Germany goes forward on 28 March, Sydney back on 4 April; the April session is 02:00 German time
    // only after both.
    const engine = await engineOf(programYaml([{ id: 'a', title: 'Auftakt', date: '2027-03-09', start: '10:00', end: '11:00' }, { id: 'b', title: 'Hitze', date: '2027-04-13', start: '10:00', end: '11:00' }], { id: 'hitze', timezone: 'Australia/Sydney' }));
    const answer = engine.ask('Warum ist der Termin im April bei uns zwei Stunden später?').answer;
    expect(answer).toContain('Deutschland stellt am 28.03.2027 auf Sommerzeit um; ab dann beginnen die Termine nach deutscher Zeit eine Stunde später.');
    expect(answer).toContain('Australia/Sydney stellt am 04.04.2027 zurück auf Normalzeit (Winterzeit); ab dann beginnen die Termine nach deutscher Zeit eine Stunde später (10:00 Uhr Ortszeit ist dann 02:00 Uhr deutscher Zeit).');
  });

  it('read only sessions that take place, and from now on', async () => {
    // The March session is cancelled: the others are all in German summer time, so nothing moves.
    const yaml = programYaml(sessions('17:30', '19:00'), { id: 'kueste', timezone: 'Asia/Tokyo' }).replace('    date: 2027-03-09\n', '    date: 2027-03-09\n    status: cancelled\n');
    const engine = await engineOf(yaml);
    expect(engine.ask('Warum ist der Termin im April bei uns eine Stunde später?').via).not.toBe('schedule');
    // A series over two winters, asked in the second: the change in force and the coming ones.
    const later = await engineOf(programYaml(['2027-03-09', '2027-11-09', '2028-05-09'].map((date, i) => ({ id: `t${i}`, title: `Termin ${i + 1}`, date, start: '17:30', end: '19:00' })), { id: 'lang', timezone: 'Asia/Tokyo' }), '2028-02-01T08:00:00Z');
    const answer = later.ask('Wann ist die nächste Zeitumstellung?').answer;
    expect(answer).toContain('Deutschland stellt am 31.10.2027 zurück auf Normalzeit');
    expect(answer).toContain('Deutschland stellt am 26.03.2028 auf Sommerzeit um');
    expect(answer).not.toContain('28.03.2027');
  });

  it('do not call a zone without summer time one that changes its clocks for other reasons', async () => {
    // Morocco sets its clocks back for Ramadan (2027: from 7 February to 14 March).
    const engine = await engineFor('Africa/Casablanca', '10:00', '11:30');
    const answer = engine.ask('Wann wird die Uhr umgestellt?').answer;
    expect(answer).toContain('Africa/Casablanca stellt am');
    expect(answer).not.toContain('stellt die Uhr nicht um');
  });

  it('name every change of a series rather than example times where not all fit', async () => {
    // New York and Germany change in different weeks in spring and autumn: four changes between March and
    // November; the one of 31 October explains the November session.
    const engine = await engineOf(programYaml(['2027-03-02', '2027-03-16', '2027-03-30', '2027-11-02'].map((date, i) => ({ id: `t${i}`, title: `Termin ${i + 1}`, date, start: '10:00', end: '11:30' })), { id: 'ny', timezone: 'America/New_York' }), '2027-02-20T08:00:00Z');
    const answer = engine.ask('Warum beginnt der Termin im November bei uns eine Stunde früher?').answer;
    expect(answer).toContain('Deutschland stellt am 31.10.2027 zurück auf Normalzeit');
    expect(answer).not.toContain('weitere Umstellung');
  });
});
