// End to end: the real HTTP server, real (in-memory) Azurite and the fake connector.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';
import type { ManualClock } from '../../src/shared/clock.js';

let bed: TestBed;

beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(async () => {
  await bed?.stop();
});
beforeEach(() => {
  bed.connector.reset();
});

const textsTo = (conversationId: string) => bed.connector.messages(conversationId).map((c) => String(c.body.text ?? ''));

describe('personal chat', () => {
  it('welcomes a personal install once in German, even when both install events arrive', async () => {
    const u = A.user(1);
    expect((await bed.post(A.personalInstall(bed.where, u))).status).toBe(200);
    expect((await bed.post(A.personalMembersAdded(bed.where, u))).status).toBe(200);
    const texts = textsTo(A.personalConversationId(u));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Ich erinnere Sie an die Termine');
    expect(texts[0]).toContain('Stadt, Daten, Strategie');
  });

  it('welcomes in English when the Teams locale is English', async () => {
    const u = A.user(2);
    await bed.post(A.personalInstall({ ...bed.where, locale: 'en-US' }, u));
    expect(textsTo(A.personalConversationId(u))[0]).toContain('I remind you of the sessions');
  });

  // Teams sends both install events at once, and one of them may state no locale (the Agents Playground's
  // conversationUpdate): the welcome goes out once, in the language the other one states, whichever comes first.
  it('welcomes once in the language of the install event that states one, when the first states none', async () => {
    for (const [u, first, second] of [
      [A.user(71), { ...A.personalMembersAdded(bed.where, A.user(71)), locale: undefined }, A.personalInstall({ ...bed.where, locale: 'en-US' }, A.user(71))],
      [A.user(72), { ...A.personalInstall(bed.where, A.user(72)), locale: undefined }, A.personalMembersAdded({ ...bed.where, locale: 'en-US' }, A.user(72))],
      [A.user(73), A.personalInstall({ ...bed.where, locale: 'en-US' }, A.user(73)), { ...A.personalMembersAdded(bed.where, A.user(73)), locale: undefined }],
    ] as const) {
      expect((await bed.post(first)).status).toBe(200);
      expect((await bed.post(second)).status).toBe(200);
      const texts = textsTo(A.personalConversationId(u));
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('I remind you of the sessions');
    }
  });

  it('welcomes before the first answer when the only install event stated no language', async () => {
    const u = A.user(74);
    expect((await bed.post({ ...A.personalInstall(bed.where, u), locale: undefined })).status).toBe(200);
    expect(textsTo(A.personalConversationId(u))).toHaveLength(0);
    await bed.post(A.personalMessage({ ...bed.where, locale: 'en-US' }, u, 'help'));
    await bed.post(A.personalMessage({ ...bed.where, locale: 'en-US' }, u, 'help'));
    const texts = textsTo(A.personalConversationId(u));
    expect(texts.filter((t) => t.includes('I remind you of the sessions'))).toHaveLength(1);
    expect(texts[0]).toContain('I remind you of the sessions');
    expect(texts).toHaveLength(3);
  });

  it('lists the five seed sessions with weekday, date and time for "termine"', async () => {
    const u = A.user(3);
    (bed.clock as ManualClock).set('2025-10-01T08:00:00Z');
    await bed.post(A.personalMessage(bed.where, u, 'termine'));
    const [text] = textsTo(A.personalConversationId(u));
    expect(text).toBeDefined();
    const lines = text!.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('Dienstag, 26. August 2025, 10:00–12:00 Uhr');
    expect(lines[0]).toContain('(vorbei)');
    expect(lines[1]).toContain('Donnerstag, 25. September 2025');
    expect(lines[2]).toContain('Dienstag, 18. November 2025');
    expect(lines[2]).not.toContain('vorbei');
    expect(lines[3]).toContain('Dienstag, 16. Dezember 2025');
    expect(lines[4]).toContain('Dienstag, 20. Januar 2026');
  });

  it('answers "nächster termin" from the clock, and says when the series is over', async () => {
    const u = A.user(4);
    (bed.clock as ManualClock).set('2025-11-20T08:00:00Z');
    await bed.post(A.personalMessage(bed.where, u, 'Nächster Termin'));
    expect(textsTo(A.personalConversationId(u))[0]).toContain('Dienstag, 16. Dezember 2025');
    (bed.clock as ManualClock).set('2026-11-25T08:00:00Z');
    await bed.post(A.personalMessage({ ...bed.where, locale: 'en-GB' }, u, 'next'));
    expect(textsTo(A.personalConversationId(u))[1]).toContain('The series is over');
  });

  it('persists unsubscribe and subscribe', async () => {
    const u = A.user(5);
    await bed.post(A.personalInstall(bed.where, u));
    await bed.post(A.personalMessage(bed.where, u, 'abmelden'));
    let entry = await bed.service.registry.get('personal', A.personalConversationId(u));
    expect(entry?.unsubscribed).toBe(true);
    await bed.post(A.personalMessage(bed.where, u, 'anmelden'));
    entry = await bed.service.registry.get('personal', A.personalConversationId(u));
    expect(entry?.unsubscribed).toBe(false);
    expect(textsTo(A.personalConversationId(u)).at(-1)).toContain('wieder Ankündigungen');
  });

  it('sends anything else to the FAQ, which declines honestly and offers to forward the question', async () => {
    const u = A.user(6);
    await bed.post(A.personalMessage(bed.where, u, 'Wie wird das Wetter morgen in Hamburg?'));
    const [reply] = bed.connector.messages(A.personalConversationId(u));
    const card = JSON.stringify(reply!.body.attachments?.[0]?.content ?? {});
    expect(card).toContain('nichts gefunden');
    expect(card).toContain('faq.forward');
  });

  it('stores the whole reference with tenant, serviceUrl, Entra id and locale, and refreshes serviceUrl', async () => {
    const u = A.user(7);
    await bed.post(A.personalInstall(bed.where, u));
    let entry = await bed.service.registry.get('personal', A.personalConversationId(u));
    expect(entry).toMatchObject({ tenantId: A.TENANT_ID, userAadObjectId: u.aadObjectId, locale: 'de', serviceUrl: bed.connector.url, removed: false });
    expect((entry!.reference as any).conversation.id).toBe(A.personalConversationId(u));
    expect((entry!.reference as any).bot.id).toBe(A.BOT.id);
    // Teams moves the conversation to another serviceUrl: the next activity must update the registry.
    const moved = `${bed.connector.url}moved/`;
    await bed.post(A.personalMessage({ serviceUrl: moved }, u, 'hilfe'));
    entry = await bed.service.registry.get('personal', A.personalConversationId(u));
    expect(entry!.serviceUrl).toBe(moved);
  });

  it('keeps the stored locale when an event states none (install events often do not)', async () => {
    const u = A.user(9);
    await bed.post(A.personalInstall({ ...bed.where, locale: 'en-US' }, u));
    const { locale: _none, ...withoutLocale } = A.personalMembersAdded(bed.where, u);
    await bed.post(withoutLocale);
    expect((await bed.service.registry.get('personal', A.personalConversationId(u)))?.locale).toBe('en');
    await bed.post(A.personalMessage({ ...bed.where, locale: 'de-DE' }, u, 'hilfe'));
    expect((await bed.service.registry.get('personal', A.personalConversationId(u)))?.locale).toBe('de');
  });

  it('marks the entry removed on uninstall', async () => {
    const u = A.user(8);
    await bed.post(A.personalInstall(bed.where, u));
    await bed.post(A.personalUninstall(bed.where, u));
    const entry = await bed.service.registry.get('personal', A.personalConversationId(u));
    expect(entry?.removed).toBe(true);
  });
});

describe('team channel', () => {
  it('welcomes the team in the channel it was installed in', async () => {
    const t = A.team(1);
    await bed.post(A.teamInstall(bed.where, t, A.user(20)));
    const texts = textsTo(t.channelId);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('In diesem Kanal kündige ich die Termine an');
    const entry = await bed.service.registry.get('channel', t.channelId, t.teamId);
    expect(entry).toMatchObject({ kind: 'channel', teamId: t.teamId, channelId: t.channelId, removed: false });
  });

  it('answers an @mention "hilfe" in the channel, with the mention stripped', async () => {
    const t = A.team(2);
    await bed.post(A.teamInstall(bed.where, t, A.user(21)));
    bed.connector.reset();
    const res = await bed.post(A.channelMention(bed.where, t, A.user(22), 'hilfe'));
    expect(res.status).toBe(200);
    const replies = bed.connector.messages().filter((c) => c.conversationId.startsWith(t.channelId));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.text).toContain('So können Sie mit mir sprechen');
  });

  it('registers a group chat install', async () => {
    await bed.post(A.groupChatInstall(bed.where, '19:chat-1@thread.v2', A.user(23)));
    const entry = await bed.service.registry.get('groupChat', '19:chat-1@thread.v2');
    expect(entry?.kind).toBe('groupChat');
  });
});

describe('hostile or broken input', () => {
  it('answers malformed JSON with 400 and keeps serving', async () => {
    expect((await bed.post('{"type": "message",')).status).toBe(400);
    expect((await bed.post({ type: 'message' })).status).toBe(400);
    expect((await bed.post([1, 2])).status).toBe(400);
    const health = await fetch(`${bed.service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('answers a body over 256 KB with 413 and keeps serving', async () => {
    const big = A.personalMessage(bed.where, A.user(30), 'x'.repeat(300 * 1024));
    expect((await bed.post(big)).status).toBe(413);
    expect((await fetch(`${bed.service.url}/readyz`)).status).toBe(200);
  });

  it('answers an unknown card verb with a typed error instead of ignoring it', async () => {
    const res = await bed.post(A.cardAction(bed.where, A.user(31), 'no.such.verb', {}));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown-action' } });
  });

  it('answers a malformed card action payload with a typed error', async () => {
    const activity = { ...A.cardAction(bed.where, A.user(32), 'x', {}), value: { action: 'nope' } };
    const res = await bed.post(activity);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, value: { code: 'invalid-action' } });
  });
});
