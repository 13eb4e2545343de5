// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/friedhof-wandel-suedtirol/material/01-protokoll-auftakt.pdf  minutes of the kick-off
//     (two pages, Latin-1): figures of Völsegg and Thaurach, session 2 moved from 08.04. to 15.04.2027
//   tests/faq/programs/streetlights-denver-en/material/01-call-for-participants.pptx  call for participants
//     (9 slides, one table slide as "a | b | c" lines, one slide with only a title)
//   npx tsx scripts/faq-make-eval-documents-friedhof.ts
// Deterministic: makePdf derives the PDF id from the text and makePptx zips with fixed dates, so two runs give
// byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makePdf, makePptx, wrap } from './faq-make-documents.js';

const protokoll = latin1Only([
  wrap([
    'Friedhöfe im Wandel: Bestattungskultur, Friedhofsplanung und Gebühren',
    'Protokoll der Auftaktsitzung',
    '',
    'Datum: Dienstag, 09.03.2027, 14:00 bis 15:35 Uhr, online über Microsoft Teams',
    'Moderation: Dr. Verena Oberhofer (Programmleitung)',
    'Protokoll: Lukas Pichler',
    'Anwesend: 27 Teilnehmende aus 16 Gemeinden (11 aus Südtirol, 5 aus Tirol)',
    '',
    'TOP 1 - Begrüßung und Kennenlernen',
    'Frau Dr. Oberhofer begrüßt die Teilnehmenden und stellt den Ablauf der Reihe vor. In der Vorstellungsrunde nennen die meisten Gemeinden dieselben Sorgen: immer mehr Urnen, leere Flächen auf dem Friedhof, steigende Kosten für Pflege und Wasser und Friedhofsordnungen, die seit Jahrzehnten nicht angepasst wurden.',
    '',
    'TOP 2 - Gemeinde Völsegg (Südtirol)',
    'Bürgermeister Josef Gasser und Friedhofsverwalterin Maria Unterkircher stellen ihre Gemeinde vor. Völsegg hat 5.480 Einwohnerinnen und Einwohner und zwei Friedhöfe, den Pfarrfriedhof St. Ulrich und den Friedhof Unterdorf, mit zusammen 1.320 Grabstellen. Davon sind derzeit 214 nicht vergeben. Der Anteil der Urnenbeisetzungen lag 2016 bei 22 Prozent und 2026 bei 48 Prozent. Seit 2023 gibt es im Lärchenhain neben dem Friedhof Unterdorf Baumbestattungen an 40 Lärchen; bis Ende 2026 wurden dort 63 Urnen beigesetzt. Die Friedhofsordnung stammt aus dem Jahr 1998 und wird derzeit überarbeitet; der Entwurf geht im Herbst 2027 in den Gemeinderat.',
    'Konzessionsgebühren Völsegg (Beschluss des Gemeindeausschusses vom 14.01.2026):',
    '- Erdgrab (Einzelgrab), 10 Jahre: 450 Euro',
    '- Familiengrab, 20 Jahre: 1.380 Euro',
    '- Urnengrab, 10 Jahre: 280 Euro',
    '- Urnennische in der Urnenwand, 10 Jahre: 220 Euro',
    '- Baumgrab im Lärchenhain, 20 Jahre: 980 Euro',
    'Die Grabpflege ist nicht enthalten. Für das Öffnen und Schließen eines Grabes verrechnet Völsegg zusätzlich 310 Euro.',
  ], 76),
  wrap([
    'TOP 3 - Marktgemeinde Thaurach (Tirol)',
    'Friedhofsreferent Martin Haselwanter stellt Thaurach vor: 9.760 Einwohnerinnen und Einwohner, ein Friedhof mit 2.860 Grabstellen. Der Anteil der Urnenbeisetzungen lag 2016 bei 35 Prozent und 2026 bei 61 Prozent. Baumbestattungen gibt es in Thaurach schon seit 2019, im Waldfriedhof am Buchberg; dort stehen 85 Bäume zur Verfügung. Thaurach hat 2024 die Friedhofsordnung neu beschlossen und dabei die Ruhefrist für Urnen von 15 auf 10 Jahre verkürzt.',
    'Gebühren Thaurach (Friedhofsgebührenordnung 2025):',
    '- Erdgrab, 10 Jahre: 610 Euro',
    '- Urnengrab, 10 Jahre: 340 Euro',
    '- Baumgrab am Buchberg, 20 Jahre: 1.450 Euro',
    'Eine Urnenwand hat Thaurach nicht. Die Gebühren decken nach Herrn Haselwanter rund 70 Prozent der Kosten des Friedhofs; den Rest trägt der Gemeindehaushalt.',
    '',
    'TOP 4 - Organisatorisches',
    '- Termin 2 (Urnen, Baumbestattung und neue Grabformen) wird verschoben: nicht am Donnerstag, 08.04.2027, sondern am Donnerstag, 15.04.2027, zur gleichen Zeit (09:30 bis 11:00 Uhr), weil die Referentin Dr. Anna Kofler am 08.04. verhindert ist. Der Teams-Link bleibt gleich.',
    '- Die Friedhofsbegehung am Freitag, 14.05.2027 in Völsegg hat 20 Plätze; Anmeldung dafür bis 30.04.2027 bei Herrn Pichler.',
    '- Die Folien der Auftaktsitzung werden im Teams-Kanal abgelegt.',
    '',
    'TOP 5 - Fragen für die nächsten Termine',
    'Gesammelt wurden: Wie geht man mit aufgelassenen Gräbern um? Darf die Asche zu Hause aufbewahrt werden? Wie kalkuliert man Gebühren, die die Kosten decken? Was tun mit leeren Flächen? Frau Dr. Oberhofer nimmt die Fragen in die Planung auf.',
    '',
    'Nächster Termin: Donnerstag, 15.04.2027, 09:30 Uhr (online).',
    'Für das Protokoll: Lukas Pichler, 10.03.2027',
  ], 76),
]);

const slides: { title: string; lines: string[] }[] = [
  { title: 'Lighting the Night: Municipal Street Lighting Exchange 2027', lines: [
    'Call for participants',
    'City of Silverbend, Colorado (USA) and Stadt Rabenfeld (Germany)',
    'Version: 20 January 2027',
  ] },
  { title: 'Why this exchange?', lines: [
    'LED retrofits save energy, but glare and blue light worry residents',
    'Dark-sky ordinances: how much light does a street need?',
    'Smart poles: sensors, EV charging and Wi-Fi on the lighting network',
  ] },
  { title: 'Who should apply?', lines: [
    'Staff of public works, street lighting and planning departments',
    'Municipal utilities and city energy managers',
    'No engineering degree needed',
    '32 places: 16 from the US, 16 from Germany; at most 2 per city',
  ] },
  { title: 'Sessions (Mountain Time, Denver)', lines: [
    'Wed 3 March 2027, 8:00–9:30 a.m. – Kick-off: two cities, two lighting stories',
    'Thu 18 March 2027, 8:00–9:30 a.m. – LED retrofit: financing and procurement',
    'Wed 9 June 2027, 8:00–10:00 a.m. – Dark skies: ordinances, color temperature and wildlife',
    'Thu 4 November 2027, 8:00–9:30 a.m. – Smart poles and what we take home',
  ] },
  { title: 'Two cities at a glance', lines: [
    'Figure | Silverbend, CO | Rabenfeld (DE)',
    'Population | about 68,000 | about 104,000',
    'Streetlights | 9,400 | 17,200',
    'LED share 2019 | 12 % | 41 %',
    'LED share 2026 | 93 % | 88 %',
    'Maximum color temperature | 3000 K | 2700 K',
    'Dark-sky rules since | 2021 | 2020',
  ] },
  { title: 'Night photo: Main Street before and after', lines: [] },
  { title: 'Fees', lines: [
    'Free for municipalities, counties and public utilities',
    'Guests (consultants, manufacturers): USD 140 or EUR 130 per person',
    'Fee covers all four sessions',
  ] },
  { title: 'Recordings, certificate, language', lines: [
    'Presentations recorded, available for 60 days',
    'Breakout discussions are not recorded',
    'Certificate of participation: 3 of the 4 sessions live',
    'Sessions in English; German interpretation in sessions 1 and 4 only',
  ] },
  { title: 'How to register', lines: [
    'Registration deadline: 12 February 2027',
    'US: Megan Alvarez, lighting-exchange@silverbend.example.org',
    'Germany: Tobias Wendling, licht-austausch@rabenfeld.example.org',
    'Platform: Microsoft Teams',
  ] },
];

async function main(): Promise<void> {
  const dirA = path.resolve('tests/faq/programs/friedhof-wandel-suedtirol/material');
  await fs.mkdir(dirA, { recursive: true });
  await fs.writeFile(path.join(dirA, '01-protokoll-auftakt.pdf'), makePdf(protokoll));
  const dirB = path.resolve('tests/faq/programs/streetlights-denver-en/material');
  await fs.mkdir(dirB, { recursive: true });
  await fs.writeFile(path.join(dirB, '01-call-for-participants.pptx'), await makePptx(slides));
  process.stdout.write(`documents written to ${dirA} and ${dirB}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
