// Writes the Programmheft of the evaluation program `leerstand-innenstadt`
// (tests/faq/programs/leerstand-innenstadt/material/) as a DOCX, built from the plain text below with the builders
// of faq-make-documents.ts, so two runs give byte-identical files and no binary of unknown origin sits in the
// repository.
//   npx tsx scripts/faq-make-eval-documents-leerstand.ts [outDir]
// The Programmheft was printed before session 4 moved and still gives its old date (26.05.2027); the minutes of
// the kick-off and program.yaml give the new one (02.06.2027). That difference is part of the evaluation.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDocx } from './faq-make-documents.js';

const programmheft = [
  '# Innenstädte beleben: Leerstand, Zwischennutzung und Ortskernentwicklung',
  'Programmheft der Peer-Learning-Reihe 2027 des Netzwerks Lebendige Ortsmitten Hessen-Thüringen e. V. (NLO)',
  'Stand: 15. Februar 2027',
  '## Vorwort',
  'Leere Schaufenster, geschlossene Gaststätten, Wohnungen über den Geschäften, die niemand mehr nutzt: Der ' +
    'Leerstand in den Ortskernen beschäftigt Klein- und Mittelstädte in Hessen und Thüringen seit Jahren. Mit ' +
    'dieser Reihe bietet das Netzwerk Lebendige Ortsmitten den Verwaltungen seiner Mitgliedsstädte und weiteren ' +
    'interessierten Kommunen einen Rahmen, um voneinander zu lernen, wie Leerstand erfasst, Eigentümerinnen und ' +
    'Eigentümer gewonnen und Räume zwischengenutzt werden können.',
  '## Zielgruppe',
  'Die Reihe richtet sich an Beschäftigte aus Stadtplanung, Wirtschaftsförderung, Liegenschaften und ' +
    'Citymanagement sowie an Bürgermeisterinnen und Bürgermeister von Städten und Gemeinden mit 5.000 bis 60.000 ' +
    'Einwohnerinnen und Einwohnern in Hessen und Thüringen. Vorkenntnisse werden nicht vorausgesetzt.',
  '## Termine im Überblick',
  'Die Reihe umfasst 5 Termine: vier Online-Termine in Microsoft Teams, jeweils mittwochs von 15:00 bis 16:30 Uhr, ' +
    'und einen Stadtspaziergang vor Ort in Werrastein (Thüringen) an einem Freitagvormittag.',
  'Termin 1 – Mittwoch, 14.04.2027, 15:00–16:30 Uhr, online: Auftakt: Leerstand verstehen und erfassen. ' +
    'Impuls: Anja Kämmerer, Citymanagerin der Stadt Werrastein, stellt das Werrasteiner Leerstandskataster vor.',
  'Termin 2 – Mittwoch, 28.04.2027, 15:00–16:30 Uhr, online: Eigentümerinnen und Eigentümer gewinnen: Ansprache, ' +
    'Beratung, Verfügungsfonds. Impuls: Bernd Faulstich, Leiter der Wirtschaftsförderung der Stadt Kirchbrunn (Hessen).',
  'Termin 3 – Freitag, 14.05.2027, 10:00–13:30 Uhr, vor Ort in Werrastein: Stadtspaziergang Leerstand und ' +
    'Zwischennutzung. Führung: Anja Kämmerer und Stadtbaumeister Gerold Wiegand.',
  'Termin 4 – Mittwoch, 26.05.2027, 15:00–16:30 Uhr, online: Zwischennutzung und Pop-up-Läden: Verträge, ' +
    'Versicherung, Brandschutz. Impuls: Rechtsanwältin Dr. Sabine Oehler, Kassel.',
  'Termin 5 – Mittwoch, 23.06.2027, 15:00–16:30 Uhr, online: Abschluss: Ortskernentwicklung als Daueraufgabe. ' +
    'Impuls: Dr. Carolin Habermehl, NLO.',
  '## Teilnahmebeitrag',
  'Für Mitgliedsstädte des NLO ist die Teilnahme kostenfrei. Nichtmitglieder zahlen 120 Euro pro Kommune für die ' +
    'gesamte Reihe; damit können bis zu 3 Personen derselben Kommune teilnehmen. Für den Stadtspaziergang wird ' +
    'zusätzlich ein Kostenbeitrag von 18 Euro pro Person für den Mittagsimbiss erhoben, der vor Ort bar zu ' +
    'entrichten ist. Reisekosten werden nicht erstattet.',
  '## Anmeldung',
  'Die Anmeldung erfolgt bis zum 31.03.2027 per E-Mail an anmeldung@ortsmitten-ht.example.org unter Angabe von ' +
    'Name, Kommune, Dienststelle und der Frage, ob Sie am Stadtspaziergang teilnehmen. Die Zahl der Plätze ist auf ' +
    '45 Teilnehmende begrenzt, für den Stadtspaziergang auf 25. Die Plätze werden nach Eingang der Anmeldungen ' +
    'vergeben. Für den Stadtspaziergang ist eine verbindliche Zusage bis zum 30.04.2027 erforderlich.',
  '## Aufzeichnung und Unterlagen',
  'Die Impulsvorträge der Online-Termine werden aufgezeichnet und für 4 Wochen im Teams-Kanal der Reihe ' +
    'bereitgestellt. Die Diskussionsrunden und der Stadtspaziergang werden nicht aufgezeichnet. Die Präsentationen ' +
    'werden nach jedem Termin im Teams-Kanal abgelegt.',
  '## Teilnahmebescheinigung',
  'Eine Teilnahmebescheinigung erhält, wer an mindestens 4 der 5 Termine teilgenommen hat. Das Ansehen einer ' +
    'Aufzeichnung gilt nicht als Teilnahme.',
  '## Sprache',
  'Die Reihe findet in deutscher Sprache statt. Eine Verdolmetschung ist nicht vorgesehen.',
  '## Ansprechpersonen',
  'Fachliche Leitung: Dr. Carolin Habermehl, c.habermehl@ortsmitten-ht.example.org',
  'Anmeldung, Rechnungen und Teams: Tobias Rüdiger, anmeldung@ortsmitten-ht.example.org, Telefon 06681 4477-20',
  'Stadtspaziergang: Anja Kämmerer, Stadt Werrastein, citymanagement@werrastein.example.org',
  '## Über das Netzwerk',
  'Das Netzwerk Lebendige Ortsmitten Hessen-Thüringen e. V. wurde 2019 gegründet und hat seine Geschäftsstelle in ' +
    'Eisfeld-Rhön. Ihm gehören derzeit 38 Städte und Gemeinden an, 21 in Hessen und 17 in Thüringen.',
];

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/leerstand-innenstadt/material');
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, '01-programmheft.docx'), await makeDocx(programmheft));
  process.stdout.write(`documents written to ${out}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
