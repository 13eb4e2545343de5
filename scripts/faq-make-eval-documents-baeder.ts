// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/baeder-betrieb-nord/material/01-einladung.pdf  invitation, three pages (overview with a session
//     table as aligned lines; participation; the on-site visit with address and travel)
//   tests/faq/programs/baeder-betrieb-nord/material/03-auftakt-folien.pptx  kick-off slides (terse bullets, one slide
//     with a real table of three Bäder, one slide with the numbered steps of a Notfallplan)
//   tests/faq/programs/baeder-betrieb-nord/material/06-protokoll-auftakt.docx  minutes of the kick-off (numbered TOP
//     headings, one Word table of Maßnahmen: Was / Wer / Bis wann)
//   tests/faq/programs/community-gardens-dublin-en/material/01-call-for-participants.docx  call for participants
//     (headings, a bullet list of conditions, the sessions with the old date of session 3)
//   npx tsx scripts/faq-make-eval-documents-baeder.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi (so the PDF writes "Euro" and straight
// quotes where the other files use „€“ and „“).
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const einladung = latin1Only([
  wrap([
    'Kreis Nordwarder - Fachdienst Schule, Sport und Kultur',
    'Einladung zum Netzwerk "Bäder Nord" 2027',
    'Hallen- und Freibäder im ländlichen Raum sicher betreiben',
    '',
    'Moin,',
    '',
    'in vielen Ämtern und kleinen Städten unseres Kreises stehen die Bäder unter Druck: Es fehlen Fachangestellte '
      + 'für Bäderbetriebe und Rettungsschwimmerinnen und Rettungsschwimmer, die Energiekosten sind hoch, und bei '
      + 'vielen Becken und Technikräumen hat sich ein Sanierungsstau gebildet. Gleichzeitig sollen die Kinder '
      + 'schwimmen lernen und die Öffnungszeiten verlässlich bleiben.',
    '',
    'Der Kreis Nordwarder lädt deshalb die Ämter, die amtsfreien Städte und Gemeinden und die amtsangehörigen '
      + 'Gemeinden mit eigenem Bad zu fünf Terminen ein. Drei Bäder stellen sich vor: das Hallenbad Lüttwarder '
      + '(Stadt Lüttwarder), das Freibad Bramsholm (Amt Bramsholm-Land) und das Kombibad Sielkoog (Gemeinde '
      + 'Sielkoog, Amt Marschkante).',
    '',
    'Die Termine im Überblick',
    '',
    'Nr.  Datum                     Uhrzeit            Ort                Thema',
    '1    Donnerstag, 14.01.2027    09:00-10:30 Uhr    online (Teams)     Auftakt: Drei Bäder, drei Wege',
    '2    Donnerstag, 11.02.2027    09:00-10:30 Uhr    online (Teams)     Fachkräfte gewinnen und halten',
    '3    Donnerstag, 15.04.2027    09:00-10:30 Uhr    online (Teams)     Energiekosten und Sanierungsstau',
    '4    Dienstag, 25.05.2027      10:00-14:30 Uhr    Freibad Bramsholm  Vor-Ort-Besuch: Badeaufsicht im Freibad',
    '5    Donnerstag, 17.06.2027    09:00-10:30 Uhr    online (Teams)     Abschluss: Schulschwimmen und Öffnungszeiten',
    '',
    'Die Online-Termine finden in Microsoft Teams statt; den Link erhalten Sie nach der Anmeldung.',
    '',
    'Nordwarder, im November 2026',
  ], 110),
  wrap([
    'Teilnahme',
    '',
    'Zielgruppe: Bäderleitungen, Meisterinnen und Meister für Bäderbetriebe, Fachangestellte für Bäderbetriebe, '
      + 'Leitende Verwaltungsbeamtinnen und -beamte der Ämter sowie Bürgermeisterinnen und Bürgermeister von '
      + 'Gemeinden mit eigenem Bad.',
    '',
    'Kosten: Für Mitglieder des Netzwerks "Bäder Nord" ist die Teilnahme kostenfrei. Kommunen, die nicht Mitglied '
      + 'sind, zahlen 120 Euro pro Kommune für die ganze Reihe; damit können bis zu drei Personen teilnehmen.',
    '',
    'Anmeldung: bis Freitag, 8. Januar 2027 per E-Mail an baedernetzwerk@kreis-nordwarder.example.org mit Name, '
      + 'Kommune, Bad und Funktion. Die Reihe ist auf 35 Personen begrenzt. Für den Vor-Ort-Besuch in Bramsholm ist '
      + 'eine eigene Anmeldung bis Freitag, 14. Mai 2027 nötig (20 Plätze).',
    '',
    'Aufzeichnung: Die Impulsvorträge der Online-Termine werden aufgezeichnet und 14 Tage lang im Teams-Kanal '
      + '"Bäder Nord 2027" bereitgestellt. Die Diskussionen und der Vor-Ort-Besuch werden nicht aufgezeichnet.',
    '',
    'Teilnahmebescheinigung: Wer an mindestens drei der fünf Termine teilnimmt, erhält nach dem Abschluss eine '
      + 'Teilnahmebescheinigung des Kreises.',
    '',
    'Kontakt',
    'Leitung: Hauke Petersen, Fachdienst Schule, Sport und Kultur, Kreis Nordwarder',
    'Tel. 04871 555 214, h.petersen@kreis-nordwarder.example.org',
    'Organisation und Anmeldung: Frauke Jessen, baedernetzwerk@kreis-nordwarder.example.org',
    'Kreis Nordwarder, Kreishaus, Am Kreishafen 2, 25790 Nordwarder',
  ], 110),
  wrap([
    'Vor-Ort-Besuch im Freibad Bramsholm',
    'Dienstag, 25. Mai 2027, 10:00 bis 14:30 Uhr',
    '',
    'Treffpunkt: 09:45 Uhr am Kassengebäude des Freibads Bramsholm, Am Mühlenteich 6, 25799 Bramsholm.',
    '',
    'Anreise mit Bus und Bahn: Mit dem Regionalzug bis Bahnhof Nordwarder, von dort mit dem Bus der Linie 2540 '
      + 'Richtung Bramsholm bis zur Haltestelle "Bramsholm, Freibad" (Fahrzeit 25 Minuten). Von der Haltestelle '
      + 'sind es zwei Minuten zu Fuß. Aus Nordwarder bilden wir auf Wunsch Fahrgemeinschaften.',
    '',
    'Ablauf',
    '10:00  Begrüßung durch Amtsdirektorin Birte Carstensen und Schwimmmeister Sönke Hansen',
    '10:20  Rundgang: Becken, Technikraum und Solarabsorber',
    '11:15  Badeaufsicht in der Praxis: Aufsichtsplan, Standorte und Notfallübung',
    '12:15  Mittagsimbiss im Kassengebäude, gestellt vom Amt Bramsholm-Land',
    '13:00  Gespräch: Saisonkräfte und Rettungsschwimmer gewinnen',
    '14:30  Ende',
    '',
    'Der Besuch findet bei jedem Wetter statt. Fahrtkosten werden nicht erstattet.',
  ], 110),
]);

const folien: { title: string; lines: string[]; table?: string[][] }[] = [
  { title: 'Netzwerk "Bäder Nord" 2027', lines: [
    'Auftakt am 14.01.2027, 09:00–10:30 Uhr, Microsoft Teams',
    'Kreis Nordwarder, Fachdienst Schule, Sport und Kultur',
    'Moin und willkommen!',
  ] },
  { title: 'Warum ein Netzwerk?', lines: [
    'Zu wenige Fachangestellte für Bäderbetriebe',
    'Rettungsschwimmer fehlen vor allem in der Freibadsaison',
    'Energiekosten seit 2022 fast verdoppelt',
    'Sanierungsstau bei Technik und Becken',
    'Schulschwimmen fällt aus, wenn Aufsicht fehlt',
  ] },
  { title: 'Drei Bäder im Vergleich (Zahlen 2026)', lines: [
    'Angaben der Betreiber',
  ], table: [
    ['Bad', 'Wasserfläche', 'Besucher pro Jahr', 'Personal', 'Energieverbrauch', 'Eintritt Erwachsene / Kinder'],
    ['Hallenbad Lüttwarder (Stadt Lüttwarder)', '412 m²', '68.500', '9 (davon 4 Fachangestellte)', '1.240 MWh', '4,50 € / 2,50 €'],
    ['Freibad Bramsholm (Amt Bramsholm-Land)', '1.250 m²', '41.200', '5 fest + 8 Saisonkräfte', '380 MWh', '3,00 € / 1,50 €'],
    ['Kombibad Sielkoog (Amt Marschkante)', '780 m²', '95.300', '14', '2.150 MWh', '5,50 € / 3,00 €'],
  ] },
  { title: 'Öffnungszeiten', lines: [
    'Hallenbad Lüttwarder: Di–So, Montag Ruhetag, Frühschwimmen Mi ab 6:30 Uhr',
    'Freibad Bramsholm: Saison 15. Mai bis 12. September 2027, täglich 10–19 Uhr',
    'Kombibad Sielkoog: ganzjährig, Sauna nur Oktober bis April',
    'Lüttwarder schließt im Juli drei Wochen für die Revision',
  ] },
  { title: 'Notfallplan: Was tun bei einem Badeunfall?', lines: [
    '1. Notfall erkennen, mit der Trillerpfeife Alarm geben',
    '2. Person bergen und an den Beckenrand bringen',
    '3. Zweite Kraft setzt den Notruf 112 ab',
    '4. Erste Hilfe leisten, AED holen und einsetzen',
    '5. Badebetrieb unterbrechen, Becken räumen lassen',
    '6. Rettungsdienst am Tor einweisen',
    '7. Unfall im Unfallbuch eintragen, Betriebsleitung innerhalb von 24 Stunden melden',
  ] },
  { title: 'Schulschwimmen', lines: [
    '31 Grundschulen im Kreis, 9 ohne erreichbares Bad',
    'Nur 58 % der Viertklässler sind sichere Schwimmer (Bronze)',
    'Schwimmbus des Kreises: Zuschuss 60 % der Fahrtkosten',
  ] },
  { title: 'So geht es weiter', lines: [
    '11.02.2027: Fachkräfte gewinnen und halten',
    '15.04.2027: Energiekosten und Sanierungsstau',
    '25.05.2027: Vor-Ort-Besuch im Freibad Bramsholm',
    '17.06.2027: Abschluss',
    'Fragen an baedernetzwerk@kreis-nordwarder.example.org',
  ] },
];

const protokoll: (string | string[][])[] = [
  '# Protokoll des Auftakts',
  'Netzwerk „Bäder Nord“ 2027 des Kreises Nordwarder',
  'Datum: Donnerstag, 14. Januar 2027, 09:00–10:30 Uhr, online (Microsoft Teams)',
  'Teilnehmende: 29 Personen aus 17 Ämtern, Städten und Gemeinden',
  'Leitung: Hauke Petersen, Kreis Nordwarder. Protokoll: Frauke Jessen',
  '## TOP 1 Begrüßung',
  'Hauke Petersen begrüßt die Teilnehmenden mit einem „Moin“ und stellt das Netzwerk und die fünf Termine vor.',
  '## TOP 2 Drei Bäder stellen sich vor',
  'Die Stadt Lüttwarder, das Amt Bramsholm-Land und das Amt Marschkante stellen ihre Bäder mit den Zahlen von 2026 vor (siehe Folien). Das Hallenbad Lüttwarder schätzt seinen Sanierungsstau auf 4,8 Mio. Euro, vor allem für die Lüftungsanlage und die Beckenabdichtung. Das Kombibad Sielkoog hat 2025 eine neue Wasseraufbereitung für 1,1 Mio. Euro eingebaut.',
  '## TOP 3 Fachkräftemangel',
  'Das Freibad Bramsholm hat für die Saison 2026 nur 5 von 8 Saisonkräften gefunden und musste an 19 Tagen früher schließen. Schwimmmeister Sönke Hansen berichtet von guten Erfahrungen mit Studierenden, die das Rettungsschwimmabzeichen Silber im Frühjahr beim Rettungsschwimmverein Bramsholm erwerben; das Amt übernimmt die Kursgebühr von 85 Euro.',
  '## TOP 4 Schulschwimmen und Badeaufsicht',
  'Die Schulen brauchen für den Schwimmunterricht eine Lehrkraft mit Rettungsfähigkeit; im Kombibad Sielkoog übernimmt das Badpersonal zusätzlich die Beckenaufsicht. Lüttwarder bietet Schulen feste Zeitfenster dienstags und donnerstags von 8 bis 12 Uhr an.',
  '## TOP 5 Verschiedenes',
  'Der Termin am 11.02.2027 zum Thema Fachkräfte bleibt vorerst wie geplant. Die Folien liegen im Teams-Kanal „Bäder Nord 2027“.',
  '## Maßnahmen',
  [
    ['Was', 'Wer', 'Bis wann'],
    ['Folien und Vergleichstabelle im Teams-Kanal ablegen', 'Frauke Jessen', '15.01.2027'],
    ['Muster-Aufsichtsplan des Freibads Bramsholm teilen', 'Sönke Hansen', '29.01.2027'],
    ['Energiedaten der eigenen Bäder für Termin 3 melden', 'alle Bäder', '31.03.2027'],
    ['Förderprogramme für die Bädersanierung zusammenstellen', 'Hauke Petersen', '08.04.2027'],
  ],
  'Nordwarder, 15. Januar 2027. Für das Protokoll: Frauke Jessen',
];

const call: (string | string[][])[] = [
  '# Growing Together: Community Gardens and Allotments on Council Land',
  'Call for participants – an Irish–German peer exchange 2027',
  'Fingleby County Council invites staff of local authorities and community garden groups to a peer exchange with Kilcorran Town Council and the Kleingarten offices of two German towns, Stadt Pleißenhain (Saxony) and Stadt Wupperfeld (North Rhine-Westphalia).',
  '## Why this exchange',
  'Waiting lists for allotments in the Dublin area keep growing, while German towns in the east have empty plots. Councils everywhere struggle with water costs, tenancy rules, insurance, volunteers and vandalism, and want raised beds that people with limited mobility can use. In Germany, allotments (Kleingärten) are governed by a federal law of their own; in Ireland, the rules are set by each council.',
  '## Sessions',
  'Five online sessions on Microsoft Teams, on Tuesdays from 10:00 to 11:30 Irish time:',
  '- Tuesday 9 March 2027: Kick-off – four places, four ways of gardening',
  '- Tuesday 23 March 2027: Waiting lists, allocation and plot rents',
  '- Tuesday 13 April 2027: Water, composting and soil',
  '- Tuesday 11 May 2027 (10:00 to 12:30): Insurance, tenancy rules and vandalism',
  '- Tuesday 8 June 2027: Volunteers and accessible raised beds; closing session',
  '## Conditions of participation',
  '- Open to staff of local authorities and to community garden groups working on council land.',
  '- Participation is free of charge for local authorities; community groups and NGOs pay €40 per organisation.',
  '- At most four persons per organisation; 45 places in total.',
  '- Register by Friday 19 February 2027 by e-mail to gardens.exchange@fingleby-coco.example.org.',
  '- The sessions are held in English; there is no interpretation.',
  '- Participants should attend at least three of the five sessions to receive a certificate of participation.',
  '- Sessions are recorded; recordings stay available for 21 days.',
  '## Contact',
  'Aoife Brennan, Allotments and Community Gardens Officer, Parks and Biodiversity Section, Fingleby County Council, gardens.exchange@fingleby-coco.example.org',
  'Fingleby, January 2027',
];

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const baeder = path.join(root, 'baeder-betrieb-nord', 'material');
  const gardens = path.join(root, 'community-gardens-dublin-en', 'material');
  await fs.mkdir(baeder, { recursive: true });
  await fs.mkdir(gardens, { recursive: true });
  await fs.writeFile(path.join(baeder, '01-einladung.pdf'), makePdf(einladung));
  await fs.writeFile(path.join(baeder, '03-auftakt-folien.pptx'), await makePptx(folien));
  await fs.writeFile(path.join(baeder, '06-protokoll-auftakt.docx'), await makeDocx(protokoll));
  await fs.writeFile(path.join(gardens, '01-call-for-participants.docx'), await makeDocx(call));
  process.stdout.write(`invitation, slides and minutes written to ${baeder}, call for participants to ${gardens}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
