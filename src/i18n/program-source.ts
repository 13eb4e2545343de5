// Texts of the source-of-truth rule between CONTENT_DIR/program.yaml and the stored program: the refused
// import after coordinator edits, and the output of `cli program import`. German first, English second;
// the stored program's `language` decides which catalogue a refusal uses.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  editedSinceImport: (file: string, version: number, importedVersion: number | undefined, by: string, at: string) =>
    `${file} hat sich geändert, aber das gespeicherte Programm wurde seit dem letzten Import${importedVersion ? ` (Version ${importedVersion})` : ''} in Teams bearbeitet (Version ${version}, zuletzt von ${by} am ${at}). Die Datei wurde nicht übernommen, damit diese Änderungen nicht verloren gehen; das gespeicherte Programm bleibt aktiv.`,
  editedSinceImportFix:
    'So lösen: „npm run cli -- program export > program.yaml“ schreibt das gespeicherte Programm heraus; die Änderungen der Datei dort einarbeiten, dann „npm run cli -- program import --force“.',
  importUsage: 'program import [--content DIR] [--program ID] [--force]',
  imported: (id: string, version: number) => `Programm „${id}“ importiert (Version ${version}).`,
  unchanged: (id: string, version: number) => `program.yaml ist unverändert seit dem letzten Import; Programm „${id}“ bleibt bei Version ${version}.`,
  adopted: (id: string, version: number) =>
    `program.yaml entspricht dem gespeicherten Programm „${id}“ (Version ${version}) und gilt ab jetzt als letzter Import; spätere Änderungen der Datei werden wieder übernommen.`,
  refused: (message: string) => `Nicht importiert: ${message}`,
  duplicateId: (file: string, id: string, first: string) =>
    `${file} hat die Programm-ID „${id}“, die schon ${first} trägt. Dieses Programm wurde nicht geladen; das in ${first} bleibt aktiv.`,
  duplicateIdFix: 'Jedem Programm eine eigene ID unter program.id geben (Kleinbuchstaben, Ziffern, Bindestriche).',
};

const en: CatalogueOf<typeof de> = {
  editedSinceImport: (file, version, importedVersion, by, at) =>
    `${file} has changed, but the stored program was edited in Teams since the last import${importedVersion ? ` (version ${importedVersion})` : ''} (version ${version}, last by ${by} at ${at}). The file was not taken over, so that those edits are not lost; the stored program stays active.`,
  editedSinceImportFix:
    'To resolve: "npm run cli -- program export > program.yaml" writes out the stored program; merge the file\'s changes into it, then run "npm run cli -- program import --force".',
  importUsage: 'program import [--content DIR] [--program ID] [--force]',
  imported: (id, version) => `Program "${id}" imported (version ${version}).`,
  unchanged: (id, version) => `program.yaml is unchanged since the last import; program "${id}" stays at version ${version}.`,
  adopted: (id, version) =>
    `program.yaml matches the stored program "${id}" (version ${version}) and now counts as the last import; later changes to the file are taken over again.`,
  refused: (message) => `Not imported: ${message}`,
  duplicateId: (file, id, first) => `${file} has the program id "${id}", which ${first} already has. This program was not loaded; the one in ${first} stays active.`,
  duplicateIdFix: 'Give every program its own id under program.id (lowercase letters, digits and hyphens).',
};

export const programSourceTexts: { de: typeof de; en: CatalogueOf<typeof de> } = { de, en };

export function programSourceText(locale: Locale): CatalogueOf<typeof de> {
  return programSourceTexts[locale];
}
