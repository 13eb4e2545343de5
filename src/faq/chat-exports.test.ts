// A chat export as material: a question is asked in one message and answered messages later. Each question opens
// a thread that the replies join, so the reply is found by the question's words. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { chatThreads } from './material.js';

const contentDir = temporaryContent('faq-chat-');

const program = [
  'program:',
  '  id: bauhoefe',
  '  title: "Bauhöfe im Wandel"',
  '  timezone: Europe/Berlin',
  '  language: de',
  'sessions:',
  '  - id: auftakt',
  '    title: "Auftakt"',
  '    date: 2027-03-02',
  '    start: "15:00"',
  '    end: "16:30"',
  '',
].join('\n');

const chat = [
  'Chat-Verlauf Auftakt (Microsoft Teams), 02.03.2027',
  '',
  '[15:01] Mara Voss: Willkommen! Fragen gern hier rein.',
  '[15:02] Lutz Brand: Hallo aus Kernhagen',
  '[15:10] Lutz Brand: Bis wann brauchen wir die Liste der Fahrzeuge? In der Einladung stand 10.03.',
  '[15:11] Ines Falk: bei uns dauert das länger, das muss über den Fachbereich',
  '[15:13] Mara Voss: @Lutz Brand wir verschieben, es reicht bis 24.03.2027',
  '[15:20] Ines Falk: Sind die 14 Fahrzeuge in Kernhagen mit Winterdienst gezählt?',
  '[15:21] Lutz Brand: ja, Streufahrzeuge sind dabei',
  '[16:28] Mara Voss: Danke euch, bis zum nächsten Mal!',
  '',
].join('\n');

describe('a chat export', () => {
  it('joins the replies to the message that asks, until the next question or a pause of more than ten minutes', () => {
    const lines = chatThreads(chat).split('\n');
    expect(lines[0]).toBe('Chat-Verlauf Auftakt (Microsoft Teams), 02.03.2027');
    expect(lines).toContain('[15:01] Mara Voss: Willkommen! Fragen gern hier rein. [15:02] Lutz Brand: Hallo aus Kernhagen');
    expect(lines.find((l) => l.startsWith('[15:10]'))).toContain('[15:13] Mara Voss: @Lutz Brand wir verschieben');
    expect(lines.find((l) => l.startsWith('[15:20]'))).toContain('Streufahrzeuge sind dabei');
    // An hour later, a message no longer answers the question above.
    expect(lines).toContain('[16:28] Mara Voss: Danke euch, bis zum nächsten Mal!');
    // Text that is no chat stays as it is.
    const minutes = 'Protokoll\n\n16:02 CW: Begrüßung.\nZiel: Fälle abstimmen.\nDie Runde ist sich einig.\nNächster Termin folgt.';
    expect(chatThreads(minutes)).toBe(minutes);
    // Nor is a running order or a list of dates, where no one writes twice and no one asks.
    const order = 'Ablauf\n\n09:00 Begrüßung: Mara Voss begrüßt alle.\n09:10 Impuls: Fahrzeuge teilen.\n09:40 Gruppenarbeit: Listen abgleichen.\n10:45 Pause\n11:00 Fragerunde: Was bleibt offen?';
    expect(chatThreads(order)).toBe(order);
    // An agenda whose labels repeat and one of whose items asks is no chat either: its labels are no people.
    const agenda = '09:00 Begrüßung: Mara Voss\n09:05 Vortrag: Wie teilen wir Fahrzeuge?\n09:10 Übung: Listen abgleichen\n09:40 Vortrag: Winterdienst\n09:45 Übung: Touren planen';
    expect(chatThreads(agenda)).toBe(agenda);
    const dates = '20.01.2027 14:00 Auftakt: Vorstellung.\n17.02.2027 14:00 Fahrzeuge: Liste.\n10.03.2027 14:00 Fahrzeuge: Ersatztermin.\n14.04.2027 14:00 Abschluss: Rückblick.';
    expect(chatThreads(dates)).toBe(dates);
    // A reply on another day, or a link with a "?", is no part of the thread above; a link opens none.
    const dated = [
      '[02.03.2027 15:10] Lutz Brand: Wann kommt die Liste?',
      '[02.03.2027 15:12] Mara Voss: morgen',
      '[03.03.2027 15:13] Mara Voss: Liste: https://example.org/liste?id=4',
      '[03.03.2027 15:14] Lutz Brand: danke',
    ].join('\n');
    expect(chatThreads(dated).split('\n')).toEqual([
      '[02.03.2027 15:10] Lutz Brand: Wann kommt die Liste? [02.03.2027 15:12] Mara Voss: morgen',
      '[03.03.2027 15:13] Mara Voss: Liste: https://example.org/liste?id=4 [03.03.2027 15:14] Lutz Brand: danke',
    ]);
  });

  it('answers from the reply that comes messages after the question', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/chat.txt': chat });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-05T08:00:00Z')) });
    const deadline = e.ask('Bis wann brauchen wir die Fahrzeugliste?');
    expect(deadline.answered).toBe(true);
    expect(deadline.answer).toContain('24.03.2027');
    const counted = e.ask('Sind bei den 14 Fahrzeugen in Kernhagen die Streufahrzeuge dabei?');
    expect(counted.answered).toBe(true);
    expect(counted.answer).toContain('Streufahrzeuge sind dabei');
  });
});
