// What every coordinator flow receives: the feature's dependencies, the audit trail, a child logger and the
// types of a card-action handler. The flows (program editing, reminders, announcing, status) are plain
// functions over this context; src/coordination/feature.ts wires them to verbs and commands, and hands
// every handler the ONE program it acts on (ActionScope), already checked against the coordinator policy.
import type { AnnouncementService } from '../announcements/index.js';
import type { CardActionResult, CoordinatorPolicy, ProgramScope, TurnInput } from '../conversation/index.js';
import type { DeliveryEngine } from '../delivery/index.js';
import type { CoordinationText } from '../i18n/coordination.js';
import type { Program } from '../program/model.js';
import type { ProgramService } from '../program/service.js';
import type { ConversationRegistry } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import type { Locale } from '../i18n/locale.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import type { AuditInput, AuditRepository } from './audit-repository.js';

/** What a coordinator flow needs of one program's service. */
export type CoordinatedProgram = Pick<ProgramService, 'active' | 'version' | 'save' | 'status'>;

/** The deployment's programs (src/program/catalog.ts ProgramCatalog fits). */
export interface CoordinationCatalog {
  programs(): Program[];
  get(programId: string): Program | undefined;
  service(programId: string): CoordinatedProgram | undefined;
}

export interface CoordinationDeps {
  programs: CoordinationCatalog;
  /** Which programs a turn's chat can act on (a linked team its own, a personal chat every program). */
  scope: Pick<ProgramScope, 'coordinationPool'>;
  registry: Pick<ConversationRegistry, 'followers'>;
  engine: DeliveryEngine;
  announcements: Pick<AnnouncementService, 'sync'>;
  store: TableStore;
  clock: Clock;
  logger: Logger;
  coordinators: CoordinatorPolicy;
  publicBaseUrl: string;
  /** Attendance lines of a program's sessions for `status` (src/attendance); absent without the feature. */
  attendanceLines?: (programId: string, sessions: ReadonlyArray<{ id: string; title: string }>, locale: Locale, responses: Readonly<Record<string, number>>) => Promise<string[]>;
  /** Spacing of in-place progress updates (default 3 s). */
  progressIntervalMs?: number;
}

/**
 * What the Teams layer may add to a turn for card actions: the id of the activity that holds the card
 * (invoke: `activity.replyToId`). With it, a running broadcast updates the coordinator's card in place.
 */
export type CoordinationTurn = TurnInput & { cardActivityId?: string };

/**
 * The acting coordinator (from the turn, never from card data), the texts in the turn's language, and the
 * one program the action is about: its id, its service, and the audit trail stamped with it.
 */
export interface ActionScope {
  actor: string;
  t: CoordinationText;
  programId: string;
  service: CoordinatedProgram;
  /** Writes one audit entry for this program, stamped with the clock's now. */
  record(input: Omit<AuditInput, 'programId'>): Promise<unknown>;
}

export type Handler = (turn: CoordinationTurn, data: Record<string, unknown>, scope: ActionScope) => Promise<CardActionResult>;

export interface FlowContext {
  deps: CoordinationDeps;
  log: Logger;
  audit: AuditRepository;
  /** Writes one audit entry stamped with the clock's now (refusals before a program was resolved). */
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
