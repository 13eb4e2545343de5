// Inbound requests to /api/messages. Authentication is done here rather than inside botbuilder's
// CloudAdapter.process, which answers 500 (and prints the error) when the token cannot be checked at all,
// e.g. when the Bot Framework's signing keys are unreachable. A request that is not proven to come from the
// Bot Framework gets 401, whatever the reason; a failure inside the bot after that is the bot's (500).
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { BotAdapter } from './adapter.js';
import type { Logger } from '../shared/log.js';

interface ConnectorFactory {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}

interface ClaimsIdentity {
  claims?: Array<{ type: string; value: string }>;
}

/** The result of botbuilder's authentication, passed back into processActivity (with a caching factory). */
interface AuthenticateRequestResult {
  connectorFactory?: ConnectorFactory;
  claimsIdentity?: ClaimsIdentity;
}

interface BotFrameworkAuthentication {
  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult>;
  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<unknown>;
}

/** CloudAdapter's own (protected) steps, used separately so authentication failures can be told apart. */
interface AdapterSteps {
  botFrameworkAuthentication: BotFrameworkAuthentication;
  processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient, each with its own HTTP pipeline, for every
 * incoming activity. Both are stateless apart from their credentials, which fetch and cache tokens by
 * themselves, so one client per service URL and audience (and per app for the token client) serves every
 * turn. A failed creation is not kept.
 */
class ClientCache {
  private readonly connectors = new Map<string, Promise<unknown>>();
  private readonly tokenClients = new Map<string, Promise<unknown>>();
  private static readonly MAX = 64;

  private remember(map: Map<string, Promise<unknown>>, key: string, make: () => Promise<unknown>): Promise<unknown> {
    let client = map.get(key);
    if (!client) {
      if (map.size >= ClientCache.MAX) map.delete(map.keys().next().value!);
      client = make();
      map.set(key, client);
      client.catch(() => map.delete(key));
    }
    return client;
  }

  connectorFactory(factory: ConnectorFactory): ConnectorFactory {
    const appId = String((factory as { appId?: unknown }).appId ?? '');
    return {
      create: (serviceUrl, audience) => this.remember(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }

  wrapUserTokenClients(auth: BotFrameworkAuthentication): void {
    const create = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (identity) => {
      const claims = (identity?.claims ?? []).filter((c) => ['aud', 'appid', 'azp'].includes(c.type)).map((c) => `${c.type}=${c.value}`);
      return this.remember(this.tokenClients, claims.sort().join('\n'), () => create(identity));
    };
  }
}

/**
 * botbuilder checks a channel token in full on every request (decode, signing key, RSA signature, issuer,
 * audience, lifetime, endorsement, serviceUrl claim) and keeps nothing of the result, while the Bot Connector
 * sends the same token with every activity for up to an hour. Its result depends only on the token, the
 * activity's channelId and serviceUrl, and the signing keys (which botbuilder itself caches for a day), so a
 * success is kept under exactly those three until the token's exp and at most MAX_MS: the same token for another
 * serviceUrl or channel is checked in full again, and so is anything that failed.
 */
class VerifiedTokens {
  private readonly results = new Map<string, { result: AuthenticateRequestResult; until: number }>();
  private static readonly MAX = 10_000;
  static readonly MAX_MS = 5 * 60_000;

  private static key(activity: Activity, authHeader: string): string {
    return `${authHeader}\n${activity.channelId ?? ''}\n${activity.serviceUrl ?? ''}`;
  }

  get(activity: Activity, authHeader: string): AuthenticateRequestResult | undefined {
    const key = VerifiedTokens.key(activity, authHeader);
    const hit = this.results.get(key);
    if (!hit) return undefined;
    if (hit.until > Date.now()) return hit.result;
    this.results.delete(key);
    return undefined;
  }

  keep(activity: Activity, authHeader: string, result: AuthenticateRequestResult): void {
    const exp = Number(result.claimsIdentity?.claims?.find((c) => c.type === 'exp')?.value);
    // Only a checked token has an expiry; without a header (local mode) there is nothing to keep.
    if (!authHeader.trim() || !Number.isFinite(exp)) return;
    const until = Math.min(exp * 1000, Date.now() + VerifiedTokens.MAX_MS);
    if (until <= Date.now()) return;
    if (this.results.size >= VerifiedTokens.MAX) this.results.delete(this.results.keys().next().value!);
    this.results.set(VerifiedTokens.key(activity, authHeader), { result, until });
  }
}

const caches = new WeakMap<object, ClientCache>();
const verifiedTokens = new WeakMap<object, VerifiedTokens>();

function verifiedTokensOf(adapter: BotAdapter): VerifiedTokens {
  let verified = verifiedTokens.get(adapter);
  if (!verified) {
    verified = new VerifiedTokens();
    verifiedTokens.set(adapter, verified);
  }
  return verified;
}

function clientCache(adapter: BotAdapter, steps: AdapterSteps): ClientCache {
  let cache = caches.get(adapter);
  if (!cache) {
    cache = new ClientCache();
    cache.wrapUserTokenClients(steps.botFrameworkAuthentication);
    caches.set(adapter, cache);
  }
  return cache;
}

export interface InboundResult {
  status: number;
  body?: unknown;
}

export async function processInbound(
  adapter: BotAdapter,
  activity: Activity,
  authHeader: string,
  logic: (context: TurnContext) => Promise<void>,
  logger: Logger,
): Promise<InboundResult> {
  // teams-ai strips @mentions from message text before routing and fails on a message without text (e.g. a
  // card submit that also carries a mention entity).
  if (activity.type === 'message' && typeof activity.text !== 'string') activity.text = '';
  const steps = adapter as unknown as AdapterSteps;
  const verified = verifiedTokensOf(adapter);
  let auth = verified.get(activity, authHeader);
  if (!auth) {
    try {
      auth = await steps.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      logger.info({ event: 'auth.rejected', reason: (error as Error).name }, 'request without a valid Bot Framework token');
      return { status: 401, body: { error: 'unauthorized' } };
    }
    const cache = clientCache(adapter, steps);
    if (auth.connectorFactory) auth = { ...auth, connectorFactory: cache.connectorFactory(auth.connectorFactory) };
    verified.keep(activity, authHeader, auth);
  }
  const response = await steps.processActivity.call(adapter, auth, activity, logic);
  return { status: response?.status ?? 200, body: response?.body };
}
