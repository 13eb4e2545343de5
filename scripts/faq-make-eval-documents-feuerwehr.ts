// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/feuerwehr-nachwuchs-bayern/material/01-ausschreibung.pdf  Ausschreibung (two pages, Sie);
//     "printed" in November 2026, before session 3 moved, so it still lists it on 20.04.2027
//   tests/faq/programs/tourism-visitor-flows-brazil-en/material/01-kickoff-slides.pptx  kick-off slides (terse
//     bullets, one table slide as "a | b | c" lines with the figures of Ponta das Garças and Dünenhagen)
//   npx tsx scripts/faq-make-eval-documents-feuerwehr.ts
// Deterministic: makePdf derives the PDF id from the text and makePptx writes fixed timestamps, so two runs give
// byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makePdf, makePptx, wrap } from './faq-make-documents.js';

const ausschreibung = latin1Only([
  wrap([
    'Ausschreibung Peer-Learning',
    '"Feuerwehr braucht Nachwuchs: Kinder- und Jugendfeuerwehr und Tagesalarmsicherheit in kleinen Gemeinden"',
    'Netzwerk "Feuerwehr im Dorf" Oberfranken-Oberpfalz - Stand: 20.11.2026',
    '',
    '1. Worum geht es?',
    'In vielen kleinen Gemeinden wird es schwerer, die Freiwillige Feuerwehr einsatzbereit zu halten: Junge Leute '
      + 'ziehen weg, Aktive pendeln zur Arbeit, und werktags tagsüber ist oft kaum jemand im Ort. Die Reihe bringt '
      + 'Gemeindeverwaltungen, Bürgermeisterinnen und Bürgermeister, Kommandanten und Jugendwarte zusammen, um '
      + 'voneinander zu lernen: von der Kinderfeuerwehr bis zur Vereinbarung mit den Arbeitgebern.',
    '',
    '2. Zielgruppe',
    'Gemeinden, Märkte und Verwaltungsgemeinschaften in Oberfranken und der Oberpfalz mit Freiwilligen '
      + 'Feuerwehren ohne hauptamtliche Kräfte. Angesprochen sind Verwaltung, Gemeindespitze und die Führung der '
      + 'Feuerwehren. Vorkenntnisse sind nicht erforderlich.',
    '',
    '3. Termine',
    'Vier Termine finden online über Microsoft Teams statt, jeweils dienstags von 19:00 bis 20:30 Uhr. Ein Termin '
      + 'findet an einem Samstag vor Ort statt.',
    'Termin 1 - Di 02.03.2027 - Auftakt: Wer rückt bei uns in zehn Jahren noch aus?',
    'Termin 2 - Di 16.03.2027 - Kinder- und Jugendfeuerwehr: früh anfangen, lange bleiben',
    'Termin 3 - Di 20.04.2027 - Tagesalarmsicherheit: Arbeitgeber, Pendler und Doppelmitgliedschaft',
    'Termin 4 - Sa 05.06.2027 - Übungs- und Austauschtag im Feuerwehrhaus Kemnathbach (vor Ort)',
    'Termin 5 - Di 29.06.2027 - Abschluss: Mitgliederwerbung, Quereinsteiger und was wir mitnehmen',
    'Insgesamt 5 Termine. Die Online-Termine dauern je 90 Minuten.',
    '',
    '4. Übungs- und Austauschtag am Samstag, 05.06.2027',
    'Ort: Feuerwehrhaus Kemnathbach, Am Weiherdamm 4, Kemnathbach (Oberpfalz)',
    '09:00 Uhr  Ankommen, Kaffee und Brezen',
    '09:30 Uhr  Begrüßung durch den Ersten Bürgermeister und den Kommandanten von Kemnathbach',
    '10:00 Uhr  Übung der Kinderfeuerwehr Kemnathbach (zuschauen und nachfragen)',
    '11:00 Uhr  Planspiel Tagesalarm: Wer kommt am Dienstag um 10 Uhr zum Einsatz?',
    '12:30 Uhr  Mittagessen im Feuerwehrhaus',
    '13:30 Uhr  Austausch in Kleingruppen: Nachwuchs, Arbeitgeber, Doppelmitgliedschaft',
    '15:30 Uhr  Abschlussrunde',
    '16:00 Uhr  Ende',
    'Sammeltransport: Kleinbus ab Bahnhof Weiden (Oberpfalz), Abfahrt 08:20 Uhr, Rückfahrt 16:10 Uhr.',
  ], 92),
  wrap([
    '5. Teilnahmebeitrag',
    'Für Mitgliedsgemeinden des Netzwerks "Feuerwehr im Dorf" ist die Teilnahme für bis zu 3 Personen kostenfrei. '
      + 'Andere Gemeinden zahlen 95 Euro pro Person für die gesamte Reihe. Aktive Feuerwehrleute nehmen immer '
      + 'kostenfrei teil. Die Rechnung wird nach dem Auftakt versandt.',
    '',
    '6. Plätze und Anmeldung',
    '45 Plätze für die Online-Termine, davon 30 Plätze für den Übungstag. Bitte melden Sie sich bis zum '
      + '12.02.2027 per E-Mail an anmeldung@feuerwehr-im-dorf.example.org an (Florian Schraml). Die Plätze werden '
      + 'in der Reihenfolge der Anmeldungen vergeben.',
    '',
    '7. Aufzeichnung und Teilnahmebescheinigung',
    'Die Impulsvorträge der Online-Termine werden aufgezeichnet. Eine Teilnahmebescheinigung erhalten Sie, wenn '
      + 'Sie an mindestens 4 der 5 Termine teilgenommen haben, darunter der Übungstag. Einzelheiten regelt das '
      + 'Merkblatt Teilnahme.',
    '',
    '8. Technik',
    'Microsoft Teams im Browser oder in der App; eine Installation ist nicht erforderlich. Den Link erhalten Sie '
      + 'mit der Zusage. Vor dem Auftakt ist der Teams-Raum ab 18:45 Uhr für einen Technikcheck geöffnet.',
    '',
    '9. Veranstalter und Kontakt',
    'Netzwerk "Feuerwehr im Dorf" Oberfranken-Oberpfalz, Geschäftsstelle Wiesentfeld',
    'Programmleitung und Moderation: Kathrin Pöhlmann, k.poehlmann@feuerwehr-im-dorf.example.org',
    'Anmeldung, Rechnungen und Organisation des Übungstags: Florian Schraml, '
      + 'anmeldung@feuerwehr-im-dorf.example.org',
    '',
    'Das Netzwerk wird vom Bezirk Oberfranken und vom Bezirk Oberpfalz gefördert.',
  ], 92),
]);

const slides: { title: string; lines: string[] }[] = [
  { title: 'Visitor Flows Exchange 2027: Busy Beaches, Liveable Towns', lines: [
    'Kick-off, 16 March 2027',
    'Ponta das Garças (Santa Catarina, Brazil) and Ostseebad Dünenhagen (Baltic coast, Germany)',
    'Online via Microsoft Teams',
  ] },
  { title: 'Why this exchange?', lines: [
    'Both towns full to the limit on peak days',
    'Day visitors: beaches, traffic, waste, noise',
    'Residents ask: whose town is it?',
    'Peer learning between administrations, not a training course',
  ] },
  { title: 'Who takes part?', lines: [
    'Municipal staff: tourism, traffic planning, environment, finance',
    'Public tourism agencies and Kurverwaltungen',
    '36 places: 18 from Brazil, 18 from Germany',
    'Max. 3 people per municipality',
  ] },
  { title: 'Sessions (São Paulo time)', lines: [
    'Tue 16 March 2027, 09:00–10:30: Kick-off',
    'Tue 13 April 2027, 09:00–10:30: Day-visitor caps and booking systems',
    'Tue 18 May 2027, 09:00–10:30: Shuttles, parking and a car-free centre',
    'Thu 17 June 2027, 09:00–11:00: Tourist tax and resident surveys + closing',
    'German times: see the German summary',
  ] },
  { title: 'Two towns in figures', lines: [
    'Figure | Ponta das Garças (BR) | Dünenhagen (DE)',
    'Residents | 18,400 | 6,300',
    'Overnight stays 2025 | 1.2 million | 890,000',
    'Day visitors on a peak day | 42,000 (Carnival Saturday 2026) | 11,500 (Sunday 8 August 2025)',
    'Tourist tax per person per night | BRL 5 (since 2023) | EUR 3.20 (May–September)',
    'Cap / quota | Ilha do Farol: max. 1,200 visitors per day | no cap; 1,450 parking spaces at the beach',
    'Shuttle | Circular Praia: 9,800 passengers on the peak day | park-and-ride shuttle: 310,000 passengers in 2025',
  ] },
  { title: 'Ponta das Garças', lines: [
    'Ilha do Farol: protected island, boat access only',
    'Daily cap of 1,200 visitors since December 2024',
    'Free online time slot, QR code checked at the pier',
    'Resident survey 2026: 1,150 residents, 64% say too many day visitors in high season',
  ] },
  { title: 'Dünenhagen', lines: [
    'Kurabgabe revenue 2025: EUR 2.6 million',
    'Beach car parks: EUR 8 per day',
    'Car-free centre since 2023, 10:00–18:00',
    'Resident survey 2024: 58% in favour of the car-free centre',
  ] },
  { title: 'Speakers', lines: [
    'Mariana Coutinho, tourism planning coordinator, Ponta das Garças',
    'Dr. Frauke Lüdemann, head of visitor management, Kurverwaltung Dünenhagen',
    'Rafael Tavares, manager of the Ilha do Farol municipal park (session 2)',
    'Luiza Farias (session 3)',
    'Prof. Dr. Hauke Brandt, Hochschule Stralsund-Nord (session 4)',
  ] },
  { title: 'Before session 2', lines: [
    'Send a one-page profile of your town by 30 March 2027',
    'Three figures: residents, overnight stays, day visitors on a peak day',
    'Questions to Mariana Coutinho or Dr. Frauke Lüdemann',
  ] },
];

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const fw = path.join(root, 'feuerwehr-nachwuchs-bayern', 'material');
  const tv = path.join(root, 'tourism-visitor-flows-brazil-en', 'material');
  await fs.mkdir(fw, { recursive: true });
  await fs.mkdir(tv, { recursive: true });
  await fs.writeFile(path.join(fw, '01-ausschreibung.pdf'), makePdf(ausschreibung));
  await fs.writeFile(path.join(tv, '01-kickoff-slides.pptx'), await makePptx(slides));
  process.stdout.write(`Ausschreibung written to ${fw}, kick-off slides to ${tv}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
