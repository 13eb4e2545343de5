// The coordinator's status flow for one program: the program, its lint state and last refused import, its
// next planned sends and its last deliveries with their counts.
import type { CardActionResult } from '../conversation/index.js';
import { deliveryReport } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText } from '../i18n/coordination.js';
import type { ActionScope, FlowContext, Handler } from './context.js';
import { belongsToProgram, jobLabel, plannedSends } from './planned-sends.js';
import { statusCard, type StatusView } from './program-cards.js';

const LAST_DELIVERIES = 5;

export interface StatusFlow {
  view(locale: Locale, scope: Pick<ActionScope, 'programId' | 'service'>): Promise<CardActionResult>;
  show: Handler;
}

export function createStatusFlow(ctx: FlowContext): StatusFlow {
  const { deps } = ctx;

  async function deliveries(locale: Locale, programId: string): Promise<StatusView['deliveries']> {
    const t = coordinationText(locale);
    const recent = (await deps.engine.jobs.list({ statuses: ['running', 'done', 'cancelled'] }))
      .filter((j) => j.startedAt && belongsToProgram(j, programId))
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))
      .slice(0, LAST_DELIVERIES);
    const out: StatusView['deliveries'] = [];
    for (const job of recent) {
      const counts = job.status === 'running' || !job.counts ? (await deliveryReport(deps.engine, { jobId: job.jobId }))[0] : job.counts;
      if (!counts) continue;
      out.push({ label: jobLabel(job, locale, t), at: job.startedAt!, sent: counts.sent, planned: counts.planned, failed: counts.failed + counts.uncertain, unreachable: counts.unreachable });
    }
    return out;
  }

  async function view(locale: Locale, { programId, service }: Pick<ActionScope, 'programId' | 'service'>): Promise<CardActionResult> {
    const s = service.status();
    const program = service.active();
    const status: StatusView = {
      ...(program ? { program: { title: program.program.title, version: s.version, ...(s.updatedAt ? { updatedAt: s.updatedAt } : {}), zone: program.program.timezone } } : {}),
      lint: s.lint,
      ...(s.lastRefusal ? { refusal: { at: s.lastRefusal.at, message: s.lastRefusal.message } } : {}),
      sends: await plannedSends(deps.engine, locale, programId),
      deliveries: await deliveries(locale, programId),
      ...(program && deps.attendanceLines ? { attendance: await deps.attendanceLines(programId, program.sessions, locale, {}) } : {}),
    };
    return { kind: 'card', card: statusCard(status, locale) };
  }

  return { view, show: async (turn, _data, scope) => view(turn.locale, scope) };
}
