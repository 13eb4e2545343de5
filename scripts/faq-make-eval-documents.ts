// Writes the office documents of the FAQ evaluation program "kommunale-ki-werkstatt"
// (tests/faq/programs/kommunale-ki-werkstatt/material/): an invitation and a meeting report as DOCX, two slide
// decks as PPTX and a guideline as PDF. Coordinators mostly have such files, not Markdown, so the evaluation
// needs them; they are built here from plain text, so no binary of unknown origin sits in the repository.
//   npx tsx scripts/faq-make-eval-documents.ts [materialDir]
// Deterministic: the builders of scripts/faq-make-documents.ts use a fixed zip date and a PDF id derived from
// the text, so two runs give byte-identical files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { latin1Only, makeDocx, makePdf, makePptx, wrap } from './faq-make-documents.js';

const ausschreibung = [
  '# Ausschreibung Peer-Learning «KI-Werkstatt Gemeinde: Generative KI in der Verwaltung»',
  'Fachstelle Digitale Gemeinde, Verband Mittelländer Gemeinden (VMG). Stand: 30.11.2026.',
  '## Ausgangslage',
  'Generative KI (z. B. Sprachmodelle für Texte, Zusammenfassungen und Übersetzungen) wird in vielen Gemeindeverwaltungen bereits informell genutzt, meist ohne Regeln. Die KI-Werkstatt unterstützt Gemeinden dabei, den Einsatz geordnet, rechtskonform und mit messbarem Nutzen aufzubauen.',
  '## Ziel',
  'Die Teilnehmenden kennen Chancen und Grenzen generativer KI, wenden die Datenampel des VMG an, prüfen eigene Anwendungsfälle und nehmen einen Entwurf für eine Nutzungsrichtlinie in ihre Gemeinde mit.',
  '## Zielgruppe',
  'Mitarbeitende von Gemeinde- und Stadtverwaltungen im Verbandsgebiet: Gemeindeschreiberinnen und Gemeindeschreiber, Kommunikation, Informatik, Fachbereiche mit viel Schriftverkehr. Programmierkenntnisse sind nicht erforderlich.',
  '## Umfang',
  '6 Termine von Januar bis Juni 2027, jeweils dienstags. Dauer: 90 Minuten, 14:00 bis 15:30 Uhr. Ausnahme: Praxislabor am 27.04.2027, 120 Minuten, 13:30 bis 15:30 Uhr. Alle Termine online via Microsoft Teams. Sprache: Deutsch.',
  '## Kosten',
  'Für Mitgliedgemeinden des VMG kostenlos. Nichtmitglieder: CHF 350 pro Person für die ganze Reihe, Rechnungsstellung nach dem Auftakt. Einzeltermine können nicht gebucht werden.',
  '## Plätze',
  'Max. 24 Teilnehmende, max. 2 Personen pro Gemeinde. Vergabe nach Eingang der Anmeldung. Danach Warteliste.',
  '## Anmeldung',
  'Bis 08.01.2027 per E-Mail an ki-werkstatt@vmg.example.org (Marco Lüthi). Angaben: Name, Gemeinde, Funktion, Mitglied VMG ja/nein. Die Bestätigung folgt innert 5 Arbeitstagen.',
  '## Teilnahmebestätigung',
  'Wer an mindestens 4 von 6 Terminen teilnimmt, erhält eine Teilnahmebestätigung des VMG (Umfang 10 Stunden). Übergabe am Abschlusstermin, danach per E-Mail.',
  '## Auskunft',
  'Inhaltliche Fragen: Dr. Andrea Kälin, Programmleitung, andrea.kaelin@vmg.example.org. Administratives: Marco Lüthi, ki-werkstatt@vmg.example.org.',
];

const protokoll = [
  '# Ergebnisprotokoll Auftakt KI-Werkstatt Gemeinde',
  'Datum: 19.01.2027, 14:00 bis 15:30 Uhr, Microsoft Teams. Moderation: Dr. Andrea Kälin. Protokoll: Marco Lüthi.',
  '## Teilnahme',
  '21 Teilnehmende aus 14 Gemeinden. Entschuldigt: 2 Personen.',
  '## 1. Standortbestimmung (Umfrage)',
  'In 9 von 14 Gemeinden wird generative KI bereits genutzt, meist mit privaten Konten. Nur 3 Gemeinden haben eine schriftliche Regelung. Häufigste Anwendungen: Entwürfe für Briefe und Mitteilungen, Zusammenfassungen, Übersetzungen.',
  '## 2. Input Stadt Talwil',
  'Sandra Imhof (Leiterin Digitalisierung, Stadt Talwil) stellte das KI-Programm der Stadt vor: seit März 2026 eine Nutzungsrichtlinie, 40 geschulte Mitarbeitende in der ersten Welle, Einsatz u. a. für Protokollzusammenfassungen des Stadtrats.',
  '## 3. Vereinbarungen',
  'Es gilt die Chatham-House-Regel: Inhalte dürfen verwendet werden, aber nicht mit Namen oder Gemeinde der sprechenden Person. Keine Aufzeichnung der Termine. Folien und Protokolle werden im Teams-Kanal «KI-Werkstatt» abgelegt.',
  '## 4. Aufträge bis zum nächsten Termin',
  'Alle: Leitfaden Generative KI (PDF) lesen. Gemeinden ohne Regelung: bestehende Informatik-Weisung auf KI-Bezug prüfen. Frage an Nicole Baumann zum Amtsgeheimnis sammeln (per E-Mail an ki-werkstatt@vmg.example.org bis 16.02.2027).',
  '## 5. Nächster Termin',
  '23.02.2027, 14:00 Uhr: Rechtsrahmen und Datenschutz, mit Nicole Baumann (Rechtsanwältin, Kanzlei Baumann & Frei, Bern).',
];

const auftaktFolien: { title: string; lines: string[] }[] = [
  { title: 'KI-Werkstatt Gemeinde', lines: ['Generative KI in der Verwaltung', 'Auftakt, 19.01.2027', 'Dr. Andrea Kälin, Fachstelle Digitale Gemeinde (VMG)'] },
  {
    title: 'Fahrplan 2027',
    lines: [
      '19.01. Auftakt: Standortbestimmung',
      '23.02. Rechtsrahmen und Datenschutz (Nicole Baumann)',
      '23.03. Prompting im Verwaltungsalltag (Luca Bernasconi, Gemeinde Riedikon)',
      '27.04. Praxislabor: eigene Anwendungsfälle, 13:30 bis 15:30',
      '01.06. Chatbots und Wissensassistenten (Sandra Imhof, Stadt Talwil)',
      '29.06. Abschluss: Beschaffung und Governance (Kathrin Wyss)',
    ],
  },
  {
    title: 'Spielregeln',
    lines: [
      'Chatham-House-Regel',
      'Keine Aufzeichnung',
      'Kamera an, wenn möglich',
      'Keine echten Personendaten in Übungen',
      'Folien und Protokoll im Teams-Kanal «KI-Werkstatt», innert 3 Arbeitstagen',
    ],
  },
  {
    title: 'Begriffe',
    lines: [
      'Sprachmodell (LLM, Large Language Model): erzeugt Text, indem es das wahrscheinlichste nächste Wort berechnet.',
      'Prompt: die Anweisung an das Modell.',
      'Halluzination: eine überzeugend formulierte, aber falsche Aussage des Modells.',
      'Token: Textbaustein, nach dem Anbieter abrechnen; ein deutsches Wort sind im Schnitt 1,5 Token.',
      'RAG (Retrieval-Augmented Generation): das Modell antwortet auf Grundlage vorher gesuchter eigener Dokumente.',
    ],
  },
  {
    title: 'Beispiel Stadt Talwil',
    lines: [
      '12\u2019400 Einwohnende, 160 Mitarbeitende',
      'Nutzungsrichtlinie seit März 2026',
      '40 Mitarbeitende geschult (erste Welle)',
      'Protokollzusammenfassung Stadtrat: im Schnitt 35 Minuten Zeitersparnis pro Sitzung',
      'Lizenzkosten: CHF 22 pro Person und Monat',
    ],
  },
  {
    title: 'Datenampel (Kurzfassung)',
    lines: [
      'Grün: öffentliche Informationen, erlaubt in freigegebenen Werkzeugen',
      'Gelb: interne Informationen, nur in Werkzeugen mit Vertrag des VMG oder der Gemeinde',
      'Rot: Personendaten und Amtsgeheimnis, nie in KI-Werkzeuge',
      'Details: Leitfaden Generative KI, Kapitel 3',
    ],
  },
  {
    title: 'Auftrag für das Praxislabor',
    lines: [
      'Jede Gemeinde reicht einen Anwendungsfall ein.',
      'Vorlage: Steckbrief Anwendungsfall (1 Seite)',
      'Einreichen bis 13.04.2027 an ki-werkstatt@vmg.example.org',
      'Bewertung im Labor mit dem Prüfraster (Nutzen, Risiko, Aufwand)',
    ],
  },
  { title: 'Kontakt', lines: ['Dr. Andrea Kälin, andrea.kaelin@vmg.example.org', 'Marco Lüthi, ki-werkstatt@vmg.example.org', 'Nächster Termin: 23.02.2027'] },
];

const praxisFolien: { title: string; lines: string[] }[] = [
  { title: 'Praxisbeispiele aus den Gemeinden', lines: ['KI-Werkstatt Gemeinde, Sammlung der Fachstelle Digitale Gemeinde', 'Stand Januar 2027'] },
  {
    title: 'Riedikon: Mitteilungen in Leichter Sprache',
    lines: [
      '4\u2019300 Einwohnende',
      'Amtliche Mitteilungen werden mit KI in Leichte Sprache übertragen und von einer Fachperson geprüft.',
      '18 Mitarbeitende geschult',
      'Zeitaufwand pro Mitteilung: von 3 Stunden auf 1 Stunde',
      'Ansprechperson: Luca Bernasconi, Kommunikation',
    ],
  },
  {
    title: 'Talwil: Talwil-Bot',
    lines: [
      'Chatbot auf der Website seit Oktober 2026, antwortet mit RAG aus 420 Seiten Verwaltungsdokumenten',
      '1\u2019850 Anfragen pro Monat',
      '62 % der Anfragen ohne Weiterleitung an Mitarbeitende beantwortet',
      'Einführungskosten: CHF 48\u2019000, Betrieb CHF 900 pro Monat',
    ],
  },
  {
    title: 'Oberau: Entwürfe für Baubewilligungen',
    lines: [
      'Pilot im Bauamt: KI schlägt Textbausteine für Verfügungen vor, keine Personendaten im Prompt',
      'Nach 3 Monaten abgebrochen: zu viele Fehler bei Fristen und Paragraphen',
      'Lehre: Fachtexte mit Rechtswirkung nur mit geprüften Vorlagen',
    ],
  },
  {
    title: 'Seeberg: Übersetzungen',
    lines: [
      'Schulinformationen für Eltern in 7 Sprachen',
      'Stichprobenkontrolle durch Kulturvermittlerinnen',
      'Kosten für externe Übersetzungen um 70 % gesunken',
    ],
  },
  {
    title: 'Gemeinsame Erkenntnisse',
    lines: [
      'Klein anfangen: ein Anwendungsfall, ein Team',
      'Immer Vier-Augen-Prinzip bei Texten nach aussen',
      'Nutzen messen: Zeit vorher und nachher',
      'Mitarbeitende früh schulen',
    ],
  },
];

const leitfaden = latin1Only([
  wrap([
    'Leitfaden Generative KI in der Gemeindeverwaltung',
    'Version 1.2, Stand Dezember 2026. Herausgeber: Fachstelle Digitale Gemeinde, VMG.',
    '',
    '1. Zweck',
    'Dieser Leitfaden regelt den Einsatz generativer KI-Werkzeuge durch Mitarbeitende der Gemeinden im '
      + 'Verbandsgebiet. Er dient als Mustervorlage; jede Gemeinde passt ihn an und erlässt ihn als Weisung.',
    '',
    '2. Grundsätze',
    'a) Verantwortung: Für jedes Ergebnis bleibt die Mitarbeiterin oder der Mitarbeiter verantwortlich. Die KI '
      + 'entscheidet nichts.',
    'b) Prüfung: Texte, die die Verwaltung verlassen, prüft eine zweite Person (Vier-Augen-Prinzip).',
    'c) Kennzeichnung: Publikationen, die überwiegend mit KI erstellt wurden, tragen den Hinweis "Erstellt mit '
      + 'Unterstützung von KI".',
    'd) Private Konten: Die Nutzung privater Konten für dienstliche Aufgaben ist nicht zulässig.',
    '',
    '3. Datenampel',
    'Grün: öffentliche Informationen (publizierte Reglemente, Medienmitteilungen, Website). Erlaubt in allen '
      + 'von der Gemeinde freigegebenen Werkzeugen.',
    'Gelb: interne Informationen ohne Personenbezug (Entwürfe, interne Konzepte). Nur in Werkzeugen, für die ein '
      + 'Vertrag mit Auftragsbearbeitungsklauseln besteht.',
    'Rot: Personendaten, besonders schützenswerte Personendaten und Informationen unter dem Amtsgeheimnis. '
      + 'Dürfen nie in KI-Werkzeuge eingegeben werden, auch nicht anonymisiert ohne Freigabe der '
      + 'Datenschutzberatung.',
  ], 88),
  wrap([
    '4. Rechtlicher Rahmen',
    'Massgebend sind das revidierte Datenschutzgesetz (DSG), in Kraft seit dem 1. September 2023, und das '
      + 'kantonale Informations- und Datenschutzrecht. Für Anbieter mit Sitz ausserhalb der Schweiz ist vor dem '
      + 'Vertragsabschluss zu prüfen, ob die Daten in einem Land mit angemessenem Datenschutz bearbeitet werden.',
    '',
    '5. Beschaffung',
    'KI-Dienste werden wie andere Informatikleistungen beschafft. Ab einem Auftragswert von CHF 150\'000 gilt das '
      + 'Einladungsverfahren. Verträge müssen regeln, dass Eingaben nicht zum Training der Modelle verwendet werden.',
    '',
    '6. Schulung',
    'Wer KI-Werkzeuge dienstlich nutzt, absolviert vorher die Grundschulung "KI-Führerschein" der Fachstelle '
      + '(2 Stunden, online). Die Gemeinde führt eine Liste der geschulten Personen.',
    '',
    '7. Zuständigkeit',
    'Jede Gemeinde bezeichnet eine KI-Verantwortliche oder einen KI-Verantwortlichen. Diese Person pflegt die '
      + 'Liste der freigegebenen Werkzeuge und ist Anlaufstelle für Fragen.',
    '',
    '8. Überprüfung',
    'Der Leitfaden wird jährlich überprüft, erstmals im Dezember 2027.',
    '',
    'Kontakt: Dr. Andrea Kälin, andrea.kaelin@vmg.example.org',
  ], 88),
]);

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/kommunale-ki-werkstatt/material');
  await fs.mkdir(out, { recursive: true });
  const write = (name: string, data: Buffer) => fs.writeFile(path.join(out, name), data);
  await write('01-ausschreibung.docx', await makeDocx(ausschreibung));
  await write('03-folien-auftakt.pptx', await makePptx(auftaktFolien));
  await write('04-leitfaden-generative-ki.pdf', makePdf(leitfaden));
  await write('05-praxisbeispiele.pptx', await makePptx(praxisFolien));
  await write('06-protokoll-auftakt.docx', await makeDocx(protokoll));
  process.stdout.write(`documents written to ${out}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
