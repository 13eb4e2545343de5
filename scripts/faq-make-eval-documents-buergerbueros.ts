// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/buergerbueros-termine-nrw/material/02-leitfaden-terminvergabe.docx  Leitfaden Terminvergabe
//     (headings, a numbered list of seven steps, a figures table of Emsholt and Lindenkamp as "a | b | c" lines)
//   tests/faq/programs/walkable-streets-seoul-en/material/01-call-for-participants.pdf  call for participants
//     (two pages, Latin-1, sessions in Korea Standard Time)
//   npx tsx scripts/faq-make-eval-documents-buergerbueros.ts
// Deterministic: makeDocx zips with fixed dates and makePdf derives the PDF id from the text, so two runs give
// byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, wrap } from './faq-make-documents.js';

const leitfaden: string[] = [
  '# Leitfaden Terminvergabe im Bürgerbüro',
  'Netzwerk Bürgerservice NRW – Arbeitshilfe zur Reihe „Bürgerbüros im Wandel“. Stand: 26.02.2027',
  'Dieser Leitfaden fasst zusammen, wie die Städte Emsholt und Lindenkamp die Online-Terminvergabe eingeführt haben und was andere Städte daraus übernehmen können. Er ist keine Vorschrift, sondern eine Sammlung erprobter Schritte.',
  '## 1. Ausgangslage',
  'Beide Städte hatten bis 2022 vor allem offene Sprechzeiten: Wer kam, zog eine Wartenummer. An Montagen und nach Ferien bildeten sich lange Schlangen vor den Bürgerbüros, in Emsholt warteten Bürgerinnen und Bürger im Schnitt 47 Minuten. Emsholt stellte im Herbst 2022 auf Termine um, Lindenkamp im Frühjahr 2023.',
  '## 2. In sieben Schritten zur Online-Terminvergabe',
  '1. Dienstleistungskatalog prüfen: Für jedes Anliegen eine feste Dauer festlegen, zum Beispiel Personalausweis 15 Minuten, Reisepass 20 Minuten, Ummeldung 10 Minuten.',
  '2. Kontingente festlegen: 70 Prozent der Zeitfenster werden online vergeben, 20 Prozent telefonisch und 10 Prozent bleiben als Notfallkontingent für dringende Fälle frei.',
  '3. Buchungsfenster begrenzen: Termine sind höchstens 6 Wochen im Voraus buchbar; neue Termine werden jeden Morgen um 7:00 Uhr freigeschaltet.',
  '4. Erinnern und Stornieren erleichtern: Erinnerung per E-Mail oder SMS 48 Stunden vor dem Termin; Stornierung mit einem Klick bis 24 Stunden vorher.',
  '5. Spontankundschaft nicht vergessen: Für das Abholen fertiger Dokumente braucht es keinen Termin. Emsholt hat dafür eine Express-Theke, geöffnet dienstags und donnerstags von 8 bis 12 Uhr.',
  '6. Niemanden ausschließen: Wer kein Internet nutzt, bucht telefonisch über die Behördennummer 115 oder direkt am Empfang.',
  '7. Auswerten: Einmal im Monat die No-Show-Quote und die Wartezeit vor Ort auswerten und die Kontingente anpassen.',
  '## 3. Kennzahlen der beiden Städte',
  'Kennzahl | Emsholt | Lindenkamp',
  'Einwohnerinnen und Einwohner (31.12.2026) | 92.400 | 148.700',
  'Standorte des Bürgerbüros | 2 | 4',
  'Anteil online gebuchter Termine 2022 | 38 % | 51 %',
  'Anteil online gebuchter Termine 2026 | 81 % | 74 %',
  'Durchschnittliche Wartezeit vor Ort 2022 | 47 Minuten | 35 Minuten',
  'Durchschnittliche Wartezeit vor Ort 2026 | 9 Minuten | 14 Minuten',
  'Nicht wahrgenommene Termine (No-Show-Quote) 2026 | 12 % | 7 %',
  'Vorgänge im Jahr 2026 | 61.300 | 104.800',
  'Zufriedenheit in der Kundenbefragung 2026 (Schulnote) | 1,8 | 2,1',
  '## 4. Was die Städte gelernt haben',
  'Emsholt: Die No-Show-Quote lag nach der Umstellung zunächst bei 19 Prozent. Seit der Erinnerung 48 Stunden vorher ist sie auf 12 Prozent gesunken. Doppelbuchungen erkennt das System an der E-Mail-Adresse; wer zwei Termine für dasselbe Anliegen bucht, bekommt einen davon automatisch storniert.',
  'Lindenkamp: Wer dreimal einen Termin verfallen lässt, ohne abzusagen, kann für 3 Monate keine Termine mehr online buchen (Buchungssperre); telefonisch geht es weiterhin. Seit 2025 gibt es an einem Samstag im Monat Termine von 9 bis 13 Uhr am Standort Altstadt. Die Kundenbefragung läuft über einen QR-Code am Schalter; 2026 haben 3.150 Personen mitgemacht.',
  '## 5. Ansprechpersonen',
  'Emsholt: Stefan Overbeck, Leitung Bürgerbüro. Lindenkamp: Aylin Demir, Abteilungsleitung Bürgerservice. Fragen zum Leitfaden: Dr. Katrin Wessels, k.wessels@buergerservice-nrw.example.org',
];

const call = latin1Only([
  wrap([
    'Walkable Streets: Seoul-German Exchange on Pedestrian Zones 2027',
    'Call for participants',
    'Hanbit-gu Office (Seoul, Republic of Korea) and Stadt Auenried (Germany)',
    'Version: 18 January 2027',
    '',
    'Why this exchange?',
    'Streets are for people. Hanbit-gu, a district of Seoul with about 412,000 residents, has turned narrow alleys and busy shopping streets into pedestrian-priority streets since 2018. Auenried, a German city with about 126,000 inhabitants, has had a pedestrian zone in its old town since 1978 and extended it in 2024. In four online sessions, staff from both countries compare how they make streets safer and more pleasant to walk: pedestrian-priority streets, school zones, car-free days, benches and shade, retail and resident participation.',
    '',
    'Who should apply?',
    '- Staff of district offices, city and municipal administrations (planning, traffic, public space, economic development)',
    '- Police and school authorities working on school zones are welcome',
    '- No planning or engineering degree needed',
    '- 36 places: 18 from Korea and 18 from Germany; at most 3 per organisation',
    '',
    'Sessions (Korea Standard Time, Seoul)',
    '- Thu 4 March 2027, 17:00-18:30 - Kick-off: two cities, two street stories',
    '- Thu 1 April 2027, 17:00-18:30 - Pedestrian-priority streets and school zones',
    '- Thu 10 June 2027, 17:00-18:30 - Pedestrian zones, local shops and resident participation',
    '- Thu 4 November 2027, 17:00-19:00 - Closing session: walking strategies and what we take home',
    'The closing session is two hours long and includes a short break. Participants in Germany: see the practical information for German times.',
  ], 78),
  wrap([
    'Fees',
    '- Free of charge for public authorities (district offices, city and municipal administrations)',
    '- Guests (consultants, universities, associations): KRW 110,000 or EUR 75 per person for the whole series, invoiced after the kick-off',
    '',
    'Language and interpretation',
    'The working language is English. Simultaneous interpretation between Korean and English is provided in all four sessions. There is no interpretation into German; German participants receive a German summary.',
    '',
    'Recordings',
    'The presentations are recorded and available to registered participants for 21 days in the Teams channel. Breakout groups are not recorded. Recordings are not published.',
    '',
    'Certificate',
    'A certificate of participation is issued for attending at least 3 of the 4 sessions live. It is issued in English and Korean.',
    '',
    'How to register',
    'Registration deadline: 15 February 2027.',
    '- Korea: Seo Min-ji, Hanbit-gu Office, walkable@hanbit-gu.example.org',
    '- Germany: Dr. Henrike Stolz, Stadt Auenried, fussverkehr@auenried.example.org',
    'Platform: Microsoft Teams (the browser version is enough).',
  ], 78),
]);

async function main(): Promise<void> {
  const dirA = path.resolve('tests/faq/programs/buergerbueros-termine-nrw/material');
  await fs.mkdir(dirA, { recursive: true });
  await fs.writeFile(path.join(dirA, '02-leitfaden-terminvergabe.docx'), await makeDocx(leitfaden));
  const dirB = path.resolve('tests/faq/programs/walkable-streets-seoul-en/material');
  await fs.mkdir(dirB, { recursive: true });
  await fs.writeFile(path.join(dirB, '01-call-for-participants.pdf'), makePdf(call));
  process.stdout.write(`documents written to ${dirA} and ${dirB}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
