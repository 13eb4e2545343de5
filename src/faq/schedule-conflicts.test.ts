import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseProgramText } from '../program/load.js';
import { importAnnouncement } from '../program/import-announcement.js';
import { programSchema } from '../program/model.js';
import { createFaqEngineFromKnowledgeBase } from './engine.js';

// An invented program in another zone whose third session carries the year of the session before it: the
// weekday written beside it ("Mittwoch") fits 17.03.2027, not 17.03.2026.
const contradictory = parseProgramText(`
program:
  id: wasser-dialog
  title: Wasser-Dialog
  timezone: Europe/Vienna
  language: de
  format: virtual
sessions:
  - { id: start, title: Auftakt, date: "2027-01-13", weekday: Mittwoch, start: "09:00", end: "10:30" }
  - { id: regen, title: Regenwasser, date: "2027-02-10", weekday: Mittwoch, start: "09:00", end: "10:30" }
  - { id: netze, title: Leitungsnetze, date: "2026-03-17", weekday: Mittwoch, start: "09:00", end: "10:30" }
  - { id: ende, title: Abschluss, date: "2027-04-14", weekday: Mittwoch, start: "09:00", end: "10:30" }
`);
const engineFor = (program = contradictory) => createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program });
const at = (now: string) => ({ now: new Date(now) });

describe('schedule answers when the dates contradict themselves', () => {
  it('never states the contested date as fact or puts the computed weekday in place of the written one', () => {
    const answer = engineFor().ask('Wann ist der Termin Leitungsnetze?', at('2027-01-01T08:00:00Z')).answer;
    expect(answer).toContain('Sie nennen Mittwoch, 17.03.2026, aber der 17.03.2026 ist ein Dienstag.');
    expect(answer).toContain('Vermutlich ist Mittwoch, 17.03.2027 gemeint.');
    expect(answer).toContain('09:00–10:30 Uhr');
    expect(answer).toContain('Orga-Team');
    expect(answer).not.toMatch(/findet am .*17\.03\.2026/);
    expect(answer).not.toContain('Dienstag, 17.03.2026');
  });

  it('gives both readings when the proposed date changes which session is next or last', () => {
    const next = engineFor().ask('Wann ist der nächste Termin?', at('2027-02-20T08:00:00Z')).answer;
    // As written the contested session lies in the past, so the next one would be the last.
    expect(next).toContain('Laut Unterlagen: Der nächste Termin ist „Abschluss“');
    expect(next).toContain('Falls der 17.03.2027 statt 17.03.2026 gemeint ist: Der nächste Termin ist „Leitungsnetze“ am Mittwoch, 17.03.2027');
    const last = engineFor().ask('When is the last session?', { ...at('2027-01-01T08:00:00Z'), locale: 'en' }).answer;
    expect(last).toContain('Note: the material contradicts itself about "Leitungsnetze".');
    expect(last).toContain('Please have the organising team confirm the session');
  });

  it('marks the contested session in lists and puts the note first, so a capped list keeps it', () => {
    const list = engineFor().ask('Welche Termine gibt es?', at('2027-01-01T08:00:00Z')).answer.split('\n');
    expect(list[0]).toBe('Achtung: In den Unterlagen widersprechen sich die Angaben zu „Leitungsnetze“.');
    expect(list.find((l) => l.startsWith('- Leitungsnetze'))).toContain('17.03.2026 (Datum widersprüchlich, siehe Hinweis)');
    expect(list.find((l) => l.includes('Regenwasser'))).toContain('Mittwoch, 10.02.2027');
  });

  it('answers an uncontested session plainly', () => {
    expect(engineFor().ask('Wann ist Regenwasser?', at('2027-01-01T08:00:00Z')).answer).toBe('„Regenwasser“ findet am Mittwoch, 10.02.2027, 09:00–10:30 Uhr statt (virtuell).');
  });

  it('leaves a program without lint errors unchanged', () => {
    const clean = parseProgramText(`
program: { id: klar, title: Klar, timezone: Europe/Berlin, language: de, format: virtual }
sessions:
  - { id: a, title: Eins, date: "2027-01-13", weekday: Mittwoch, start: "09:00", end: "10:30" }
  - { id: b, title: Zwei, date: "2027-02-10", weekday: Mittwoch, start: "09:00", end: "10:30" }
`);
    const answer = engineFor(clean).ask('Welche Termine gibt es?', at('2027-01-01T08:00:00Z')).answer;
    expect(answer).not.toContain('widersprech');
    expect(answer).toContain('Mittwoch, 13.01.2027');
  });

  it('reads a program derived from an announcement with its importer findings: no time is invented, two counts are named', () => {
    const text = [
      'Netzwerk Quartiersarbeit',
      'Geplant sind drei Termine.',
      'Di., 2. März 2027: Auftakt',
      'Di., 6. April 2027: Praxisbeispiele',
      'Di., 4. Mai 2027: Abschluss',
      'Alle vier Termine finden online statt, die Uhrzeit folgt.',
    ].join('\n');
    const { draft, findings } = importAnnouncement(text, { now: new Date('2027-01-01T00:00:00Z') });
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['time-missing', 'session-count-mismatch']));
    const engine = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: programSchema.parse(draft), programFindings: findings });
    const session = engine.ask('Wann sind die Praxisbeispiele?', at('2027-01-01T08:00:00Z')).answer;
    expect(session).toContain('Praxisbeispiele');
    expect(session).not.toContain('00:00');
    const count = engine.ask('Wie viele Termine gibt es?', at('2027-01-01T08:00:00Z')).answer;
    expect(count).toContain('unterschiedliche Terminzahlen');
    // No length from times nobody wrote: the times answer says they are unclear.
    const length = engine.ask('Wie lange dauert ein Termin?', at('2027-01-01T08:00:00Z')).answer;
    expect(length).not.toContain('dauert');
    expect(length).not.toContain('Minuten');
  });

  it('answers the seed announcement honestly: the written year, lint’s proposal, and a request to confirm', () => {
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../tests/program/announcements/seed.txt'), 'utf8');
    const { draft, findings } = importAnnouncement(seed, { now: new Date('2025-09-01T08:00:00Z') });
    const engine = createFaqEngineFromKnowledgeBase({ contentDir: '.', passages: [], curated: [], program: programSchema.parse(draft), programFindings: findings });
    const answer = engine.ask('Wann ist der Data Governance Wegweiser?', at('2025-09-01T08:00:00Z')).answer;
    expect(answer).toContain('16.12.2026');
    expect(answer).toContain('16.12.2025');
    expect(answer).not.toContain('Mittwoch, 16.12.2026');
  });
});
