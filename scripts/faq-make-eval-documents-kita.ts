// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/kita-platzvergabe-mitteldeutschland/material/01-ausschreibung.pdf  Ausschreibung (two pages,
//     formal, the dates in running sentences; it still names the cancelled date 17.02.2027)
//   tests/faq/programs/kita-platzvergabe-mitteldeutschland/material/03-auftakt-folien.pptx  kick-off slides (terse
//     bullets, one slide with a real table of the three pilot towns' figures)
//   tests/faq/programs/noise-action-singapore-en/material/01-call-for-participants.docx  call for participants
//     (headings, one Word table of the sessions with Singapore and German times)
//   npx tsx scripts/faq-make-eval-documents-kita.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const ausschreibung = latin1Only([
  wrap([
    'Kommunales Netzwerk Kita-Vergabe Mitteldeutschland',
    'Geschäftsstelle Elsterbrück',
    '',
    'AUSSCHREIBUNG',
    'Peer-Learning-Reihe 2027: Digitale Kita-Platzvergabe in Städten, Gemeinden und Landkreisen',
    'Stand: 09.11.2026',
    '',
    'Anlass und Ziel',
    'Viele Kommunen in Sachsen, Sachsen-Anhalt und Thüringen vergeben ihre Kita-Plätze noch mit Papierlisten, '
      + 'Telefonaten und Mehrfachanmeldungen bei einzelnen Einrichtungen. Eltern wissen oft monatelang nicht, ob und '
      + 'wo ihr Kind einen Platz erhält. Die Reihe lädt Sie ein, gemeinsam mit drei Pilotkommunen zu erarbeiten, wie '
      + 'ein zentrales Vormerkportal, transparente Vergabekriterien und eine verlässliche Elternkommunikation gelingen '
      + 'und wie die Daten der Vormerkungen in die Bedarfsplanung einfließen können.',
    '',
    'Zielgruppe',
    'Die Reihe richtet sich an Fachdienste Kindertagesbetreuung der Städte, Gemeinden und Landkreise, an Jugendämter, '
      + 'an Verantwortliche für die Jugendhilfeplanung sowie an IT- und Datenschutzbeauftragte der Kommunen. '
      + 'Freie Träger von Kindertageseinrichtungen können als Gäste teilnehmen. Vorkenntnisse werden nicht erwartet.',
    '',
    'Termine',
    'Die Reihe umfasst fünf Termine, die online über Microsoft Teams stattfinden. Sie beginnt am Mittwoch, dem '
      + '20.01.2027, von 14:00 bis 15:30 Uhr mit dem Auftakt, in dem sich die Pilotkommunen Muldenau, Saalwerder und '
      + 'Ilmtalrode vorstellen. Am Mittwoch, dem 17.02.2027, folgt zur gleichen Uhrzeit der Termin zum zentralen '
      + 'Vormerkportal. Um Vergabekriterien und Wartelisten geht es am Mittwoch, dem 14.04.2027, ebenfalls von 14:00 '
      + 'bis 15:30 Uhr. Der Praxistag zu Elternkommunikation und Datenschutz findet am Mittwoch, dem 19.05.2027, '
      + 'ausnahmsweise am Vormittag von 09:00 bis 13:00 Uhr statt, mit einer Pause von 11:00 bis 11:30 Uhr. Den '
      + 'Abschluss bildet am Mittwoch, dem 16.06.2027, von 14:00 bis 15:30 Uhr der Termin zur Bedarfsplanung.',
  ], 92),
  wrap([
    'Kosten und Teilnahmebescheinigung',
    'Der Teilnahmebeitrag beträgt 150 Euro pro Kommune für die gesamte Reihe und gilt für bis zu zwei Personen. Für '
      + 'Mitglieder des Netzwerks sowie für Gemeinden mit weniger als 5.000 Einwohnerinnen und Einwohnern ist die '
      + 'Teilnahme kostenfrei. Die Rechnung wird nach dem Auftakt versandt. Wer an mindestens 4 der 5 Termine '
      + 'teilnimmt, darunter der Praxistag, erhält eine Teilnahmebescheinigung der Geschäftsstelle.',
    '',
    'Anmeldung',
    'Es stehen 36 Plätze zur Verfügung. Bitte melden Sie sich bis zum 18.12.2026 per E-Mail an '
      + 'anmeldung@kita-netzwerk-md.example.org an. Die Plätze werden in der Reihenfolge der Anmeldungen vergeben; '
      + 'danach führen wir eine Warteliste.',
    '',
    'Aufzeichnung',
    'Die Impulsvorträge werden aufgezeichnet und stehen den angemeldeten Teilnehmenden 30 Tage lang zur Verfügung. '
      + 'Die Gruppenarbeit am Praxistag wird nicht aufgezeichnet.',
    '',
    'Ansprechpersonen',
    'Katrin Seidel-Apel, Programmleitung, k.seidel-apel@kita-netzwerk-md.example.org, Telefon 03447 88 21 40',
    'Thomas Wendler, Anmeldung und Teams-Technik, anmeldung@kita-netzwerk-md.example.org',
    '',
    'Wir freuen uns auf Ihre Anmeldung.',
  ], 92),
]);

const slides: { title: string; lines: string[]; table?: string[][] }[] = [
  { title: 'Digitale Kita-Platzvergabe', lines: [
    'Auftakt der Peer-Learning-Reihe 2027',
    'Mi 20.01.2027, 14:00, Teams',
    'Kommunales Netzwerk Kita-Vergabe Mitteldeutschland',
  ] },
  { title: 'Warum wir das machen', lines: [
    'Mehrfachanmeldungen in bis zu 6 Kitas',
    'Eltern ohne Rückmeldung',
    'Träger mit eigenen Listen',
    'Planung ohne verlässliche Zahlen',
  ] },
  { title: 'Pilotkommunen in Zahlen (Stand 2026)', lines: [
    'Muldenau (Sachsen), Saalwerder (Sachsen-Anhalt), Ilmtalrode (Thüringen)',
  ], table: [
    ['Kommune', 'Kita-Plätze', 'Anmeldungen pro Jahr', 'Wartezeit in Monaten', 'Anteil Online-Anträge'],
    ['Muldenau', '4.850', '1.620', '7,5', '88 %'],
    ['Saalwerder', '2.310', '740', '4', '71 %'],
    ['Ilmtalrode', '980', '310', '2,5', '54 %'],
  ] },
  { title: 'Vormerkportal: Stand der Pilotkommunen', lines: [
    'Muldenau: Portal seit 2023, 62 Kitas angeschlossen',
    'Saalwerder: Start 01.08.2025, freie Träger noch ohne Anbindung',
    'Ilmtalrode: Online-Formular, Vergabe noch per Excel',
  ] },
  { title: 'Termine', lines: [
    'Mi 20.01.2027, 14:00: Auftakt',
    'Mi 10.03.2027, 14:00: Vormerkportal (statt 17.02.)',
    'Mi 14.04.2027, 14:00: Vergabekriterien und Wartelisten',
    'Mi 19.05.2027, 09:00-13:00: Praxistag Elternkommunikation und Datenschutz',
    'Mi 16.06.2027, 14:00: Bedarfsplanung, Abschluss',
  ] },
  { title: 'Hausaufgabe bis zum nächsten Termin', lines: [
    'Vorab-Fragebogen ausfüllen',
    'Eigene Vergabekriterien mitbringen',
    'Musterbrief Zusage/Absage sammeln',
  ] },
  { title: 'Kontakt', lines: [
    'Katrin Seidel-Apel, Programmleitung',
    'Thomas Wendler, Anmeldung und Technik',
    'anmeldung@kita-netzwerk-md.example.org',
  ] },
];

const call: (string | string[][])[] = [
  '# Call for Participants: Quieter Cities – Noise Action Plans and Quiet Areas',
  'A Singaporean–German peer exchange of the Bukit Cerah Town Council, the Urban Soundscape Office of Singapore and the German cities of Auenfels and Kerstenbrück, 2027',
  'Traffic at night, construction sites next to housing blocks, and fewer places where residents can find quiet: cities in Singapore and Germany face the same questions with different tools. Singapore controls construction noise through permits and fixed working hours; German cities draw up noise action plans every five years on the basis of strategic noise maps. This exchange brings both together.',
  '## Who should apply',
  'Staff of town councils, city administrations and public agencies who work on noise mapping, traffic planning, construction permits, parks or citizen complaints. Elected members and researchers may join as guests. No prior knowledge of acoustics is required.',
  '## Sessions',
  'All four sessions take place online on Microsoft Teams, late in the afternoon in Singapore and in the morning in Germany. Singapore does not change its clocks; Germany does, so the German time shifts by one hour between the sessions.',
  [
    ['Session', 'Date', 'Singapore time', 'German time', 'Topic'],
    ['1', 'Thursday, 11 March 2027', '16:00–17:30', '09:00–10:30', 'Kick-off: two cities, two approaches to noise'],
    ['2', 'Thursday, 22 April 2027', '16:00–17:30', '10:00–11:30', 'Noise mapping and night-time noise'],
    ['3', 'Thursday, 16 September 2027', '16:00–17:30', '10:00–11:30', 'Low-noise road surfaces and construction noise permits'],
    ['4', 'Thursday, 18 November 2027', '16:00–18:00', '09:00–11:00', 'Quiet areas, parks and citizen complaints; closing'],
  ],
  'Sessions 1 to 3 last 90 minutes. The closing session lasts two hours and includes a virtual walk through the Kerstenbrück Stadtwald quiet area.',
  '## What participants do',
  'Each participating administration presents one noise hotspot in a five-minute pitch during session 2 and brings one idea for a quiet area to the closing session.',
  '## Organisers',
  'Bukit Cerah Town Council, Estate Management Department; Stadt Auenfels, Umweltamt; Stadt Kerstenbrück, Amt für Umwelt und Klima.',
  '## How to apply',
  'Please register by 19 February 2027. Practical details (cost, recording, certificate) are on the page „Practical information“.',
];

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const kita = path.join(root, 'kita-platzvergabe-mitteldeutschland', 'material');
  const noise = path.join(root, 'noise-action-singapore-en', 'material');
  await fs.mkdir(kita, { recursive: true });
  await fs.mkdir(noise, { recursive: true });
  await fs.writeFile(path.join(kita, '01-ausschreibung.pdf'), makePdf(ausschreibung));
  await fs.writeFile(path.join(kita, '03-auftakt-folien.pptx'), await makePptx(slides));
  await fs.writeFile(path.join(noise, '01-call-for-participants.docx'), await makeDocx(call));
  process.stdout.write(`Ausschreibung and slides written to ${kita}, call for participants to ${noise}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
