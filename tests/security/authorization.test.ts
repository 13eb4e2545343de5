// Authorization and injection through hand-made card payloads, against the running service:
// - a participant reaches no coordinator action (every verb of src/coordination/verbs.ts VERBS, plus
//   faq.answer and faq.curate), from a personal chat or a channel: 403, nothing changes, the audit says
//   "refused";
// - nobody votes as someone else by putting an id into the card data;
// - comments and questions echoed into channels (poll results, FAQ escalations) carry no mention, no link
//   and no mention entity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soleProgram, startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';
import { VERBS } from '../../src/coordination/verbs.js';
import { AuditRepository } from '../../src/coordination/audit-repository.js';
import { coordinationMessages } from '../../src/i18n/coordination.js';
import { feedbackTexts } from '../../src/i18n/feedback.js';
import { listAll } from '../../src/storage/tables.js';

const HOSTILE = '<at>Alle</at> @Alle [klick hier](https://evil.example/x) ![bild](https://evil.example/p.png) <a href="https://evil.example">a</a>';

/** Every string in a card or activity, with its property name. */
function strings(value: unknown, key = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** Hostile markup must arrive inert: no mention tag, no Markdown link or image, no clickable evil URL. */
function expectInert(activity: any, marker: RegExp): void {
  const echoed = strings(activity).filter(([, s]) => marker.test(s));
  expect(echoed.length).toBeGreaterThan(0);
  for (const [key, s] of echoed) {
    expect(s, key).not.toMatch(/<at>/i);
    expect(s, key).not.toMatch(/<a\s/i);
    expect(s, key).not.toMatch(/(^|[^\\])\[/); // an unescaped "[" could open a link
    expect(s, key).not.toMatch(/https?:\/\/evil/i);
  }
  const mentions = (activity.entities ?? []).filter((e: { type?: string }) => e?.type === 'mention');
  expect(mentions).toEqual([]);
  expect(JSON.stringify(activity.attachments ?? [])).not.toMatch(/"msteams":\{[^}]*"entities"/);
}

describe('a participant against coordinator actions, other people\'s votes and channel echoes', () => {
  let bed: TestBed;
  const coordinator = A.user(1);
  const participant = A.user(2);
  const victim = A.user(3);
  const others = [A.user(4), A.user(5)];
  const team = A.team(1);
  const clock = new ManualClock('2025-08-26T10:00:30Z'); // the kickoff ended 12:00 Berlin; its poll opens now

  beforeAll(async () => {
    bed = await startTestBed({ env: { COORDINATOR_IDS: coordinator.aadObjectId }, clock });
    await bed.post(A.teamInstall(bed.where, team, coordinator));
    for (const u of [participant, victim, ...others]) await bed.post(A.personalInstall(bed.where, u));
    await bed.post(A.channelMention(bed.where, team, coordinator, 'hier eskalieren'));
    await bed.post(A.channelMention(bed.where, team, coordinator, 'hier ankündigen'));
    await bed.service.scheduler.tick();
    bed.connector.reset();
  });
  afterAll(async () => bed?.stop());

  // "hier ankündigen" / "hier eskalieren" were said in a thread: posts go to that thread (id;messageid=...).
  const inChannel = () => bed.connector.messages().filter((c) => c.conversationId.startsWith(team.channelId));
  const jobs = async () => (await listAll(await bed.service.storage.store.table('deliveryjobs'))).length;

  it('refuses every coordinator verb with 403, changes nothing and audits the refusal', async () => {
    const verbs = Object.values(VERBS);
    const version = soleProgram(bed.service).version();
    const program = JSON.stringify(soleProgram(bed.service).active());
    const jobsBefore = await jobs();
    const personalChat = A.personalConversationId(participant);
    const data = {
      sessionId: 'auftakt',
      id: 'neu',
      title: 'Übernommen',
      date: '2025-12-24',
      start: '10:00',
      end: '12:00',
      reminders: 'P1D',
      text: 'Gekapert',
      audience: 'all',
      when: 'now',
      jobId: 'x',
      confirm: true,
    };
    for (const verb of verbs) {
      for (const where of ['personal', { team }] as const) {
        const res = await bed.post(A.cardAction(bed.where, participant, verb, data, where));
        expect(res.status, verb).toBe(200);
        expect(res.body?.statusCode, verb).toBe(403);
      }
      // The Action.Submit fallback is guarded the same way. Its answer is no invoke response but a message
      // into the participant's personal chat, so read exactly what this one submit sent there. Read-only
      // verbs (programShow, remindersShow, statusShow, announcePreview, ...) change nothing the checks below
      // look at, and the audit already holds the invoke refusals: only this reply shows whether a
      // coordinator card leaked. It must be the German refusal as plain text, with no card and no coord. verb.
      const sent = bed.connector.messages(personalChat).length;
      await bed.post(A.cardSubmit(bed.where, participant, { verb, ...data }));
      const replies = bed.connector.messages(personalChat).slice(sent).map((c) => c.body);
      expect(replies, verb).toHaveLength(1);
      expect(replies[0].text, verb).toBe(coordinationMessages.de.refused);
      expect(replies[0].attachments ?? [], verb).toEqual([]);
      expect(JSON.stringify(replies[0]), verb).not.toMatch(/coord\.|Action\.Execute/);
    }
    expect(soleProgram(bed.service).version()).toBe(version);
    expect(JSON.stringify(soleProgram(bed.service).active())).toBe(program);
    expect(await jobs()).toBe(jobsBefore);
    expect(bed.connector.messages().filter((c) => c.conversationId.startsWith(team.channelId))).toEqual([]);
    const audit = await new AuditRepository(bed.service.storage.store).list({ limit: 500, now: clock.now() });
    const refused = new Set(audit.filter((e) => e.outcome === 'refused' && e.actor.includes(participant.aadObjectId)).map((e) => e.action));
    for (const verb of verbs) expect(refused, verb).toContain(verb);
    expect(audit.filter((e) => e.outcome !== 'refused' && e.actor.includes(participant.aadObjectId))).toEqual([]);
  });

  it('refuses faq.answer and faq.curate to a participant; the question stays unanswered and nothing is curated', async () => {
    bed.connector.reset();
    await bed.post(A.personalMessage(bed.where, victim, `Gibt es einen Parkplatz am Rathaus? ${HOSTILE}`));
    const declined = JSON.stringify(bed.connector.messages(A.personalConversationId(victim)).at(-1)?.body ?? {});
    const questionId = /"questionId":"([^"]+)"/.exec(declined)?.[1];
    expect(questionId).toBeDefined();
    const forwarded = await bed.post(A.cardAction(bed.where, victim, 'faq.forward', { questionId }));
    expect(forwarded.body?.statusCode).toBe(200);

    // The escalation card in the coordinators' channel shows the question inert.
    const escalation = inChannel().at(-1);
    expect(escalation).toBeDefined();
    expectInert(escalation!.body, /Parkplatz/);

    bed.connector.reset();
    for (const verb of ['faq.answer', 'faq.curate'] as const) {
      for (const where of ['personal', { team }] as const) {
        const res = await bed.post(A.cardAction(bed.where, participant, verb, { questionId, answer: 'Nein, nie.', questions: ['Parkplatz?'] }, where));
        expect(res.body?.statusCode, verb).toBe(403);
      }
    }
    expect(bed.connector.messages(A.personalConversationId(victim))).toEqual([]);
    expect(await listAll(await bed.service.storage.store.table('FaqCurated'))).toEqual([]);
    const escalations = await listAll<{ status: string }>(await bed.service.storage.store.table('FaqEscalations'));
    expect(escalations.map((e) => e.status)).toEqual(['open']);
  });

  it('counts a vote for the person who clicked, whatever id the card data names', async () => {
    const smuggled = {
      responderAadId: victim.aadObjectId,
      aadObjectId: victim.aadObjectId,
      userId: victim.id,
      from: { id: victim.id, aadObjectId: victim.aadObjectId },
      user: { id: victim.id, aadObjectId: victim.aadObjectId },
    };
    const vote = (u: A.UserRef, data: Record<string, unknown>, where: 'personal' | { team: A.TeamRef } = 'personal') =>
      bed.post(A.cardAction(bed.where, u, 'feedback.submit', { sessionId: 'auftakt', ...data }, where));

    expect(JSON.stringify((await vote(participant, { rating: 1, good: '', better: HOSTILE, ...smuggled })).body)).toContain('Danke');
    expect((await bed.service.feedback.sessionResults('auftakt'))?.count).toBe(1);
    // The victim's own vote is a second response: the first one was not stored under the victim's key.
    await vote(victim, { rating: 5, good: 'Geheimer Kommentar des Opfers', better: '' });
    expect((await bed.service.feedback.sessionResults('auftakt'))?.count).toBe(2);
    // The participant changes their mind from the channel card, again naming the victim: still their own row.
    await vote(participant, { rating: 2, good: HOSTILE, better: HOSTILE, ...smuggled }, { team });
    expect((await bed.service.feedback.sessionResults('auftakt'))?.count).toBe(2);
    // Opening "edit" while naming the victim shows the participant's own answer, never the victim's.
    const edit = await bed.post(A.cardAction(bed.where, participant, 'feedback.edit', { sessionId: 'auftakt', ...smuggled }));
    expect(JSON.stringify(edit.body)).not.toContain('Geheimer Kommentar');
    // An error card would pass the check above as well: the answer must be the pre-filled poll form with the
    // participant's own latest vote (rating 2 from the channel, the hostile text as comment), not the victim's 5.
    expect(edit.body?.statusCode).toBe(200);
    expect(edit.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const form = edit.body.value;
    const t = feedbackTexts.de;
    expect(JSON.stringify(form)).not.toContain(t.errorTitle);
    const title = soleProgram(bed.service).active()?.sessions.find((s) => s.id === 'auftakt')?.title;
    expect(form.body[0]?.text).toBe(t.pollTitle(title!));
    expect(form.actions?.map((a: { verb?: string }) => a.verb)).toEqual(['feedback.submit']);
    const input = (id: string) => form.body.find((e: { id?: string }) => e.id === id);
    expect(input('rating')).toMatchObject({ type: 'Input.Rating', value: 2, fallback: { value: '2' } });
    expect(input('good')?.value).toContain('klick hier');
    const results = await bed.service.feedback.sessionResults('auftakt');
    expect(results?.count).toBe(2);
  });

  it('posts the poll results into the channel with the comments inert', async () => {
    for (const u of others) {
      await bed.post(A.cardAction(bed.where, u, 'feedback.submit', { sessionId: 'auftakt', rating: 4, good: `Gut ${HOSTILE}`, better: HOSTILE }));
    }
    bed.connector.reset();
    clock.set('2025-09-03T10:00:00Z'); // past closeAfter (P7D)
    await bed.service.scheduler.tick();
    await bed.service.scheduler.tick();
    const posted = inChannel();
    expect(posted.length).toBeGreaterThan(0);
    const results = posted.find((c) => /klick hier/.test(JSON.stringify(c.body)));
    expect(results, 'the results card shows the comments').toBeDefined();
    expectInert(results!.body, /klick hier|Alle/);
  });
});
