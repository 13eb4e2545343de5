// The coordinator workflows for the conversation core, wired together: each flow (program editing,
// reminders, announcing, status) lives in its own module and saves programs only through the guarded
// change (src/coordination/guarded-change.ts). This module holds no handler logic: it checks the
// coordinator policy in front of every verb and command (card payloads can be crafted by hand), takes the
// actor from the turn (never from card data) and audits refusals.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { CardActionHandler, CardActionResult, CommandHandler, CommandName, TurnInput } from '../conversation/index.js';
import { coordinationText } from '../i18n/coordination.js';
import { createAnnounceFlow } from './announce-flow.js';
import { AuditRepository } from './audit-repository.js';
import { actorOf, createFlowContext, type CoordinationDeps, type CoordinationTurn, type Handler } from './context.js';
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

  const isCoordinator = (turn: TurnInput) => deps.coordinators.isCoordinator(turn.user.aadObjectId);

  function guarded(verb: string, handler: Handler): CardActionHandler {
    return async (turn, data) => {
      const t = coordinationText(turn.locale);
      const actor = actorOf(turn);
      if (!isCoordinator(turn)) {
        ctx.log.info({ event: 'coordination.refused', verb }, 'coordinator action refused');
        await ctx.record({ actor, action: verb, outcome: 'refused' });
        return { kind: 'error', status: 403, code: 'coordination.not-coordinator', text: t.refused };
      }
      return handler(turn as CoordinationTurn, data ?? {}, { actor, t });
    };
  }

  function command(name: CommandName, view: (turn: TurnInput, argument: string) => Promise<CardActionResult>): CommandHandler {
    return async (turn, argument) => {
      const actor = actorOf(turn);
      if (!isCoordinator(turn)) {
        await ctx.record({ actor, action: `command.${name}`, outcome: 'refused' });
        return [{ text: coordinationText(turn.locale).refused }];
      }
      await ctx.record({ actor, action: `command.${name}`, outcome: 'ok' });
      const result = await view(turn, argument);
      const message: OutgoingMessage = result.kind === 'card' ? { card: result.card } : { text: result.text };
      return [message];
    };
  }

  const scope = (turn: TurnInput) => ({ actor: actorOf(turn), t: coordinationText(turn.locale) });
  return {
    actions: Object.fromEntries(Object.entries(handlers).map(([verb, handler]) => [verb, guarded(verb, handler)])),
    commands: {
      program: command('program', (turn) => program.show(turn, {}, scope(turn))),
      reminders: command('reminders', (turn) => reminders.show(turn, {}, scope(turn))),
      announce: command('announce', (turn, argument) => announce.compose(turn.locale, argument.trim() ? { text: argument.trim().slice(0, 2000) } : {})),
      status: command('status', (turn) => status.view(turn.locale)),
    },
    audit,
    async idle() {
      await deps.engine.idle();
      await announce.idle();
    },
  };
}
