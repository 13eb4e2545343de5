// Schedule answers as participants read them: a program in another time zone also gives German time, and
// everyday ways of asking for the next, last or first session, a weekday or a month are understood, while a
// question for a reason goes to the material unless it asks why the German time moves (clock-changes.ts). An
// invented program in Asia/Tokyo (no daylight saving time, so the German time moves when Germany changes its
// clocks).
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-readers-');

const program = [
  'program:',
  '  id: kuesten-tokyo',
  '  title: "Küstenschutz im Austausch"',
  '  timezone: Asia/Tokyo',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt: Deiche und Dünen"',
  '    date: 2027-03-09',
  '    start: "17:30"',
  '    end: "19:00"',
  '  - id: sturmflut',
  '    title: "Sturmflutwarnung"',
  '    date: 2027-04-06',
  '    start: "17:30"',
  '    end: "19:00"',
  '  - id: frueh',
  '    title: "Frühes Treffen: Sandvorspülung"',
  '    date: 2027-05-11',
  '    start: "07:00"',
  '    end: "08:30"',
  '',
].join('\n');

const material = [
  '# Uhrzeiten',
  '',
  'Alle Zeiten sind Ortszeit Tokio. Weil Japan die Uhr nicht umstellt, beginnen die Termine ab April in Deutschland eine Stunde später.',
  '',
  '# Frühes Treffen',
  '',
  'Das Frühes Treffen: Sandvorspülung beginnt um Mitternacht deutscher Zeit.',
  '',
  '# Gäste',
  '',
  'Gäste aus Brasilien hören beim Auftakt zu.',
  '',
  '# Anreise',
  '',
  'Im Herbst reist eine Delegation nach Japan. Die Anreise nach Japan dauert etwa 14 Stunden.',
  '',
].join('\n');

async function engine() {
  return createFaqEngine({ contentDir: await contentDir({ 'program.yaml': program, 'material/info.md': material }) });
}
const at = (iso: string) => ({ now: new Date(iso) });

describe('schedule answers for participants in Germany', () => {
  it('give German time beside the program\'s own, across Germany\'s change of clocks and of the day', async () => {
    const e = await engine();
    expect(e.ask('Wann ist der Auftakt?', at('2027-03-01T00:00:00Z')).answer).toContain('17:30–19:00 Uhr (Ortszeit Asia/Tokyo; 09:30–11:00 Uhr deutscher Zeit)');
    expect(e.ask('Wann ist die Sturmflutwarnung?', at('2027-03-01T00:00:00Z')).answer).toContain('10:30–12:00 Uhr deutscher Zeit');
    // 07:00 in Tokyo is 00:00 of the same day in Germany in May; a day earlier it would name the day.
    expect(e.ask('When is the Sandvorspülung?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' }).answer).toContain('07:00–08:30 (Asia/Tokyo; 00:00–01:30 German time)');
    const times = e.ask('Um wie viel Uhr sind die Termine?', at('2027-03-01T00:00:00Z')).answer;
    expect(times).toContain('09:30–11:00 Uhr deutscher Zeit');
    expect(times).toContain('10:30–12:00 Uhr deutscher Zeit');
  });

  it('understand everyday ways of asking for the next, the last, the start and the weekday', async () => {
    const e = await engine();
    expect(e.ask('was ist als nächstes dran', at('2027-03-20T00:00:00Z')).answer).toContain('Sturmflutwarnung');
    expect(e.ask('und wann ist dann das allerletzte treffen', at('2027-03-20T00:00:00Z')).answer).toContain('11.05.2027');
    expect(e.ask('Um wieviel Uhr gehts los?', at('2027-03-01T00:00:00Z')).via).toBe('schedule');
    expect(e.ask('Is there still a session coming up?', { ...at('2027-04-20T00:00:00Z'), locale: 'en' }).answer).toContain('11 May 2027');
    expect(e.ask("what's the next session on the calendar", { ...at('2027-03-20T00:00:00Z'), locale: 'en' }).answer).toContain('6 April 2027');
    const weekday = e.ask('An welchem Wochentag trifft sich die Gruppe?', at('2027-03-01T00:00:00Z'));
    expect(weekday.via).toBe('schedule');
    expect(weekday.answer).toContain('Dienstag');
  });

  it('answer a question for German time from the schedule', async () => {
    const e = await engine();
    const end = e.ask('Wann ist der letzte Termin nach deutscher Zeit zu Ende?', at('2027-03-01T00:00:00Z'));
    expect(end.via).toBe('schedule');
    expect(end.answer).toContain('00:00–01:30 Uhr deutscher Zeit');
  });

  it('answer a question for the time in the program\'s city, or for "wie viel Uhr" with a format, from the schedule', async () => {
    const e = await engine();
    const tokyo = e.ask('What time does it start in Tokyo?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' });
    expect(tokyo.via).toBe('schedule');
    expect(tokyo.answer).toContain('17:30');
    expect(e.ask('Um wie viel Uhr beginnen die Termine in Tokio?', at('2027-03-01T00:00:00Z')).via).toBe('schedule');
    // "Bis wann ... nach Tokio-Zeit?" asks for an end in the program's clock.
    const end = e.ask('Bis wann geht die letzte Sitzung nach Tokio-Zeit?', at('2027-03-01T00:00:00Z'));
    expect(end.via).toBe('schedule');
    expect(end.answer).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
    const online = e.ask('Um wie viel Uhr deutscher Zeit beginnen die Online-Termine?', at('2027-03-01T00:00:00Z'));
    expect(online.via).toBe('schedule');
    expect(online.answer).toContain('09:30–11:00 Uhr deutscher Zeit');
    // Another city is no word of the program: the question is not about its schedule.
    expect(e.ask('What time does it start in Osaka?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' }).via).not.toBe('schedule');
  });

  it('tell a named session\'s length from the schedule where the material\'s answer states none', async () => {
    const e = await engine();
    const length = e.ask('Wie lange dauert die Sturmflutwarnung?', at('2027-03-01T00:00:00Z'));
    expect(length.via).toBe('schedule');
    expect(length.answer).toContain('90 Minuten');
    // A word the session's title lacks asks the material, which says no length: declined, not the schedule's.
    expect(e.ask('Wie lange dauert das Treffen um Mitternacht?', at('2027-03-01T00:00:00Z')).answered).toBe(false);
  });

  it('read a word of the series\' title before the word for the sessions as the series ("die Küstenschutz-Termine")', async () => {
    const e = await engine();
    for (const q of ['An welchem Wochentag sind die Küstenschutz-Termine?', 'an welchem wochentag sind die küstenschutz termine']) {
      const a = e.ask(q, at('2027-03-01T00:00:00Z'));
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain('Dienstag');
    }
  });

  it('read a clock\'s abbreviation or name, the participants\' or the program\'s, as a question for the time', async () => {
    const e = await engine();
    const cet = e.ask('What time is the Sturmflutwarnung in CET?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' });
    expect(cet.via).toBe('schedule');
    expect(cet.answer).toContain('10:30–12:00 German time');
    expect(e.ask('Um wie viel Uhr ist der Auftakt nach MEZ?', at('2027-03-01T00:00:00Z')).answer).toContain('09:30–11:00 Uhr deutscher Zeit');
    const jst = e.ask('what time does the Sturmflutwarnung start JST', { ...at('2027-03-01T00:00:00Z'), locale: 'en' });
    expect(jst.via).toBe('schedule');
    expect(jst.answer).toContain('17:30');
    expect(e.ask('When does the Auftakt start in Japan Standard Time?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' }).via).toBe('schedule');
    // "Wie spät ist es …?" asks for the time.
    const late = e.ask('Wie spät ist es in Deutschland, wenn die Sturmflutwarnung beginnt?', at('2027-03-01T00:00:00Z'));
    expect(late.via).toBe('schedule');
    expect(late.answer).toContain('10:30');
    // The country a clock is named after ("Japan Standard Time").
    const japan = e.ask('Um wie viel Uhr beginnt die Sturmflutwarnung in Japan?', at('2027-03-01T00:00:00Z'));
    expect(japan.via).toBe('schedule');
    expect(japan.answer).toContain('17:30');
    // The other side of the exchange, the country of the program's clock ("mit Japan"), names the series.
    const partner = e.ask('An welchem Wochentag trifft sich die Gruppe mit Japan?', at('2027-03-01T00:00:00Z'));
    expect(partner.via).toBe('schedule');
    expect(partner.answer).toContain('Dienstag');
    expect(e.ask('Wie viele Termine hat der Austausch mit Japan?', at('2027-03-01T00:00:00Z')).answer).toContain('3 Termine');
    // Another country, though the material names it, is no name of the exchange, and another zone's
    // abbreviation is no word of the program: both are declined.
    expect(e.ask('Wie viele Termine hat der Austausch mit Brasilien?', at('2027-03-01T00:00:00Z')).answered).toBe(false);
    // The clock's country asks for the clock only in a question for a clock time ("in Japan"), not for a length.
    expect(e.ask('Wie lange dauert die Anreise nach Japan?', at('2027-03-01T00:00:00Z')).answer).toContain('14 Stunden');
    // "Wie spät" asks a session's time only with a verb of beginning or ending or "ist es".
    expect(e.ask('Wie spät darf ich zur Sturmflutwarnung kommen?', at('2027-03-01T00:00:00Z')).answered).toBe(false);
    expect(e.ask('Wie spät endet die Sturmflutwarnung?', at('2027-03-01T00:00:00Z')).answer).toContain('06.04.2027');
    expect(e.ask('What time does it start in PST?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' }).answered).toBe(false);
  });

  it('tell one length for sessions that all last as long, with their time where it is the same', async () => {
    const e = await engine();
    expect(e.ask('Wie lange dauert ein Termin?', at('2027-03-01T00:00:00Z')).answer).toBe('Ein Termin dauert 90 Minuten.');
  });

  it('keep the zone\'s city a topic where the clock is Germany\'s or no time is asked', async () => {
    const vienna = [
      'program:',
      '  id: wege-wien',
      '  title: "Wege im Quartier"',
      '  timezone: Europe/Vienna',
      'sessions:',
      '  - id: auftakt',
      '    title: "Auftakt online"',
      '    date: 2027-03-09',
      '    start: "10:00"',
      '    end: "11:30"',
      '  - id: wien',
      '    title: "Rundgang in Wien"',
      '    date: 2027-04-15',
      '    start: "09:00"',
      '    end: "13:00"',
      '',
    ].join('\n');
    const e = await createFaqEngine({ contentDir: await contentDir({ 'program.yaml': vienna, 'material/info.md': '# Rundgang\n\nDer Rundgang in Wien beginnt am Rathaus.\n' }) });
    expect(e.ask('Wann ist das Treffen in Wien?', at('2027-03-01T00:00:00Z')).answer).toContain('15.04.2027');
    expect(e.ask('Um wie viel Uhr ist der Termin in Wien?', at('2027-03-01T00:00:00Z')).answer).toContain('09:00');
    // In a Tokyo program the city names the clock only with a question for a time.
    expect((await engine()).ask('Wann ist das Treffen in Tokio?', at('2027-03-01T00:00:00Z')).via).not.toBe('schedule');
  });

  it('take the closing and the opening session for the last and the first when no title says it', async () => {
    const e = await engine();
    const closing = e.ask('what time is the closing session in tokyo', { ...at('2027-03-01T00:00:00Z'), locale: 'en' });
    expect(closing.via).toBe('schedule');
    expect(closing.answer).toContain('11 May 2027');
    expect(e.ask('Bis wann geht der Abschlusstermin nach deutscher Zeit?', at('2027-03-01T00:00:00Z')).answer).toContain('00:00–01:30 Uhr deutscher Zeit');
    expect(e.ask('When is the opening session?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' }).answer).toContain('9 March 2027');
    // What the closing session is about, or who speaks there, is for the material.
    expect(e.ask('Wer spricht beim Abschlusstermin über Sandvorspülung?', at('2027-03-01T00:00:00Z')).via).not.toBe('schedule');
  });

  it('never answer with a session of another month than the one named, whatever topic word points to it', async () => {
    const e = await engine();
    expect(e.ask('Um wie viel Uhr nach deutscher Zeit ist der Termin im April?', at('2027-03-01T00:00:00Z')).answer).not.toContain('11.05.2027');
    expect(e.ask('Wann ist das Frühe Treffen?', at('2027-03-01T00:00:00Z')).answer).toContain('11.05.2027');
  });

  it('answer why the German time moves from the zone rules, and leave other questions for a reason to the material', async () => {
    const e = await engine();
    // Round 20: the clocks answer this (clock-changes.ts); the material's sentence says the same.
    const why = e.ask('Warum ist der Beginn ab April eine Stunde später?', at('2027-03-01T00:00:00Z'));
    expect(why.via).toBe('schedule');
    expect(why.answer).toContain('Deutschland stellt am 28.03.2027 auf Sommerzeit um');
    const early = e.ask('Warum beginnt das frühe Treffen um Mitternacht deutscher Zeit?', at('2027-03-01T00:00:00Z'));
    expect(early.via).not.toBe('schedule');
  });
});

describe('names of places and clocks that are a session\'s topic', () => {
  const sessions = [
    { id: 's1', title: 'Auftakt: Wasserverluste in Netzen', date: '2027-03-09', start: '14:30', end: '16:00' },
    { id: 's2', title: 'Fallstudie Indien: Regenwasser in Pune', date: '2027-04-13', start: '14:30', end: '16:00' },
    { id: 's3', title: 'Fallstudie Hamburg: Grauwasser', date: '2027-05-11', start: '14:30', end: '16:00' },
    { id: 's4', title: 'Hamburg II: Starkregen', date: '2027-06-08', start: '14:30', end: '16:00' },
  ];
  async function exchange() {
    const program = programYaml(sessions, { id: 'wasser-indien', title: 'Wasserbetriebe aus Indien und Hamburg', timezone: 'Asia/Kolkata' });
    const material = ['# Über den Austausch', '', 'Wasserbetriebe aus Indien und aus Hamburg tauschen sich in drei Terminen aus.', ''].join('\n');
    return createFaqEngine({ contentDir: await contentDir({ 'program.yaml': program, 'material/info.md': material }) });
  }

  it('take a country that a session\'s title has for that session, not for the clock or the other side of the exchange', async () => {
    const e = await exchange();
    for (const q of ['Wann beginnt die Fallstudie Indien?', 'Wann trifft sich die Gruppe mit Indien?']) {
      const a = e.ask(q, at('2027-03-01T00:00:00Z'));
      expect(a.via, q).toBe('schedule');
      expect(a.answer, q).toContain('13.04.2027');
    }
  });

  it('take a word before the word for the sessions that session titles have for those sessions, never for the series', async () => {
    const e = await exchange();
    // Two of the four sessions are about Hamburg: not the series' list.
    const a = e.ask('When are the Hamburg sessions?', { ...at('2027-03-01T00:00:00Z'), locale: 'en' });
    expect(a.answer).not.toContain('9 March 2027');
    // A word nobody knows before "series" is a topic the material lacks, not a name of the series.
    expect(e.ask('Wann beginnt die Podcast Reihe?', at('2027-03-01T00:00:00Z')).answered).toBe(false);
  });
});
