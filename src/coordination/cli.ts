// CLI: `audit [--json] [--limit N]`, the coordinators' audit trail read straight from Table storage,
// newest first (default 50 entries). Exit 64 on a bad option.
import type { CliCommand } from '../cli/types.js';
import { coordinationText } from '../i18n/coordination.js';
import { AuditRepository, type AuditEntry } from './audit-repository.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

function parse(args: string[]): { json: boolean; limit: number } | string {
  let json = false;
  let limit = DEFAULT_LIMIT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let value: string | undefined;
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--limit') value = args[++i];
    else if (arg.startsWith('--limit=')) value = arg.slice('--limit='.length);
    else return arg;
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_LIMIT) return `${arg} ${value ?? ''}`.trim();
    limit = Number(value);
  }
  return { json, limit };
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
