// The coordinator's reminders flow: the program's offsets and per-session overrides in friendly words
// ("7 Tage, 1 Stunde", "keine"), saved through the guarded change, with the next planned sends below.
import type { CardActionResult } from '../conversation/index.js';
import type { Locale } from '../i18n/locale.js';
import type { LintFinding } from '../program/lint.js';
import type { Program } from '../program/model.js';
import { invalidAction, type ActionScope, type FlowContext, type Handler } from './context.js';
import { parseOffsetList, programActionSchema, type FieldErrors } from './forms.js';
import { guardedChange, savedNotice } from './guarded-change.js';
import { plannedSends } from './planned-sends.js';
import { remindersCard } from './program-cards.js';

const NO_REMINDERS = new Set(['keine', 'none', 'ohne', '-', '0']);

export interface RemindersFlow {
  show: Handler;
  save: Handler;
}

interface ReminderEdit {
  values: Record<string, string>;
  errors: FieldErrors;
  candidate: Program;
}

/** Reads the card's fields into a candidate program; errors are keyed by field. */
function readReminderEdit(program: Program, data: Record<string, unknown>): ReminderEdit {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string' && (key === 'programOffsets' || key === 'programCustom' || key.startsWith('s_'))) values[key] = value;
  const errors: FieldErrors = {};
  const list = (field: string): string[] | undefined => {
    const raw = values[field] ?? '';
    if (raw.length > 500) {
      errors[field] = 'errTooLong:500';
      return undefined;
    }
    const parsed = parseOffsetList(raw);
    if ('error' in parsed) {
      errors[field] = parsed.error;
      return undefined;
    }
    return parsed.offsets;
  };
  const chosen = list('programOffsets');
  const custom = list('programCustom');
  const programOffsets = chosen && custom ? parseOffsetList([...chosen, ...custom].join(',')) : undefined;
  if (programOffsets && 'error' in programOffsets) errors.programCustom = programOffsets.error;
  const candidate: Program = structuredClone(program);
  if (programOffsets && 'offsets' in programOffsets) candidate.program.reminders = programOffsets.offsets;
  for (const session of candidate.sessions) {
    const field = `s_${session.id}`;
    if (!(field in values)) continue;
    const raw = values[field]!.trim();
    if (!raw) delete session.reminders;
    else if (NO_REMINDERS.has(raw.toLowerCase())) session.reminders = [];
    else {
      const offsets = list(field);
      if (offsets) session.reminders = offsets;
    }
  }
  return { values, errors, candidate };
}

/** The offsets as the audit trail shows them: the program's and each overriding session's. */
function reminderSnapshot(program: Program): Record<string, unknown> {
  return { program: program.program.reminders, sessions: Object.fromEntries(program.sessions.filter((s) => s.reminders).map((s) => [s.id, s.reminders])) };
}

export function createRemindersFlow(ctx: FlowContext): RemindersFlow {
  const { deps } = ctx;

  async function card(scope: ActionScope, program: Program, locale: Locale, extra: { values?: Record<string, string>; errors?: FieldErrors; lintErrors?: LintFinding[]; conflict?: boolean; notice?: string } = {}): Promise<CardActionResult> {
    return {
      kind: 'card',
      card: remindersCard(program, { version: scope.service.version(), sends: await plannedSends(deps.engine, locale, scope.programId), now: deps.clock.now(), ...extra }, locale),
    };
  }

  const show: Handler = async (turn, _data, scope) => {
    const program = scope.service.active();
    if (!program) return { kind: 'message', text: scope.t.noProgram };
    return card(scope, program, turn.locale);
  };

  const save: Handler = async (turn, data, scope) => {
    const { actor, t } = scope;
    const program = scope.service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const meta = programActionSchema.safeParse(data);
    if (!meta.success) return invalidAction(t);
    const { values, errors, candidate } = readReminderEdit(program, data);
    if (Object.keys(errors).length) {
      await scope.record({ actor, action: 'reminders.edit', outcome: 'invalid', after: { fields: Object.keys(errors) } });
      return card(scope, program, turn.locale, { values, errors });
    }
    const result = await guardedChange(ctx, scope, {
      actor,
      action: 'reminders.edit',
      base: program,
      expectedVersion: meta.data.version,
      candidate,
      before: reminderSnapshot(program),
      after: reminderSnapshot(candidate),
    });
    switch (result.kind) {
      case 'conflict':
        return card(scope, program, turn.locale, { values, conflict: true });
      case 'lint':
        return card(scope, program, turn.locale, { values, lintErrors: result.findings });
      case 'saved':
        return card(scope, candidate, turn.locale, { notice: savedNotice(t, result) });
    }
  };

  return { show, save };
}
