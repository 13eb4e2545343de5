// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/starkregen-gemeinden/material/01-auftakt-folien.pptx  kick-off slides (9 slides); they were
//     made before session 4 moved and still give 19.05.2027
//   tests/faq/programs/waermenetze-auckland-en/material/03-session-plan.docx  session plan with case figures
//   npx tsx scripts/faq-make-eval-documents-starkregen.ts
// Deterministic: makePptx and makeDocx of scripts/faq-make-documents.ts give byte-identical files on two runs.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, makePptx } from './faq-make-documents.js';

const folien: { title: string; lines: string[] }[] = [
  {
    title: 'Starkregenvorsorge und Überflutungsschutz in Gemeinden',
    lines: [
      'Peer-Learning im Netzwerk Wasserbewusste Gemeinden Süd',
      'Auftakt – Dienstag, 02.03.2027, 09:30–11:00 Uhr, Microsoft Teams',
      'Dr. Katrin Wöhrle, Programmleitung',
    ],
  },
  {
    title: 'Warum Starkregenvorsorge?',
    lines: [
      'Starkregen kann jede Gemeinde treffen – nicht nur an Flüssen',
      'wenige Stunden Vorwarnzeit, oft weniger',
      'Schäden meist durch wild abfließendes Oberflächenwasser',
      'Kanalnetz ist für solche Mengen nicht ausgelegt',
      'Vorsorge = Aufgabe von Gemeinde, Feuerwehr und Hauseigentümern',
    ],
  },
  {
    title: 'Das Netzwerk',
    lines: [
      '27 Mitgliedsgemeinden in Baden-Württemberg und Bayern',
      'Geschäftsstelle in Hohenstetten',
      'Austausch auf Augenhöhe: Gemeinden lernen von Gemeinden',
      'seit 2023 jährlich eine Peer-Learning-Reihe',
    ],
  },
  {
    title: 'Termine 2027',
    lines: [
      'Di 02.03.2027, 09:30–11:00 – Auftakt',
      'Do 25.03.2027, 14:00–15:30 – Starkregengefahrenkarten und Risikoanalyse',
      'Fr 23.04.2027, 10:00–15:00 – Ortsbegehung in Bachtalheim',
      'Mi 19.05.2027, 09:30–11:00 – Objektschutz und Bürgerinformation',
      'Di 22.06.2027, 14:00–16:00 – Abschluss: Alarm- und Einsatzplan Starkregen',
    ],
  },
  {
    title: 'Praxisbeispiel Bachtalheim: Kennzahlen',
    lines: [
      'Kennzahl | Wert',
      'Einwohner | 6.800',
      'Ereignis | 12.06.2021',
      'Niederschlag | 74 mm in 90 Minuten',
      'betroffene Haushalte | 410',
      'Schäden | 3,2 Mio. Euro',
      'Rückhaltebecken Erlengrund (2023) | 18.500 m³',
      'Baukosten Becken | 2,4 Mio. Euro',
    ],
  },
  {
    title: 'Drei Bausteine des Starkregenrisikomanagements',
    lines: [
      '1. Starkregengefahrenkarte: Wo fließt das Wasser, wie hoch steht es?',
      '2. Risikoanalyse: Was ist dort gefährdet? Kita, Pflegeheim, Trafostation',
      '3. Handlungskonzept: Maßnahmen, Zuständigkeiten, Kosten',
      'Förderung in Baden-Württemberg: 70 % der Kosten für Karte und Konzept',
    ],
  },
  {
    title: 'Ortsbegehung Bachtalheim am 23.04.2027',
    lines: [
      'Treffpunkt: Rathaus Bachtalheim, Kirchplatz 3, 10:00 Uhr',
      'Rückhaltebecken Erlengrund, Notabflusswege Hauptstraße',
      'Führung: Bürgermeister Georg Fetzer',
      '25 Plätze – verbindlich anmelden bis 09.04.2027',
      'Gummistiefel empfohlen',
    ],
  },
  {
    title: 'Organisatorisches kurz',
    lines: [
      'Anmeldung bis 12.02.2027',
      'Mitgliedsgemeinden kostenfrei, andere 150 Euro pro Gemeinde',
      'Vorträge aufgezeichnet (4 Wochen), Diskussionen nicht',
      'Teilnahmebescheinigung ab 3 der 5 Termine',
    ],
  },
  {
    title: 'Kontakt',
    lines: [
      'Dr. Katrin Wöhrle – k.woehrle@wasserbewusst-sued.example.org',
      'Tobias Rauscher – anmeldung@wasserbewusst-sued.example.org',
      'Referentin Gefahrenkarten: Dipl.-Ing. Miriam Haas, Ingenieurbüro Haas Wasserbau',
      'Referent Objektschutz: Florian Kessler, Bauamt Moosried',
    ],
  },
];

const sessionPlan: string[] = [
  '# Session plan: Heat networks for a low-carbon city',
  'Rangiwhenua City Council and Stadtwerke Lindholm – exchange 2027. All times are New Zealand time (Pacific/Auckland).',
  '## Session 1 – Wednesday 17 February 2027, 20:00–21:30: Why heat networks?',
  'Introductions, the state of district heating in Aotearoa New Zealand and in Germany, expectations. Moderation: Aroha Ngata and Jens Brockmöller.',
  '## Session 2 – Wednesday 31 March 2027, 20:00–21:30: Building the first network',
  'Case Rangiwhenua: the central city pilot network, presented by Liam Te Rangi (Rangiwhenua City Council, Energy Transition Team).',
  'Rangiwhenua figures: construction of the pilot network started in 2024; network length 6.5 km; 38 connected buildings (council buildings, the hospital, two schools, the aquatic centre); heat source: wood residues from the regional timber industry and a 4 MW heat pump; heat price NZD 185 per MWh; CO2 savings 4,200 tonnes a year; the council aims to connect 120 buildings by 2032.',
  '## Session 3 – Wednesday 9 June 2027, 20:00–21:30: Decarbonising an existing network',
  'Case Lindholm: from coal to river heat pumps, presented by Dr. Sabine Heuermann (Stadtwerke Lindholm).',
  'Lindholm figures: network length 142 km; 9,850 connected buildings; share of renewable heat 38 % in 2022 and 61 % in 2026; a 12 MW river heat pump since 2025; heat price 128 euros per MWh (2026); CO2 savings 21,500 tonnes a year compared with 2019; coal exit planned for 2029.',
  '## Session 4 – Wednesday 13 October 2027, 20:00–22:00: Customers, tariffs and what we take home',
  'Connection rules, price transparency and winning customers; review of the exchange. The closing session lasts two hours.',
  '## Certificate',
  'A certificate of participation is issued to everyone who attends at least 3 of the 4 sessions live.',
];

async function main(): Promise<void> {
  const root = path.resolve('tests/faq/programs');
  const a = path.join(root, 'starkregen-gemeinden', 'material');
  const b = path.join(root, 'waermenetze-auckland-en', 'material');
  await fs.mkdir(a, { recursive: true });
  await fs.mkdir(b, { recursive: true });
  await fs.writeFile(path.join(a, '01-auftakt-folien.pptx'), await makePptx(folien));
  await fs.writeFile(path.join(b, '03-session-plan.docx'), await makeDocx(sessionPlan));
  process.stdout.write(`documents written to ${a} and ${b}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
