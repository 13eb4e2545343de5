// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/eakt-gemeinden/material/01-leitfaden-e-akt.docx  Leitfaden with headings, numbered steps and a
//     table of figures of two Gemeinden (Steinreith, Wallerbach) as "Kennzahl | Steinreith | Wallerbach" lines
//   tests/faq/programs/playgrounds-chile-en/material/01-call-for-participants.pdf  call for participants, two pages
//   npx tsx scripts/faq-make-eval-documents-eakt.ts
// Deterministic: makeDocx and makePdf of scripts/faq-make-documents.ts give byte-identical files on two runs;
// latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, wrap } from './faq-make-documents.js';

const leitfaden: string[] = [
  '# Leitfaden: Der Weg zum E-Akt in der Gemeinde',
  'Gemeindenetzwerk Digitales Amt Oberösterreich–Salzburg. Arbeitsunterlage zur Peer-Learning-Reihe 2027, Stand: Dezember 2026.',
  '## Wozu dieser Leitfaden?',
  'Viele Gemeindeämter führen ihre Akten noch überwiegend als physische Akten in Ordnern und Hängeregistern. Der elektronische Akt (E-Akt) spart Wege, Suchzeiten und Platz, verlangt aber klare Regeln: Wer scannt was, wann wird ein Akt angelegt, wie lange wird er aufbewahrt? Dieser Leitfaden fasst die Erfahrungen der Gemeinden Steinreith (Oberösterreich) und Wallerbach (Salzburg) zusammen, die den E-Akt bereits eingeführt haben.',
  '## In sieben Schritten zum E-Akt',
  '1. Beschluss und Verantwortung: Der Bürgermeister bzw. die Bürgermeisterin beauftragt die Amtsleitung; eine E-Akt-Beauftragte oder ein E-Akt-Beauftragter wird benannt.',
  '2. Bestandsaufnahme: Welche Aktenarten gibt es, wie viele Akten entstehen pro Jahr, wo liegen sie?',
  '3. Aktenplan festlegen: Der Aktenplan ordnet jeden Akt einer Geschäftszahl zu. Der Musteraktenplan des Netzwerks kann übernommen werden.',
  '4. Posteingang neu regeln: Alle Papierpost wird am Tag des Eingangs gescannt und im Posteingangsbuch erfasst. Das Original bleibt 3 Monate in der Ablage und wird dann vernichtet, sofern kein Original aufbewahrt werden muss.',
  '5. Technik beschaffen: Ein Dokumentenscanner mit Duplex-Einzug und ein E-Akt-System (DMS) mit Schnittstelle zur Amtssignatur.',
  '6. Schulung: Jede Mitarbeiterin und jeder Mitarbeiter erhält eine Einschulung von mindestens 4 Stunden; in Steinreith waren es zwei Halbtage.',
  '7. Stichtag festlegen: Ab dem Stichtag werden neue Akten nur noch elektronisch angelegt. Alte Papierakten werden nicht nachträglich gescannt, außer sie werden wieder gebraucht.',
  '## Erfahrungen aus zwei Gemeinden',
  'Steinreith führt den E-Akt seit dem 1. Jänner 2022, Wallerbach seit dem 1. Juli 2024. Beide Gemeinden haben die Zahlen für das Jahr 2025 erhoben. Die Zeitersparnis wurde von der Amtsleitung mit einer Stichprobe von 50 Akten geschätzt.',
  'Kennzahl | Steinreith | Wallerbach',
  'Einwohnerinnen und Einwohner | 3.900 | 6.200',
  'Bedienstete im Gemeindeamt | 9 | 14',
  'neue Akten pro Jahr (2025) | 2.150 | 3.480',
  'gescannte Seiten pro Jahr (2025) | 41.000 | 67.500',
  'Zeitersparnis pro Akt | 12 Minuten | 9 Minuten',
  'Kosten Dokumentenscanner (einmalig) | 4.800 Euro | 7.200 Euro',
  'Lizenz E-Akt-System pro Jahr | 2.300 Euro | 3.100 Euro',
  'Ablagefläche eingespart | 18 m² | 25 m²',
  'In Steinreith entspricht die Zeitersparnis von 12 Minuten bei 2.150 Akten rund 430 Stunden im Jahr. Wallerbach hat zusätzlich das Bauamt angebunden; dort dauert die Suche nach einem Bauakt statt früher 20 Minuten heute unter 2 Minuten.',
  '## Was hat sich nicht bewährt?',
  'Steinreith hat anfangs auch alle Altakten der letzten zehn Jahre scannen lassen. Das kostete 11.500 Euro bei einem externen Scandienstleister und wurde kaum genutzt. Heute rät Amtsleiter Johann Aigner davon ab.',
  'Wallerbach hat zuerst ohne verbindlichen Stichtag begonnen; über ein halbes Jahr lagen Akten doppelt vor, auf Papier und elektronisch.',
  '## Aufbewahrung und Skartierung',
  'Die Aufbewahrungsfristen richten sich nach dem Aktenplan. Nach Ablauf der Frist wird ein Akt skartiert, also ausgeschieden. Vorher ist zu prüfen, ob der Akt dem Gemeindearchiv anzubieten ist. Bauakten werden dauernd aufbewahrt.',
  '## Ansprechpersonen',
  'Steinreith (Oberösterreich): Amtsleiter Johann Aigner, amtsleitung@steinreith.example.org',
  'Wallerbach (Salzburg): Amtsleiterin Christine Moosleitner, c.moosleitner@wallerbach.example.org',
];

const call = latin1Only([
  wrap([
    'CALL FOR PARTICIPANTS',
    'Inclusive public playgrounds: planning, building and maintaining play spaces for all children',
    'A Chilean-German exchange of municipalities and Grünflächenämter, 2027',
    'Red de Municipios por el Juego Inclusivo (Chile) and Netzwerk Spielraum Kommune (Germany)',
    '',
    'What is it about?',
    'Many public playgrounds still exclude children who use a wheelchair, who are blind or partially sighted, or who '
      + 'need calm and quiet. Chilean municipalities have built a series of "plazas inclusivas" since the Ley 20.422 on '
      + 'equal opportunities; German cities work with DIN 18034 and their own play area plans. In four online sessions, '
      + 'staff of both countries compare how they plan, fund, build and maintain inclusive playgrounds.',
    '',
    'Who can take part?',
    'Staff of Chilean municipalities (for example the Dirección de Medio Ambiente, Aseo y Ornato or the Secretaría '
      + 'Comunal de Planificación) and of German Grünflächenämter, Spielplatzplanung and Jugendämter. Working knowledge of '
      + 'English or Spanish is required; no previous experience with inclusive playgrounds is needed.',
    '',
    'Sessions (all times Chile time, America/Santiago)',
    'Session 1 - Thursday 11 March 2027, 10:00-11:30 - Kick-off: What makes a playground inclusive?',
    'Session 2 - Thursday 1 April 2027, 10:00-11:30 - Case San Fermín del Maule: a plaza inclusiva with the neighbours',
    'Session 3 - Thursday 17 June 2027, 10:00-11:30 - Case Ellerbrück: upgrading existing playgrounds',
    'Session 4 - Thursday 11 November 2027, 10:00-12:00 - Closing: maintenance, safety checks and what we take home',
    'Each session lasts 90 minutes; the closing session lasts two hours. German participants: the times in Germany '
      + 'change with the clocks in both countries; see the practical information.',
    '',
    'Places',
    '36 places in total, 18 for Chile and 18 for Germany. At most two persons per municipality.',
  ], 92),
  wrap([
    'Costs',
    'Participation is free of charge for municipalities, public authorities and non-profit organisations. Private '
      + 'planning offices and manufacturers of play equipment may take part as guests for CLP 90,000 or EUR 90 per '
      + 'person for the whole series. Travel is not part of the programme.',
    '',
    'Platform and language',
    'The sessions take place on Zoom. The working language is English, with simultaneous interpretation into Spanish '
      + 'in all sessions. There is no interpretation into German.',
    '',
    'Recordings',
    'The talks are recorded and available to registered participants for 3 weeks after each session. Small-group '
      + 'discussions are not recorded.',
    '',
    'Certificate',
    'A certificate of participation is issued to everyone who attended at least 3 of the 4 sessions live.',
    '',
    'Registration',
    'Please register by 19 February 2027.',
    'Chile: Camila Fuentes Araya, juegoinclusivo@sanfermin-maule.example.org',
    'Germany: Hannes Vogelsang, spielraum@spielraum-kommune.example.org',
    'Please give your name, municipality, department and the session language you prefer (English or Spanish).',
    '',
    'Speakers',
    'Session 2: Arq. Valentina Rojas Sepúlveda, Municipalidad de San Fermín del Maule',
    'Session 3: Dipl.-Ing. Martin Kesselring, Grünflächenamt Ellerbrück',
    'Moderation: Camila Fuentes Araya and Hannes Vogelsang',
  ], 92),
]);

async function main(): Promise<void> {
  const root = path.resolve('tests/faq/programs');
  const a = path.join(root, 'eakt-gemeinden', 'material');
  const b = path.join(root, 'playgrounds-chile-en', 'material');
  await fs.mkdir(a, { recursive: true });
  await fs.mkdir(b, { recursive: true });
  await fs.writeFile(path.join(a, '01-leitfaden-e-akt.docx'), await makeDocx(leitfaden));
  await fs.writeFile(path.join(b, '01-call-for-participants.pdf'), makePdf(call));
  process.stdout.write(`documents written to ${a} and ${b}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
