// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/jugendbeteiligung-luxemburg/material/01-flyer.pptx  flyer (7 slides, terse bullets, one
//     table slide as "a | b | c" lines)
//   tests/faq/programs/coastal-adaptation-halifax-en/material/01-call-for-participants.docx  call for participants
//     (headings, a session table as "a | b | c" lines)
//   npx tsx scripts/faq-make-eval-documents-jugend.ts
// Deterministic: makePptx and makeDocx of scripts/faq-make-documents.ts zip with fixed dates, so two runs give
// byte-identical files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePptx } from './faq-make-documents.js';

const flyer: { title: string; lines: string[] }[] = [
  { title: 'Jugendbeteiligung in Gemeinden 2027', lines: [
    'Jugendräte, Jugendforen und Beteiligungsbudgets',
    'Grenzüberschreitendes Netzwerk „Jugend mitdenken“: Luxemburg, Saarland, Rheinland-Pfalz',
    'Stand: 20.01.2027',
  ] },
  { title: 'Für wen?', lines: [
    'Fachkräfte der Jugendarbeit, Jugendbeauftragte, Verwaltung',
    'Mitglieder von Gemeinderat, Gemengerot und Schäffen',
    'Jugendliche aus Jugendräten: ausdrücklich erwünscht',
    'Keine Vorkenntnisse nötig',
  ] },
  { title: 'Termine', lines: [
    'Di 09.03.2027, 17:00–18:30 – Auftakt, online',
    'Do 22.04.2027, 17:00–18:30 – Jugendräte, die wirken, hybrid (Merzenbach oder online)',
    'Sa 29.05.2027, 10:00–15:00 – Jugendforum vor Ort in Wilverdingen (LU)',
    'Mi 30.06.2027, 17:00–19:00 – Abschluss: Beteiligungsbudgets, online',
  ] },
  { title: 'Zwei Gemeinden im Vergleich', lines: [
    'Kennzahl | Wilverdingen (LU) | Merzenbach (Saarland)',
    'Einwohner | 7.850 | 12.300',
    'Mitglieder im Jugendrat | 15 | 21',
    'Beteiligungsbudget pro Jahr | 25.000 Euro | 18.000 Euro',
    'Umgesetzte Projekte seit 2023 | 11 | 7',
    'Beteiligung Jugendabstimmung | 2024: 31 % / 2026: 44 % | 2023: 19 % / 2025: 27 %',
  ] },
  { title: 'Kosten', lines: [
    'Mitgliedsgemeinden: kostenlos',
    'Andere Gemeinden: 60 Euro pro Person',
    'Jugendliche: immer kostenlos',
  ] },
  { title: 'Aufzeichnung & Bestätigung', lines: [
    'Online-Inputs: Aufzeichnung 30 Tage abrufbar',
    'Jugendforum: keine Aufzeichnung',
    'Teilnahmebestätigung ab 3 von 4 Terminen',
  ] },
  { title: 'Anmeldung', lines: [
    'Bis Fr 19.02.2027',
    'anmeldung@jugend-mitdenken.example.org',
    'Jugendforum extra anmelden, bis 14.05.2027',
    'Online über Microsoft Teams',
  ] },
];

const call = [
  '# Coastal Adaptation Exchange 2027: Living with the Sea',
  'Call for participants. A Canadian–German peer-learning exchange on coastal flooding adaptation between the Municipality of Port Allison, Nova Scotia, and the Gemeinde Hallersiel (Lower Saxony, Germany). Version of 20 January 2027.',
  '## What the exchange is about',
  'Both places live behind dikes. Port Allison maintains dikelands with aboiteaux that Acadian settlers built, Hallersiel a sea dike on the North Sea coast. In four online sessions, staff of both municipalities and their peers compare three answers to rising seas: living shorelines (salt marshes, oyster reefs, dune planting), managed retreat (buying out and moving homes away from the shore) and the maintenance of dikes.',
  '## Who should apply',
  'Staff of municipal planning, public works and emergency management departments, members of dike and drainage boards, and regional agencies. No engineering background is needed. There are 30 places: 15 for Canada and 15 for Germany, with at most 3 people per municipality.',
  '## Sessions',
  'All sessions are held on Microsoft Teams. Times are Atlantic time (Halifax).',
  'Date | Time (Halifax) | Topic',
  'Tuesday, 23 February 2027 | 10:00–11:30 a.m. | Kick-off: two coasts, two stories',
  'Thursday, 18 March 2027 | 10:00–11:30 a.m. | Living shorelines: marshes, reefs and dunes',
  'Wednesday, 12 May 2027 | 10:00–11:30 a.m. | Managed retreat: when a community moves back',
  'Wednesday, 6 October 2027 | 10:00 a.m.–12:00 p.m. | Closing session: dike maintenance and what we take home',
  'The closing session lasts two hours and has a 10-minute break.',
  '## Fees',
  'Participation is free of charge for municipalities, First Nations governments and public agencies. Guests (consultants, engineering firms, non-profit organizations) pay CAD 180 or EUR 120 per person for all four sessions. Invoices are sent after the kick-off.',
  '## Registration',
  'The registration deadline is 5 February 2027. Participants from Canada register with Aisha MacLeod (coastal-exchange@portallison.example.org), participants from Germany with Dr. Henrike Oltmanns (kuestenaustausch@hallersiel.example.org).',
  '## Recordings and certificate',
  'The presentations are recorded and stay available to registered participants for 30 days. Breakout groups are not recorded. Recordings are not published. A certificate of participation is issued to everyone who attends at least 3 of the 4 sessions live; watching a recording does not count.',
  '## Language',
  'The exchange is held in English. French interpretation is available on request: please ask at least 14 days before the session. There is no interpretation into German.',
];

async function main(): Promise<void> {
  const root = path.resolve('tests/faq/programs');
  const a = path.join(root, 'jugendbeteiligung-luxemburg', 'material');
  await fs.mkdir(a, { recursive: true });
  await fs.writeFile(path.join(a, '01-flyer.pptx'), await makePptx(flyer));
  const b = path.join(root, 'coastal-adaptation-halifax-en', 'material');
  await fs.mkdir(b, { recursive: true });
  await fs.writeFile(path.join(b, '01-call-for-participants.docx'), await makeDocx(call));
  process.stdout.write(`documents written to ${a} and ${b}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
