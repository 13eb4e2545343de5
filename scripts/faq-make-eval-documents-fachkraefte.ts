// Writes the agenda (PDF) of the FAQ evaluation program "fachkraefte-verwaltung"
// (tests/faq/programs/fachkraefte-verwaltung/material/03-agenda.pdf). Coordinators hand over agendas as PDF, so
// the evaluation needs one; it is built here from plain text, so no binary of unknown origin sits in the repository.
//   npx tsx scripts/faq-make-eval-documents-fachkraefte.ts [materialDir]
// Deterministic: makePdf of scripts/faq-make-documents.ts derives the PDF id from the text, so two runs give
// byte-identical files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makePdf, wrap } from './faq-make-documents.js';

const agenda = latin1Only([
  wrap([
    'Agenda Peer-Learning "Köpfe für die Verwaltung: Personal gewinnen, ausbilden, einarbeiten"',
    'Kommunales Bildungswerk Leine-Weser e. V. - Stand: 03.02.2027 - alle Termine online über Webex',
    'Moderation aller Termine: Dr. Miriam Osterkamp',
    '',
    'Termin 1 - Montag, 01.03.2027, 14:30 bis 16:00 Uhr',
    'Auftakt: Wo fehlen uns die Leute?',
    '14:30 Begrüßung und Vorstellungsrunde',
    '14:50 Ergebnisse der Vorab-Umfrage: In den 23 angemeldeten Kommunen waren im Januar 2027 zusammen 214 '
      + 'Stellen unbesetzt, davon 61 in der IT und 38 in Bauverwaltung und Technik. Bis 2032 gehen 27 % der '
      + 'Beschäftigten in den Ruhestand.',
    '15:30 Austausch in Kleingruppen: Welche Stellen sind bei uns am schwersten zu besetzen?',
    '15:55 Ausblick auf die Reihe',
    '',
    'Termin 2 - Montag, 15.03.2027, 14:30 bis 16:00 Uhr',
    'Personalmarketing: Stellenanzeigen und Karriereseite, die gelesen werden',
    'Impuls: Jana Wittkopp, Personalmarketing, Landkreis Auenheide. Der Landkreis hat 2025 seine '
      + 'Stellenanzeigen von im Schnitt zwei Seiten auf eine gekürzt, nennt das Gehalt als Eurobetrag statt nur '
      + 'die Entgeltgruppe und hat eine eigene Karriereseite gestartet. Ergebnis: im Schnitt 11,4 Bewerbungen pro '
      + 'ausgeschriebener Stelle statt 4,2 im Jahr 2024. 58 % der Bewerbungen kommen inzwischen über das Smartphone.',
    'Danach Diskussion: Was können kleine Kommunen ohne eigene Marketingstelle übernehmen?',
    '',
    'Termin 3 - Mittwoch, 31.03.2027, 14:30 bis 16:00 Uhr (Ersatz für Ostermontag, 29.03.2027)',
    'Ausbildung und duales Studium: Nachwuchs früh binden',
    'Impuls: Heiko Brandes, Ausbildungsleiter, Stadt Hohenwiesel. Die Stadt bildet in 7 Berufen aus, u. a. '
      + 'Verwaltungsfachangestellte, Fachinformatik und Straßenwärter, und bietet ein duales Studium Allgemeine '
      + 'Verwaltung an. Seit der Kooperation mit 5 Schulen und einem Praktikumstag je Schuljahr stieg die Zahl '
      + 'der neuen Auszubildenden und dual Studierenden von 14 (2023) auf 23 (2026). Übernommen wurden 21 von 23 '
      + 'Absolventinnen und Absolventen der letzten zwei Jahrgänge (91 %).',
    'Danach Diskussion: Ein Ausbildungsverbund für kleine Gemeinden?',
  ], 86),
  wrap([
    'Termin 4 - Montag, 12.04.2027, 14:30 bis 17:00 Uhr (150 Minuten)',
    'Werkstatt: Schneller zur Zusage',
    '14:30 Impuls: Sevgi Arslan, Leiterin Personal, Samtgemeinde Brökenhagen. Die Samtgemeinde brauchte 2024 im '
      + 'Schnitt 68 Tage vom Ende der Bewerbungsfrist bis zur Zusage. Mit Gesprächsterminen, die schon in der '
      + 'Anzeige stehen, einem einzigen Auswahltag statt zwei Gesprächsrunden und einer Zusage innerhalb von 48 '
      + 'Stunden nach dem Gespräch sind es heute 23 Tage. Bewerbende, die vor der Zusage anderswo unterschrieben '
      + 'haben: früher 9 im Jahr, heute 2.',
    '15:15 Pause (15 Minuten)',
    '15:30 Kleingruppen: den eigenen Ablauf umbauen (bitte Skizze des eigenen Auswahlverfahrens mitbringen)',
    '16:30 Vorstellung im Plenum',
    '17:00 Ende',
    '',
    'Termin 5 - Montag, 26.04.2027, 14:30 bis 16:00 Uhr',
    'Onboarding: Die ersten 100 Tage',
    'Impuls: Dr. Miriam Osterkamp mit Beispielen aus dem Netzwerk. Bausteine: Willkommensmail vor dem ersten '
      + 'Arbeitstag, Willkommenstag für alle neuen Beschäftigten einmal im Quartal, eine Patin oder ein Pate aus '
      + 'einem anderen Team, Feedbackgespräche nach 30 und nach 90 Tagen. In der Stadt Hohenwiesel sank die Zahl '
      + 'der Kündigungen in der Probezeit nach Einführung der Patenschaften von 11 (2023) auf 3 (2025).',
    '15:30 Rückblick auf die Reihe und Feedback',
    '',
    'Änderungen vorbehalten. Fragen zur Agenda: m.osterkamp@kbw-leineweser.example.org',
  ], 86),
]);

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/fachkraefte-verwaltung/material');
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, '03-agenda.pdf'), makePdf(agenda));
  process.stdout.write(`agenda written to ${out}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
