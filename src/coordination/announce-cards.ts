// Cards of the ad-hoc announcement flow: compose (with the scheduled announcements and "Zurückziehen"),
// preview (the recipients' card itself plus the recipient count), and the delivery progress / final report
// that replaces the coordinator's card while a broadcast runs.
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard, type CardElement, type ExecuteAction } from '../cards/adaptive.js';
import type { JobCounts } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText } from '../i18n/coordination.js';
import type { Program } from '../program/model.js';
import { sessionEnd, sortedSessions } from '../program/time.js';
import { announcementZone, broadcastCardParts, type BroadcastPayload, type RecipientCount } from './broadcast.js';
import { errorText, LIMITS, type FieldErrors } from './forms.js';
import { formatInstant, shortWhen } from './program-cards.js';
import { VERBS } from './verbs.js';

export interface ComposeValues {
  text?: string;
  sessionId?: string;
  audience?: string;
  when?: string;
  sendDate?: string;
  sendTime?: string;
}

export interface ScheduledBroadcast {
  jobId: string;
  dueAt: string;
  text: string;
}

export function composeCard(
  program: Program | undefined,
  state: { values: ComposeValues; errors?: FieldErrors; scheduled: ScheduledBroadcast[]; now: Date; notice?: string },
  locale: Locale,
): AdaptiveCard {
  const t = coordinationText(locale);
  const v = state.values;
  const err = (field: string): CardElement[] =>
    state.errors?.[field] ? [textBlock(errorText(state.errors[field]!, t), { color: 'Attention', size: 'Small', spacing: 'None', id: `${field}Error` })] : [];
  const body: CardElement[] = [];
  if (state.notice) body.push(textBlock(state.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(textBlock(t.announceTitle, { size: 'Large', weight: 'Bolder' }));
  if (state.errors && Object.keys(state.errors).length) body.push(textBlock(t.formHasErrors, { color: 'Attention', weight: 'Bolder' }));
  const zone = announcementZone(program);
  const upcoming = program ? sortedSessions(program).filter((s) => s.status === 'scheduled' && sessionEnd(program, s).toMillis() > state.now.getTime()) : [];
  body.push(
    { type: 'Input.Text', id: 'text', label: t.fieldText, isMultiline: true, isRequired: true, maxLength: LIMITS.announcement, errorMessage: t.errRequired, ...(v.text ? { value: v.text } : {}) },
    ...err('text'),
    {
      type: 'Input.ChoiceSet',
      id: 'sessionId',
      label: t.fieldSession,
      style: 'compact',
      value: v.sessionId ?? '',
      choices: [{ title: t.noSessionChoice, value: '' }, ...upcoming.map((s) => ({ title: `${shortWhen(program!, s, locale)}: ${s.title}`, value: s.id }))],
    },
    ...err('sessionId'),
    {
      type: 'Input.ChoiceSet',
      id: 'audience',
      label: t.fieldAudience,
      style: 'expanded',
      value: v.audience ?? 'all',
      choices: [
        { title: t.audienceAll, value: 'all' },
        { title: t.audienceChannels, value: 'channels' },
        { title: t.audiencePersonal, value: 'personal' },
      ],
    },
    ...err('audience'),
    {
      type: 'Input.ChoiceSet',
      id: 'when',
      label: t.fieldWhen,
      style: 'expanded',
      value: v.when ?? 'now',
      choices: [
        { title: t.whenNow, value: 'now' },
        { title: t.whenLater, value: 'later' },
      ],
    },
    ...err('when'),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id: 'sendDate', label: t.fieldSendDate, ...(v.sendDate ? { value: v.sendDate } : {}) }, ...err('sendDate')] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'sendTime', label: t.fieldSendTime(zone), ...(v.sendTime ? { value: v.sendTime } : {}) }, ...err('sendTime')] },
      ],
    },
  );
  body.push(textBlock(t.scheduledList, { weight: 'Bolder', separator: true }));
  if (!state.scheduled.length) body.push(textBlock(t.noScheduled, { isSubtle: true }));
  for (const s of state.scheduled) {
    body.push({
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            textBlock(`**${formatInstant(s.dueAt, zone, locale)}**`, { spacing: 'None' }),
            textBlock(escapeCardText(s.text.length > 120 ? `${s.text.slice(0, 117)}…` : s.text), { isSubtle: true, spacing: 'None' }),
          ],
        },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [executeAction(t.withdraw, VERBS.announceCancel, { jobId: s.jobId }, 'destructive')] }] },
      ],
    });
  }
  return card(body, [executeAction(t.preview, VERBS.announcePreview, {}, 'positive')]);
}

export function previewCard(
  payload: BroadcastPayload,
  state: { count: RecipientCount; sendAt?: string; zone: string; draft: ComposeValues & { draftId: string } },
  locale: Locale,
): AdaptiveCard {
  const t = coordinationText(locale);
  const parts = broadcastCardParts(payload, locale);
  const recipientCard: CardElement = {
    type: 'Container',
    style: 'emphasis',
    bleed: false,
    items: [...parts.body, ...(parts.actions.length ? [{ type: 'ActionSet', actions: parts.actions }] : [])],
  };
  const body: CardElement[] = [
    textBlock(t.previewTitle, { weight: 'Bolder' }),
    recipientCard,
    textBlock(t.recipients(state.count.reachable), { weight: 'Bolder', separator: true, id: 'recipients' }),
    textBlock(t.recipientsBreakdown(state.count.personal, state.count.channels, state.count.groupChats), { isSubtle: true, spacing: 'None' }),
    textBlock(t.unreachable(state.count.unreachable), { color: state.count.unreachable ? 'Warning' : 'Default', id: 'unreachable' }),
  ];
  body.push(textBlock(state.sendAt ? t.scheduledFor(formatInstant(state.sendAt, state.zone, locale)) : t.sendsNow, { weight: 'Bolder' }));
  const draft = { ...state.draft };
  return card(body, [
    executeAction(t.send, VERBS.announceSend, draft, 'positive'),
    executeAction(t.edit, VERBS.announceCompose, draft),
    executeAction(t.abort, VERBS.announceAbort, {}, 'destructive'),
  ]);
}

export interface ProgressView {
  jobId: string;
  status: 'planned' | 'running' | 'done' | 'skipped' | 'cancelled';
  dueAt: string;
  zone: string;
  counts: JobCounts;
  /** Failure and skip reasons (codes) with how often they happened. */
  reasons: Array<{ code: string; count: number }>;
  skipReason?: string;
  /** Bot Framework id of the coordinator: Teams refreshes the card automatically for that user. */
  userId?: string;
}

export function progressCard(view: ProgressView, locale: Locale): AdaptiveCard {
  const t = coordinationText(locale);
  const c = view.counts;
  const failed = c.failed + c.unreachable + c.uncertain;
  const body: CardElement[] = [textBlock(t.progressTitle, { size: 'Large', weight: 'Bolder' })];
  const finished = view.status === 'done' || view.status === 'cancelled' || view.status === 'skipped';
  if (view.status === 'planned') body.push(textBlock(t.progressWaiting(formatInstant(view.dueAt, view.zone, locale)), { id: 'progress' }));
  else if (view.status === 'skipped') body.push(textBlock(t.progressSkipped(t.reason(view.skipReason ?? 'overdue')), { color: 'Attention', id: 'progress' }));
  else body.push(textBlock(t.progressRunning(c.sent, c.planned, failed), { weight: 'Bolder', id: 'progress' }));
  if (view.status === 'done') body.push(textBlock(t.progressDone, { color: 'Good' }));
  if (view.status === 'cancelled') body.push(textBlock(t.progressCancelled, { color: 'Attention' }));
  if (finished && view.status !== 'skipped') {
    const facts = [
      { title: t.reportDelivered, value: t.n(c.sent) },
      { title: t.reportFailed, value: t.n(c.failed) },
      { title: t.reportUnreachable, value: t.n(c.unreachable) },
      ...(c.skipped ? [{ title: t.reportSkipped, value: t.n(c.skipped) }] : []),
      ...(c.uncertain ? [{ title: t.reportUncertain, value: t.n(c.uncertain) }] : []),
    ];
    body.push({ type: 'FactSet', id: 'report', facts });
    if (view.reasons.length) {
      body.push(textBlock(t.reportWhy, { weight: 'Bolder' }));
      body.push({ type: 'FactSet', id: 'reasons', facts: view.reasons.map((r) => ({ title: t.reason(r.code), value: t.n(r.count) })) });
    }
  }
  const refresh: ExecuteAction = { type: 'Action.Execute', verb: VERBS.progressRefresh, data: { jobId: view.jobId } };
  const actions = finished ? [] : [executeAction(t.refresh, VERBS.progressRefresh, { jobId: view.jobId })];
  if (view.status === 'planned') actions.push(executeAction(t.withdraw, VERBS.announceCancel, { jobId: view.jobId }, 'destructive'));
  return card(body, actions, finished || !view.userId ? {} : { refresh: { action: refresh, userIds: [view.userId] } });
}
