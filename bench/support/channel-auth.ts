// Bot Framework authentication for the message benchmarks, on production's path: the service and the echo
// baseline run with MicrosoftAppId set, and every activity carries a channel token that botbuilder checks in
// full (signature, issuer, audience, lifetime, serviceUrl claim, endorsement), against signing keys that a local
// stand-in for login.botframework.com publishes (tests/harness/openid-metadata.ts, the one the auth tests use).
//
// Tokens are signed once per person and serviceUrl and then reused, as the channel reuses its token for up to an
// hour; they are signed before the timed phase (prepare), so the driver's RSA signing is not on the clock.
// The service checks a token in full once per channel and serviceUrl and then keeps the result until the token
// expires (src/teams/inbound.ts): here that is once per person (installs come first, untimed), while the real
// Bot Connector's single token per bot is checked about once per 5 minutes.
//
// Replies: the service's credentials would fetch their token from login.microsoftonline.com through MSAL once
// an hour and then take it from botframework-connector's token cache on every call. MSAL cannot be pointed at
// a local endpoint without changing the service (the authority is fixed and must pass instance discovery at
// login.microsoftonline.com), so the child process puts `connectorToken` into that cache
// (./local-channel.ts) and the recording connector refuses every call that does not carry it.
import crypto from 'node:crypto';
import { OpenIdMetadataServer } from '../../tests/harness/openid-metadata.js';
import { TENANT_ID } from '../../tests/harness/activities.js';

export const BENCH_APP_ID = '0be4c4e1-5a7e-4c2b-9d3a-8f61b2c0d4e5';
const KID = 'bench-channel-key';
const TOKEN_LIFETIME_S = 3600;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface ActivityLike {
  serviceUrl?: unknown;
  from?: { id?: unknown };
}

export class ChannelAuth {
  private readonly metadata = new OpenIdMetadataServer();
  private readonly key = this.metadata.addKey(KID, ['msteams']);
  private readonly tokens = new Map<string, string>();
  /** The token the bot's credentials present to the connector (see the header). */
  readonly connectorToken = crypto.randomBytes(24).toString('base64url');

  private constructor() {}

  static async start(): Promise<ChannelAuth> {
    const auth = new ChannelAuth();
    await auth.metadata.start();
    return auth;
  }

  /** Requests the stand-in served, by path: shows that botbuilder read the keys from here. */
  get metadataRequests(): readonly string[] {
    return this.metadata.requests;
  }

  /** Tokens signed so far (one per person and serviceUrl). */
  get signed(): number {
    return this.tokens.size;
  }

  /** The environment of a bot process: credentials, and where ./local-channel.ts points botbuilder. */
  env(): Record<string, string> {
    return {
      MicrosoftAppId: BENCH_APP_ID,
      MicrosoftAppPassword: 'bench-password-never-sent',
      MicrosoftAppTenantId: TENANT_ID,
      MicrosoftAppType: 'SingleTenant',
      FEEDBACK_KEY: crypto.randomBytes(32).toString('base64'),
      HOST: '127.0.0.1',
      BENCH_OPENID_METADATA_URL: this.metadata.url,
      BENCH_CONNECTOR_TOKEN: this.connectorToken,
    };
  }

  /** The Authorization header for an activity: its sender's token for its serviceUrl (signed at first use). */
  authorization(activity: unknown): string | undefined {
    const { serviceUrl, from } = (activity ?? {}) as ActivityLike;
    if (typeof serviceUrl !== 'string' || typeof from?.id !== 'string') return undefined;
    const key = `${from.id}\n${serviceUrl}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.sign(serviceUrl);
      this.tokens.set(key, token);
    }
    return `Bearer ${token}`;
  }

  /** Signs every sender's token before the activities are timed. */
  prepare(activities: Array<{ body: unknown }>): void {
    for (const a of activities) this.authorization(a.body);
  }

  async stop(): Promise<void> {
    await this.metadata.stop();
  }

  /** A Bot Connector channel token for this bot, as tests/security/auth.test.ts signs its valid one. */
  private sign(serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'https://api.botframework.com', aud: BENCH_APP_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + TOKEN_LIFETIME_S, jti: crypto.randomUUID() };
    const data = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID })}.${b64(claims)}`;
    return `${data}.${crypto.sign('RSA-SHA256', Buffer.from(data), this.key.privateKey).toString('base64url')}`;
  }
}
