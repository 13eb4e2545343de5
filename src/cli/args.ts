// Options of the CLI commands: `--flag`, `--name value` and `--name=value` (names start with a letter); `--`
// ends the options, anything else is positional. Each command names the options it knows; an unknown option or a value option without
// its value is a problem the command reports with its own exit code, in the shared words of describeProblem()
// or its own.
import { cliText } from '../i18n/cli.js';
import type { Locale } from '../i18n/locale.js';

export interface OptionSpec {
  flags?: readonly string[];
  values?: readonly string[];
}

export interface ParsedOptions {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export interface OptionProblem {
  problem: 'unknown' | 'missingValue';
  /** The option's name without the dashes. */
  name: string;
}

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions | OptionProblem {
  const out: ParsedOptions = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    const match = /^--([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      out.positional.push(arg);
      continue;
    }
    const name = match[1]!;
    const inline = match[2];
    if (spec.values?.includes(name)) {
      const value = inline ?? args[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) return { problem: 'missingValue', name };
      if (inline === undefined) i++;
      out.values.set(name, value);
    } else if (spec.flags?.includes(name) && inline === undefined) {
      out.flags.add(name);
    } else {
      return { problem: 'unknown', name };
    }
  }
  return out;
}

export function isProblem(parsed: ParsedOptions | OptionProblem): parsed is OptionProblem {
  return 'problem' in parsed;
}

/** The line naming an option problem, in the CLI's language (German unless told otherwise). */
export function describeProblem(problem: OptionProblem, locale: Locale = 'de'): string {
  const t = cliText(locale);
  return problem.problem === 'unknown' ? t.unknownOption(problem.name) : t.optionNeedsValue(problem.name);
}
