// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/stadtwald-gemeinden-schweiz/material/01-einladung.pdf  invitation, three pages (overview with
//     the dates as a list; participation; programme of the Waldbegehung)
//   tests/faq/programs/stadtwald-gemeinden-schweiz/material/02-protokoll-auftakt.docx  minutes of the kick-off
//     (Traktanden as numbered headings, „Beschluss:“ lines, one Word table of three Gemeinden)
//   tests/faq/programs/winter-roads-anchorage-en/material/01-kickoff-slides.pptx  kick-off slides (terse bullets,
//     one slide with a real table of three places, one slide with the steps of a storm response)
//   tests/faq/programs/winter-roads-anchorage-en/material/04-zusammenfassung-deutsch.docx  German summary with
//     German times
//   npx tsx scripts/faq-make-eval-documents-stadtwald.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi (so the PDF writes "CHF 280.-" and
// straight quotes where the other files use „–“ and „“).
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const einladung = latin1Only([
  wrap([
    'Fachstelle Gemeindewald',
    'Einladung zur Erfahrungsaustausch-Reihe 2027',
    'Der Gemeindewald im Klimawandel',
    '',
    'Trockene Sommer, Borkenkäfer und Stürme setzen dem Gemeindewald zu. Zwangsnutzungen bringen die Planung der '
      + 'Forstreviere durcheinander, der Holzpreis schwankt, und gleichzeitig wollen immer mehr Menschen im Wald '
      + 'joggen, biken und grillieren. Die Fachstelle Gemeindewald lädt Gemeinden, Bürgergemeinden und Forstreviere '
      + 'aus den Kantonen Aargau, Bern und Graubünden zu fünf Terminen ein, an denen sie ihre Erfahrungen austauschen.',
    '',
    'Drei Gemeinden stellen ihren Wald vor: die Gemeinde Buchsental (AG), die Einwohnergemeinde Tannwil (BE) und die '
      + 'Gemeinde Valmera (GR).',
    '',
    'Die Termine im Überblick',
    '- Mittwoch, 20. Januar 2027, 16.30 bis 18.00 Uhr, online (Microsoft Teams): Auftakt - Der Gemeindewald in drei '
      + 'Gemeinden',
    '- Mittwoch, 17. Februar 2027, 16.30 bis 18.00 Uhr, online (Microsoft Teams): Borkenkäfer und Zwangsnutzungen',
    '- Mittwoch, 14. April 2027, 16.30 bis 18.00 Uhr, online (Microsoft Teams): Holzverkauf und '
      + 'Holzschnitzel-Heizung',
    '- Freitag, 21. Mai 2027, 08.00 bis 12.30 Uhr, Waldbegehung im Gemeindewald Tannwil (BE): Jungwaldpflege, '
      + 'klimaangepasste Baumarten und Bike-Trail',
    '- Mittwoch, 16. Juni 2027, 16.30 bis 18.00 Uhr, online (Microsoft Teams): Abschluss - Waldbrandgefahr und die '
      + 'Zusammenarbeit von Bürgergemeinde und Einwohnergemeinde',
    '',
    'Lindmatt, im November 2026',
  ], 90),
  wrap([
    'Teilnahme',
    '',
    'Zielgruppe: Gemeinderätinnen und Gemeinderäte mit dem Ressort Wald, Gemeindeschreiberinnen und '
      + 'Gemeindeschreiber, Präsidien von Bürgergemeinden sowie Försterinnen und Förster der Forstreviere.',
    '',
    'Kosten: Für Mitgliedgemeinden des Vereins Fachstelle Gemeindewald ist die Teilnahme kostenlos. Andere Gemeinden '
      + 'und Forstbetriebe bezahlen CHF 280.- für die ganze Reihe; damit können bis zu drei Personen teilnehmen. Die '
      + 'Rechnung folgt nach dem Auftakt.',
    '',
    'Anmeldung: bis Freitag, 8. Januar 2027 per E-Mail an anmeldung@fachstelle-gemeindewald.example.org mit Name, '
      + 'Gemeinde und Funktion. Die Reihe ist auf 40 Personen beschränkt. Für die Waldbegehung ist eine separate '
      + 'Anmeldung bis Freitag, 7. Mai 2027 nötig (25 Plätze).',
    '',
    'Aufzeichnung: Die Inputreferate der Online-Termine werden aufgezeichnet und 30 Tage lang im Teams-Kanal '
      + '"Gemeindewald 2027" zur Verfügung gestellt. Die Diskussionen und die Waldbegehung werden nicht aufgezeichnet.',
    '',
    'Teilnahmebestätigung: Wer an mindestens drei der fünf Termine teilnimmt, erhält nach dem Abschluss eine '
      + 'Teilnahmebestätigung. Sie kann bei der Weiterbildung von Försterinnen und Förstern angerechnet werden.',
    '',
    'Sprache: Die Termine finden auf Deutsch statt.',
    '',
    'Kontakt',
    'Leitung: Dr. Corinne Aebischer, Leiterin der Fachstelle Gemeindewald',
    'Tel. +41 62 555 31 40, c.aebischer@fachstelle-gemeindewald.example.org',
    'Organisation und Anmeldung: Reto Casutt, anmeldung@fachstelle-gemeindewald.example.org',
    'Fachstelle Gemeindewald, Bahnhofstrasse 22, 5079 Lindmatt',
  ], 90),
  wrap([
    'Programm der Waldbegehung in Tannwil',
    'Freitag, 21. Mai 2027, 08.00 bis 12.30 Uhr',
    '',
    'Treffpunkt: 07.45 Uhr beim Werkhof Tannwil, Hofmattstrasse 14, 3479 Tannwil. Postauto-Haltestelle '
      + '"Tannwil, Hofmatt" (Linie 362 ab Bahnhof Lindmatt), von dort drei Minuten zu Fuss.',
    '',
    '08.00  Begrüssung durch Gemeindepräsidentin Ursula Jaggi und Revierförster Beat Zumstein',
    '08.30  Rundgang 1: Jungwaldpflege auf der Sturmfläche Hohlenrain (Sturm Burglind, Januar 2018)',
    '09.30  Rundgang 2: Versuchsfläche mit klimaangepassten Baumarten (Traubeneiche, Douglasie, Elsbeere, '
      + 'Spitzahorn)',
    '10.15  Znüni beim Waldhaus Chrummholz, offeriert von der Burgergemeinde Tannwil',
    '10.45  Der Bike-Trail "Tannwiler Flowtrail": Vereinbarung zwischen Burgergemeinde, Einwohnergemeinde und dem '
      + 'Bikeclub Tannwil',
    '11.45  Gespräch: Wer bezahlt die Erholungsnutzung im Wald?',
    '12.30  Ende beim Werkhof Tannwil',
    '',
    'Der Rundgang ist rund 4 Kilometer lang, mit 180 Metern Höhendifferenz. Die Waldbegehung findet bei jeder '
      + 'Witterung statt.',
  ], 90),
]);

const protokoll: (string | string[][])[] = [
  '# Protokoll der Auftaktsitzung',
  'Erfahrungsaustausch "Der Gemeindewald im Klimawandel" der Fachstelle Gemeindewald',
  'Datum: Mittwoch, 20. Januar 2027, 16.30–18.00 Uhr, online (Microsoft Teams)',
  'Anwesend: 34 Personen aus 19 Gemeinden, Bürgergemeinden und Forstrevieren',
  'Vorsitz: Dr. Corinne Aebischer, Fachstelle Gemeindewald. Protokoll: Seraina Cavelti, Gemeindeschreiberin Valmera',
  '## 1. Begrüssung und Traktandenliste',
  'Corinne Aebischer begrüsst die Teilnehmenden. Die Traktandenliste wird ohne Änderungen genehmigt.',
  '## 2. Der Gemeindewald in drei Gemeinden',
  'Die drei Gemeinden stellen ihren Wald mit den Zahlen des Forstjahres 2026 vor:',
  [
    ['Gemeinde', 'Waldfläche (ha)', 'Hiebsatz (m³ pro Jahr)', 'Anteil Zwangsnutzungen 2026 (%)', 'Erlös pro m³ (CHF)', 'Forstwarte'],
    ['Buchsental (AG)', '412', "3'900", '46 %', '68.–', '3'],
    ['Tannwil (BE)', '655', "5'200", '38 %', '74.–', '4'],
    ['Valmera (GR)', "1'840", "6'100", '22 %', '51.–', '5'],
  ],
  'Revierförster Marco Stirnimann (Forstrevier Buchsental-Rütiberg) erklärt den hohen Anteil an Zwangsnutzungen mit dem trockenen Sommer 2025 und dem Buchdrucker in den Fichtenbeständen. In Valmera ist der Wald zu 70 % Schutzwald; der Hiebsatz wird deshalb vor allem für die Schutzwaldpflege verwendet. Valmera bildet zusätzlich zwei Lernende zum Forstwart aus.',
  '## 3. Borkenkäfer und Zwangsnutzungen: erste Erfahrungen',
  'Buchsental hat 2026 rund 1\'800 m³ Käferholz genutzt. Befallene Bäume werden innert drei Wochen gefällt und aus dem Wald geführt; das Holz wird als Energieholz verkauft oder im Wald entrindet. Die Gemeinde rechnet mit Kosten von CHF 35.– pro m³ für die Zwangsnutzung. Tannwil kontrolliert die Fichtenbestände von Mai bis September alle zwei Wochen.',
  'Beschluss: Das Thema Borkenkäfer wird am zweiten Termin vertieft; Revierförster Marco Stirnimann hält das Inputreferat.',
  '## 4. Waldbegehung in Tannwil',
  'Beat Zumstein, Revierförster in Tannwil, stellt das Programm der Waldbegehung vor. Auf der Versuchsfläche Hohlenrain wurden seit 2021 rund 2\'400 junge Bäume gepflanzt; nach drei Jahren sind 81 % der Traubeneichen und 64 % der Douglasien angewachsen.',
  'Beschluss: Die Waldbegehung findet wie geplant am Freitag, 21. Mai 2027 in Tannwil statt. Die Burgergemeinde Tannwil offeriert das Znüni.',
  '## 5. Holzverkauf und Holzschnitzel-Heizung',
  'Buchsental verkauft das Energieholz an die eigene Holzschnitzel-Heizung beim Schulhaus Mattenhof. Sie verbraucht rund 1\'450 Schnitzelkubikmeter (Sm³) pro Jahr und heizt das Schulhaus, das Gemeindehaus und 23 private Liegenschaften. Die Gemeinde bezahlt dem Forstrevier CHF 48.– pro Sm³.',
  'Beschluss: Vor dem dritten Termin erheben die teilnehmenden Gemeinden ihre Holzmengen mit einem Kurzfragebogen. Der Fragebogen ist bis Freitag, 12. Februar 2027 ausgefüllt an die Fachstelle zurückzusenden.',
  '## 6. Varia',
  'Valmera weist auf die laufende Vernehmlassung des Kantons Graubünden zur Waldbrandprävention hin. Beschluss: Die Fachstelle klärt bis zum nächsten Termin, ob die teilnehmenden Gemeinden eine gemeinsame Stellungnahme einreichen.',
  'Nächste Sitzung: Mittwoch, 17. Februar 2027, 16.30–18.00 Uhr, online. Die Folien des Auftakts sind im Teams-Kanal „Gemeindewald 2027“ abgelegt.',
  'Lindmatt, 22. Januar 2027. Für das Protokoll: Seraina Cavelti',
];

const slides: { title: string; lines: string[]; table?: string[][] }[] = [
  { title: 'Keeping Roads Open: Municipal Winter Maintenance', lines: [
    'Kick-off of the Anchorage–Germany–Austria peer exchange 2027',
    'Thursday, February 4, 2027, 8:00–9:30 a.m. AKST, Microsoft Teams',
    'Hosted by the Municipality of Anchorage, Street Maintenance Division',
  ] },
  { title: 'Why this exchange', lines: [
    'Longer winters in Anchorage, wetter winters in Central Europe',
    'More freeze-thaw cycles, more ice',
    'Fewer CDL drivers and mechanics',
    'Residents expect live information',
  ] },
  { title: 'Three places compared (winter 2025/26)', lines: [
    'Figures supplied by each public works department',
  ], table: [
    ['Place', 'Lane miles plowed', 'Plow trucks', 'Salt per season', 'Brine per season', 'Cost per lane mile', 'Avg. time to clear priority routes'],
    ['Municipality of Anchorage (AK)', '1,340 (2,157 km)', '58', '9,800 tons', '310,000 gallons', '$11,200', '6 hours'],
    ['Stadt Wendelsau (Bavaria, DE)', '410 (660 km)', '14', '2,300 tons', '450,000 liters', '$4,900', '4 hours'],
    ['Stadt Kirchfelden (Tyrol, AT)', '180 (290 km)', '7', '1,100 tons', 'none', '$6,300', '3.5 hours'],
  ] },
  { title: 'Priority routes in Anchorage', lines: [
    'Priority 1: arterials, hospital and emergency routes',
    'Priority 2: collectors, bus routes, school zones',
    'Priority 3: residential streets',
    'Residential streets cleared within 72 hours after snowfall ends',
    'Plow Tracker map on the Municipality website',
  ] },
  { title: 'Storm response in six steps', lines: [
    '1. 48 hours out: watch the National Weather Service forecast, call the storm desk',
    '2. 24 hours out: pre-treat Priority 1 bridges and hills with brine',
    '3. 12 hours out: call out crews, switch to 12-hour shifts',
    '4. Snowfall starts: plow and sand Priority 1 routes continuously',
    '5. After 4 inches: add Priority 2 routes, send the first resident alert',
    '6. Snowfall ends: residential streets, then snow haul to the storage sites',
  ] },
  { title: 'Sidewalks, trails and bike lanes', lines: [
    'Anchorage clears 250 miles of sidewalks and trails',
    'Sidewalk plows: 11 small tractors',
    'Priority sidewalks near schools within 48 hours',
    'Bike lanes plowed together with Priority 2 routes',
  ] },
  { title: 'Snow storage', lines: [
    '5 snow storage sites',
    'Largest site: 1.2 million cubic yards',
    'Meltwater passes an oil and grit separator',
    'Sites open 24/7 during snow haul',
  ] },
  { title: 'Next steps', lines: [
    'Short survey on routes and fleets by February 15, 2027',
    'Next session: Thursday, February 25, 2027 – Priority routes and plow trackers',
    'Slides and recording in the Teams channel "Winter Roads 2027"',
  ] },
];

const zusammenfassung: (string | string[][])[] = [
  '# Zusammenfassung für die Teilnehmenden aus Deutschland und Österreich',
  'Keeping Roads Open: Municipal Winter Maintenance – Erfahrungsaustausch 2027 der Municipality of Anchorage mit der Stadt Wendelsau und der Stadt Kirchfelden',
  'Die Reihe findet auf Englisch statt. Hier fassen wir das Wichtigste auf Deutsch zusammen. Ansprechpartner für die deutschsprachigen Teilnehmenden ist Tobias Renner, Leiter des Bauhofs der Stadt Wendelsau (t.renner@wendelsau.example.org).',
  '## Termine in deutscher Zeit',
  'Die Termine beginnen in Anchorage um 8:00 Uhr morgens. Weil die USA die Uhren am 14. März 2027 umstellen und Deutschland und Österreich erst am 28. März 2027, verschiebt sich die Uhrzeit bei uns für einen Termin um eine Stunde.',
  [
    ['Datum', 'Deutsche und österreichische Zeit', 'Thema'],
    ['Donnerstag, 04.02.2027', '18:00–19:30 Uhr', 'Auftakt: drei Orte, drei Winter'],
    ['Donnerstag, 25.02.2027', '18:00–19:30 Uhr', 'Räumprioritäten, Räumfahrzeug-Tracker und Information der Bevölkerung'],
    ['Donnerstag, 18.03.2027', '17:00–18:30 Uhr', 'Salz, Sole und die Räumung von Gehwegen und Radwegen'],
    ['Donnerstag, 08.04.2027', '18:00–21:00 Uhr', 'Planspiel: Einsatz bei einem Wintersturm'],
    ['Donnerstag, 06.05.2027', '18:00–19:30 Uhr', 'Abschluss: Unternehmer, Personal, Fahrzeuge und Schneedepots'],
  ],
  '## Was es bei uns anders gibt',
  'Räum- und Streupflicht: In Wendelsau müssen die Anlieger die Gehwege werktags von 7:00 bis 20:00 Uhr räumen und streuen, an Sonn- und Feiertagen ab 8:00 Uhr. In Anchorage räumt die Municipality die Gehwege selbst.',
  'Feuchtsalz: Wendelsau streut seit dem Winter 2024/25 auf Radwegen nur noch Sole und auf Straßen Feuchtsalz FS 30.',
  'Maschinenring: Kirchfelden vergibt 40 % der Räumstrecken an Landwirte aus dem Maschinenring; sie werden nach Einsatzstunden bezahlt.',
  'Schneedepot: Kirchfelden lagert den Schnee aus der Altstadt auf dem Parkplatz beim Sportplatz Au; das Depot fasst rund 18.000 m³.',
  '## Organisatorisches',
  'Die Teilnahme ist für Städte und Gemeinden aus Deutschland und Österreich kostenlos. Eine Verdolmetschung gibt es nicht; die Folien werden vorab auf Deutsch zusammengefasst. Für das Planspiel am 08.04.2027 bildet jede Stadt ein eigenes Team; Wendelsau und Kirchfelden spielen gemeinsam als „Team Europa“.',
  'Nach jedem Termin bleiben die deutschsprachigen Teilnehmenden noch eine Viertelstunde zur Nachbesprechung auf Deutsch im selben Teams-Raum.',
];

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const wald = path.join(root, 'stadtwald-gemeinden-schweiz', 'material');
  const winter = path.join(root, 'winter-roads-anchorage-en', 'material');
  await fs.mkdir(wald, { recursive: true });
  await fs.mkdir(winter, { recursive: true });
  await fs.writeFile(path.join(wald, '01-einladung.pdf'), makePdf(einladung));
  await fs.writeFile(path.join(wald, '02-protokoll-auftakt.docx'), await makeDocx(protokoll));
  await fs.writeFile(path.join(winter, '01-kickoff-slides.pptx'), await makePptx(slides));
  await fs.writeFile(path.join(winter, '04-zusammenfassung-deutsch.docx'), await makeDocx(zusammenfassung));
  process.stdout.write(`invitation and minutes written to ${wald}, slides and German summary to ${winter}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
