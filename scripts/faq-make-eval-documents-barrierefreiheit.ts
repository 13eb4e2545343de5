// Writes the office documents of the evaluation program `barrierefreiheit-digital`
// (tests/faq/programs/barrierefreiheit-digital/material/): the Ausschreibung as a two-page PDF and the slides of
// the kick-off session as a PPTX. Built from the plain text below with the builders of faq-make-documents.ts, so
// two runs give byte-identical files and no binary of unknown origin sits in the repository.
//   npx tsx scripts/faq-make-eval-documents-barrierefreiheit.ts [outDir]
// The Ausschreibung was written before session 3 moved and still gives its old date (15.03.2027); the slides of
// the kick-off give the new one (22.03.2027). That difference is part of the evaluation.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makePdf, makePptx, wrap } from './faq-make-documents.js';

const WIDTH = 84;

const ausschreibungSeite1 = [
  'Kommunaler Digitalverbund Rheinland-Pfalz/Saarland e. V. (KDRS)',
  '',
  'AUSSCHREIBUNG',
  'Peer-Learning-Reihe "Digitale Barrierefreiheit in der Kommunalverwaltung"',
  'Januar bis Juni 2027, online in Microsoft Teams',
  '',
  'Worum es geht',
  'Seit dem 23.09.2020 müssen alle Websites öffentlicher Stellen barrierefrei sein und eine Erklärung zur ' +
    'Barrierefreiheit haben. Viele Kommunen in Rheinland-Pfalz und im Saarland sind davon noch weit entfernt. ' +
    'In dieser Reihe lernen Sie von- und miteinander: Was verlangen BITV 2.0 und WCAG 2.1 AA konkret? Wie ' +
    'prüfen wir unsere eigenen Seiten? Wie werden PDFs barrierefrei? Wie kommt Leichte Sprache auf die ' +
    'Startseite? Und was gehört in die Barrierefreiheitserklärung?',
  '',
  'Zielgruppe',
  'Webredaktionen, Beschäftigte der Öffentlichkeitsarbeit und der IT sowie Behinderten- und ' +
    'Inklusionsbeauftragte von Städten, Verbandsgemeinden, Gemeinden und Landkreisen in Rheinland-Pfalz und ' +
    'im Saarland. Besondere Vorkenntnisse sind nicht erforderlich.',
  '',
  'Termine',
  'Die Reihe umfasst sechs Termine: fünf Online-Termine jeweils montags von 13:00 bis 14:30 Uhr und eine ' +
    'Prüfwerkstatt am Freitag von 09:00 bis 12:30 Uhr.',
  'Mo 18.01.2027, 13:00-14:30 Uhr: Auftakt, Rechtsrahmen BITV 2.0',
  'Mo 22.02.2027, 13:00-14:30 Uhr: WCAG 2.1 AA in der Praxis',
  'Mo 15.03.2027, 13:00-14:30 Uhr: Barrierefreie PDFs und Office-Dokumente',
  'Fr 23.04.2027, 09:00-12:30 Uhr: Prüfwerkstatt',
  'Mo 26.04.2027, 13:00-14:30 Uhr: Leichte Sprache',
  'Mo 07.06.2027, 13:00-14:30 Uhr: Barrierefreiheitserklärung und Abschluss',
];

const ausschreibungSeite2 = [
  'Teilnahmeentgelt',
  'Mitgliedskommunen des KDRS: 90 Euro pro Person für die gesamte Reihe. Nichtmitglieder: 240 Euro pro ' +
    'Person. Die Rechnung wird nach dem Auftakt gestellt.',
  '',
  'Teilnehmerzahl',
  'Höchstens 40 Teilnehmende, höchstens 2 Personen pro Kommune. Die Plätze werden in der Reihenfolge der ' +
    'Anmeldungen vergeben.',
  '',
  'Anmeldung',
  'Bitte melden Sie sich bis zum 08.01.2027 per E-Mail an barrierefrei@kdrs.example.org an. Geben Sie Name, ' +
    'Kommune, Funktion und die Adresse Ihrer Website an. Sie erhalten eine Anmeldebestätigung mit dem ' +
    'Teams-Link.',
  '',
  'Aufzeichnung',
  'Die Impulsvorträge der Online-Termine werden aufgezeichnet. Diskussionen und die Prüfwerkstatt werden ' +
    'nicht aufgezeichnet.',
  '',
  'Teilnahmezertifikat',
  'Wer an mindestens 4 der 6 Termine teilnimmt, darunter die Prüfwerkstatt, erhält ein Teilnahmezertifikat ' +
    'des KDRS.',
  '',
  'Ansprechpersonen',
  'Programmleitung: Dr. Annika Weißenfels, a.weissenfels@kdrs.example.org',
  'Anmeldung und Rechnungen: Jonas Kettler, barrierefrei@kdrs.example.org',
  'Technik (Teams): Selin Aydin, it-hilfe@kdrs.example.org',
  '',
  'Kommunaler Digitalverbund Rheinland-Pfalz/Saarland e. V., Mainz, im November 2026',
];

const folien: { title: string; lines: string[] }[] = [
  {
    title: 'Digitale Barrierefreiheit in der Kommunalverwaltung',
    lines: ['Auftakt, 18.01.2027, 13:00-14:30 Uhr', 'Dr. Annika Weißenfels, KDRS', 'Peer-Learning Rheinland-Pfalz und Saarland'],
  },
  {
    title: 'Ablauf heute',
    lines: ['Begrüßung, Vorstellungsrunde im Chat', 'Rechtsrahmen in 15 Minuten', 'Ergebnisse der Vorab-Umfrage', 'Beispiel Mosellingen', 'Fragen, Ausblick'],
  },
  {
    title: 'Rechtsrahmen',
    lines: [
      'EU-Richtlinie 2016/2102',
      'BITV 2.0 + Landesrecht RLP / Saarland',
      'Maßstab: WCAG 2.1, Stufen A + AA = 50 Erfolgskriterien',
      'Zusätzlich: DGS + Leichte Sprache auf der Startseite',
      'Erklärung zur Barrierefreiheit: Pflicht seit 23.09.2020, jährlich prüfen',
    ],
  },
  {
    title: 'Vorab-Umfrage: 24 Kommunen',
    lines: [
      '19 von 24: Erklärung zur Barrierefreiheit online',
      'nur 9: in den letzten 12 Monaten aktualisiert',
      '7: Text in Leichter Sprache auf der Startseite',
      '2: Video in Gebärdensprache',
      'größte Baustelle laut Umfrage: PDFs (17 Nennungen)',
      '3 Kommunen: noch nie geprüft',
    ],
  },
  {
    title: 'Beispiel Mosellingen',
    lines: [
      'Stichprobe: 40 Seiten, 6 Formulare, 25 PDFs',
      '23 von 60 Prüfschritten nicht erfüllt (38 %)',
      'Kontrast: 64 % der Seiten',
      'PDFs: 22 von 25 ohne Tags',
      'Zwischenprüfung Dez. 2026: Kontrast nur noch 18 %',
    ],
  },
  {
    title: 'Typische Fehler',
    lines: [
      'hellgraue Schrift, Links im Hellgrün',
      'Alternativtext = Dateiname',
      'Fokus unsichtbar',
      'Formularfelder ohne Label',
      'Overlay-Skript statt Korrektur im Code',
    ],
  },
  {
    title: 'Terminplan (Stand 18.01.2027)',
    lines: [
      'Mo 22.02.2027: WCAG 2.1 AA in der Praxis',
      'NEU: Mo 22.03.2027 (statt 15.03.): Barrierefreie PDFs',
      'Fr 23.04.2027, 09:00-12:30: Prüfwerkstatt',
      'Mo 26.04.2027: Leichte Sprache',
      'Mo 07.06.2027: Erklärung + Abschluss',
      'montags immer 13:00-14:30',
    ],
  },
  {
    title: 'Organisatorisches',
    lines: [
      'Teams-Kanal "Barrierefreiheit RLP-SL"',
      'Aufzeichnung der Impulse: 30 Tage im Kanal',
      'Zertifikat: 4 von 6 Terminen, Prüfwerkstatt Pflicht',
      'Folien nach jedem Termin im Kanal',
    ],
  },
  {
    title: 'Bis zum nächsten Termin',
    lines: [
      'Kontrast von 3 eigenen Seiten prüfen (Colour Contrast Analyser)',
      'Ergebnis bis 15.02.2027 in den Teams-Kanal',
      'Erklärung zur Barrierefreiheit: Datum der letzten Überprüfung nachsehen',
    ],
  },
];

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/barrierefreiheit-digital/material');
  await fs.mkdir(out, { recursive: true });
  const pages = latin1Only([wrap(ausschreibungSeite1, WIDTH), wrap(ausschreibungSeite2, WIDTH)]);
  await fs.writeFile(path.join(out, '01-ausschreibung.pdf'), makePdf(pages));
  await fs.writeFile(path.join(out, '03-folien-auftakt.pptx'), await makePptx(folien));
  process.stdout.write(`documents written to ${out}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
