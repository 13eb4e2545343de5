// CLI commands of the program feature: lint every program folder, draft a program from an announcement,
// export a stored program, import the program folders into storage (with --force over edits made since the
// last import). Errors are one line naming file, line and field; never a stack trace. Commands that act on
// one program take `--program <id>` (src/cli/program-option.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeProblem, isProblem, parseOptions, type OptionSpec, type ParsedOptions } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { chooseProgram, describeProgramProblem, isProgramProblem, programProblemCode, programsInCatalog, programsOnDisk } from '../cli/program-option.js';
import { programText } from '../i18n/program.js';
import type { Locale } from '../i18n/locale.js';
import { loadProgramFile, ProgramLoadError } from './load.js';
import { lintProgram, type LintFinding } from './lint.js';
import { importAnnouncement } from './import-announcement.js';
import { MaterialFileError } from '../documents/office.js';
import { readAnnouncement } from './announcement/read.js';
import { ProgramRepository, type ProgramFinding } from './repository.js';
import { ProgramCatalog, programFolders, type FolderOutcome, type ProgramFolder } from './catalog.js';
import { programSourceText } from '../i18n/program-source.js';
import { silentLogger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
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

function catalogOf(ctx: CliContext, store: TableStore, contentDir = ctx.contentDir): ProgramCatalog {
  return new ProgramCatalog({ store, clock: ctx.clock, logger: silentLogger, contentDir });
}

const hasErrors = (findings: Array<LintFinding | ProgramFinding>) => findings.some((f) => f.severity === 'error');

const LINT_USAGE = 'lint [--content DIR] [--json]';
const IMPORT_USAGE = 'import-announcement FILE [--json] [--out program.yaml] [--program ID] [--timezone ZONE]';
const EXPORT_USAGE = 'program export [--program ID]';

/** What linting one folder gave: its findings, or the error that kept its YAML from loading. */
interface FolderLint {
  folder: string;
  file: string;
  programId?: string;
  locale: Locale;
  findings: Array<LintFinding | ProgramFinding>;
  error?: ProgramLoadError;
}

/** Lints every folder; the second folder with an id already taken gets `duplicate-program-id`, as at start. */
async function lintFolders(folders: ProgramFolder[], now: Date): Promise<FolderLint[]> {
  const firstFile = new Map<string, string>();
  const out: FolderLint[] = [];
  for (const folder of folders) {
    try {
      const { program } = await loadProgramFile(folder.file);
      const id = program.program.id;
      const locale = program.program.language;
      const findings: FolderLint['findings'] = lintProgram(program, { now });
      const first = firstFile.get(id);
      if (first) {
        const t = programSourceText(locale);
        findings.unshift({ severity: 'error', code: 'duplicate-program-id', message: t.duplicateId(folder.file, id, first), suggestion: t.duplicateIdFix });
      } else {
        firstFile.set(id, folder.file);
      }
      out.push({ folder: folder.name, file: folder.file, programId: id, locale, findings });
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
      out.push({ folder: folder.name, file: folder.file, locale: 'de', findings: [], error });
    }
  }
  return out;
}

const lintCommand: CliCommand = {
  name: 'lint',
  usage: LINT_USAGE,
  summary: 'Checks every program (CONTENT_DIR/programs/*/program.yaml or CONTENT_DIR/program.yaml): schema, dates, weekdays, order, overlaps, time zone, join links, duplicate ids.',
  async run(args, ctx) {
    const parsed = parseArgs(args, { flags: ['json'], values: ['content'] });
    if (typeof parsed === 'string' || parsed.positional.length) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${programText('de').usageError(LINT_USAGE)}`);
      return 2;
    }
    const dir = parsed.values.get('content') ?? ctx.contentDir;
    const found = programFolders(dir);
    // No program at all: the single-program file is reported missing, as it always was.
    const folders = found.length ? found : [{ name: '.', dir, file: path.join(dir, 'program.yaml') }];
    const results = await lintFolders(folders, ctx.clock.now());
    const ok = results.every((r) => !r.error && !hasErrors(r.findings));
    const errors = results.flatMap((r) => (r.error ? [{ folder: r.folder, file: r.error.file, line: r.error.line ?? null, field: r.error.field ?? null, message: r.error.reason }] : []));
    for (const r of results) if (r.error) ctx.err(r.error.message);
    if (parsed.flags.has('json')) {
      ctx.out(
        JSON.stringify(
          {
            ok,
            findings: results.flatMap((r) => r.findings.map((f) => ({ programId: r.programId, folder: r.folder, ...f }))),
            programs: results.map((r) => ({ programId: r.programId ?? null, folder: r.folder, file: r.file, ok: !r.error && !hasErrors(r.findings) })),
            errors,
            // The first unreadable file, as `lint --json` reported it before there were several programs.
            ...(errors.length ? { error: { file: errors[0]!.file, line: errors[0]!.line, field: errors[0]!.field, message: errors[0]!.message } } : {}),
          },
          null,
          2,
        ),
      );
      return ok ? 0 : 1;
    }
    for (const r of results) {
      if (!r.programId) continue;
      const t = programText(r.locale);
      ctx.out(t.programHeader(r.programId, r.file));
      if (!r.findings.length) ctx.out(t.lintClean(r.file));
      else printFindings(ctx, r.findings, r.locale);
    }
    return ok ? 0 : 1;
  },
};

/** What program.id accepts (src/program/model.ts). */
const NEW_PROGRAM_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Where a draft goes: `--out FILE`, or with `--program ID` that program's program.yaml; with `--program` and
 * `--out` an id no folder has yet drafts a new program. A destination that
 * holds another program is refused: with --program when its id differs, without it when several programs
 * exist (name the program whose file it is). undefined: print the draft.
 */
async function draftDestination(ctx: CliContext, out: string | undefined, programId: string | undefined): Promise<{ file?: string } | { refusal: string; code: number }> {
  const programs = await programsOnDisk(ctx.contentDir);
  if (programId === undefined) {
    if (!out) return {};
    const target = programs.find((p) => p.file && path.resolve(p.file) === path.resolve(out));
    if (target && programs.length > 1) return { refusal: describeProgramProblem({ problem: 'several', ids: programs.map((p) => p.id) }), code: 2 };
    return { file: out };
  }
  const choice = chooseProgram(programs, programId);
  // A new program: an id no folder has yet, drafted into the file named by --out (its new folder).
  const isNew = isProgramProblem(choice) && (choice.problem === 'unknown' || choice.problem === 'none') && out !== undefined && NEW_PROGRAM_ID.test(programId);
  if (isProgramProblem(choice) && !isNew) return { refusal: describeProgramProblem(choice), code: programProblemCode(choice, 2) };
  const file = out ?? (isProgramProblem(choice) ? undefined : choice.program.file)!;
  const existing = await loadProgramFile(file).then(
    (loaded) => loaded.program.program.id,
    (error: unknown) => {
      if (error instanceof ProgramLoadError) return undefined;
      throw error;
    },
  );
  if (existing !== undefined && existing !== programId) return { refusal: programText('de').otherProgramsFile(file, existing, programId), code: 1 };
  return { file };
}

const importCommand: CliCommand = {
  name: 'import-announcement',
  usage: IMPORT_USAGE,
  summary: 'Drafts a program.yaml from an announcement (text, Markdown, HTML, Word, PDF or slides) and lints the draft; with --program it drafts that program and writes its program.yaml.',
  async run(args, ctx) {
    const t = programText('de');
    const parsed = parseArgs(args, { flags: ['json'], values: ['out', 'timezone', 'program'] });
    if (typeof parsed === 'string' || parsed.positional.length !== 1) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${t.usageError(IMPORT_USAGE)}`);
      return 2;
    }
    const file = parsed.positional[0]!;
    const programId = parsed.values.get('program');
    const destination = await draftDestination(ctx, parsed.values.get('out'), programId);
    if ('refusal' in destination) {
      ctx.err(destination.refusal);
      return destination.code;
    }
    let text: string;
    try {
      text = await readAnnouncement(file);
    } catch (error) {
      const reason = error instanceof MaterialFileError ? t.documentProblem(error.code) : ((error as NodeJS.ErrnoException).code ?? 'error');
      ctx.err(t.cannotRead(file, reason));
      return 1;
    }
    const defaultTimezone = parsed.values.get('timezone');
    const imported = importAnnouncement(text, { now: ctx.clock.now(), ...(defaultTimezone ? { defaultTimezone } : {}) });
    const { findings } = imported;
    // A draft for an existing program keeps that program's identity (its stored data stays its own).
    const draft = programId ? { ...imported.draft, program: { ...imported.draft.program, id: programId } } : imported.draft;
    const out = destination.file;
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
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

const exportCommand: CliCommand = {
  name: 'program export',
  usage: EXPORT_USAGE,
  summary: 'Writes a program stored in Table Storage as program.yaml to stdout (--program ID when there are several).',
  async run(args, ctx) {
    const parsed = parseArgs(args, { values: ['program'] });
    if (typeof parsed === 'string' || parsed.positional.length) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${programText('de').usageError(EXPORT_USAGE)}`);
      return 2;
    }
    const store = await ctx.storage();
    const catalog = catalogOf(ctx, store);
    if (programFolders(ctx.contentDir).length) await catalog.load({ readOnly: true });
    // A program whose folder is gone can still be exported (to bring it back, or before a purge).
    const inactive = (await catalog.inactiveStoredIds()).map((id) => ({ id }));
    const choice = chooseProgram(programsInCatalog(catalog), parsed.values.get('program'), inactive);
    if (isProgramProblem(choice)) {
      ctx.err(choice.problem === 'none' ? programText('de').noStoredProgram : describeProgramProblem(choice));
      return programProblemCode(choice, 2);
    }
    const stored = await new ProgramRepository(store, choice.program.id).getActive();
    if (!stored) {
      ctx.err(programText('de').noStoredProgram);
      return 1;
    }
    ctx.out(programToYaml(stored.program, [`${stored.program.program.id}, version ${stored.version}, ${stored.updatedAt} (${stored.updatedBy})`]));
    return 0;
  },
};

/** One line per folder (and its findings); true when the folder's program was refused. */
function printOutcome(ctx: CliContext, result: FolderOutcome, locale: Locale): boolean {
  const text = programSourceText(locale);
  const outcome = result.outcome;
  switch (outcome.kind) {
    case 'imported':
      ctx.out(text.imported(outcome.programId, outcome.version));
      if (outcome.findings.length) printFindings(ctx, outcome.findings, locale);
      return false;
    case 'unchanged':
      ctx.out(outcome.adopted ? text.adopted(outcome.programId, outcome.version) : text.unchanged(outcome.programId, outcome.version));
      return false;
    case 'refused':
      ctx.err(`${result.folder === '.' ? '' : `${result.folder}: `}${text.refused(outcome.message)}`);
      if (outcome.findings.length) printFindings(ctx, outcome.findings, locale);
      return true;
  }
}

const programImportCommand: CliCommand = {
  name: 'program import',
  usage: programSourceText('de').importUsage,
  summary:
    'Imports every program folder into storage when it changed (or only --program ID); refuses while a stored program has edits made since the last import, unless --force.',
  async run(args, ctx) {
    const t = programSourceText('de');
    const parsed = parseArgs(args, { flags: ['force'], values: ['content', 'program'] });
    if (typeof parsed === 'string' || parsed.positional.length) {
      ctx.err(`${typeof parsed === 'string' ? `${parsed} ` : ''}${programText('de').usageError(t.importUsage)}`);
      return 2;
    }
    const contentDir = parsed.values.get('content') ?? ctx.contentDir;
    const catalog = catalogOf(ctx, await ctx.storage(), contentDir);
    const force = parsed.flags.has('force');
    const requested = parsed.values.get('program');
    let outcomes: FolderOutcome[];
    if (requested === undefined) {
      outcomes = await catalog.load({ force });
    } else {
      await catalog.load({ readOnly: true });
      const choice = chooseProgram(programsInCatalog(catalog), requested);
      if (isProgramProblem(choice)) {
        ctx.err(describeProgramProblem(choice));
        return programProblemCode(choice, 2);
      }
      const dir = choice.program.dir!;
      const outcome = await catalog.service(choice.program.id)!.importFromContent(dir, { force });
      outcomes = [{ folder: programFolders(contentDir).find((f) => f.dir === dir)?.name ?? '.', dir, programId: choice.program.id, outcome }];
    }
    if (!outcomes.length) {
      ctx.err(t.refused(programText('de').noProgramFile(contentDir)));
      return 1;
    }
    let refused = false;
    for (const result of outcomes) {
      const locale = (result.programId && catalog.get(result.programId)?.program.language) || 'de';
      refused = printOutcome(ctx, result, locale) || refused;
    }
    return refused ? 1 : 0;
  },
};

export const programCliCommands: CliCommand[] = [lintCommand, importCommand, exportCommand, programImportCommand];
