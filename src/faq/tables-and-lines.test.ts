// Round 17: a line of a contact list or a table row is its own statement where lines run on without a full stop.
// A telephone number belongs to the line that names its person; a year the question gives must stand in the row
// of the thing counted, unless a table's first row or the heading gives the year for all of it. Invented
// program; each answer is checked against a decline nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { questionTypes } from './question-types.js';

const contentDir = temporaryContent('faq-tables-');

const program = [
  'program:',
  '  id: wochenmaerkte',
  '  title: "Wochenmärkte beleben"',
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

// Practical information as plain text: lines that run on without a full stop.
const contacts = [
  'KONTAKT',
  '',
  'Rostal: Mira Hansen, hansen@rostal.example.org, Tel. 04321 555 180',
  'Kesselbach: Dr. Jonas Brandt, brandt@kesselbach.example.org',
  '',
].join('\n');

// A fact sheet of "key: value" lines as plain text.
const sheet = ['TALHAUSEN', '', 'Gegründet: 1998', 'Markttage pro Woche: 2', 'Marktstände: 24', ''].join('\n');

const material = [
  '# Zahlen aus Rostal',
  '',
  '| Kennzahl | Rostal |',
  '| --- | --- |',
  '| Einwohnerinnen und Einwohner (31.12.2026) | 41.300 |',
  '| Marktstände 2022 | 38 |',
  '| Marktstände 2026 | 52 |',
  '',
  '# Kesselbach in Zahlen',
  '',
  '| Kennzahl 2025 | Kesselbach |',
  '| --- | --- |',
  '| Markttage pro Woche | 3 |',
  '| Besucherinnen und Besucher pro Markttag | 1.900 |',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material, 'material/kontakt.txt': contacts, 'material/talhausen.txt': sheet });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-10T08:00:00Z')) });
}

describe('a contact list of lines', () => {
  it('gives a telephone number only for the person on its line', async () => {
    expect(questionTypes('Unter welcher Nummer erreiche ich Frau Hansen?', GENERAL_LEXICON).has('phone')).toBe(true);
    const e = await engine();
    const hansen = e.ask('Welche Telefonnummer hat Frau Hansen?');
    expect(hansen.answered).toBe(true);
    expect(hansen.answer).toContain('04321 555 180');
    expect(e.ask('Welche Telefonnummer hat Herr Brandt?').answered).toBe(false);
  });
});

describe('a year in a table', () => {
  it('must stand in the row of the thing counted', async () => {
    const e = await engine();
    const stands = e.ask('Wie viele Marktstände hatte Rostal 2022?');
    expect(stands.answered).toBe(true);
    expect(stands.answer).toContain('38');
    expect(e.ask('Wie viele Einwohner hatte Rostal 2022?').answered).toBe(false);
    // An adjective before the thing counted does not hide it.
    expect(e.ask('Wie viele neue Marktstände hatte Rostal 2019?').answered).toBe(false);
  });

  it('holds for every row when the first row gives it', async () => {
    const e = await engine();
    const days = e.ask('Wie viele Besucher pro Markttag hatte Kesselbach 2025?');
    expect(days.answered).toBe(true);
    expect(days.answer).toContain('1.900');
    expect(e.ask('Wie viele Besucher pro Markttag hatte Kesselbach 2021?').answered).toBe(false);
    // A row's own year is no table head ("Gegründet: 1998").
    expect(e.ask('Wie viele Marktstände hatte Talhausen 1998?').answered).toBe(false);
  });
});
