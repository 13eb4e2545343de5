// CLI: `deliveries [--json] [--group <programId/sessionId>]`, a report per delivery job read straight from
// Table storage (planned, sent, failed, skipped, unreachable, uncertain). Exit code 2 when any recipient
// is uncertain, so scripts notice.
import { isProblem, parseOptions } from '../cli/args.js';
import type { CliCommand } from '../cli/types.js';
import { deliveryText } from '../i18n/delivery.js';
import { DeliveryJobRepository } from './job-repository.js';
import { TableRecordStore } from './record-repository.js';
import { deliveryReport, type JobReport } from './report.js';

/** The options, or the offending argument as typed. */
function parse(args: string[]): { json: boolean; group?: string } | string {
  const parsed = parseOptions(args, { flags: ['json'], values: ['group'] });
  if (isProblem(parsed)) return `--${parsed.name}`;
  if (parsed.positional.length) return parsed.positional[0]!;
  const group = parsed.values.get('group');
  return { json: parsed.flags.has('json'), ...(group !== undefined ? { group } : {}) };
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
    const reports = await deliveryReport(
      { jobs: new DeliveryJobRepository(store), records: new TableRecordStore(store) },
      options.group !== undefined ? { group: options.group } : {},
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
