import { describe, expect, it } from 'vitest';
import { programSchema, type Program } from '../program/model.js';
import type { DeliveryJob } from '../delivery/index.js';
import { ANNOUNCEMENT_KIND, planReminders, reconcile, retireInactivePrograms, updateJobId, type PlanAction } from './planning.js';

function program(sessions: Record<string, unknown>[], reminders = ['P7D', 'P1D', 'PT1H']): Program {
  return programSchema.parse({
    program: { id: 'datenstrategie', title: 'Stadt, Daten, Strategie', timezone: 'Europe/Berlin', reminders },
    sessions: sessions.map((s) => ({ title: 'Termin', start: '10:00', end: '12:00', ...s })),
  });
}

const iso = (d: Date) => d.toISOString();

/** The stored job a `create` action would produce, in a given state. */
function stored(action: PlanAction, patch: Partial<DeliveryJob> = {}): DeliveryJob {
  if (action.type !== 'create') throw new Error('not a create');
  const { spec } = action;
  return {
    jobId: spec.jobId,
    kind: spec.kind,
    action: spec.action ?? 'send',
    payload: spec.payload,
    audience: spec.audience,
    dueAt: iso(spec.dueAt),
    ...(spec.notAfter ? { notAfter: iso(spec.notAfter) } : {}),
    ...(spec.updateOf ? { updateOf: spec.updateOf } : {}),
    ...(spec.group ? { group: spec.group } : {}),
    status: 'planned',
    claims: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    etag: 'e',
    ...patch,
  };
}

describe('planReminders', () => {
  it('keeps the wall-clock time for day offsets across the March change (Europe/Berlin, 29 March 2026)', () => {
    // Monday 30 March 10:00 CEST = 08:00Z. The day before (Sunday, the switch day) 10:00 is CEST too;
    // a week before, 23 March 10:00, is still CET = 09:00Z.
    const plan = planReminders(program([{ id: 'march', date: '2026-03-30' }]));
    expect(plan.map((p) => [p.offset, iso(p.dueAt)])).toEqual([
      ['P7D', '2026-03-23T09:00:00.000Z'],
      ['P1D', '2026-03-29T08:00:00.000Z'],
      ['PT1H', '2026-03-30T07:00:00.000Z'],
    ]);
  });

  it('keeps the wall-clock time across the October change (25 October 2026)', () => {
    const plan = planReminders(program([{ id: 'october', date: '2026-10-26' }]));
    expect(plan.map((p) => [p.offset, iso(p.dueAt)])).toEqual([
      ['P7D', '2026-10-19T08:00:00.000Z'],
      ['P1D', '2026-10-25T09:00:00.000Z'],
      ['PT1H', '2026-10-26T08:00:00.000Z'],
    ]);
  });

  it('counts hour offsets as exact durations through the night of the change', () => {
    // 25 October 2026, 04:00 CET = 03:00Z. Three real hours earlier is 00:00Z (02:00 CEST, before the
    // clocks went back), not 01:00 local wall-clock time.
    const plan = planReminders(program([{ id: 'night', date: '2026-10-25', start: '04:00', end: '05:00' }], ['PT3H']));
    expect(iso(plan[0]!.dueAt)).toBe('2026-10-25T00:00:00.000Z');
  });

  it('keeps the wall-clock time for P1D and P7D across the US March change (America/New_York, 14 March 2027)', () => {
    // Monday 15 March 2027 10:00 EDT = 14:00Z. The day before (the switch day) 10:00 is EDT too; a week
    // before, 8 March 10:00, is still EST = 15:00Z.
    const ny = programSchema.parse({ ...program([{ id: 'ny', date: '2027-03-15' }], ['P7D', 'P1D']), program: { ...program([]).program, timezone: 'America/New_York', reminders: ['P7D', 'P1D'] } });
    expect(planReminders(ny).map((p) => [p.offset, iso(p.dueAt)])).toEqual([
      ['P7D', '2027-03-08T15:00:00.000Z'],
      ['P1D', '2027-03-14T14:00:00.000Z'],
    ]);
  });

  it('uses the session\'s own reminders, skips cancelled sessions and sets the grace deadline', () => {
    const plan = planReminders(
      program([
        { id: 'own', date: '2026-12-16', reminders: ['PT2H'] },
        { id: 'gone', date: '2026-12-17', status: 'cancelled' },
      ]),
      { graceMs: 10 * 60_000 },
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ jobId: 'ann|datenstrategie|own|PT2H', sessionId: 'own' });
    expect(iso(plan[0]!.dueAt)).toBe('2026-12-16T07:00:00.000Z');
    expect(iso(plan[0]!.notAfter)).toBe('2026-12-16T07:10:00.000Z');
  });
});

describe('reconcile', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const base = program([{ id: 'governance', date: '2026-12-16' }], ['P1D']);

  it('creates one job per reminder and nothing more once they exist', () => {
    const first = reconcile(base, [], { now });
    expect(first.map((a) => a.type)).toEqual(['create']);
    expect(reconcile(base, first.map((a) => stored(a)), { now })).toEqual([]);
  });

  it('re-times a planned job when its session moves', () => {
    const existing = reconcile(base, [], { now }).map((a) => stored(a));
    const moved = program([{ id: 'governance', date: '2026-12-18' }], ['P1D']);
    const actions = reconcile(moved, existing, { now });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'retime', jobId: 'ann|datenstrategie|governance|P1D' });
    expect(actions[0]!.type === 'retime' && iso(actions[0]!.dueAt)).toBe('2026-12-17T09:00:00.000Z');
  });

  it('cancels planned jobs of a cancelled session and asks running ones to stop', () => {
    const two = program([{ id: 'governance', date: '2026-12-16' }], ['P7D', 'P1D']);
    const [p7, p1] = reconcile(two, [], { now }).map((a) => stored(a));
    const cancelled = program([{ id: 'governance', date: '2026-12-16', status: 'cancelled' }], ['P7D', 'P1D']);
    const actions = reconcile(cancelled, [{ ...p7!, status: 'running', startedAt: iso(now) }, p1!], { now });
    expect(actions).toContainEqual({ type: 'requestCancel', jobId: p7!.jobId });
    expect(actions).toContainEqual({ type: 'cancel', jobId: p1!.jobId, reason: 'session-cancelled' });
  });

  it('replaces sent cards with "verschoben" when a session moves, and with "abgesagt" when it is cancelled', () => {
    const two = program([{ id: 'governance', date: '2026-12-16' }], ['P7D', 'P1D']);
    const [p7, p1] = reconcile(two, [], { now }).map((a) => stored(a));
    const sent = { ...p7!, status: 'done' as const, startedAt: iso(now) };
    const moved = program([{ id: 'governance', date: '2026-12-18', start: '14:00', end: '16:00' }], ['P7D', 'P1D']);
    const actions = reconcile(moved, [sent, p1!], { now, revision: 4 });
    const update = actions.find((a) => a.type === 'create' && a.spec.action === 'update');
    expect(update?.type === 'create' && update.spec).toMatchObject({
      jobId: updateJobId('datenstrategie', 'governance', '2026-12-18T14:00-16:00', 4),
      action: 'update',
      updateOf: [p7!.jobId],
      payload: { change: 'moved', session: { date: '2026-12-18', start: '14:00' } },
    });
    expect(actions.filter((a) => a.type === 'retime').map((a) => a.jobId)).toEqual([p1!.jobId]);
    // The P7D reminder went out for the old date; its offset still lies ahead of the new one: sent again.
    const again = actions.find((a) => a.type === 'create' && a.spec.kind === ANNOUNCEMENT_KIND);
    expect(again?.type === 'create' && again.spec).toMatchObject({ jobId: 'ann|datenstrategie|governance|P7D|2026-12-18T14:00', dueAt: new Date('2026-12-11T13:00:00.000Z') });
    // Once the update job exists, its state is what the cards show: nothing more to do.
    const afterUpdate = [sent, { ...p1!, ...(actions.find((a) => a.type === 'retime') as { dueAt: Date }), dueAt: '2026-12-17T13:00:00.000Z' }, stored(again!), stored(update!, { status: 'done', createdAt: iso(now) })];
    expect(reconcile(moved, afterUpdate, { now, revision: 4 }).filter((a) => a.type === 'create')).toEqual([]);
    // Then the session is cancelled: one "abgesagt" update for what was sent.
    const cancelled = program([{ id: 'governance', date: '2026-12-18', start: '14:00', end: '16:00', status: 'cancelled' }], ['P7D', 'P1D']);
    const cancelActions = reconcile(cancelled, afterUpdate, { now, revision: 5 });
    const abgesagt = cancelActions.find((a) => a.type === 'create');
    expect(abgesagt?.type === 'create' && abgesagt.spec).toMatchObject({ jobId: 'upd|datenstrategie|governance|cancelled|v5', payload: { change: 'cancelled' } });
  });

  it('revives a job skipped as overdue when its session moves into the future, not otherwise', () => {
    const past = program([{ id: 'governance', date: '2026-11-18' }], ['P1D']);
    const [job] = reconcile(past, [], { now }).map((a) => stored(a, { status: 'skipped', reason: 'overdue' }));
    expect(reconcile(past, [job!], { now })).toEqual([]);
    const future = program([{ id: 'governance', date: '2026-12-18' }], ['P1D']);
    expect(reconcile(future, [job!], { now }).map((a) => a.type)).toEqual(['revive']);
  });

  it('only looks at jobs of its own program', () => {
    const other = stored(reconcile(program([{ id: 'x', date: '2026-12-16' }]), [], { now })[0]!, { payload: { programId: 'other', programTitle: 'o', timezone: 'Europe/Berlin', session: { id: 'x', title: 't', date: '2026-12-16', start: '10:00', end: '12:00', status: 'scheduled' } }, jobId: 'ann|other|x|P1D', kind: ANNOUNCEMENT_KIND });
    expect(reconcile(base, [other], { now }).map((a) => a.type)).toEqual(['create']);
  });

  it('treats a changed time zone as a move: "verschoben" for sent cards, reminders re-planned at the new instant', () => {
    const two = program([{ id: 'governance', date: '2026-12-16' }], ['P7D', 'P1D']);
    const [p7, p1] = reconcile(two, [], { now }).map((a) => stored(a));
    const sent = { ...p7!, status: 'done' as const, startedAt: iso(now) };
    const ny = programSchema.parse({ ...two, program: { ...two.program, timezone: 'America/New_York' } });
    const actions = reconcile(ny, [sent, p1!], { now, revision: 6 });
    const update = actions.find((a) => a.type === 'create' && a.spec.action === 'update');
    expect(update?.type === 'create' && update.spec).toMatchObject({ updateOf: [p7!.jobId], payload: { change: 'moved', timezone: 'America/New_York' } });
    expect(actions.find((a) => a.type === 'retime')).toMatchObject({ jobId: p1!.jobId, dueAt: new Date('2026-12-15T15:00:00.000Z') });
    const again = actions.find((a) => a.type === 'create' && a.spec.kind === ANNOUNCEMENT_KIND);
    expect(again?.type === 'create' && again.spec).toMatchObject({ jobId: 'ann|datenstrategie|governance|P7D|2026-12-16T10:00', dueAt: new Date('2026-12-09T15:00:00.000Z') });
  });
});

describe('retireInactivePrograms', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const [job] = reconcile(program([{ id: 'governance', date: '2026-12-16' }], ['P1D']), [], { now }).map((a) => stored(a));

  it('cancels planned jobs of inactive program ids, and only planned ones', () => {
    const other = { ...job!, jobId: 'ann|alt|x|P1D', payload: { ...job!.payload, programId: 'alt' } };
    const running = { ...other, jobId: 'ann|alt|y|P1D', status: 'running' as const };
    const done = { ...other, jobId: 'ann|alt|z|P1D', status: 'done' as const };
    const second = { ...other, jobId: 'ann|zweite|x|P1D', payload: { ...job!.payload, programId: 'zweite' } };
    expect(retireInactivePrograms(new Set(['datenstrategie', 'zweite']), [job!, other, running, done, second])).toEqual([{ type: 'cancel', jobId: 'ann|alt|x|P1D', reason: 'program-removed' }]);
  });

  it('leaves jobs without a program id alone', () => {
    const { programId: _id, ...payload } = job!.payload;
    expect(retireInactivePrograms(new Set(['zweite-staffel']), [{ ...job!, jobId: 'bc|0123456789abcdef', kind: 'coordination.broadcast', payload }])).toEqual([]);
  });
});
