// Writes the office documents of two FAQ evaluation programs, built from plain text so that no binary of unknown
// origin sits in the repository:
//   tests/faq/programs/landarzt-versorgung-nord/material/02-protokoll-auftakt.pdf  minutes of the kick-off (formal,
//     TOP 1 to TOP 5, an action list "Wer - was - bis wann" as lines)
//   tests/faq/programs/landarzt-versorgung-nord/material/03-foerderprogramme.docx  handout „Förderprogramme im
//     Überblick“ (a numbered list and one Word table of three funding programmes)
//   tests/faq/programs/cyber-incident-response-pacific-en/material/02-tabletop-slides.pptx  tabletop exercise slides
//     (terse bullets, an incident timeline by hour, one slide with a real table of three cases)
//   tests/faq/programs/cyber-incident-response-pacific-en/material/03-flyer.pdf  one-page flyer as Q:/A: pairs
//   npx tsx scripts/faq-make-eval-documents-landarzt.ts
// Deterministic: makeDocx and makePptx zip with fixed dates and makePdf derives the PDF id from the text, so two runs
// give byte-identical files. latin1Only checks that the PDF text fits WinAnsi.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const protokoll = latin1Only([
  wrap([
    'Netzwerk Gesundheitsregionen Nord - Geschäftsstelle Velsbrück',
    '',
    'PROTOKOLL',
    'Auftaktsitzung der Peer-Learning-Reihe "Hausärztliche Versorgung im ländlichen Raum"',
    'Datum: Donnerstag, 04.03.2027, 09:00 bis 10:35 Uhr, online über Microsoft Teams',
    'Sitzungsleitung: Dr. Sabine Hollmann; Protokoll: Lea Brandt',
    'Anwesend: 34 Teilnehmende aus 19 Kommunen, Landkreisen und Gesundheitsregionen, darunter Kai-Uwe Dahl und Birte Carstensen',
    '',
    'TOP 1 Begrüßung und Ziele der Reihe',
    'Dr. Sabine Hollmann begrüßt die Teilnehmenden und stellt den Ablauf der sechs Termine vor. Ziel der Reihe ist, '
      + 'dass jede teilnehmende Kommune bis zum Abschluss einen eigenen Maßnahmenplan für die hausärztliche Versorgung '
      + 'entwirft. Die Teilnehmenden werden gebeten, ihre Kamera während der Vorstellungsrunde einzuschalten.',
    '',
    'TOP 2 Versorgungslage in den drei Landkreisen',
    'Im Landkreis Moorwiesen praktizieren 61 Hausärztinnen und Hausärzte; 14 Hausarztsitze sind unbesetzt, das '
      + 'Durchschnittsalter liegt bei 58,4 Jahren. Der Kreis Schwansholm meldet einen Versorgungsgrad von 87 Prozent '
      + 'im Mittelbereich Hollerbek. Im Landkreis Peenetal-Haff sind 9 Hausarztsitze offen, und 38 Prozent der '
      + 'Hausärztinnen und Hausärzte sind älter als 60 Jahre. Alle Zahlen haben den Stand 31.12.2026.',
    '',
    'TOP 3 Das kommunale MVZ Hollerbek',
    'Dr. Henrik Sievers, ärztlicher Leiter, berichtet über das kommunale MVZ der Gemeinde Hollerbek, das 2022 als '
      + 'gGmbH gegründet wurde. Dort arbeiten heute vier angestellte Ärztinnen und Ärzte, drei davon in Teilzeit. Die '
      + 'Gemeinde hat das Gebäude der früheren Praxis gekauft und für 480.000 Euro umgebaut. Nach seinen Worten war '
      + 'die Anstellung statt der eigenen Praxis für alle vier der wichtigste Grund, nach Hollerbek zu kommen.',
    '',
    'TOP 4 Gesundheitsregionen und Stipendien',
    'Anja Rehberg, Koordinatorin der Gesundheitsregion Peenetal-Haff, stellt das Landkreis-Stipendium vor: Seit '
      + '2024 erhalten 12 Medizinstudierende monatlich 500 Euro und verpflichten sich, nach der Weiterbildung fünf Jahre '
      + 'im Landkreis hausärztlich tätig zu sein. Die Diskussion zeigt, dass mehrere Kommunen einen gemeinsamen '
      + 'Weiterbildungsverbund wünschen.',
    '',
    'TOP 5 Verschiedenes',
    'Der zweite Termin am 08.04.2027 widmet sich der Ansiedlung und dem kommunalen MVZ. Die Teilnehmenden '
      + 'vereinbaren eine kurze Vorab-Umfrage zu den offenen Hausarztsitzen in ihren Kommunen.',
  ], 95),
  [
    'Maßnahmen: Wer - was - bis wann',
    '',
    'Lea Brandt (Geschäftsstelle) - Protokoll und Folien an alle versenden - bis 11.03.2027',
    'Dr. Henrik Sievers - Kennzahlen und Satzung des MVZ Hollerbek nachreichen - bis 25.03.2027',
    'Jonas Petersen - Vorab-Umfrage zu offenen Hausarztsitzen verschicken - bis 18.03.2027',
    'Alle Teilnehmenden - Steckbrief der eigenen Kommune ausfüllen - bis 01.04.2027',
    'Anja Rehberg - Muster des Stipendienvertrags bereitstellen - bis zum dritten Termin',
    '',
    'Velsbrück, 05.03.2027, gez. Lea Brandt',
  ],
]);

const foerderung: (string | string[][])[] = [
  '# Förderprogramme im Überblick',
  'Handout zum zweiten Termin der Reihe „Hausärztliche Versorgung im ländlichen Raum“ (Stand: Februar 2027). Die drei Programme sind Beispiele aus der Region; die Bedingungen im Einzelfall bitte immer bei der Förderstelle erfragen.',
  '## So gehen Sie vor',
  '1. Versorgungsbedarf klären: offene Hausarztsitze und Altersstruktur der Praxen erheben.',
  '2. Mit der Kassenärztlichen Vereinigung sprechen, bevor Räume angemietet oder gekauft werden.',
  '3. Passendes Programm auswählen und die Antragsfrist notieren.',
  '4. Beschluss des Gemeinderats oder Kreistags über den Eigenanteil einholen.',
  '5. Antrag stellen und erst nach der Bewilligung Aufträge vergeben.',
  '## Drei Programme im Vergleich',
  [
    ['Programm', 'Förderquote', 'Höchstbetrag in Euro', 'Antragsfrist', 'Zielgruppe'],
    ['Niederlassungshilfe Hausarzt vor Ort', '60 %', '50.000', '30.06.2027', 'Hausärztinnen und Hausärzte, die sich in Gemeinden unter 10.000 Einwohnern niederlassen'],
    ['Startförderung Kommunales MVZ', '75 %', '200.000', '15.09.2027', 'Gemeinden, Ämter und Landkreise, die ein MVZ gründen oder übernehmen'],
    ['Landarzt-Stipendium Nord', '100 %', '36.000', '31.10.2027', 'Medizinstudierende ab dem 5. Fachsemester mit Verpflichtung zur Tätigkeit im ländlichen Raum'],
  ],
  '## Hinweise',
  'Die Startförderung Kommunales MVZ deckt Umbau, Ausstattung und Beratung in den ersten zwei Jahren ab, nicht aber die laufenden Personalkosten. Beim Landarzt-Stipendium entspricht der Höchstbetrag 500 Euro monatlich über sechs Jahre.',
  'Ansprechperson für Fragen zu diesem Handout: Dr. Sabine Hollmann, s.hollmann@gesundheitsregionen-nord.example.org.',
];

const slides: { title: string; lines: string[]; table?: string[][] }[] = [
  { title: 'Tabletop Exercise: Ransomware at City Hall', lines: [
    'Session 3 of the Pacific–German Cyber Incident Response Exchange',
    'Tue, Apr 13, 2027, 8:00–11:00 a.m. PT',
    'Facilitator: Marcus Whitfield, Harbor Ridge IT Department',
  ] },
  { title: 'Ground rules', lines: [
    'Chatham House Rule',
    'Not recorded',
    'No fault, no blame',
    'Decide with what you know at that hour',
  ] },
  { title: 'The scenario', lines: [
    'Fictional city of 85,000 residents',
    'Friday, 6:40 p.m.: ransom note on the payroll server',
    'Utility billing and permit portal down',
    'Backups: last tested 9 months ago',
  ] },
  { title: 'Incident timeline', lines: [
    'Hour 0: help desk ticket, files encrypted',
    'Hour 1: isolate network, call incident commander',
    'Hour 4: notify insurer and outside counsel',
    'Hour 8: first holding statement to residents',
    'Hour 24: decide on restore from backup vs. negotiation',
    'Hour 48: council briefing in closed session',
    'Hour 72: partial restore of 911 dispatch support and payroll',
  ] },
  { title: 'Three real-world cases', lines: [
    'Figures as reported by the cities, rounded',
  ], table: [
    ['Case', 'Ransom demand', 'Downtime (days)', 'Recovery cost', 'Affected systems', 'Paid?'],
    ['Harbor Ridge, CA (2024)', '$2.3 million', '11', '$4.6 million', '146', 'No'],
    ['Alder Falls, WA (2025)', '$650,000', '23', '$1.9 million', '58', 'Yes'],
    ['Stadt Lennheim, Germany (2023)', '€1.1 million', '34', '€3.2 million', '212', 'No'],
  ] },
  { title: 'Backups that work', lines: [
    '3-2-1 rule: 3 copies, 2 media, 1 offline',
    'Immutable copy for 30 days',
    'Restore test every quarter',
  ] },
  { title: 'Talking to residents', lines: [
    'One spokesperson',
    'Update every 12 hours, even without news',
    'Say which services work',
  ] },
  { title: 'Mutual aid', lines: [
    'West Coast Cyber Mutual Aid Compact: 14 cities and counties',
    'Loaned staff within 24 hours',
    'German side: Lennheim and Kreis Obermark share one CERT',
  ] },
  { title: 'Debrief', lines: [
    'What surprised you?',
    'One change you will make by Jun 15, 2027',
  ] },
];

const flyer = latin1Only([[
  'Cyber Incident Response in Cities: a Pacific-German Exchange 2027',
  'Five virtual sessions for city and county staff from the US West Coast and Germany',
  '',
  ...wrap([
    'Q: What is this exchange about?',
    'A: How cities prepare for and respond to ransomware and other cyber incidents: backups, tabletop exercises, '
      + 'communication with residents, cyber insurance and mutual aid between cities.',
    '',
    'Q: Who can take part?',
    'A: IT and security staff, emergency managers, city managers, communications staff and risk managers of cities '
      + 'and counties. No technical background is required for the sessions on communication and insurance.',
    '',
    'Q: When are the sessions?',
    'A: Five Tuesdays from February to June 2027, 8:00 to 9:30 a.m. Pacific Time, on Microsoft Teams. The tabletop '
      + 'exercise on April 13 runs until 11:00 a.m.',
    '',
    'Q: Does it cost anything?',
    'A: It is free for public agencies. Consultants and vendors may join as observers for $150.',
    '',
    'Q: How do I register?',
    'A: Send an e-mail to cyber-exchange@harborridge.example.org by February 5, 2027. We have 50 seats.',
    '',
    'Q: Do I need to install anything?',
    'A: No. Teams runs in the browser; a headset is recommended for the tabletop exercise.',
    '',
    'Q: What should I bring to the tabletop exercise?',
    'A: Your city\'s incident response plan, if you have one, and the phone number of your cyber insurer.',
    '',
    'Q: Is there interpretation?',
    'A: No. The working language is English; German participants receive a short information mail in German.',
    '',
    'Q: Whom do I ask?',
    'A: Maria Delgado-Reyes (Harbor Ridge) for the US, Dr. Tobias Lehnert (Stadt Lennheim) for Germany.',
  ], 95),
]]);

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'tests/faq/programs');
  const landarzt = path.join(root, 'landarzt-versorgung-nord', 'material');
  const cyber = path.join(root, 'cyber-incident-response-pacific-en', 'material');
  await fs.mkdir(landarzt, { recursive: true });
  await fs.mkdir(cyber, { recursive: true });
  await fs.writeFile(path.join(landarzt, '02-protokoll-auftakt.pdf'), makePdf(protokoll));
  await fs.writeFile(path.join(landarzt, '03-foerderprogramme.docx'), await makeDocx(foerderung));
  await fs.writeFile(path.join(cyber, '02-tabletop-slides.pptx'), await makePptx(slides));
  await fs.writeFile(path.join(cyber, '03-flyer.pdf'), makePdf(flyer));
  process.stdout.write(`minutes and handout written to ${landarzt}, slides and flyer to ${cyber}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
