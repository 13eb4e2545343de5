// The coordinator workflows for the conversation core, wired together: each flow (program editing,
// reminders, announcing, status) lives in its own module and saves programs only through the guarded
// change (src/coordination/guarded-change.ts). This module holds no handler logic: it resolves the ONE
// program every verb and command acts on and checks the coordinator policy for it (card payloads can be
// crafted by hand), takes the actor from the turn (never from card data), audits refusals and stamps the
// program's id on the cards it returns.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { CardActionHandler, CardActionResult, CommandHandler, CommandName, TurnInput } from '../conversation/index.js';
import { coordinationText } from '../i18n/coordination.js';
import { createAnnounceFlow } from './announce-flow.js';
import { AuditRepository } from './audit-repository.js';
import { actorOf, createFlowContext, type ActionScope, type CoordinationDeps, type CoordinationTurn, type Handler } from './context.js';
import { createProgramResolver, stampProgram } from './program-choice.js';
import { createProgramFlow } from './program-flow.js';
import { createRemindersFlow } from './reminders-flow.js';
import { createStatusFlow } from './status-flow.js';
import { VERBS, type CoordinationVerb } from './verbs.js';

export type { CoordinationDeps, CoordinationTurn } from './context.js';

export interface CoordinationFeature {
  commands: Partial<Record<CommandName, CommandHandler>>;
  actions: Record<string, CardActionHandler>;
  audit: AuditRepository;
  /** Runs of broadcasts started by this process, with their progress watchers (tests, graceful stop). */
  idle(): Promise<void>;
}

export function createCoordinationFeature(deps: CoordinationDeps): CoordinationFeature {
  const audit = new AuditRepository(deps.store);
  const ctx = createFlowContext(deps, audit);
  const program = createProgramFlow(ctx);
  const reminders = createRemindersFlow(ctx);
  const announce = createAnnounceFlow(ctx);
  const status = createStatusFlow(ctx);

  const handlers: Record<CoordinationVerb, Handler> = {
    [VERBS.programShow]: program.show,
    [VERBS.sessionEdit]: program.editSession,
    [VERBS.sessionNew]: program.newSession,
    [VERBS.sessionSave]: program.saveSession(false),
    [VERBS.sessionConfirm]: program.saveSession(true),
    [VERBS.sessionCancel]: program.cancelSession,
    [VERBS.remindersShow]: reminders.show,
    [VERBS.remindersSave]: reminders.save,
    [VERBS.announceCompose]: announce.composeAgain,
    [VERBS.announcePreview]: announce.preview,
    [VERBS.announceSend]: announce.send,
    [VERBS.announceAbort]: announce.abort,
    [VERBS.announceCancel]: announce.withdraw,
    [VERBS.progressRefresh]: announce.refresh,
    [VERBS.statusShow]: status.show,
  };

  const resolve = createProgramResolver(deps);

  /** The program an action acts on, as the handlers' scope; else the answer (a choice, a refusal, an error). */
  async function scopeFor(turn: TurnInput, action: string, verb: string, data: Record<string, unknown>): Promise<ActionScope | CardActionResult> {
    const actor = actorOf(turn);
    const resolution = await resolve(turn, verb, data);
    if (resolution.kind === 'answer') {
      if (resolution.refused) {
        ctx.log.info({ event: 'coordination.refused', action }, 'coordinator action refused');
        await ctx.record({ actor, action, outcome: 'refused', ...(typeof data.programId === 'string' ? { programId: data.programId.slice(0, 100) } : {}) });
      }
      return resolution.result;
    }
    const { programId, service } = resolution;
    return { actor, t: coordinationText(turn.locale), programId, service, record: (input) => ctx.record({ ...input, programId }) };
  }

  const stamped = (result: CardActionResult, programId: string): CardActionResult =>
    result.kind === 'card' ? { kind: 'card', card: stampProgram(result.card, programId) } : result;

  function guarded(verb: string, handler: Handler): CardActionHandler {
    return async (turn, data) => {
      const scope = await scopeFor(turn, verb, verb, data ?? {});
      if (!('programId' in scope)) return scope;
      return stamped(await handler(turn as CoordinationTurn, data ?? {}, scope), scope.programId);
    };
  }

  /** A command opens the card of `verb` (with `data`) for the chat's program, or first asks which program. */
  function command(name: CommandName, verb: string, view: (turn: TurnInput, scope: ActionScope, argument: string) => Promise<CardActionResult>, data: (argument: string) => Record<string, unknown> = () => ({})): CommandHandler {
    return async (turn, argument) => {
      const scope = await scopeFor(turn, `command.${name}`, verb, data(argument));
      let result: CardActionResult;
      if ('programId' in scope) {
        await scope.record({ actor: scope.actor, action: `command.${name}`, outcome: 'ok' });
        result = stamped(await view(turn, scope, argument), scope.programId);
      } else {
        result = scope;
      }
      const message: OutgoingMessage = result.kind === 'card' ? { card: result.card } : { text: result.text };
      return [message];
    };
  }

  const announceText = (argument: string) => (argument.trim() ? { text: argument.trim().slice(0, 2000) } : {});
  return {
    actions: Object.fromEntries(Object.entries(handlers).map(([verb, handler]) => [verb, guarded(verb, handler)])),
    commands: {
      program: command('program', VERBS.programShow, (turn, scope) => program.show(turn, {}, scope)),
      reminders: command('reminders', VERBS.remindersShow, (turn, scope) => reminders.show(turn, {}, scope)),
      announce: command('announce', VERBS.announceCompose, (turn, scope, argument) => announce.compose(scope, turn.locale, announceText(argument)), announceText),
      status: command('status', VERBS.statusShow, (turn, scope) => status.view(turn.locale, scope)),
    },
    audit,
    async idle() {
      await deps.engine.idle();
      await announce.idle();
    },
  };
}
