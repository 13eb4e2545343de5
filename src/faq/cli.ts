// CLI commands of the FAQ feature. `ask` is a contract used by tooling — keep it stable:
//   ask [--json] [--now ISO-8601] [--content DIR] [--lang de|en] [--program ID] "question"
// It answers from one program's folder (--program ID; the only program without it); a content folder with
// no program.yaml at all is answered from its material alone.
// With --json it prints exactly one JSON object {answered, answer, sources:[{title, excerpt}], confidence}.
// `faq gaps [--json] [--limit N]` lists the most frequent unanswered or 👎 questions from storage, then the
// material files that could not be read and the findings of a program derived from the material.
import { isProblem, parseOptions, type OptionSpec, type ParsedOptions } from '../cli/args.js';
import type { CliCommand, CliContext } from '../cli/types.js';
import { chooseProgram, describeProgramProblem, isProgramProblem, programProblemCode, programsOnDisk } from '../cli/program-option.js';
import { ManualClock } from '../shared/clock.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import { createFaqEngine } from './engine.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import { FaqRepository } from './repository.js';

const ASK_USAGE = 'ask [--json] [--now ISO-8601] [--content DIR] [--lang de|en] [--program ID] "Frage"';
const GAPS_USAGE = 'faq gaps [--json] [--limit N]';

/** The options, or the usage error naming the offending option. */
function parseArgs(args: string[], spec: OptionSpec): ParsedOptions | string {
  const parsed = parseOptions(args, spec);
  if (!isProblem(parsed)) return parsed;
  return parsed.problem === 'unknown' ? `unknown option --${parsed.name}` : `--${parsed.name} needs a value`;
}

export const askCommand: CliCommand = {
  name: 'ask',
  usage: ASK_USAGE,
  summary: 'Beantwortet eine Frage aus den Unterlagen eines Programms (FAQ) / answers a question from a program\'s material',
  async run(args: string[], ctx: CliContext): Promise<number> {
    const parsed = parseArgs(args, { flags: ['json'], values: ['now', 'content', 'lang', 'program'] });
    if (typeof parsed === 'string') {
      ctx.err(`${parsed}\nAufruf: ${ASK_USAGE}`);
      return 2;
    }
    const question = parsed.positional.join(' ').trim();
    if (!question) {
      ctx.err(`Aufruf: ${ASK_USAGE}`);
      return 2;
    }
    const lang = parsed.values.get('lang') ?? 'de';
    if (lang !== 'de' && lang !== 'en') {
      ctx.err(`--lang must be de or en\nAufruf: ${ASK_USAGE}`);
      return 2;
    }
    const nowText = parsed.values.get('now');
    if (nowText !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(nowText) || Number.isNaN(Date.parse(nowText)))) {
      ctx.err(`--now must be an ISO-8601 instant, e.g. 2025-09-01T10:00:00+02:00\nAufruf: ${ASK_USAGE}`);
      return 2;
    }
    const clock = nowText ? new ManualClock(nowText) : ctx.clock;
    const contentDir = parsed.values.get('content') ?? ctx.contentDir;
    const programs = await programsOnDisk(contentDir);
    const requested = parsed.values.get('program');
    let programDir = contentDir;
    if (programs.length || requested !== undefined) {
      const choice = chooseProgram(programs, requested);
      if (isProgramProblem(choice)) {
        ctx.err(`${describeProgramProblem(choice)}\nAufruf: ${ASK_USAGE}`);
        return programProblemCode(choice, 2);
      }
      programDir = choice.program.dir!;
    }
    const engine = await createFaqEngine({ contentDir: programDir, clock });
    for (const p of engine.knowledgeBase.problems ?? []) ctx.err(`${faqTexts[lang as Locale].materialProblem(p.file, p.code)} (${p.message})`);
    const a = engine.ask(question, { locale: lang as Locale, now: clock.now() });
    if (parsed.flags.has('json')) {
      ctx.out(JSON.stringify({ answered: a.answered, answer: a.answer, sources: a.sources.map((s) => ({ title: s.title, excerpt: s.excerpt })), confidence: a.confidence }));
    } else {
      const t = faqTexts[lang as Locale];
      const lines = [a.answer];
      if (a.sources.length) lines.push('', `${t.cardSources}:`, ...a.sources.map((s) => `- ${s.title}: ${s.excerpt}`));
      ctx.out(lines.join('\n'));
    }
    return 0;
  },
};

export const faqGapsCommand: CliCommand = {
  name: 'faq gaps',
  usage: GAPS_USAGE,
  summary: 'Häufigste unbeantwortete oder als nicht hilfreich markierte Fragen / most frequent unanswered questions',
  async run(args: string[], ctx: CliContext): Promise<number> {
    const parsed = parseArgs(args, { flags: ['json'], values: ['limit'] });
    if (typeof parsed === 'string') {
      ctx.err(`Aufruf: ${GAPS_USAGE}`);
      return 2;
    }
    const limit = Number(parsed.values.get('limit') ?? '20');
    if (!Number.isInteger(limit) || limit < 1) {
      ctx.err(`--limit must be a positive integer\nAufruf: ${GAPS_USAGE}`);
      return 2;
    }
    const gaps = await new FaqRepository(await ctx.storage()).gaps(limit);
    const material = await materialFindings(ctx);
    if (parsed.flags.has('json')) {
      ctx.out(JSON.stringify([...gaps.map((g) => ({ kind: 'question', ...g })), ...material]));
      return 0;
    }
    const t = faqTexts.de;
    const lines = gaps.length
      ? [t.gapsHeader, ...gaps.map((g) => `${String(g.count).padStart(4)}  ${g.example}  (unbeantwortet ${g.unanswered}, 👎 ${g.unhelpful})`)]
      : [t.gapsEmpty];
    const problems = material.filter((m) => m.kind === 'material');
    if (problems.length) lines.push('', t.materialProblemsHeader, ...problems.map((p) => `- ${t.materialProblem(p.file, p.code)}`));
    const findings = material.filter((m) => m.kind === 'program-finding');
    if (findings.length) lines.push('', t.programFindingsHeader, ...findings.map((f) => `- ${f.code}: ${f.message}`));
    ctx.out(lines.join('\n'));
    return 0;
  },
};

type MaterialFinding = { kind: 'material'; file: string; code: string; message: string } | { kind: 'program-finding'; code: string; message: string; sessionId?: string };

/**
 * What the FAQ could not use from the content folder: unreadable material files (damaged, password-protected,
 * no text) and the lint findings of a program derived from the material.
 */
async function materialFindings(ctx: CliContext): Promise<MaterialFinding[]> {
  let kb;
  try {
    kb = await loadKnowledgeBase(ctx.contentDir, { now: ctx.clock.now() });
  } catch (error) {
    return [{ kind: 'material', file: ctx.contentDir, code: 'unreadable', message: (error as Error).message }];
  }
  return [
    ...(kb.problems ?? []).map((p): MaterialFinding => ({ kind: 'material', file: p.file, code: p.code, message: p.message })),
    ...(kb.programFindings ?? []).map((f): MaterialFinding => ({ kind: 'program-finding', code: f.code, message: f.message, ...(f.sessionId ? { sessionId: f.sessionId } : {}) })),
  ];
}

export const faqCliCommands: CliCommand[] = [askCommand, faqGapsCommand];
