// Round 5: schedule questions as participants write them (general syntax of dates, ordinals, the series' name).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseProgramText } from '../program/load.js';
import { createFaqEngineFromKnowledgeBase } from './engine.js';
import { ordinalNumbers } from './schedule-intents.js';

const program = parseProgramText(fs.readFileSync(path.resolve(import.meta.dirname, '../../tests/faq/fixtures/program.yaml'), 'utf8'));
const engine = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program });
const ask = (q: string, locale: 'de' | 'en' = 'de') => engine.ask(q, { locale, now: new Date('2025-09-01T08:00:00Z') });

describe('ordinals written with digits', () => {
  it('reads "der 4. Termin" and "session 3" as ordinals, never the day of a date', () => {
    expect(ordinalNumbers('wann ist der 4. termin')).toBe('wann ist der 4th termin');
    expect(ordinalNumbers('When is session 3?')).toBe('When is 3rd session?');
    expect(ordinalNumbers('Findet es am 2. März statt?')).toBe('Findet es am 2. März statt?');
  });

  it('answers a session asked for by its number', () => {
    expect(ask('wan ist der 4. termin').answer).toContain('16.12.2025');
    expect(ask('When is session 3?', 'en').answer).toContain('18 November 2025');
  });
});

describe('schedule questions beyond the cue words', () => {
  it('an unknown word at the verb place does not hide the cue ("When do we meet next?")', () => {
    expect(ask('When do we meet next?', 'en').answer).toContain('25 September 2025');
  });

  it('a weekday names the session held on it, in either language', () => {
    expect(ask('When is the Thursday session?', 'en').answer).toContain('25 September 2025');
    expect(ask('Wann ist der Donnerstagstermin?').answer).toContain('25.09.2025');
  });

  it('a date asked of a session is a question for its date', () => {
    expect(ask('Findet die Finalisierung am 18. November statt?').answer).toContain('18.11.2025');
  });

  it('the series named by its own name still has its count', () => {
    expect(ask('Wie viele Termine hat das Peer-Learning Smart Cities?').answer).toMatch(/\b5\b/);
  });

  it('a question for a time of the online sessions asks for times, not the format', () => {
    const a = ask('What time do the online sessions start?', 'en');
    expect(a.answer).toContain('10:00');
  });

  it('a question about something of the sessions is not a question for their list', () => {
    // "Hürden" is in a session's summary: it matches that session, but no cue asks for its date.
    expect(ask('Welche Hürden haben die Termine?').via).not.toBe('schedule');
  });

  it('"Mit welchem Programm ...?" asks for a tool, which the schedule does not know', () => {
    expect(ask('Mit welchem Programm finden die Online-Treffen statt?').via).not.toBe('schedule');
  });
});

describe('a format word in one session title', () => {
  const hybrid = parseProgramText(`program:
  id: test-hybrid
  title: Testreihe
  timezone: Europe/Berlin
  format: hybrid
  location: Rathaus, Saal 1
  contacts:
    - { name: Erika Muster, organization: Amt X, email: erika@example.org }
sessions:
  - { id: start, title: Auftakt, date: "2027-03-09", start: "09:00", end: "10:30" }
  - { id: besuch, title: "Vor-Ort-Workshop im Rathaus", date: "2027-05-20", start: "10:00", end: "15:00" }
  - { id: ende, title: Abschluss, date: "2027-06-15", start: "09:00", end: "10:30" }
`);
  const hybridEngine = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: hybrid });

  it('names that session ("Wann ist der Vor-Ort-Termin?")', () => {
    expect(hybridEngine.ask('wann ist der vorort termin', { now: new Date('2027-03-01T08:00:00Z') }).answer).toContain('20.05.2027');
  });
});
