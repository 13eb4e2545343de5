// CLI: `deliveries [--json] [--program ID] [--group <programId/sessionId>]`, a report per delivery job of one
// program read straight from Table storage (planned, sent, failed, skipped, unreachable, uncertain). Without
// --program a deployment of one program shows every job (the deployment is that program, and jobs stored before
// it, or of a program it replaced, stay visible as they always were); with several programs it names them. A
// removed program (folder gone, data kept) can be named too. Exit code 2 when any recipient is uncertain, so
// scripts notice.
import { isProblem, parseOptions } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { chooseProgram, describeProgramProblem, isProgramProblem, programProblemCode, programsInCatalog } from '../cli/program-option.js';
import { ProgramCatalog } from '../program/catalog.js';
import { silentLogger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { deliveryText } from '../i18n/delivery.js';
import { DeliveryJobRepository } from './job-repository.js';
import { TableRecordStore } from './record-repository.js';
import { deliveryReport, type JobReport } from './report.js';

/** The options, or the offending argument as typed. */
function parse(args: string[]): { json: boolean; group?: string; program?: string } | string {
  const parsed = parseOptions(args, { flags: ['json'], values: ['group', 'program'] });
  if (isProblem(parsed)) return `--${parsed.name}`;
  if (parsed.positional.length) return parsed.positional[0]!;
  const group = parsed.values.get('group');
  const program = parsed.values.get('program');
  return { json: parsed.flags.has('json'), ...(group !== undefined ? { group } : {}), ...(program !== undefined ? { program } : {}) };
}

/** The program whose jobs the report shows (undefined: every job), or the exit code after explaining the refusal. */
async function reportedProgram(store: TableStore, ctx: CliContext, requested: string | undefined): Promise<{ programId?: string } | number> {
  const catalog = new ProgramCatalog({ store, clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
  await catalog.load({ readOnly: true });
  const active = programsInCatalog(catalog);
  const choice = chooseProgram(active, requested, (await catalog.inactiveStoredIds()).map((id) => ({ id })));
  if (isProgramProblem(choice)) {
    // No program at all: every stored job is shown.
    if (choice.problem === 'none') return {};
    ctx.err(describeProgramProblem(choice));
    ctx.err(`usage: ${deliveryText('de').cliUsage}`);
    return programProblemCode(choice, 64);
  }
  return requested === undefined ? {} : { programId: choice.program.id };
}

export function formatReportTable(reports: JobReport[]): string[] {
  const t = deliveryText('de');
  if (!reports.length) return [t.noJobs];
  const lines = [t.header];
  for (const r of reports) {
    lines.push(
      [r.jobId, r.dueAt.slice(0, 16).replace('T', ' ') + 'Z', r.reason ? `${r.status} (${r.reason})` : r.status, r.planned, r.sent, r.failed, r.skipped, r.unreachable, r.uncertain].join(' | '),
    );
  }
  return lines;
}

const deliveriesCommand: CliCommand = {
  name: 'deliveries',
  usage: deliveryText('de').cliUsage,
  summary: deliveryText('de').cliSummary,
  async run(args, ctx) {
    const t = deliveryText('de');
    const options = parse(args);
    if (typeof options === 'string') {
      ctx.err(t.unknownOption(options));
      ctx.err(`usage: ${t.cliUsage}`);
      return 64;
    }
    const store = await ctx.storage();
    const chosen = await reportedProgram(store, ctx, options.program);
    if (typeof chosen === 'number') return chosen;
    const reports = await deliveryReport(
      { jobs: new DeliveryJobRepository(store), records: new TableRecordStore(store) },
      { ...(options.group !== undefined ? { group: options.group } : {}), ...(chosen.programId ? { programId: chosen.programId } : {}) },
    );
    if (options.json) ctx.out(JSON.stringify(reports, null, 2));
    else for (const line of formatReportTable(reports)) ctx.out(line);
    const uncertain = reports.reduce((n, r) => n + r.uncertain, 0);
    if (uncertain) {
      ctx.err(t.uncertainWarning(uncertain));
      return 2;
    }
    return 0;
  },
};

export const deliveryCliCommands: CliCommand[] = [deliveriesCommand];
