// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/sportstaetten-vereine-oesterreich/material/01-einladung.docx  invitation (headings, one Word
//     table of the sessions, paragraphs on cost, registration, recording, Teilnahmebestätigung and contact)
//   tests/faq/programs/sportstaetten-vereine-oesterreich/material/02-auftakt-praesentation.pptx  kick-off slides
//     (terse bullets, one slide with a real table of three Gemeinden, one slide with the steps of a Förderansuchen)
//   tests/faq/programs/housing-first-perth-en/material/02-by-name-list-snapshot.pdf  report „By-name list snapshot“
//     (paragraphs and a table of figures of three places, written as aligned lines)
//   npx tsx scripts/faq-make-eval-documents-sportstaetten.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const einladung: (string | string[][])[] = [
  '# Einladung: Kommunale Sportstätten und Vereinsförderung',
  'Peer-Learning-Reihe 2027 des Regionalverbands Kommunale Sportstätten für Gemeinden und Marktgemeinden in der Steiermark, in Kärnten und in Oberösterreich',
  '## Worum es geht',
  'Turnsäle aus den 1970er-Jahren, volle Belegungspläne, Vereine, die keine Obleute mehr finden: Viele Gemeinden stehen bei ihren Sportstätten vor denselben Fragen. In fünf Terminen tauschen wir uns darüber aus, wie Gemeinden Hallenzeiten fair vergeben, Turnhallen und Sportplätze sanieren, Vereine fördern und das Ehrenamt stärken.',
  'Drei Gemeinden bringen ihre Erfahrungen ein: Die Marktgemeinde Kalchegg (Steiermark) hat ihre Turnhalle bei der Mittelschule von Grund auf saniert, die Gemeinde Seebrunn (Kärnten) vergibt Hallenzeiten online, und die Marktgemeinde Aschenried (Oberösterreich) hat heuer eine neue Vereinsförderrichtlinie beschlossen.',
  '## Termine',
  [
    ['Termin', 'Uhrzeit', 'Thema', 'Ort/Format'],
    ['Di, 23.02.2027', '14:00–15:30 Uhr', 'Auftakt: Sportstätten in drei Gemeinden', 'online (Microsoft Teams)'],
    ['Di, 16.03.2027', '14:00–15:30 Uhr', 'Hallenbelegung, Belegungspläne und Online-Buchung von Hallenzeiten', 'online (Microsoft Teams)'],
    ['Di, 27.04.2027', '14:00–15:30 Uhr', 'Vereinsförderrichtlinien, Nutzungsentgelte und Förderansuchen', 'online (Microsoft Teams)'],
    ['Fr, 21.05.2027', '09:30–13:00 Uhr', 'Exkursion: Die sanierte Turnhalle in Kalchegg; Kooperation Schule–Verein', 'vor Ort: Sportzentrum Kalchegg, Schulgasse 7, 8342 Kalchegg'],
    ['Di, 22.06.2027', '14:00–15:30 Uhr', 'Abschluss: Ehrenamt im Sportverein', 'online (Microsoft Teams)'],
  ],
  '## Die Exkursion nach Kalchegg',
  'Treffpunkt ist um 09:15 Uhr im Foyer der Mittelschule Kalchegg (Eingang Schulgasse). Bürgermeisterin Ing.in Maria Trummer und Bauamtsleiter Ing. Johann Kainz führen durch die sanierte Halle und berichten über Planung, Kosten und Förderung. Danach sprechen Direktorin Sabine Kogler und Herbert Pölzl, Obmann des SV Kalchegg, über die Kooperation Schule–Verein: Der Verein betreut zweimal in der Woche einen Bewegungsnachmittag der Schule und darf die Halle dafür am Abend ohne Nutzungsentgelt verwenden. Zum Abschluss gibt es eine Mittagsjause; der Kostenbeitrag von € 15,– wird vor Ort bar bezahlt.',
  'Für die Exkursion ist eine eigene Anmeldung bis 07.05.2027 nötig; es gibt 30 Plätze. Fahrtkosten werden nicht ersetzt.',
  '## Teilnahme',
  'Kosten: Für Mitgliedsgemeinden des Regionalverbands ist die Teilnahme kostenlos. Andere Gemeinden zahlen € 240,– für die ganze Reihe; damit können bis zu drei Personen aus der Gemeinde teilnehmen.',
  'Anmeldung: bis Freitag, 05.02.2027 per E-Mail an anmeldung@sportstaetten-verband.example.org mit Name, Gemeinde und Funktion. Die Teilnahme ist auf 45 Personen begrenzt.',
  'Aufzeichnung: Die Impulsvorträge der Online-Termine werden aufgezeichnet und vier Wochen lang im Teams-Team „Sportstätten 2027“ bereitgestellt. Die Diskussionen und die Exkursion werden nicht aufgezeichnet.',
  'Teilnahmebestätigung: Wer an mindestens drei der fünf Termine teilnimmt, erhält nach dem Abschlusstermin eine Teilnahmebestätigung per E-Mail.',
  'Sprache: Alle Termine finden auf Deutsch statt.',
  '## Kontakt',
  'Programmleitung: Mag.a Karin Sonnleitner, Geschäftsführerin des Regionalverbands Kommunale Sportstätten, Tel. +43 3159 22418-12, k.sonnleitner@sportstaetten-verband.example.org',
  'Anmeldung und Organisation: Florian Gruber, anmeldung@sportstaetten-verband.example.org',
  'Regionalverband Kommunale Sportstätten, Geschäftsstelle, Hauptplatz 4, 8490 Murbrücken. Murbrücken, im Dezember 2026.',
];

const folien: { title: string; lines: string[]; table?: string[][] }[] = [
  { title: 'Kommunale Sportstätten und Vereinsförderung', lines: [
    'Auftakt der Peer-Learning-Reihe 2027',
    'Di, 23.02.2027, 14:00–15:30 Uhr, Microsoft Teams',
    'Moderation: Mag.a Karin Sonnleitner, Regionalverband Kommunale Sportstätten',
  ] },
  { title: 'Warum diese Reihe?', lines: [
    'Turnsäle oft älter als 40 Jahre',
    'Hallenzeiten knapp, Wartelisten der Vereine',
    'Förderung nach Gefühl statt nach Richtlinie',
    'Immer weniger Obleute und Kassiere',
  ] },
  { title: 'Drei Gemeinden im Vergleich', lines: [
    'Stand: Jänner 2027, Angaben der Gemeindeämter',
  ], table: [
    ['Gemeinde', 'Einwohner', 'Sportvereine', 'Hallenstunden pro Woche', 'Nutzungsentgelt pro Stunde (Halle)'],
    ['Marktgemeinde Kalchegg (Stmk.)', '4.870', '14', '62', '€ 8,–'],
    ['Gemeinde Seebrunn (Ktn.)', '2.310', '9', '38', '€ 12,50'],
    ['Marktgemeinde Aschenried (OÖ)', '7.450', '21', '95', '€ 15,– (Kinder- und Jugendtraining frei)'],
  ] },
  { title: 'Sanierung Turnhalle Kalchegg', lines: [
    'Baujahr 1974',
    'Bauzeit Mai 2025 bis September 2026',
    'Gesamtkosten € 2,4 Mio.',
    '45 % Bedarfszuweisung des Landes Steiermark',
    'Neuer Sportboden, Wärmedämmung, Photovoltaik 48 kWp',
    'Barrierefreier Zugang und Lift zur Tribüne',
    'Wiedereröffnung Oktober 2026',
  ] },
  { title: 'Online-Buchung in Seebrunn', lines: [
    'Seit September 2025',
    'Buchung über die Gemeinde-Website',
    'Auslastung der Halle: 61 % vorher, 83 % nachher',
    'Amtsleiter spart ca. 3 Stunden pro Woche',
  ] },
  { title: 'Förderansuchen in fünf Schritten (Aschenried)', lines: [
    '1. Formular „Förderansuchen Sport“ von der Gemeinde-Website laden',
    '2. Ansuchen mit Unterlagen bis 31. März beim Gemeindeamt einreichen',
    '3. Prüfung durch den Sportausschuss im April',
    '4. Beschluss im Gemeinderat im Juni',
    '5. Auszahlung im Juli, Verwendungsnachweis bis 31. Jänner des Folgejahres',
  ] },
  { title: 'Ehrenamt im Verein', lines: [
    'Umfrage in 44 Vereinen der drei Gemeinden, Herbst 2026',
    '68 % der Funktionärinnen und Funktionäre älter als 50',
    '11 Vereine ohne Nachfolge für Obfrau oder Obmann',
    'Thema des Abschlusstermins',
  ] },
  { title: 'Wie geht es weiter?', lines: [
    'Kurzfragebogen zu Hallenzeiten bis 09.03.2027 ausfüllen',
    'Nächster Termin: Di, 16.03.2027 – Hallenbelegung und Online-Buchung',
    'Folien und Aufzeichnung im Teams-Team „Sportstätten 2027“',
  ] },
];

const snapshot = latin1Only([
  wrap([
    'By-name list snapshot',
    'Housing First: Ending Rough Sleeping Locally - WA-German peer exchange 2027',
    'Prepared for the kick-off on 24 February 2027 by the City of Marrbury. Figures as at 31 December 2026.',
    '',
    'What a by-name list is',
    'A by-name list is a real-time list of every person known to be sleeping rough in an area, kept by name with '
      + 'consent and updated at least weekly by outreach workers. It lets agencies see who is new, who has been housed '
      + 'and who has not been seen, instead of relying on a count once a year. A person who has had no contact with '
      + 'outreach for 90 days is moved to the inactive part of the list.',
    '',
    'City of Marrbury',
    'Marrbury started its by-name list in 2022. Eleven agencies share it under a data sharing agreement signed in '
      + 'March 2023, and every person on the list has signed a consent form. A coordinated entry meeting every second '
      + 'Tuesday of the month matches people on the list with vacant homes; people with the highest vulnerability '
      + 'score are offered a home first. The last street count was held in August 2026.',
    '',
    'Shire of Wandarra',
    'Wandarra is a regional shire with long distances between towns. Its outreach van visits four towns each week. '
      + 'Of its two outreach workers, one is employed by the Shire and one is funded by the State. The last street '
      + 'count was held in July 2026.',
    '',
    'Stadt Auwalden (Germany)',
    'Auwalden has run a Housing First project since 2021. The municipal housing company holds back 25 flats a year '
      + 'for it. Because of the GDPR, Auwalden keeps its list pseudonymised; names are shared with other agencies '
      + 'only with written consent. The last count (Stichtagszählung) was held in November 2026.',
  ], 95),
  [
    'Figures by place',
    '',
    'Figure                                         | City of Marrbury | Shire of Wandarra | Stadt Auwalden',
    'People sleeping rough at last count            | 87               | 23                | 64',
    'People housed in the last 12 months            | 142              | 31                | 58',
    'Median days from first contact to housing      | 96               | 134               | 71',
    'Outreach workers (full-time equivalent)        | 9                | 2                 | 6',
    'Share still housed after 12 months             | 84 %             | 79 %              | 91 %',
    '',
    ...wrap([
      'Notes: Counts are street counts on one night; people in crisis accommodation are not included. Wandarra\'s '
        + 'median is longer because only 12 social housing homes fell vacant in the Shire in 2026. The share still '
        + 'housed counts everyone housed between January and December 2025.',
      '',
      'Questions about this snapshot: Priya Ramanathan, housingfirst@marrbury.example.org',
    ], 95),
  ],
]);

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const sport = path.join(root, 'sportstaetten-vereine-oesterreich', 'material');
  const housing = path.join(root, 'housing-first-perth-en', 'material');
  await fs.mkdir(sport, { recursive: true });
  await fs.mkdir(housing, { recursive: true });
  await fs.writeFile(path.join(sport, '01-einladung.docx'), await makeDocx(einladung));
  await fs.writeFile(path.join(sport, '02-auftakt-praesentation.pptx'), await makePptx(folien));
  await fs.writeFile(path.join(housing, '02-by-name-list-snapshot.pdf'), makePdf(snapshot));
  process.stdout.write(`invitation and slides written to ${sport}, snapshot to ${housing}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
