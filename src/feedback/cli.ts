// CLI commands of the feedback feature: `feedback export` (CSV/JSON of one session, no names or ids) and
// `feedback purge` (the retention run by hand). The program comes from CONTENT_DIR/program.yaml.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeProblem, isProblem, parseOptions, type OptionSpec } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { cliText } from '../i18n/cli.js';
import { feedbackText } from '../i18n/feedback.js';
import { loadProgramFile, ProgramLoadError } from '../program/load.js';
import type { Program } from '../program/model.js';
import { exportResponses, type ExportFormat } from './export.js';
import { FeedbackRepository } from './repository.js';
import { FeedbackService } from './service.js';

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

async function loadProgram(ctx: CliContext): Promise<Program | undefined> {
  try {
    return (await loadProgramFile(path.join(ctx.contentDir, 'program.yaml'))).program;
  } catch (error) {
    if (error instanceof ProgramLoadError) {
      ctx.err(error.message);
      return undefined;
    }
    throw error;
  }
}

export const feedbackExportCommand: CliCommand = {
  name: 'feedback export',
  usage: t.cliUsage,
  summary: t.cliSummary,
  async run(args, ctx) {
    const values = options(args, { values: ['session', 'format', 'out'] }, t.cliUsage, ctx);
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
    const program = await loadProgram(ctx);
    if (!program) return 1;
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
    const program = await loadProgram(ctx);
    if (!program) return 1;
    const service = new FeedbackService({ store: await ctx.storage(), program, clock: ctx.clock });
    const { removed } = await service.purgeOlderThan(days, ctx.clock.now());
    ctx.out(t.purged(removed, days));
    return 0;
  },
};

export const feedbackCliCommands: CliCommand[] = [feedbackExportCommand, feedbackPurgeCommand];
