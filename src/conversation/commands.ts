// The bot's commands, in German and English. Parsing is plain text work: the Teams layer strips the bot's
// @mention first, then asks parseCommand. Anything that is not a command goes to the FAQ.
import { foldText } from '../text/index.js';

export type CommandName =
  | 'help'
  | 'sessions'
  | 'next'
  | 'subscribe'
  | 'unsubscribe'
  | 'results'
  | 'retrospective'
  | 'program'
  | 'reminders'
  | 'announce'
  | 'announceHere'
  | 'escalateHere'
  | 'status'
  | 'resetCalendar'
  | 'link'
  | 'linkMeeting'
  | 'attendance'
  | 'noCatchUp'
  | 'catchUp'
  | 'deleteMyData';

export interface ParsedCommand {
  name: CommandName;
  /** Text after the command word(s), e.g. the session for `ergebnisse auftakt`. */
  argument: string;
}

export interface CommandSpec {
  name: CommandName;
  de: string;
  en: string;
  /** Further accepted spellings (already folded: lowercase, umlauts as ae/oe/ue, ß as ss). */
  aliases: string[];
  takesArgument: boolean;
  coordinatorOnly: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'help', de: 'hilfe', en: 'help', aliases: ['?', 'hallo', 'hello', 'hi', 'menue', 'menu'], takesArgument: false, coordinatorOnly: false },
  { name: 'sessions', de: 'termine', en: 'sessions', aliases: ['schedule', 'alle termine', 'terminuebersicht'], takesArgument: false, coordinatorOnly: false },
  { name: 'next', de: 'nächster termin', en: 'next', aliases: ['naechster', 'next session', 'naechstes treffen'], takesArgument: false, coordinatorOnly: false },
  { name: 'subscribe', de: 'anmelden', en: 'subscribe', aliases: [], takesArgument: true, coordinatorOnly: false },
  { name: 'unsubscribe', de: 'abmelden', en: 'unsubscribe', aliases: [], takesArgument: true, coordinatorOnly: false },
  { name: 'results', de: 'ergebnisse', en: 'results', aliases: ['ergebnis'], takesArgument: true, coordinatorOnly: false },
  { name: 'retrospective', de: 'rückblick', en: 'retrospective', aliases: ['retro'], takesArgument: false, coordinatorOnly: false },
  { name: 'program', de: 'programm', en: 'program', aliases: ['programme'], takesArgument: false, coordinatorOnly: true },
  { name: 'reminders', de: 'erinnerungen', en: 'reminders', aliases: [], takesArgument: false, coordinatorOnly: true },
  { name: 'announceHere', de: 'hier ankündigen', en: 'announce here', aliases: [], takesArgument: false, coordinatorOnly: true },
  { name: 'announce', de: 'ankündigen', en: 'announce', aliases: ['ankuendigung'], takesArgument: true, coordinatorOnly: true },
  { name: 'escalateHere', de: 'hier eskalieren', en: 'escalate here', aliases: [], takesArgument: false, coordinatorOnly: true },
  { name: 'status', de: 'status', en: 'status', aliases: [], takesArgument: false, coordinatorOnly: true },
  { name: 'link', de: 'verknüpfen', en: 'link', aliases: ['verknuepfen'], takesArgument: true, coordinatorOnly: true },
  { name: 'linkMeeting', de: 'termin verknüpfen', en: 'link session', aliases: ['termin verknuepfen'], takesArgument: true, coordinatorOnly: true },
  { name: 'resetCalendar', de: 'kalender zurücksetzen', en: 'reset calendar', aliases: ['kalender zuruecksetzen', 'kalenderlink zuruecksetzen'], takesArgument: false, coordinatorOnly: false },
  { name: 'attendance', de: 'teilnahme', en: 'attendance', aliases: [], takesArgument: true, coordinatorOnly: true },
  { name: 'noCatchUp', de: 'keine nachholhinweise', en: 'no catch-up', aliases: ['no catch up', 'keine nachholhinweise mehr'], takesArgument: false, coordinatorOnly: false },
  { name: 'catchUp', de: 'nachholhinweise', en: 'catch-up', aliases: ['catch up'], takesArgument: false, coordinatorOnly: false },
  { name: 'deleteMyData', de: 'meine daten löschen', en: 'delete my data', aliases: ['daten loeschen'], takesArgument: false, coordinatorOnly: false },
];

/** Folded as everywhere (foldText: lower case, ä→ae, ß→ss), punctuation at the ends dropped, whitespace collapsed. */
export function foldCommandText(text: string): string {
  return foldText(text)
    .replace(/^[\s/!.,:;]+|[\s!.,:;]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Every folded spelling of every command, longest first so "hier ankündigen" wins over "ankündigen". */
const SPELLINGS: Array<{ spelling: string; spec: CommandSpec }> = COMMANDS.flatMap((spec) =>
  [spec.de, spec.en, ...spec.aliases].map((s) => ({ spelling: foldCommandText(s), spec })),
).sort((a, b) => b.spelling.length - a.spelling.length);

export function parseCommand(text: string): ParsedCommand | undefined {
  const folded = foldCommandText(text);
  if (!folded) return undefined;
  for (const { spelling, spec } of SPELLINGS) {
    if (folded === spelling) return { name: spec.name, argument: '' };
    if (spec.takesArgument && folded.startsWith(`${spelling} `)) {
      // Keep the argument's original spelling: cut the same number of words from the trimmed input.
      const words = spelling.split(' ').length;
      const argument = text.trim().split(/\s+/).slice(words).join(' ');
      return { name: spec.name, argument };
    }
  }
  return undefined;
}

export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new Error(`unknown command ${name}`);
  return spec;
}
