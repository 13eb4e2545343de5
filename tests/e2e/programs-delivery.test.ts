// Two programs in one deployment, end to end through the running service: sessions at the same time, a team
// linked to each, personal chats following one, the other, both or none. Each conversation gets exactly the
// reminders and polls of its programs, once; votes, results and `ergebnisse` stay inside their program; and a
// program whose folder is removed sends nothing more while the other one carries on. A meetingEnd finds its
// session in whichever program holds it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBed, type TestBed } from '../harness/service.js';
import { programsContentDir, programYaml, type SessionSpec } from '../harness/content.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';
import { FeedbackRepository } from '../../src/feedback/repository.js';
import type { ConversationSighting } from '../../src/registry/index.js';

const sessions = (label: string): SessionSpec[] => [
  { id: 'auftakt', title: `Auftakt ${label}`, date: '2030-03-12', start: '10:00', end: '12:00' },
  { id: 'abschluss', title: `Abschluss ${label}`, date: '2030-04-09', start: '10:00', end: '12:00' },
];
const yaml = (id: string, label: string) =>
  programYaml(sessions(label), { id, title: `Reihe ${label}`, reminders: ['P1D'], feedback: { openAfterEnd: 'PT0M', closeAfter: 'P2D', minResponses: 1 } });

const cardOf = (call: { body: any }) => call.body?.attachments?.[0]?.content;

describe('two programs in one deployment', () => {
  let bed: TestBed;
  let dir: string;
  const clock = () => bed.clock as ManualClock;
  const coordinator = A.user(60);
  const teamAlpha = A.team(1);
  const teamBeta = A.team(2);
  const onlyAlpha = A.user(61);
  const onlyBeta = A.user(62);
  const both = A.user(63);
  const none = A.user(64);
  const people = [onlyAlpha, onlyBeta, both, none];

  /** Which program each message to each conversation came from ("Alpha" or "Beta"), sorted per conversation. */
  const received = () => {
    const out: Record<string, string[]> = {};
    for (const call of bed.connector.messages()) {
      const text = JSON.stringify(call.body);
      const program = /Reihe (Alpha|Beta)/.exec(text)?.[1] ?? /Auftakt (Alpha|Beta)|Abschluss (Alpha|Beta)/.exec(text)?.slice(1).find(Boolean) ?? '?';
      (out[call.conversationId] ??= []).push(program);
    }
    for (const list of Object.values(out)) list.sort();
    return out;
  };
  const personal = A.personalConversationId;

  beforeAll(async () => {
    dir = programsContentDir({ alpha: yaml('alpha', 'Alpha'), beta: yaml('beta', 'Beta') });
    bed = await startTestBed({
      env: { CONTENT_DIR: dir, COORDINATOR_IDS: coordinator.aadObjectId },
      clock: new ManualClock('2030-03-01T08:00:00Z'),
      service: { startScheduler: false },
    });
    await bed.post(A.teamInstall(bed.where, teamAlpha, coordinator));
    await bed.post(A.teamInstall(bed.where, teamBeta, coordinator));
    for (const p of people) await bed.post(A.personalInstall(bed.where, p));
    const registry = bed.service.registry;
    for (const [team, programId] of [[teamAlpha, 'alpha'], [teamBeta, 'beta']] as const) {
      const entry = (await registry.get('channel', team.channelId, team.teamId))!;
      const sighting: ConversationSighting = { kind: 'channel', conversationId: entry.conversationId, tenantId: entry.tenantId, serviceUrl: entry.serviceUrl, reference: entry.reference, teamId: team.teamId, channelId: team.channelId };
      await registry.link(sighting, programId);
    }
    await bed.post(A.personalMessage(bed.where, onlyAlpha, 'anmelden alpha'));
    await bed.post(A.personalMessage(bed.where, onlyBeta, 'anmelden beta'));
    await bed.post(A.personalMessage(bed.where, both, 'anmelden alpha'));
    await bed.post(A.personalMessage(bed.where, both, 'anmelden beta'));
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  it('sends each conversation the reminders of its programs, once, at the same due time', async () => {
    await bed.service.scheduler.tick();
    expect(bed.connector.messages()).toHaveLength(0);
    clock().set('2030-03-11T09:00:30Z'); // one day before 10:00 Berlin (09:00Z), both programs
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    expect(received()).toEqual({
      [teamAlpha.channelId]: ['Alpha'],
      [teamBeta.channelId]: ['Beta'],
      [personal(onlyAlpha)]: ['Alpha'],
      [personal(onlyBeta)]: ['Beta'],
      [personal(both)]: ['Alpha', 'Beta'],
    });
    bed.connector.reset();
  });

  it('posts each program its own poll; votes, results and `ergebnisse` stay inside their program', async () => {
    clock().set('2030-03-12T11:00:30Z'); // both sessions ended at 12:00 Berlin
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    const polls = bed.connector.messages();
    expect(received()).toEqual({
      [teamAlpha.channelId]: ['Alpha'],
      [teamBeta.channelId]: ['Beta'],
      [personal(onlyAlpha)]: ['Alpha'],
      [personal(onlyBeta)]: ['Beta'],
      [personal(both)]: ['Alpha', 'Beta'],
    });
    // Both polls are about a session called "auftakt"; the card's action names its program.
    const submitOf = (conversationId: string, label: string) => {
      const card = cardOf(polls.find((c) => c.conversationId === conversationId && JSON.stringify(c.body).includes(`Auftakt ${label}`))!);
      return card.actions[0].data as Record<string, unknown>;
    };
    expect(submitOf(personal(both), 'Alpha')).toMatchObject({ programId: 'alpha', sessionId: 'auftakt' });
    expect(submitOf(personal(both), 'Beta')).toMatchObject({ programId: 'beta', sessionId: 'auftakt' });
    const vote = (u: A.UserRef, data: Record<string, unknown>, rating: number) => bed.post(A.cardAction(bed.where, u, 'feedback.submit', { ...data, rating: String(rating) }));
    expect((await vote(both, submitOf(personal(both), 'Alpha'), 5)).status).toBe(200);
    expect((await vote(both, submitOf(personal(both), 'Beta'), 1)).status).toBe(200);
    expect((await vote(onlyAlpha, submitOf(personal(onlyAlpha), 'Alpha'), 4)).status).toBe(200);
    const repository = new FeedbackRepository(bed.service.storage.store);
    expect((await repository.listResponses('alpha', 'auftakt')).map((r) => r.rating).sort()).toEqual([4, 5]);
    expect((await repository.listResponses('beta', 'auftakt')).map((r) => r.rating)).toEqual([1]);

    // A personal chat following both is asked which program; named, it gets that program's results.
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, both, 'ergebnisse auftakt'));
    const choice = JSON.stringify(bed.connector.messages(personal(both)).at(-1)!.body);
    expect(choice).toContain('alpha: Reihe Alpha');
    expect(choice).toContain('beta: Reihe Beta');
    await bed.post(A.personalMessage(bed.where, both, 'ergebnisse beta auftakt'));
    const betaResults = JSON.stringify(bed.connector.messages(personal(both)).at(-1)!.body);
    expect(betaResults).toContain('Auftakt Beta');
    expect(betaResults).not.toContain('Auftakt Alpha');

    // The polls close two days later: each team channel gets its own program's results, once.
    bed.connector.reset();
    clock().set('2030-03-14T11:01:00Z');
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    expect(received()).toEqual({ [teamAlpha.channelId]: ['Alpha'], [teamBeta.channelId]: ['Beta'] });
    const alphaResults = JSON.stringify(bed.connector.messages(teamAlpha.channelId)[0]!.body);
    expect(alphaResults).toContain('Auftakt Alpha');
    expect(alphaResults).toContain('4,5');
    bed.connector.reset();
  });

  it('stops the planned sends of a program whose folder is removed; the other program carries on', async () => {
    const job = 'ann|beta|abschluss|P1D';
    expect((await bed.service.engine.jobs.get(job))?.status).toBe('planned');
    fs.rmSync(path.join(dir, 'programs', 'beta'), { recursive: true });
    clock().set('2030-04-01T08:00:00Z');
    await bed.service.scheduler.tick();
    expect(await bed.service.engine.jobs.get(job)).toMatchObject({ status: 'cancelled', reason: 'program-removed' });
    expect((await bed.service.engine.jobs.get('ann|alpha|abschluss|P1D'))?.status).toBe('planned');

    clock().set('2030-04-08T08:00:30Z'); // one day before 10:00 Berlin (summer time, 08:00Z)
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    expect(received()).toEqual({
      [teamAlpha.channelId]: ['Alpha'],
      [personal(onlyAlpha)]: ['Alpha'],
      [personal(both)]: ['Alpha'],
    });
  });
});

describe('meetingEnd with two programs', () => {
  let bed: TestBed;
  const clock = () => bed.clock as ManualClock;
  const coordinator = A.user(70);
  const teamAlpha = A.team(11);
  const teamBeta = A.team(12);
  const alphaThread = '19:meeting_QWxwaGFSZWloZQ@thread.v2';
  const unlinkedChat = '19:meeting_QmV0YVdlcmtzdGF0dA@thread.v2';
  const meetingYaml = (id: string, label: string, joinUrl?: string) =>
    programYaml([{ id: 'auftakt', title: `Auftakt ${label}`, date: '2030-05-06', start: '10:00', end: '12:00', ...(joinUrl ? { joinUrl } : {}) }], {
      id,
      title: `Reihe ${label}`,
      feedback: { openAfterEnd: 'PT2H', closeAfter: 'P2D', minResponses: 1 },
    });

  beforeAll(async () => {
    const dir = programsContentDir({
      alpha: meetingYaml('alpha', 'Alpha', `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(alphaThread)}/0`),
      beta: meetingYaml('beta', 'Beta'),
    });
    bed = await startTestBed({ env: { CONTENT_DIR: dir, COORDINATOR_IDS: coordinator.aadObjectId }, clock: new ManualClock('2030-05-06T10:05:00Z'), service: { startScheduler: false } });
    for (const [team, programId] of [[teamAlpha, 'alpha'], [teamBeta, 'beta']] as const) {
      await bed.post(A.teamInstall(bed.where, team, coordinator));
      const entry = (await bed.service.registry.get('channel', team.channelId, team.teamId))!;
      await bed.service.registry.link({ kind: 'channel', conversationId: entry.conversationId, tenantId: entry.tenantId, serviceUrl: entry.serviceUrl, reference: entry.reference, teamId: team.teamId, channelId: team.channelId }, programId);
    }
    await bed.post(A.groupChatInstall(bed.where, unlinkedChat, coordinator));
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  const say = async (chatId: string, text: string) => {
    await bed.post({ ...A.groupChatInstall(bed.where, chatId, coordinator), type: 'message', text, membersAdded: undefined });
    return String(bed.connector.messages(chatId).at(-1)?.body.text ?? '');
  };
  const meetingEnd = (chatId: string) =>
    bed.post({
      ...A.groupChatInstall(bed.where, chatId, coordinator),
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      value: { Id: 'm' },
      channelData: { tenant: { id: A.TENANT_ID }, meeting: { id: 'm' } },
    });
  const pollTargets = () => bed.connector.messages().filter((c) => JSON.stringify(c.body).includes('feedback.submit')).map((c) => `${c.conversationId} ${/Auftakt (Alpha|Beta)/.exec(JSON.stringify(c.body))?.[1]}`).sort();

  it('finds the session in whichever program holds the meeting, by its thread or by the link of its chat', async () => {
    // Both programs have a session "auftakt": the link asks which one, labelled by program.
    const ambiguous = await say(unlinkedChat, 'termin verknüpfen auftakt');
    expect(ambiguous).toContain('**Reihe Alpha**');
    expect(ambiguous).toContain('**Reihe Beta**');
    expect(await say(unlinkedChat, 'termin verknüpfen Auftakt Beta')).toContain('Auftakt Beta');

    clock().set('2030-05-06T10:01:00Z'); // both sessions ended at 12:00 Berlin (10:00Z); the timer waits 2 h
    await meetingEnd(alphaThread);
    await bed.service.engine.idle();
    expect(pollTargets()).toEqual([`${alphaThread} Alpha`, `${teamAlpha.channelId} Alpha`]);

    bed.connector.reset();
    await meetingEnd(unlinkedChat);
    await bed.service.engine.idle();
    expect(pollTargets()).toEqual([`${teamBeta.channelId} Beta`, `${unlinkedChat} Beta`].sort());
  });
});
