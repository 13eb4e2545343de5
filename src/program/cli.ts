// CLI commands of the program feature: lint program.yaml, draft a program from an announcement, export the
// stored program, import program.yaml into storage (with --force over edits made since the last import). Errors are one line naming file, line and field; never a stack trace.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeProblem, isProblem, parseOptions, type OptionSpec, type ParsedOptions } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { programText } from '../i18n/program.js';
import type { Locale } from '../i18n/locale.js';
import { loadProgramFile, ProgramLoadError } from './load.js';
import { hasErrors, lintProgram, type LintFinding } from './lint.js';
import { importAnnouncement } from './import-announcement.js';
import { ProgramRepository, type ProgramFinding } from './repository.js';
import { ProgramCatalog, programFolders } from './catalog.js';
import { programSourceText } from '../i18n/program-source.js';
import { silentLogger } from '../shared/log.js';
import { programToYaml } from './to-yaml.js';

/** The options, or the usage error naming the offending option. */
function parseArgs(args: string[], spec: OptionSpec): ParsedOptions | string {
  const parsed = parseOptions(args, spec);
  return isProblem(parsed) ? describeProblem(parsed) : parsed;
}

function describeFinding(f: LintFinding | ProgramFinding, locale: Locale): string {
  const t = programText(locale);
  const where = f.sessionId ? ` ${t.sessionLabel} ${f.sessionId}:` : '';
  const suggestion = f.suggestion ? `\n    ${t.suggestionLabel}: ${f.suggestion}` : '';
  return `${t.severity[f.severity]} [${f.code}]${where} ${f.message}${suggestion}`;
}

function printFindings(ctx: CliContext, findings: Array<LintFinding | ProgramFinding>, locale: Locale): void {
  const t = programText(locale);
  for (const f of findings) ctx.out(describeFinding(f, locale));
  const errors = findings.filter((f) => f.severity === 'error').length;
  ctx.out(t.lintSummary(errors, findings.length - errors));
}

const LINT_USAGE = 'lint [--content DIR] [--json]';
const IMPORT_USAGE = 'import-announcement FILE [--json] [--out program.yaml] [--timezone ZONE]';
const EXPORT_USAGE = 'program export';

const lintCommand: CliCommand = {
  name: 'lint',
  usage: LINT_USAGE,
  summary: 'Checks CONTENT_DIR/program.yaml: schema, dates, weekdays, order, overlaps, time zone, join links.',
  async run(args, ctx) {
    const parsed = parseArgs(args, { flags: ['json'], values: ['content'] });
    if (typeof parsed === 'string' || parsed.positional.length) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${programText('de').usageError(LINT_USAGE)}`);
      return 2;
    }
    const dir = parsed.values.get('content') ?? ctx.contentDir;
    const file = path.join(dir, 'program.yaml');
    const json = parsed.flags.has('json');
    try {
      const { program } = await loadProgramFile(file);
      const findings = lintProgram(program, { now: ctx.clock.now() });
      const ok = !hasErrors(findings);
      if (json) ctx.out(JSON.stringify({ ok, findings }, null, 2));
      else if (!findings.length) ctx.out(programText(program.program.language).lintClean(file));
      else printFindings(ctx, findings, program.program.language);
      return ok ? 0 : 1;
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
      if (json) {
        ctx.out(
          JSON.stringify(
            {
              ok: false,
              findings: [],
              error: { file: error.file, line: error.line ?? null, field: error.field ?? null, message: error.reason },
            },
            null,
            2,
          ),
        );
      }
      ctx.err(error.message);
      return 1;
    }
  },
};

const importCommand: CliCommand = {
  name: 'import-announcement',
  usage: IMPORT_USAGE,
  summary: 'Drafts a program.yaml from an announcement (text, Markdown or HTML) and lints the draft.',
  async run(args, ctx) {
    const t = programText('de');
    const parsed = parseArgs(args, { flags: ['json'], values: ['out', 'timezone'] });
    if (typeof parsed === 'string' || parsed.positional.length !== 1) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${t.usageError(IMPORT_USAGE)}`);
      return 2;
    }
    const file = parsed.positional[0]!;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      ctx.err(t.cannotRead(file, (error as NodeJS.ErrnoException).code ?? 'error'));
      return 1;
    }
    const defaultTimezone = parsed.values.get('timezone');
    const { draft, findings } = importAnnouncement(text, { now: ctx.clock.now(), ...(defaultTimezone ? { defaultTimezone } : {}) });
    const out = parsed.values.get('out');
    if (out) {
      const header = [t.draftHeader(path.basename(file)), ...findings.map((f) => describeFinding(f, 'de').replace(/\n\s*/g, ' '))];
      await fs.writeFile(out, programToYaml(draft, header));
    }
    if (parsed.flags.has('json')) {
      ctx.out(JSON.stringify({ draft, findings }, null, 2));
    } else {
      if (!out) ctx.out(programToYaml(draft));
      printFindings(ctx, findings, 'de');
      if (out) ctx.out(t.wroteFile(out));
    }
    return hasErrors(findings) ? 1 : 0;
  },
};

const exportCommand: CliCommand = {
  name: 'program export',
  usage: EXPORT_USAGE,
  summary: 'Writes the program stored in Table Storage as program.yaml to stdout.',
  async run(args, ctx) {
    if (args.length) {
      ctx.err(programText('de').usageError(EXPORT_USAGE));
      return 2;
    }
    const catalog = new ProgramCatalog({ store: await ctx.storage(), clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
    const ids = programFolders(ctx.contentDir).length ? (await catalog.load({ readOnly: true }), catalog.ids()) : [];
    const stored = ids.length === 1 ? await new ProgramRepository(await ctx.storage(), ids[0]!).getActive() : undefined;
    if (!stored) {
      ctx.err(programText('de').noStoredProgram);
      return 1;
    }
    ctx.out(programToYaml(stored.program, [`${stored.program.program.id}, version ${stored.version}, ${stored.updatedAt} (${stored.updatedBy})`]));
    return 0;
  },
};

const programImportCommand: CliCommand = {
  name: 'program import',
  usage: programSourceText('de').importUsage,
  summary:
    'Imports CONTENT_DIR/program.yaml into storage when it changed; refuses while the stored program has edits made since the last import, unless --force.',
  async run(args, ctx) {
    const t = programSourceText('de');
    const parsed = parseArgs(args, { flags: ['force'], values: ['content'] });
    if (typeof parsed === 'string' || parsed.positional.length) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${programText('de').usageError(t.importUsage)}`);
      return 2;
    }
    const catalog = new ProgramCatalog({ store: await ctx.storage(), clock: ctx.clock, logger: silentLogger, contentDir: parsed.values.get('content') ?? ctx.contentDir });
    const outcomes = await catalog.load({ force: parsed.flags.has('force') });
    const outcome = outcomes[0]?.outcome ?? { kind: 'refused' as const, reason: 'invalid-file' as const, message: `${ctx.contentDir}: no program.yaml`, findings: [] };
    const locale = catalog.programs()[0]?.program.language ?? 'de';
    const text = programSourceText(locale);
    switch (outcome.kind) {
      case 'imported':
        ctx.out(text.imported(outcome.programId, outcome.version));
        if (outcome.findings.length) printFindings(ctx, outcome.findings, locale);
        return 0;
      case 'unchanged':
        ctx.out(outcome.adopted ? text.adopted(outcome.programId, outcome.version) : text.unchanged(outcome.programId, outcome.version));
        return 0;
      case 'refused':
        ctx.err(text.refused(outcome.message));
        if (outcome.findings.length) printFindings(ctx, outcome.findings, locale);
        return 1;
    }
  },
};

export const programCliCommands: CliCommand[] = [lintCommand, importCommand, exportCommand, programImportCommand];
