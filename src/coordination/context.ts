// What every coordinator flow receives: the feature's dependencies, the audit trail, a child logger and the
// types of a card-action handler. The flows (program editing, reminders, announcing, status) are plain
// functions over this context; src/coordination/feature.ts wires them to verbs and commands.
import type { AnnouncementService } from '../announcements/index.js';
import type { CardActionResult, CoordinatorPolicy, TurnInput } from '../conversation/index.js';
import type { DeliveryEngine } from '../delivery/index.js';
import type { CoordinationText } from '../i18n/coordination.js';
import type { ProgramService } from '../program/service.js';
import type { ConversationRegistry } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import type { AuditInput, AuditRepository } from './audit-repository.js';

export interface CoordinationDeps {
  programs: Pick<ProgramService, 'active' | 'version' | 'save' | 'status'>;
  registry: Pick<ConversationRegistry, 'list'>;
  engine: DeliveryEngine;
  announcements: Pick<AnnouncementService, 'sync'>;
  store: TableStore;
  clock: Clock;
  logger: Logger;
  coordinators: CoordinatorPolicy;
  publicBaseUrl: string;
  /** Spacing of in-place progress updates (default 3 s). */
  progressIntervalMs?: number;
}

/**
 * What the Teams layer may add to a turn for card actions: the id of the activity that holds the card
 * (invoke: `activity.replyToId`). With it, a running broadcast updates the coordinator's card in place.
 */
export type CoordinationTurn = TurnInput & { cardActivityId?: string };

/** The acting coordinator (from the turn, never from card data) and the texts in the turn's language. */
export interface ActionScope {
  actor: string;
  t: CoordinationText;
}

export type Handler = (turn: CoordinationTurn, data: Record<string, unknown>, scope: ActionScope) => Promise<CardActionResult>;

export interface FlowContext {
  deps: CoordinationDeps;
  log: Logger;
  audit: AuditRepository;
  /** Writes one audit entry stamped with the clock's now. */
  record(input: AuditInput): Promise<unknown>;
}

export function createFlowContext(deps: CoordinationDeps, audit: AuditRepository): FlowContext {
  return {
    deps,
    log: deps.logger.child({ component: 'coordination' }),
    audit,
    record: (input) => audit.record(input, deps.clock.now()),
  };
}

export function actorOf(turn: TurnInput): string {
  return turn.user.aadObjectId ?? `bf:${turn.user.id}`;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function invalidAction(t: CoordinationText): CardActionResult {
  return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
}

export function unknownSession(t: CoordinationText): CardActionResult {
  return { kind: 'error', status: 404, code: 'coordination.unknown-session', text: t.unknownSession };
}

export function unknownJob(t: CoordinationText): CardActionResult {
  return { kind: 'error', status: 404, code: 'coordination.unknown-job', text: t.unknownJob };
}
