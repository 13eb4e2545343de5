// With Bot Framework credentials configured, only a valid Bot Connector token gets in. Forged tokens are
// generated here with node:crypto (RS256 with our own key, expired, wrong audience, alg none, HS256 keyed
// with the app password). The SDK cannot fetch the OpenID metadata in this sandbox; the service must still
// answer 401, promptly (each request is bounded by an abort timeout, so a hang fails the test), never 500,
// and nothing may reach the features (no reply sent, no conversation registered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as A from '../harness/activities.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const PASSWORD = 'not-a-real-secret';
const TENANT = A.TENANT_ID;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function rs256(payload: Record<string, unknown>, key: crypto.KeyObject, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'forged-key' }) {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${crypto.sign('RSA-SHA256', Buffer.from(data), key).toString('base64url')}`;
}

describe('inbound authentication with MicrosoftAppId set', () => {
  let bed: TestBed;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const intruder = A.user(66);

  beforeAll(async () => {
    bed = await startTestBed({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, MicrosoftAppTenantId: TENANT } });
  });
  afterAll(async () => bed?.stop());

  const claims = (over: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: bed.where.serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...over,
  });

  const cases: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty bearer token', () => 'Bearer '],
    ['a token that is not a JWT', () => 'Bearer not-a-token'],
    ['Basic credentials', () => `Basic ${Buffer.from(`${APP_ID}:${PASSWORD}`).toString('base64')}`],
    ['a token signed with a foreign key (wrong signature)', () => `Bearer ${rs256(claims(), privateKey)}`],
    ['an expired token', () => `Bearer ${rs256(claims({ exp: now - 3600, nbf: now - 7200, iat: now - 7200 }), privateKey)}`],
    ['a token for another audience', () => `Bearer ${rs256(claims({ aud: '99999999-2222-4333-8444-555555555555' }), privateKey)}`],
    ['a token from another issuer', () => `Bearer ${rs256(claims({ iss: 'https://evil.example' }), privateKey)}`],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'an HS256 token keyed with the app password',
      () => {
        const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
        return `Bearer ${data}.${crypto.createHmac('sha256', PASSWORD).update(data).digest('base64url')}`;
      },
    ],
  ];

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
    expect(bed.service.programs.active()!.sessions.find((s) => s.id === 'auftakt')!.status).toBe('scheduled');
  });
});
