// CLI: `audit [--json] [--limit N]`, the coordinators' audit trail read straight from Table storage,
// newest first (default 50 entries). Exit 64 on a bad option.
import { isProblem, parseOptions } from '../cli/args.js';
import type { CliCommand } from '../cli/types.js';
import { coordinationText } from '../i18n/coordination.js';
import { AuditRepository, type AuditEntry } from './audit-repository.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

/** The options, or the offending argument as typed. */
function parse(args: string[]): { json: boolean; limit: number } | string {
  const parsed = parseOptions(args, { flags: ['json'], values: ['limit'] });
  if (isProblem(parsed)) return `--${parsed.name}`;
  if (parsed.positional.length) return parsed.positional[0]!;
  const value = parsed.values.get('limit');
  if (value !== undefined && (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT)) return `--limit ${value}`;
  return { json: parsed.flags.has('json'), limit: value === undefined ? DEFAULT_LIMIT : Number(value) };
}

export function formatAuditTable(entries: AuditEntry[]): string[] {
  const t = coordinationText('de');
  if (!entries.length) return [t.cliAuditEmpty];
  return [t.cliAuditHeader, ...entries.map((e) => [e.at.slice(0, 19).replace('T', ' '), e.actor, e.action, e.outcome, e.target ?? ''].join(' | '))];
}

const auditCommand: CliCommand = {
  name: 'audit',
  usage: coordinationText('de').cliAuditUsage,
  summary: coordinationText('de').cliAuditSummary,
  async run(args, ctx) {
    const t = coordinationText('de');
    const options = parse(args);
    if (typeof options === 'string') {
      ctx.err(t.cliUnknownOption(options));
      ctx.err(`usage: ${t.cliAuditUsage}`);
      return 64;
    }
    const entries = await new AuditRepository(await ctx.storage()).list({ limit: options.limit, now: ctx.clock.now() });
    if (options.json) ctx.out(JSON.stringify(entries, null, 2));
    else for (const line of formatAuditTable(entries)) ctx.out(line);
    return 0;
  },
};

export const coordinationCliCommands: CliCommand[] = [auditCommand];
