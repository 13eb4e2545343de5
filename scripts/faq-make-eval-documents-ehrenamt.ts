// Writes the Ausschreibung (PDF, two pages) of the FAQ evaluation program "ehrenamt-landkreise"
// (tests/faq/programs/ehrenamt-landkreise/material/01-ausschreibung.pdf), built from plain text so that no binary of
// unknown origin sits in the repository. It was "printed" before session 3 moved and still lists it on 18.03.2027.
//   npx tsx scripts/faq-make-eval-documents-ehrenamt.ts [materialDir]
// Deterministic: makePdf of scripts/faq-make-documents.ts derives the PDF id from the text, so two runs give
// byte-identical files. latin1Only checks that the text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makePdf, wrap } from './faq-make-documents.js';

const ausschreibung = latin1Only([
  wrap([
    'Ausschreibung Peer-Learning',
    '"Ehrenamt stärken: Vereinsförderung, Freiwilligenagenturen und Engagementstrategien in Landkreisen"',
    'Landkreisnetzwerk Engagement Nord - Niedersachsen und Schleswig-Holstein - Stand: 23.11.2026',
    '',
    '1. Worum geht es?',
    'Vereine finden keine Vorstände mehr, Feuerwehren und Sportvereine suchen Nachwuchs, und viele Menschen wollen '
      + 'sich lieber für ein Projekt als für ein Amt auf Jahre binden. Die Reihe bringt Ehrenamtskoordinatorinnen '
      + 'und -koordinatoren, Sozialplanung und Kreisentwicklung der Landkreise zusammen, um voneinander zu lernen.',
    '',
    '2. Zielgruppe',
    'Beschäftigte der Landkreise und kreisangehörigen Gemeinden in Niedersachsen und Schleswig-Holstein, die '
      + 'Ehrenamt fördern oder koordinieren. Vorkenntnisse sind nicht nötig.',
    '',
    '3. Termine (jeweils Donnerstag, 10:00 bis 11:30 Uhr, online über Webex)',
    'Termin 1 - 14.01.2027 - Auftakt: Wie steht es um das Ehrenamt in unseren Landkreisen?',
    'Termin 2 - 11.02.2027 - Vereinsförderung: Kleinbeträge schnell und unbürokratisch',
    'Termin 3 - 18.03.2027 - Freiwilligenagenturen: Vermitteln, beraten, vernetzen',
    'Termin 4 - 22.04.2027 - Engagementstrategie: Vom Kreistagsbeschluss zum Handlungsplan',
    'Termin 5 - 17.06.2027 - Abschluss: Ehrenamtskarte, Anerkennung und was wir mitnehmen',
    'Insgesamt 5 Termine zu je 90 Minuten. Im Mai findet wegen der Feiertage kein Termin statt.',
  ], 90),
  wrap([
    '4. Teilnahmebeitrag',
    'Für Mitgliedskreise des Landkreisnetzwerks Engagement Nord ist die Teilnahme kostenfrei. Andere Landkreise '
      + 'zahlen 140 Euro pro Person für die gesamte Reihe, kreisangehörige Gemeinden 70 Euro pro Person. Die '
      + 'Rechnung kommt nach dem Auftakt.',
    '',
    '5. Plätze und Anmeldung',
    '36 Plätze, höchstens 3 Personen pro Landkreis. Anmeldung bis 18.12.2026 per E-Mail an '
      + 'anmeldung@engagement-nord.example.org (Ole Brodersen). Plätze werden in der Reihenfolge der Anmeldungen '
      + 'vergeben.',
    '',
    '6. Aufzeichnung',
    'Die Impulsvorträge werden aufgezeichnet und sind 6 Wochen lang im Teilnehmendenbereich abrufbar. Die '
      + 'Diskussionen in den Breakout-Räumen werden nicht aufgezeichnet.',
    '',
    '7. Teilnahmebescheinigung',
    'Eine Teilnahmebescheinigung erhält, wer an mindestens 4 der 5 Termine live teilgenommen hat. Das Ansehen '
      + 'einer Aufzeichnung zählt nicht als Teilnahme.',
    '',
    '8. Technik und Sprache',
    'Webex im Browser (Chrome, Edge oder Firefox), keine Installation nötig. Die Reihe findet auf Deutsch statt; '
      + 'Untertitel werden nicht angeboten.',
    '',
    '9. Kontakt',
    'Programmleitung und Moderation: Henrike Dallmann, h.dallmann@engagement-nord.example.org',
    'Anmeldung, Rechnungen und Technik: Ole Brodersen, anmeldung@engagement-nord.example.org',
    'Landkreisnetzwerk Engagement Nord, Geschäftsstelle Rotenfleth',
  ], 90),
]);

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/ehrenamt-landkreise/material');
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, '01-ausschreibung.pdf'), makePdf(ausschreibung));
  process.stdout.write(`Ausschreibung written to ${out}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
