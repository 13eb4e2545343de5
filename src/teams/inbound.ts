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

const caches = new WeakMap<object, ClientCache>();

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
  let auth: AuthenticateRequestResult;
  try {
    auth = await steps.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  } catch (error) {
    logger.info({ event: 'auth.rejected', reason: (error as Error).name }, 'request without a valid Bot Framework token');
    return { status: 401, body: { error: 'unauthorized' } };
  }
  const cache = clientCache(adapter, steps);
  if (auth.connectorFactory) auth = { ...auth, connectorFactory: cache.connectorFactory(auth.connectorFactory) };
  const response = await steps.processActivity.call(adapter, auth, activity, logic);
  return { status: response?.status ?? 200, body: response?.body };
}
