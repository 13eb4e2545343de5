// Which ONE program a coordinator action is about. A card's buttons carry the program's id (stamped on
// every coordinator card, so a later press acts on the same program whatever chat it came from); a command
// or an older card without it takes the chat's program: a linked team's own, or in a personal chat the only
// program this person coordinates, else a card with one button per program. Program coordinators are
// refused for programs they do not coordinate.
import { z } from 'zod';
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard } from '../cards/adaptive.js';
import type { CardActionResult, TurnInput } from '../conversation/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText } from '../i18n/coordination.js';
import type { Program } from '../program/model.js';
import type { CoordinatedProgram, CoordinationDeps } from './context.js';
import { VERBS } from './verbs.js';

const COORDINATION_VERBS = new Set<string>(Object.values(VERBS));
const programIdSchema = z.object({ programId: z.string().min(1).max(100).optional() });

export type ProgramResolution =
  | { kind: 'one'; programId: string; service: CoordinatedProgram }
  /** The answer instead: a choice, a refusal (`refused`: audit it), an invalid or unknown program. */
  | { kind: 'answer'; result: CardActionResult; refused?: boolean };

/** Adds the program's id to every coordinator action of a card (and its Action.Submit fallback). */
export function stampProgram(value: AdaptiveCard, programId: string): AdaptiveCard {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]));
    const verb = typeof out.verb === 'string' ? out.verb : (out.data as { verb?: unknown } | undefined)?.verb;
    const isAction = out.type === 'Action.Execute' || out.type === 'Action.Submit';
    if (isAction && typeof verb === 'string' && COORDINATION_VERBS.has(verb)) out.data = { ...(out.data as object | undefined), programId };
    return out;
  };
  return visit(value) as AdaptiveCard;
}

/** "Für welches Programm?": one button per program, each repeating the action with that program. */
export function programChoiceCard(candidates: Program[], verb: string, data: Record<string, unknown>, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  return card(
    [textBlock(t.chooseProgram, { weight: 'Bolder' })],
    candidates.map((p) => executeAction(escapeCardText(p.program.title), verb, { ...data, programId: p.program.id })),
    { fallbackText: `${t.chooseProgram} ${candidates.map((p) => p.program.title).join(', ')}` },
  );
}

export function createProgramResolver(deps: Pick<CoordinationDeps, 'programs' | 'scope' | 'coordinators'>) {
  const coordinates = (turn: TurnInput, program: Program) => deps.coordinators.isCoordinatorOf(turn.user.aadObjectId, program);

  const refusal = (turn: TurnInput): ProgramResolution => ({
    kind: 'answer',
    refused: true,
    result: { kind: 'error', status: 403, code: 'coordination.not-coordinator', text: coordinationText(turn.locale).refused },
  });

  function one(program: Program, turn: TurnInput): ProgramResolution {
    const service = deps.programs.service(program.program.id);
    if (!service) return { kind: 'answer', result: { kind: 'message', text: coordinationText(turn.locale).noProgram } };
    if (!coordinates(turn, program)) return refusal(turn);
    return { kind: 'one', programId: program.program.id, service };
  }

  /** The program of an action: the id in `data`, else the chat's (see the module comment). */
  return async function resolve(turn: TurnInput, verb: string, data: Record<string, unknown>): Promise<ProgramResolution> {
    const t = coordinationText(turn.locale);
    const parsed = programIdSchema.safeParse(data);
    if (!parsed.success) return { kind: 'answer', result: { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction } };
    if (parsed.data.programId) {
      const program = deps.programs.get(parsed.data.programId);
      if (!program) return { kind: 'answer', result: { kind: 'error', status: 404, code: 'coordination.unknown-program', text: t.unknownProgram(deps.programs.programs().map((p) => p.program.title)) } };
      return one(program, turn);
    }
    const pool = await deps.scope.coordinationPool(turn);
    if (!pool.length) return { kind: 'answer', result: { kind: 'message', text: t.noProgram } };
    const mine = pool.filter((p) => coordinates(turn, p));
    if (mine.length === 1) return one(mine[0]!, turn);
    if (!mine.length) return refusal(turn);
    return { kind: 'answer', result: { kind: 'card', card: programChoiceCard(mine, verb, data, turn.locale) } };
  };
}
