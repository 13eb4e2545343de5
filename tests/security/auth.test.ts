// With Bot Framework credentials configured, only a valid Bot Connector token gets in. The signing keys are
// served by a local stand-in for login.botframework.com (tests/harness/openid-metadata.ts), so botbuilder
// really checks signature, issuer, audience, lifetime, serviceUrl and endorsements: each forged token below
// differs from the valid one in exactly one respect, and the valid one must get through. Without that, every
// forgery would fail at the key download alone, and a service answering 401 to everything would pass. The
// service must answer 401, promptly (each request is bounded by an abort timeout, so a hang fails the test),
// never 500, and nothing may reach the features (no reply sent, no conversation registered).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import crypto from 'node:crypto';
import { soleProgram, startTestBed, type TestBed } from '../harness/service.js';
import { OpenIdMetadataServer } from '../harness/openid-metadata.js';
import * as A from '../harness/activities.js';

// The service builds its adapter from configuration users can set; the metadata URL is a test-only option
// of createAdapter, added here around the real function so the rest of the adapter stays as in production.
// The URL is read when the service starts (beforeAll), after the metadata server got its port.
const openId = vi.hoisted(() => ({ url: '' }));
vi.mock('../../src/teams/adapter.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/teams/adapter.js')>();
  return {
    ...actual,
    createAdapter: (...[config, options]: Parameters<typeof actual.createAdapter>) =>
      actual.createAdapter(config, { ...options, channelOpenIdMetadataUrl: openId.url }),
  };
});

const APP_ID = '11111111-2222-4333-8444-555555555555';
const PASSWORD = 'not-a-real-secret';
const TENANT = A.TENANT_ID;
const KID = 'trusted-key';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function rs256(payload: Record<string, unknown>, key: crypto.KeyObject, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: KID }) {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${crypto.sign('RSA-SHA256', Buffer.from(data), key).toString('base64url')}`;
}

function hs256(payload: Record<string, unknown>, secret: string) {
  const data = `${b64({ alg: 'HS256', typ: 'JWT', kid: KID })}.${b64(payload)}`;
  return `${data}.${crypto.createHmac('sha256', secret).update(data).digest('base64url')}`;
}

describe('inbound authentication with MicrosoftAppId set', () => {
  let bed: TestBed;
  const metadata = new OpenIdMetadataServer();
  const trusted = metadata.addKey(KID, ['msteams']);
  // Published and valid, but Bot Framework endorsed it for another channel only.
  const webchatOnly = metadata.addKey('webchat-only-key', ['webchat']);
  const { privateKey: foreignKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const intruder = A.user(66);
  const guest = A.user(67);

  beforeAll(async () => {
    // botbuilder prints every refused token's key (and an expiry's stack) to stderr; anything else still shows.
    const printError = console.error;
    vi.spyOn(console, 'error').mockImplementation((first?: unknown, ...rest: unknown[]) => {
      if (String(first).startsWith('Error finding key for token') || (first as Error)?.name === 'TokenExpiredError') return;
      printError(first, ...rest);
    });
    openId.url = await metadata.start();
    bed = await startTestBed({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, MicrosoftAppTenantId: TENANT, FEEDBACK_KEY: crypto.randomBytes(32).toString('base64') } });
  });
  afterAll(async () => {
    await bed?.stop();
    await metadata.stop();
    vi.restoreAllMocks();
  });

  // What the Bot Framework channel sends to this bot. botbuilder's lifetime check tolerates 5 minutes of clock
  // skew, so the times in the lifetime cases lie well outside it.
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: bed.where.serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...over,
  });

  it('lets a token signed with a published key, for this bot, in', async () => {
    const rsvp = A.cardAction(bed.where, guest, 'announcement.rsvp', { programId: 'stadt-daten-strategie', sessionId: 'auftakt', attending: true });
    const res = await bed.post(rsvp, { authorization: `Bearer ${rs256(claims(), trusted.privateKey)}` });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body.value)).toContain('1 Zusage');
    // The keys came from the local metadata, so the refusals below are botbuilder's checks, not a failed download.
    expect(metadata.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
  });

  const cases: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty bearer token', () => 'Bearer '],
    ['a token that is not a JWT', () => 'Bearer not-a-token'],
    ['Basic credentials', () => `Basic ${Buffer.from(`${APP_ID}:${PASSWORD}`).toString('base64')}`],
    ['a token signed with a foreign key under the published kid (wrong signature)', () => `Bearer ${rs256(claims(), foreignKey)}`],
    ['a token naming a kid that is not published', () => `Bearer ${rs256(claims(), trusted.privateKey, { alg: 'RS256', typ: 'JWT', kid: 'unknown-key' })}`],
    ['a token without a kid', () => `Bearer ${rs256(claims(), trusted.privateKey, { alg: 'RS256', typ: 'JWT' })}`],
    [
      'a token signed with a key not endorsed for msteams',
      () => `Bearer ${rs256(claims(), webchatOnly.privateKey, { alg: 'RS256', typ: 'JWT', kid: webchatOnly.kid })}`,
    ],
    ['an expired token', () => `Bearer ${rs256(claims({ exp: now - 3600, nbf: now - 7200, iat: now - 7200 }), trusted.privateKey)}`],
    ['a token not valid yet', () => `Bearer ${rs256(claims({ nbf: now + 3600, exp: now + 7200 }), trusted.privateKey)}`],
    ['a token for another audience', () => `Bearer ${rs256(claims({ aud: '99999999-2222-4333-8444-555555555555' }), trusted.privateKey)}`],
    ['a token from another issuer', () => `Bearer ${rs256(claims({ iss: 'https://evil.example' }), trusted.privateKey)}`],
    // The activities name the fake connector as serviceUrl; a token issued for another one must not vouch for them.
    ['a token issued for another serviceUrl', () => `Bearer ${rs256(claims({ serviceurl: 'https://smba.evil.example/' }), trusted.privateKey)}`],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64(claims())}.`],
    // Algorithm confusion: the published public key, byte for byte as botbuilder hands it to the verifier (PKCS#1
    // PEM), used as an HMAC secret. Accepted if the verifier let the token choose its algorithm.
    ['an HS256 token keyed with the published public key', () => `Bearer ${hs256(claims(), trusted.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString())}`],
    ['an HS256 token keyed with the app password', () => `Bearer ${hs256(claims(), PASSWORD)}`],
  ];

  // A token that got in is not checked again for the same channel and serviceUrl (src/teams/inbound.ts keeps the
  // result until it expires); the very same token string must still be refused wherever it does not fit.
  it('refuses a token that got in once when the activity names another serviceUrl or another channel', async () => {
    const authorization = `Bearer ${rs256(claims(), trusted.privateKey)}`;
    const hello = A.personalMessage(bed.where, guest, 'hilfe');
    expect((await bed.post(hello, { authorization })).status).toBe(200);
    expect((await bed.post(hello, { authorization })).status).toBe(200);
    const elsewhere = [
      { ...A.personalMessage(bed.where, intruder, 'hilfe'), serviceUrl: 'https://smba.evil.example/' },
      { ...A.personalMessage(bed.where, intruder, 'hilfe'), channelId: 'webchat' },
    ];
    for (const activity of elsewhere) {
      const res = await fetch(`${bed.service.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(20_000),
      });
      await res.text();
      expect(res.status).toBe(401);
    }
    expect(await bed.service.registry.get('personal', A.personalConversationId(intruder))).toBeUndefined();
  });

  it.each(cases)('answers 401 to %s, promptly, and nothing reaches the bot', async (_name, token) => {
    const authorization = token();
    const activities = [
      A.personalInstall(bed.where, intruder),
      A.personalMessage(bed.where, intruder, 'hilfe'),
      A.cardAction(bed.where, intruder, 'coord.session.cancel', { sessionId: 'auftakt' }),
    ];
    for (const activity of activities) {
      const res = await fetch(`${bed.service.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(20_000),
      });
      await res.text();
      expect(res.status).toBe(401);
    }
    expect(bed.connector.calls).toHaveLength(0);
    expect(await bed.service.registry.get('personal', A.personalConversationId(intruder))).toBeUndefined();
    expect(soleProgram(bed.service).active()!.sessions.find((s) => s.id === 'auftakt')!.status).toBe('scheduled');
  });
});
