// CLI commands of the feedback feature: `feedback export` (CSV/JSON of one session, no names or ids) and
// `feedback purge` (the retention run by hand). The program comes from CONTENT_DIR/program.yaml.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CliCommand, CliContext } from '../cli/types.js';
import { feedbackText } from '../i18n/feedback.js';
import { loadProgramFile, ProgramLoadError } from '../program/load.js';
import type { Program } from '../program/model.js';
import { exportResponses, type ExportFormat } from './export.js';
import { FeedbackRepository } from './repository.js';
import { FeedbackService } from './service.js';

const t = feedbackText('de');

/** `--name value` and `--name=value` options; anything else is positional. */
export function parseOptions(args: string[]): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/i.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    if (match[2] !== undefined) options[match[1]!] = match[2];
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) options[match[1]!] = args[++i]!;
    else options[match[1]!] = '';
  }
  return { options, positional };
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
    const { options } = parseOptions(args);
    const sessionId = options.session;
    const format = (options.format ?? 'csv').toLowerCase();
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
    if (options.out) {
      await fs.writeFile(options.out, text, 'utf8');
      ctx.err(t.cliWritten(options.out, responses.length));
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
    const { options } = parseOptions(args);
    const days = options.days === undefined ? 365 : Number(options.days);
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
