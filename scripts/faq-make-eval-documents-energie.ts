// Writes the office documents of the FAQ evaluation program energieberatung-be-so, built from plain text so that no
// binary of unknown origin sits in the repository:
//   tests/faq/programs/energieberatung-be-so/material/01-auftakt-folien.pptx  kick-off slides (11 slides, terse
//     bullets, one table slide as "a | b | c" lines, one slide with only a title and an image placeholder text);
//     state of December 2026, so session 3 is still online there
//   npx tsx scripts/faq-make-eval-documents-energie.ts
// Deterministic: makePptx of scripts/faq-make-documents.ts gives byte-identical files on two runs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makePptx } from './faq-make-documents.js';

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

async function main(): Promise<void> {
  const dir = path.resolve('tests/faq/programs/energieberatung-be-so/material');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, '01-auftakt-folien.pptx'), await makePptx(slides));
  process.stdout.write(`documents written to ${dir}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
