// Texts of the shared CLI option parser (src/cli/args.ts): what is wrong with a call. German first, English second.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  unknownOption: (name: string) => `Unbekannte Option --${name}.`,
  optionNeedsValue: (name: string) => `--${name} braucht einen Wert.`,
  unexpectedArgument: (arg: string) => `Unerwartetes Argument „${arg}“.`,
};

const en: CatalogueOf<typeof de> = {
  unknownOption: (name) => `Unknown option --${name}.`,
  optionNeedsValue: (name) => `--${name} needs a value.`,
  unexpectedArgument: (arg) => `Unexpected argument "${arg}".`,
};

export function cliText(locale: Locale): CatalogueOf<typeof de> {
  return locale === 'en' ? en : de;
}
