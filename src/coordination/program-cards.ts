// Cards of the program workflows: the session list with "Bearbeiten" / "Absagen" / "Neuer Termin", the
// session form with errors next to its fields, lint results and the warning confirmation, the cancel
// confirmation, the reminders card and the status card. Built from plain data; no I/O here.
import { DateTime } from 'luxon';
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard, type CardElement } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText, type CoordinationText } from '../i18n/coordination.js';
import type { LintFinding } from '../program/lint.js';
import type { Program, Session } from '../program/model.js';
import { formatTimeRange, sessionEnd, sessionStart, sortedSessions } from '../program/time.js';
import { REMINDER_CHOICES, formatReminderOffset } from './durations.js';
import { errorText, LIMITS, type FieldErrors } from './forms.js';
import { VERBS } from './verbs.js';

export interface PlannedSend {
  dueAt: string;
  label: string;
}

/** "Mi., 16.12.2026, 10:00–12:00 Uhr" in the program's zone. */
export function shortWhen(program: Program, session: Session, locale: Locale): string {
  const start = sessionStart(program, session);
  return `${start.setLocale(locale).toFormat(locale === 'de' ? 'ccc, dd.MM.yyyy' : 'ccc, d LLL yyyy')}, ${formatTimeRange(start, sessionEnd(program, session), locale)}`;
}

/** An instant in a zone: "16.12.2026, 10:00 Uhr" / "16 Dec 2026, 10:00". */
export function formatInstant(iso: string, zone: string, locale: Locale): string {
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(locale);
  return locale === 'de' ? `${dt.toFormat('ccc, dd.MM.yyyy, HH:mm')} Uhr` : dt.toFormat('ccc, d LLL yyyy, HH:mm');
}

function errorBlock(errors: FieldErrors | undefined, field: string, t: CoordinationText): CardElement[] {
  const key = errors?.[field];
  return key ? [textBlock(errorText(key, t), { color: 'Attention', size: 'Small', spacing: 'None', id: `${field}Error` })] : [];
}

function findingsBlock(findings: LintFinding[], severity: LintFinding['severity']): CardElement[] {
  return findings
    .filter((f) => f.severity === severity)
    .map((f) => textBlock(`• ${escapeCardText(f.message)}${f.suggestion ? ` (${escapeCardText(f.suggestion)})` : ''}`, { color: severity === 'error' ? 'Attention' : 'Warning', spacing: 'Small' }));
}

export function programListCard(program: Program, options: { version: number; updatedAt?: string; now: Date; notice?: string }, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  const body: CardElement[] = [];
  if (options.notice) body.push(textBlock(options.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(textBlock(escapeCardText(t.programTitle(program.program.title)), { size: 'Large', weight: 'Bolder' }));
  body.push(
    textBlock(t.programVersion(options.version, options.updatedAt ? formatInstant(options.updatedAt, program.program.timezone, locale) : undefined), { isSubtle: true, size: 'Small', spacing: 'None' }),
  );
  const sessions = sortedSessions(program);
  if (!sessions.length) body.push(textBlock(t.noSessions));
  for (const session of sessions) {
    const past = sessionEnd(program, session).toMillis() < options.now.getTime();
    const status = session.status === 'cancelled' ? t.statusCancelled : past ? t.statusPast : t.statusScheduled;
    const data = { sessionId: session.id, version: options.version };
    const actions = [executeAction(t.edit, VERBS.sessionEdit, data)];
    if (session.status === 'scheduled' && !past) actions.push(executeAction(t.cancelSession, VERBS.sessionCancel, data, 'destructive'));
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(`**${shortWhen(program, session, locale)}** · ${status}`, { spacing: 'None', ...(session.status === 'cancelled' ? { isSubtle: true } : {}) }),
        textBlock(escapeCardText(session.title), { spacing: 'None', weight: 'Bolder' }),
        { type: 'ActionSet', actions },
      ],
    });
  }
  return card(body, [
    executeAction(t.newSession, VERBS.sessionNew, { version: options.version }, 'positive'),
    executeAction(t.reload, VERBS.programShow, {}),
  ]);
}

export interface SessionFormValues {
  date?: string;
  start?: string;
  end?: string;
  title?: string;
  summary?: string;
  joinUrl?: string;
}

export interface SessionFormState {
  version: number;
  /** Absent for a new session. */
  sessionId?: string;
  sessionTitle?: string;
  values: SessionFormValues;
  errors?: FieldErrors;
  lintErrors?: LintFinding[];
  /** Warnings to confirm: the card then offers "Trotzdem speichern". */
  warnings?: LintFinding[];
  /** Fingerprint of the warnings shown, sent back with the confirmation. */
  acknowledged?: string;
  conflict?: boolean;
}

export function sessionFormCard(state: SessionFormState, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  const v = state.values;
  const body: CardElement[] = [textBlock(escapeCardText(state.sessionId ? t.editTitle(state.sessionTitle ?? state.sessionId) : t.newTitle), { size: 'Large', weight: 'Bolder' })];
  if (state.conflict) body.push(textBlock(t.conflict, { color: 'Attention', weight: 'Bolder' }));
  if (state.errors && Object.keys(state.errors).length) body.push(textBlock(t.formHasErrors, { color: 'Attention', weight: 'Bolder' }));
  if (state.lintErrors?.length) body.push(textBlock(t.lintErrors, { color: 'Attention', weight: 'Bolder' }), ...findingsBlock(state.lintErrors, 'error'));
  if (state.warnings?.length) body.push(textBlock(t.lintWarnings, { color: 'Warning', weight: 'Bolder' }), ...findingsBlock(state.warnings, 'warning'));
  const input = (element: CardElement, field: string) => [element, ...errorBlock(state.errors, field, t)];
  body.push(
    ...input({ type: 'Input.Date', id: 'date', label: t.fieldDate, isRequired: true, errorMessage: t.errDate, ...(v.date ? { value: v.date } : {}) }, 'date'),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: input({ type: 'Input.Time', id: 'start', label: t.fieldStart, isRequired: true, errorMessage: t.errTime, ...(v.start ? { value: v.start } : {}) }, 'start') },
        { type: 'Column', width: 'stretch', items: input({ type: 'Input.Time', id: 'end', label: t.fieldEnd, isRequired: true, errorMessage: t.errTime, ...(v.end ? { value: v.end } : {}) }, 'end') },
      ],
    },
    ...input({ type: 'Input.Text', id: 'title', label: t.fieldTitle, isRequired: true, maxLength: LIMITS.title, errorMessage: t.errRequired, ...(v.title ? { value: v.title } : {}) }, 'title'),
    ...input({ type: 'Input.Text', id: 'summary', label: t.fieldSummary, isMultiline: true, maxLength: LIMITS.summary, ...(v.summary ? { value: v.summary } : {}) }, 'summary'),
    ...input({ type: 'Input.Text', id: 'joinUrl', label: t.fieldJoinUrl, style: 'Url', maxLength: LIMITS.joinUrl, ...(v.joinUrl ? { value: v.joinUrl } : {}) }, 'joinUrl'),
  );
  const data = { version: state.version, ...(state.sessionId ? { sessionId: state.sessionId } : {}) };
  const actions = state.warnings?.length
    ? [executeAction(t.saveAnyway, VERBS.sessionConfirm, { ...data, acknowledged: state.acknowledged ?? '' }, 'positive'), executeAction(t.back, VERBS.programShow, {})]
    : state.conflict
      ? [executeAction(t.reload, VERBS.programShow, {})]
      : [executeAction(t.save, VERBS.sessionSave, data, 'positive'), executeAction(t.abort, VERBS.programShow, {})];
  return card(body, actions);
}

export function cancelConfirmCard(program: Program, session: Session, version: number, locale: Locale, findings?: { errors?: LintFinding[]; conflict?: boolean }): AdaptiveCard {
  const t = coordinationText(locale);
  const body: CardElement[] = [textBlock(escapeCardText(t.confirmCancel(session.title, shortWhen(program, session, locale))), { weight: 'Bolder' })];
  if (findings?.conflict) body.push(textBlock(t.conflict, { color: 'Attention' }));
  if (findings?.errors?.length) body.push(textBlock(t.lintErrors, { color: 'Attention' }), ...findingsBlock(findings.errors, 'error'));
  const actions = findings?.conflict
    ? [executeAction(t.reload, VERBS.programShow, {})]
    : [executeAction(t.cancelSession, VERBS.sessionCancel, { sessionId: session.id, version, confirmed: true }, 'destructive'), executeAction(t.back, VERBS.programShow, {})];
  return card(body, actions);
}

export function plannedSendsBlock(sends: PlannedSend[], zone: string, locale: Locale): CardElement[] {
  const t = coordinationText(locale);
  const out: CardElement[] = [textBlock(t.nextSends, { weight: 'Bolder', separator: true })];
  if (!sends.length) out.push(textBlock(t.noNextSends, { isSubtle: true }));
  else out.push({ type: 'FactSet', facts: sends.map((s) => ({ title: formatInstant(s.dueAt, zone, locale), value: escapeCardText(s.label) })) });
  return out;
}

export interface RemindersState {
  version: number;
  /** Raw values to show again after an error; else taken from the program. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  lintErrors?: LintFinding[];
  conflict?: boolean;
  notice?: string;
  sends: PlannedSend[];
  now: Date;
}

export function remindersCard(program: Program, state: RemindersState, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  const offsets = program.program.reminders;
  const chosen = offsets.filter((o) => (REMINDER_CHOICES as readonly string[]).includes(o));
  const custom = offsets.filter((o) => !(REMINDER_CHOICES as readonly string[]).includes(o));
  const friendly = (list: string[]) => list.map((o) => formatReminderOffset(o, locale)).join(', ');
  const value = (id: string, fallback: string) => state.values?.[id] ?? fallback;
  const body: CardElement[] = [];
  if (state.notice) body.push(textBlock(state.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(textBlock(t.remindersTitle, { size: 'Large', weight: 'Bolder' }));
  if (state.conflict) body.push(textBlock(t.conflict, { color: 'Attention', weight: 'Bolder' }));
  if (state.errors && Object.keys(state.errors).length) body.push(textBlock(t.formHasErrors, { color: 'Attention', weight: 'Bolder' }));
  if (state.lintErrors?.length) body.push(textBlock(t.lintErrors, { color: 'Attention' }), ...findingsBlock(state.lintErrors, 'error'));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'programOffsets',
      label: t.remindersProgram,
      isMultiSelect: true,
      style: 'expanded',
      choices: REMINDER_CHOICES.map((c) => ({ title: formatReminderOffset(c, locale), value: c })),
      value: value('programOffsets', chosen.join(',')),
    },
    ...errorBlock(state.errors, 'programOffsets', t),
    { type: 'Input.Text', id: 'programCustom', label: t.remindersCustom, maxLength: 200, value: value('programCustom', friendly(custom)) },
    ...errorBlock(state.errors, 'programCustom', t),
  );
  const upcoming = sortedSessions(program).filter((s) => s.status === 'scheduled' && sessionEnd(program, s).toMillis() > state.now.getTime());
  if (upcoming.length) body.push(textBlock(t.remindersSessionHint, { weight: 'Bolder', separator: true }));
  for (const session of upcoming) {
    const id = `s_${session.id}`;
    const current = session.reminders ? (session.reminders.length ? friendly(session.reminders) : t.remindersNone) : '';
    body.push(
      {
        type: 'Input.Text',
        id,
        // Input labels are plain text (no Markdown): only mentions are defused.
        label: t.remindersSessionLabel(session.title, shortWhen(program, session, locale)).replace(/</g, '‹').replace(/>/g, '›'),
        placeholder: t.remindersSessionPlaceholder(friendly(offsets)),
        maxLength: 200,
        value: value(id, current),
      },
      ...errorBlock(state.errors, id, t),
    );
  }
  body.push(...plannedSendsBlock(state.sends, program.program.timezone, locale));
  const actions = state.conflict
    ? [executeAction(t.reload, VERBS.remindersShow, {})]
    : [executeAction(t.save, VERBS.remindersSave, { version: state.version }, 'positive'), executeAction(t.reload, VERBS.remindersShow, {})];
  return card(body, actions);
}

export interface StatusView {
  program?: { title: string; version: number; updatedAt?: string; zone: string };
  lint: LintFinding[];
  refusal?: { at: string; message: string };
  sends: PlannedSend[];
  deliveries: Array<{ label: string; at: string; sent: number; planned: number; failed: number; unreachable: number }>;
  /** Attendance per session from the meetings (src/attendance), empty without data. */
  attendance?: string[];
}

export function statusCard(view: StatusView, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  const zone = view.program?.zone ?? 'UTC';
  const body: CardElement[] = [textBlock(t.statusTitle, { size: 'Large', weight: 'Bolder' })];
  if (view.program) {
    body.push(textBlock(escapeCardText(t.statusProgram(view.program.title, view.program.version)), { weight: 'Bolder' }));
    if (view.program.updatedAt) body.push(textBlock(t.programVersion(view.program.version, formatInstant(view.program.updatedAt, zone, locale)), { isSubtle: true, spacing: 'None' }));
  } else body.push(textBlock(t.statusNoProgram, { color: 'Attention' }));
  const errors = view.lint.filter((f) => f.severity === 'error').length;
  const warnings = view.lint.length - errors;
  body.push(textBlock(view.lint.length ? t.statusLint(errors, warnings) : t.statusLintOk, { color: errors ? 'Attention' : warnings ? 'Warning' : 'Good' }));
  body.push(...findingsBlock(view.lint.slice(0, 5), 'error'), ...findingsBlock(view.lint.slice(0, 5), 'warning'));
  if (view.refusal) body.push(textBlock(escapeCardText(t.statusRefusal(formatInstant(view.refusal.at, zone, locale), view.refusal.message)), { color: 'Attention', size: 'Small' }));
  body.push(...plannedSendsBlock(view.sends, zone, locale));
  body.push(textBlock(t.lastDeliveries, { weight: 'Bolder', separator: true }));
  if (!view.deliveries.length) body.push(textBlock(t.noDeliveries, { isSubtle: true }));
  for (const d of view.deliveries) body.push(textBlock(escapeCardText(t.deliveryLine(d.label, formatInstant(d.at, zone, locale), d.sent, d.planned, d.failed, d.unreachable)), { spacing: 'Small' }));
  if (view.attendance?.length) {
    body.push(textBlock(t.attendanceTitle, { weight: 'Bolder', separator: true }));
    body.push(textBlock(view.attendance.map((l) => `- ${l}`).join('\n'), { spacing: 'Small' }));
  }
  return card(body, [
    executeAction(t.reload, VERBS.statusShow, {}),
    executeAction(t.remindersTitle, VERBS.remindersShow, {}),
  ]);
}
