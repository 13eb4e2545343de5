// The guarded change every program-changing flow goes through: put the sessions in date order (a new or
// moved session lands where its date belongs), check for a conflicting save, lint, ask
// for confirmation of new warnings where the flow wants that, save with the version the card showed,
// re-plan reminders and card updates, and write the audit entry of whatever happened. Flows build the
// candidate program and turn the outcome into their card; nothing else in the feature saves a program.
import type { SyncSummary } from '../announcements/index.js';
import type { CoordinationText } from '../i18n/coordination.js';
import { lintProgram, type LintFinding } from '../program/lint.js';
import type { Program } from '../program/model.js';
import { inDateOrder } from '../program/index.js';
import type { ActionScope, FlowContext } from './context.js';

export interface ChangeRequest {
  actor: string;
  /** Audit action, e.g. "session.edit". */
  action: string;
  target?: string;
  /** The program the coordinator's card showed, and the version it carried. */
  base: Program;
  expectedVersion: number;
  candidate: Program;
  /** What the audit entry shows as before and after. */
  before: unknown;
  after: Record<string, unknown>;
  /**
   * When present, warnings the change introduces are shown for confirmation first; the save goes ahead
   * only when `acknowledged` matches the fingerprint of exactly those warnings.
   */
  confirmation?: { confirming: boolean; acknowledged?: string };
}

export type ChangeOutcome =
  /** Without `summary` the change was saved but re-planning failed; the next scheduler tick re-plans. */
  | { kind: 'saved'; version: number; summary?: SyncSummary; warnings: LintFinding[] }
  | { kind: 'lint'; findings: LintFinding[] }
  | { kind: 'confirm'; warnings: LintFinding[]; acknowledgement: string }
  | { kind: 'conflict' };

function findingKey(f: LintFinding): string {
  return `${f.code}|${f.sessionId ?? ''}|${f.message}`;
}

/** Warnings the change introduces (those the program had before were accepted earlier). */
function newWarnings(before: Program, after: Program, now: Date): LintFinding[] {
  const known = new Set(lintProgram(before, { now }).map(findingKey));
  return lintProgram(after, { now }).filter((f) => f.severity === 'warning' && !known.has(findingKey(f)));
}

function acknowledgement(warnings: LintFinding[]): string {
  return warnings.map(findingKey).sort().join('\n');
}

function isConflict(error: unknown): boolean {
  return (error as { code?: string }).code === 'program-conflict';
}

/** Without `confirmation` a change is never held back for warnings. */
export type UnconfirmedOutcome = Exclude<ChangeOutcome, { kind: 'confirm' }>;

/** The program the change is saved to, and its audit trail. */
type ChangeTarget = Pick<ActionScope, 'service' | 'record'>;

export function guardedChange(ctx: FlowContext, target: ChangeTarget, change: ChangeRequest & { confirmation: NonNullable<ChangeRequest['confirmation']> }): Promise<ChangeOutcome>;
export function guardedChange(ctx: FlowContext, target: ChangeTarget, change: Omit<ChangeRequest, 'confirmation'>): Promise<UnconfirmedOutcome>;
export async function guardedChange(ctx: FlowContext, target: ChangeTarget, change: ChangeRequest): Promise<ChangeOutcome> {
  const { deps } = ctx;
  const { service, record } = target;
  const entry = { actor: change.actor, action: change.action, ...(change.target ? { target: change.target } : {}), before: change.before };
  const now = deps.clock.now();
  const candidate = inDateOrder(change.candidate);
  // 1. Conflict: the card showed an older version than the one stored now.
  if (change.expectedVersion !== service.version()) {
    await record({ ...entry, outcome: 'conflict', after: change.after });
    return { kind: 'conflict' };
  }
  // 2. Lint: errors refuse the change; new warnings may need a confirmation.
  const errors = lintProgram(candidate, { now }).filter((f) => f.severity === 'error');
  if (errors.length) {
    await record({ ...entry, outcome: 'lint-refused', after: { ...change.after, lint: errors.map((f) => f.code) } });
    return { kind: 'lint', findings: errors };
  }
  const warnings = change.confirmation ? newWarnings(change.base, candidate, now) : [];
  if (warnings.length && (!change.confirmation!.confirming || change.confirmation!.acknowledged !== acknowledgement(warnings))) {
    return { kind: 'confirm', warnings, acknowledgement: acknowledgement(warnings) };
  }
  // 3. Save with the version the card showed; another instance may still have saved in between.
  let version: number;
  try {
    const outcome = await service.save(candidate, change.actor, { expectedVersion: change.expectedVersion });
    if (outcome.kind === 'refused') {
      const findings = outcome.findings.filter((f) => f.severity === 'error');
      await record({ ...entry, outcome: 'lint-refused', after: { ...change.after, lint: findings.map((f) => f.code) } });
      return { kind: 'lint', findings };
    }
    version = outcome.version;
  } catch (error) {
    if (!isConflict(error)) throw error;
    await record({ ...entry, outcome: 'conflict', after: change.after });
    return { kind: 'conflict' };
  }
  // 4. Audit: the change is stored, whatever the re-planning does next.
  await record({ ...entry, outcome: 'ok', after: { ...change.after, version, ...(change.confirmation ? { warnings: warnings.map((w) => w.code) } : {}) } });
  // 5. Re-plan. The announcement service may also watch program changes; sync() is serialised and
  // idempotent, and awaiting it here lets the card say what was re-planned. When it fails, the scheduler's
  // next tick plans again from the stored program; the coordinator is told so instead of seeing an error.
  try {
    const summary = await deps.announcements.sync(candidate, version);
    return { kind: 'saved', version, summary, warnings };
  } catch (error) {
    ctx.log.error({ event: 'coordination.replan-failed', action: change.action, version, message: (error as Error).message }, 'saved, but re-planning failed; the next tick re-plans');
    return { kind: 'saved', version, warnings };
  }
}

/** "Gespeichert (Version 3). 2 Erinnerung(en) neu geplant …", optionally after a lead sentence. */
export function savedNotice(t: CoordinationText, result: { version: number; summary?: SyncSummary | undefined }, lead?: string): string {
  const s = result.summary;
  const replanned = s ? t.replanned(s.retimed + s.revived, s.created, s.cancelled, s.updates) : t.replanLater;
  return [lead, t.saved(result.version), replanned].filter(Boolean).join(' ');
}
