// Texts of the delivery reports (CLI `deliveries`, coordinator status). German first, English second.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  cliSummary: 'Zustellungen je Auftrag: geplant, gesendet, fehlgeschlagen, übersprungen, unsicher',
  cliUsage: 'deliveries [--json] [--program ID] [--group <programId/sessionId>]',
  noJobs: 'Keine Zustellaufträge.',
  header: 'Auftrag | Fällig | Status | geplant | gesendet | fehlgeschlagen | übersprungen | nicht erreichbar | unsicher',
  uncertainWarning: (n: number) =>
    `Achtung: ${n} Zustellung(en) unsicher: Die Instanz brach zwischen Senden und Bestätigung ab. Bitte prüfen; es wird nicht automatisch erneut gesendet.`,
  unknownOption: (option: string) => `Unbekannte Option: ${option}`,
};

type Catalogue = CatalogueOf<typeof de>;

const en: Catalogue = {
  cliSummary: 'Deliveries per job: planned, sent, failed, skipped, uncertain',
  cliUsage: 'deliveries [--json] [--program ID] [--group <programId/sessionId>]',
  noJobs: 'No delivery jobs.',
  header: 'Job | Due | Status | planned | sent | failed | skipped | unreachable | uncertain',
  uncertainWarning: (n) =>
    `Attention: ${n} delivery(ies) uncertain: the instance stopped between sending and confirming. Please check; nothing is resent automatically.`,
  unknownOption: (option) => `Unknown option: ${option}`,
};

export const deliveryTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function deliveryText(locale: Locale): Catalogue {
  return deliveryTexts[locale];
}
