// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/gemeindekooperation-alpenrhein/material/01-einladung.docx  Einladung (headings, one Word table
//     of the fees and places)
//   tests/faq/programs/gemeindekooperation-alpenrhein/material/04-auftakt-folien.pptx  kick-off slides (terse bullets,
//     one slide of figures as bullets, not a table)
//   tests/faq/programs/epermits-mexico-en/material/01-call-for-participants.pdf  call for participants (two pages,
//     formal)
//   npx tsx scripts/faq-make-eval-documents-alpenrhein.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const einladung: (string | string[][])[] = [
  '# Einladung: Gemeinsam statt einsam – Interkommunale Zusammenarbeit am Alpenrhein',
  'Peer-Learning-Reihe 2027 des Netzwerks Gemeinden am Alpenrhein für Gemeinden in Liechtenstein, Vorarlberg und im Kanton St. Gallen',
  'Kleine Gemeinden stemmen heute Aufgaben, für die früher ein Amt im Bezirkshauptort zuständig war: Winterdienst, Baubewilligungen, Lohnbuchhaltung, Wasserversorgung. Viele arbeiten deshalb mit ihren Nachbarn zusammen – über die Gemeindegrenze und manchmal über die Landesgrenze hinweg. In dieser Reihe lernen Gemeindeverwaltungen voneinander: vom gemeinsamen Bauhof über geteilte Verwaltungsdienste und Zweckverbände bis zur Frage, wann eine Gemeindefusion die bessere Lösung ist.',
  '## Zielgruppe',
  'Gemeindepräsidentinnen und Gemeindepräsidenten, Bürgermeisterinnen und Bürgermeister, Gemeindevorsteherinnen und Gemeindevorsteher, Gemeindeschreiberinnen und Gemeindeschreiber, Amtsleitungen sowie Leitende von Bauhöfen und Werkhöfen. Vorkenntnisse sind nicht nötig.',
  '## Termine',
  'Drei Termine finden online über Microsoft Teams statt, jeweils am Dienstag von 09:00 bis 10:30 Uhr. Die Werkstatt findet an einem Freitag vor Ort in Rüfenberg (Liechtenstein) statt und beginnt um 09:30 Uhr.',
  'Termin 1 – Dienstag, 19.01.2027, 09:00–10:30 Uhr, online: Auftakt – Warum zusammenarbeiten?',
  'Termin 2 – Dienstag, 16.02.2027, 09:00–10:30 Uhr, online: Gemeinsamer Bauhof und Maschinenpark',
  'Termin 3 – Freitag, 16.04.2027, 09:30–16:00 Uhr, vor Ort: Werkstatt im Gemeindesaal Rüfenberg – gemeinsame Verwaltungsdienste',
  'Termin 4 – Dienstag, 08.06.2027, 09:00–10:30 Uhr, online: Zweckverband oder Fusion? Abschluss der Reihe',
  '## Teilnahmebeitrag und Plätze',
  [
    ['Wer', 'Beitrag', 'Plätze'],
    ['Gemeinden aus Liechtenstein', 'CHF 240 pro Gemeinde', '10'],
    ['Gemeinden aus dem Kanton St. Gallen', 'CHF 240 pro Gemeinde', '10'],
    ['Gemeinden aus Vorarlberg', 'EUR 250 pro Gemeinde', '10'],
    ['Zweckverbände und Regionalplanungsgruppen', 'CHF 120 bzw. EUR 125', '4'],
    ['Gemeinden mit weniger als 1000 Einwohnerinnen und Einwohnern', 'kostenlos', 'in den obigen Plätzen enthalten'],
    ['Werkstatt in Rüfenberg am 16.04.2027', 'im Beitrag enthalten, Mittagessen inbegriffen', '30, höchstens 2 Personen pro Gemeinde'],
  ],
  'Der Beitrag gilt für die ganze Reihe und für bis zu 3 Personen pro Gemeinde. Die Rechnung wird nach dem Auftakt versandt. Gemeinden aus Liechtenstein und dem Kanton St. Gallen zahlen in Franken, Gemeinden aus Vorarlberg in Euro.',
  '## Anmeldung',
  'Bitte melden Sie Ihre Gemeinde bis zum 11.12.2026 an: anmeldung@gemeinden-alpenrhein.example.org. Gemeinden aus Vorarlberg melden sich bei Lukas Nägele, Gemeinden aus Liechtenstein und dem Kanton St. Gallen bei Martina Oehri. Für die Werkstatt ist eine eigene Anmeldung bis zum 26.03.2027 nötig.',
  '## Kontakt',
  'Martina Oehri, Programmleitung, Netzwerk Gemeinden am Alpenrhein, Geschäftsstelle Schaan, m.oehri@gemeinden-alpenrhein.example.org, Telefon +423 230 45 67',
  'Lukas Nägele, Koordination Vorarlberg, l.naegele@gemeinden-alpenrhein.example.org',
];

const slides: { title: string; lines: string[] }[] = [
  { title: 'Gemeinsam statt einsam', lines: [
    'Interkommunale Zusammenarbeit am Alpenrhein',
    'Auftakt, 19.01.2027, online',
    'Netzwerk Gemeinden am Alpenrhein',
  ] },
  { title: 'Ziele der Reihe', lines: [
    'Voneinander lernen statt Beratung von aussen',
    'Bauhof, Verwaltungsdienste, Zweckverband, Fusion',
    'Über Gemeinde- und Landesgrenzen',
    'Ergebnis: Checkliste Zusammenarbeit (bis Termin 4)',
  ] },
  { title: 'Termine', lines: [
    'Di 19.01.2027, 09:00: Auftakt',
    'Di 16.02.2027, 09:00: Bauhof und Maschinenpark',
    'Fr 16.04.2027, 09:30: Werkstatt Rüfenberg (vor Ort)',
    'Di 08.06.2027, 09:00: Zweckverband oder Fusion?',
  ] },
  { title: 'Drei Gemeinden in Zahlen', lines: [
    'Rüfenberg (FL): Werkhof mit Triesenau seit 2019',
    'Rüfenberg: 9 Fahrzeuge statt 14',
    'Hohenwies (V): Lohnverrechnung für 4 Gemeinden seit 2016',
    'Hohenwies: 1 Lohnbüro statt 4, 1.150 Lohnzettel pro Jahr',
    'Sennwies (SG): Zweckverband Wasserversorgung seit 2012',
    'Sennwies: Fusionsabklärung mit Gamsberg seit 2025',
  ] },
  { title: 'Was bremst?', lines: [
    'Unterschiedliches Recht in FL, A und CH',
    'Mehrwertsteuer bei Leistungen über die Grenze',
    'Angst vor Identitätsverlust',
    'Wer entscheidet: Gemeinderat, Bürgerschaft, Land?',
  ] },
  { title: 'Werkstatt in Rüfenberg', lines: [
    'Fr 16.04.2027, 09:30–16:00',
    'Gemeindesaal Rüfenberg, Kirchplatz 3',
    'Besichtigung Werkhof Rüfenberg-Triesenau',
    'Mittagessen offeriert von der Gemeinde Rüfenberg',
    'Anmeldung bis 26.03.2027',
  ] },
  { title: 'Organisatorisches', lines: [
    'Online: Teams im Browser, keine Installation',
    'Inputs werden aufgezeichnet, 30 Tage abrufbar',
    'Werkstatt: keine Aufzeichnung',
    'Teilnahmebestätigung ab 3 der 4 Termine',
  ] },
  { title: 'Kontakt', lines: [
    'Martina Oehri, Programmleitung',
    'Lukas Nägele, Koordination Vorarlberg',
    'anmeldung@gemeinden-alpenrhein.example.org',
  ] },
];

const call = latin1Only([
  wrap([
    'CALL FOR PARTICIPANTS',
    'e-Permits Exchange 2027: Digital Building Permits and Remote Inspections',
    'A Mexican-German peer-learning exchange of the Municipio de San Andrés Tlacomulco (Puebla, Mexico) and the '
      + 'Untere Bauaufsichtsbehörde of the Landkreis Ellerbach (Germany)',
    'Issued: 18 January 2027',
    '',
    '1. Purpose',
    'Building permits are among the most frequent and most criticised services of local government. Both partner '
      + 'authorities have moved their permit procedures online within the last four years and have started to carry '
      + 'out inspections by video. The exchange invites staff of municipal and county building authorities in Mexico '
      + 'and Germany to compare online submission, processing times and remote inspections, and to learn from each '
      + 'other\'s mistakes as well as from their successes.',
    '',
    '2. Target group',
    'Staff of municipal building departments (Mexico) and of building control authorities at county or city level '
      + '(Germany): permit officers, inspectors, IT coordinators and heads of department. Private architects and '
      + 'engineering firms may take part as guests. No previous knowledge of e-permitting is required.',
    '',
    '3. Sessions',
    'The exchange consists of four virtual sessions on Microsoft Teams. All times are Mexico City time '
      + '(America/Mexico_City).',
    'Session 1 - Tuesday, 9 March 2027, 09:00-10:30 - Kick-off: two permit offices, two countries',
    'Session 2 - Tuesday, 13 April 2027, 09:00-10:30 - Online submission: portals, forms and digital plans',
    'Session 3 - Tuesday, 15 June 2027, 09:00-10:30 - Remote inspections by video',
    'Session 4 - Wednesday, 10 November 2027, 09:00-11:00 - Processing times, fees and lessons learned; closing',
    'Each session lasts 90 minutes; the closing session lasts two hours.',
  ], 96),
  wrap([
    '4. Participation fee',
    'Participation is free of charge for public authorities. Guests from private firms pay EUR 120 or MXN 2,500 per '
      + 'person for the whole exchange. Invoices are sent after the kick-off.',
    '',
    '5. Places and registration',
    '40 places are available: 20 for participants from Mexico and 20 for participants from Germany, with a maximum '
      + 'of 3 persons per authority. Please register by 12 February 2027. Participants from Mexico register with Ing. '
      + 'Lucía Barragán Ortiz (epermits@sanandres-tlacomulco.example.org), participants from Germany with Dipl.-Ing. '
      + 'Jörg Hafenrichter (bauaufsicht@lk-ellerbach.example.org).',
    '',
    '6. Language',
    'The working language is English. Simultaneous interpretation between English and Spanish is provided in all '
      + 'sessions. There is no interpretation into German.',
    '',
    '7. Recording and certificate',
    'The presentations are recorded and available to registered participants for 14 days. Breakout rooms are not '
      + 'recorded. A certificate of participation in English and Spanish is issued to participants who attend at least '
      + '3 of the 4 sessions live; watching a recording does not count.',
    '',
    '8. Preparation',
    'Before session 2, each participating authority is asked to send one anonymised permit file (application, '
      + 'plans and decision) by 31 March 2027.',
    '',
    '9. Organisers',
    'Municipio de San Andrés Tlacomulco, Dirección de Desarrollo Urbano',
    'Landkreis Ellerbach, Untere Bauaufsichtsbehörde',
    'Coordination: Ing. Lucía Barragán Ortiz, epermits@sanandres-tlacomulco.example.org, phone +52 222 555 0147',
  ], 96),
]);

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const ga = path.join(root, 'gemeindekooperation-alpenrhein', 'material');
  const ep = path.join(root, 'epermits-mexico-en', 'material');
  await fs.mkdir(ga, { recursive: true });
  await fs.mkdir(ep, { recursive: true });
  await fs.writeFile(path.join(ga, '01-einladung.docx'), await makeDocx(einladung));
  await fs.writeFile(path.join(ga, '04-auftakt-folien.pptx'), await makePptx(slides));
  await fs.writeFile(path.join(ep, '01-call-for-participants.pdf'), makePdf(call));
  process.stdout.write(`Einladung and slides written to ${ga}, call for participants to ${ep}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
