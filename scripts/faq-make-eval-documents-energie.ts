// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/energieberatung-be-so/material/01-auftakt-folien.pptx  kick-off slides (11 slides, terse
//     bullets, one table slide as "a | b | c" lines, one slide with only a title and an image placeholder text);
//     state of December 2026, so session 3 is still online there
//   tests/faq/programs/elending-libraries-za-en/material/01-call-for-participants.docx  call for participants with
//     headings and a session table as "a | b | c" lines (South Africa time)
//   npx tsx scripts/faq-make-eval-documents-energie.ts
// Deterministic: makePptx and makeDocx of scripts/faq-make-documents.ts gives byte-identical files on two runs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePptx } from './faq-make-documents.js';

const slides: { title: string; lines: string[] }[] = [
  { title: 'Kommunale Energieberatung für Hauseigentümerinnen und Hauseigentümer', lines: [
    'Peer-Learning-Reihe 2027',
    'Netzwerk Energieberatung Gemeinden Bern–Solothurn',
    'Stand: 14.12.2026',
  ] },
  { title: 'Worum geht es?', lines: [
    'Gemeinden als erste Anlaufstelle für Hausbesitzende',
    'Erstberatung vor Ort: kurz, neutral, kostenlos für die Eigentümerschaft',
    'Austausch unter Gemeinden, keine Schulung zur Energieberaterin',
  ] },
  { title: 'Für wen?', lines: [
    'Mitarbeitende der Bauverwaltung und der Gemeindekanzlei',
    'Mitglieder von Energiekommissionen (auch ehrenamtlich)',
    'Keine Vorkenntnisse nötig',
    '40 Plätze, höchstens 3 Personen pro Gemeinde',
  ] },
  { title: 'Termine', lines: [
    'Di 09.02.2027, 17:00–18:30 – Auftakt (online)',
    'Do 04.03.2027, 18:30–20:00 – Gebäudehülle (online)',
    'Sa 20.03.2027, 09:00–12:00 – Heizungsersatz (online)',
    'Mi 21.04.2027, 12:15–13:15 – Mittagsformat Förderprogramme (online)',
    'Di 18.05.2027, 17:00–19:00 – Abschluss (online)',
  ] },
  { title: 'Zwei Gemeinden, zwei Modelle', lines: [
    'Kennzahl 2025 | Lindenegg (BE) | Rüttigen (SO)',
    'Einwohnende | 4’850 | 2’930',
    'Erstberatungen | 112 | 64',
    'davon mit Heizungsersatz danach | 38 | 21',
    'Beratungsgutschein pro Haushalt | CHF 300 | CHF 250',
    'Budget Energieberatung pro Jahr | CHF 42’000 | CHF 18’500',
    'Beratung seit | 2019 | 2023',
  ] },
  { title: 'Foto: Erstberatung im Heizungskeller', lines: [
    '[Bildplatzhalter]',
  ] },
  { title: 'Kosten', lines: [
    'Netzwerkgemeinden: kostenlos',
    'Andere Gemeinden: CHF 180 pro Person für die ganze Reihe',
    'Rechnung nach dem Auftakt, zahlbar innert 30 Tagen',
    'Reisekosten zum Termin vor Ort: trägt jede Gemeinde selbst',
  ] },
  { title: 'Aufzeichnung', lines: [
    'Inputs werden aufgezeichnet',
    'Diskussionen und Gruppenarbeiten nicht',
    'Aufzeichnungen 30 Tage im Teams-Kanal',
  ] },
  { title: 'Teilnahmebestätigung', lines: [
    'ab 4 der 5 Termine live',
    'Aufzeichnung ansehen zählt nicht',
    'per E-Mail als PDF nach dem Abschluss',
  ] },
  { title: 'Technik und Sprache', lines: [
    'Microsoft Teams, im Browser ohne Installation',
    'Sprache: Deutsch (Schweizerdeutsch in den Gruppen)',
    'Keine Verdolmetschung ins Französische',
  ] },
  { title: 'Anmeldung und Kontakt', lines: [
    'Anmeldeschluss: 22.01.2027',
    'anmeldung@energieberatung-beso.example.org (Marco Zimmerli)',
    'Programmleitung: Regula Brunner-Käser, r.brunner@energieberatung-beso.example.org',
  ] },
];

const call: string[] = [
  '# Call for participants: Digital library services and e-lending',
  'A South African–German exchange of metropolitan library services and Stadtbibliotheken, 2027. uMthombo Metropolitan Library Services (South Africa) and Stadtbibliothek Wendelstadt (Germany).',
  '## What is it about?',
  'Public libraries in both countries lend e-books, e-audiobooks and e-magazines, but under very different conditions: expensive mobile data in South Africa, licence rules of publishers in Germany. In four online sessions, library staff compare how they choose platforms, buy licences, reach new users and help people who are not yet online.',
  '## Who can take part?',
  'Staff of municipal and metropolitan libraries in South Africa and of Stadtbibliotheken and Gemeindebibliotheken in Germany who work on digital services, e-media acquisition or user support. Working knowledge of English is required; no technical background is needed.',
  '## Sessions (all times South Africa Standard Time, SAST)',
  'Session | Date | Time (SAST) | Topic',
  '1 | Tuesday 16 February 2027 | 14:00–15:30 | Kick-off: e-lending in two countries',
  '2 | Tuesday 13 April 2027 | 14:00–15:30 | Case uMthombo Metro: e-books on the phone, data-free',
  '3 | Thursday 17 June 2027 | 14:00–15:30 | Case Wendelstadt: the Onleihe, licences and digital help desks',
  '4 | Tuesday 9 November 2027 | 14:00–16:00 | Closing: digital inclusion and what we take home',
  'Each session lasts 90 minutes; the closing session lasts two hours. South Africa does not change its clocks; for the times in Germany see the practical information.',
  '## Places',
  '40 places in total, 20 for South Africa and 20 for Germany. At most three persons per library service.',
  '## Costs',
  'Participation is free of charge for public and municipal libraries. Library suppliers and platform vendors may attend as guests for ZAR 1,500 or EUR 75 per person for the whole series.',
  '## Recording and certificate',
  'The inputs are recorded and shared with registered participants for 45 days; the discussions in breakout rooms are not recorded. A certificate of participation is issued to everyone who attended at least 3 of the 4 sessions live.',
  '## Registration',
  'Please register by 29 January 2027.',
  'South Africa: Nomvula Dlamini, elending-exchange@umthombo-libraries.example.org',
  'Germany: Dr. Jana Hollweg, digitalaustausch@stadtbibliothek-wendelstadt.example.org',
  'Please give your name, library, position and whether you need the isiZulu summary of the slides.',
  '## Speakers',
  'Session 2: Sipho Mahlangu, Digital Services Manager, uMthombo Metropolitan Library Services',
  'Session 3: Katrin Berghoff, Leiterin Digitale Dienste, Stadtbibliothek Wendelstadt',
  'Moderation: Nomvula Dlamini and Dr. Jana Hollweg',
];

async function main(): Promise<void> {
  const dir = path.resolve('tests/faq/programs/energieberatung-be-so/material');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, '01-auftakt-folien.pptx'), await makePptx(slides));
  const dirB = path.resolve('tests/faq/programs/elending-libraries-za-en/material');
  await fs.mkdir(dirB, { recursive: true });
  await fs.writeFile(path.join(dirB, '01-call-for-participants.docx'), await makeDocx(call));
  process.stdout.write(`documents written to ${dir} and ${dirB}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
