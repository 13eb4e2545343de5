// CLI commands of the feedback feature: `feedback export` (CSV/JSON of one session of one program, no names or
// ids; `--program ID` when there are several) and `feedback purge` (the retention run by hand, every program).
// The program is the stored one (as coordinators edited it), else its folder's program.yaml.
import fs from 'node:fs/promises';
import { describeProblem, isProblem, parseOptions, type OptionSpec } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { cliText } from '../i18n/cli.js';
import { feedbackText } from '../i18n/feedback.js';
import { chooseProgram, describeProgramProblem, isProgramProblem, programProblemCode, programsInCatalog } from '../cli/program-option.js';
import { loadProgramFile, ProgramLoadError } from '../program/load.js';
import { ProgramCatalog } from '../program/catalog.js';
import { silentLogger } from '../shared/log.js';
import type { Program } from '../program/model.js';
import { exportResponses, type ExportFormat } from './export.js';
import { FeedbackRepository } from './repository.js';

const t = feedbackText('de');

/**
 * The options a command knows, or false after explaining the wrong call (unknown option, option without its
 * value, stray argument) with the usage line. A typo must not run an export or a purge with defaults.
 */
function options(args: string[], spec: OptionSpec, usage: string, ctx: CliContext): Map<string, string> | false {
  const parsed = parseOptions(args, spec);
  let problem: string;
  if (isProblem(parsed)) problem = describeProblem(parsed);
  else if (parsed.positional.length) problem = cliText('de').unexpectedArgument(parsed.positional[0]!);
  else return parsed.values;
  ctx.err(`${problem}\nAufruf: ${usage}`);
  return false;
}

/** The chosen program (stored, else as its program.yaml says), or undefined after explaining why not. */
async function chosenProgram(ctx: CliContext, requested: string | undefined): Promise<{ program: Program } | { code: number }> {
  const catalog = new ProgramCatalog({ store: await ctx.storage(), clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
  await catalog.load({ readOnly: true });
  const choice = chooseProgram(programsInCatalog(catalog), requested);
  if (isProgramProblem(choice)) {
    ctx.err(`${describeProgramProblem(choice)}\nAufruf: ${t.cliUsage}`);
    return { code: programProblemCode(choice, 2) };
  }
  const stored = catalog.get(choice.program.id);
  if (stored) return { program: stored };
  try {
    return { program: (await loadProgramFile(choice.program.file!)).program };
  } catch (error) {
    if (!(error instanceof ProgramLoadError)) throw error;
    ctx.err(error.message);
    return { code: 1 };
  }
}

export const feedbackExportCommand: CliCommand = {
  name: 'feedback export',
  usage: t.cliUsage,
  summary: t.cliSummary,
  async run(args, ctx) {
    const values = options(args, { values: ['session', 'format', 'out', 'program'] }, t.cliUsage, ctx);
    if (!values) return 2;
    const sessionId = values.get('session');
    const format = (values.get('format') ?? 'csv').toLowerCase();
    if (!sessionId) {
      ctx.err(`Aufruf: ${t.cliUsage}`);
      return 2;
    }
    if (format !== 'csv' && format !== 'json') {
      ctx.err(t.cliBadFormat(format));
      return 2;
    }
    const chosen = await chosenProgram(ctx, values.get('program'));
    if ('code' in chosen) return chosen.code;
    const { program } = chosen;
    const session = program.sessions.find((s) => s.id === sessionId);
    if (!session) {
      ctx.err(t.cliUnknownSession(sessionId, program.sessions.map((s) => s.id).join(', ')));
      return 2;
    }
    const repository = new FeedbackRepository(await ctx.storage());
    const responses = await repository.listResponses(program.program.id, session.id);
    const text = exportResponses(format as ExportFormat, program, session, responses);
    const out = values.get('out');
    if (out) {
      await fs.writeFile(out, text, 'utf8');
      ctx.err(t.cliWritten(out, responses.length));
    } else {
      ctx.out(text);
    }
    return 0;
  },
};

export const feedbackPurgeCommand: CliCommand = {
  name: 'feedback purge',
  usage: t.purgeUsage,
  summary: t.purgeSummary,
  async run(args, ctx) {
    const values = options(args, { values: ['days'] }, t.purgeUsage, ctx);
    if (!values) return 2;
    const days = values.has('days') ? Number(values.get('days')) : 365;
    if (!Number.isInteger(days) || days < 1) {
      ctx.err(`Aufruf: ${t.purgeUsage}`);
      return 2;
    }
    // Responses of every program, removed ones included: retention does not depend on a program folder.
    const cutoff = new Date(ctx.clock.now().getTime() - days * 86_400_000);
    const removed = await new FeedbackRepository(await ctx.storage()).purgeBefore(cutoff);
    ctx.out(t.purged(removed, days));
    return 0;
  },
};

export const feedbackCliCommands: CliCommand[] = [feedbackExportCommand, feedbackPurgeCommand];
