// Inbound requests to /api/messages. Authentication is done here rather than inside botbuilder's
// CloudAdapter.process, which answers 500 (and prints the error) when the token cannot be checked at all,
// e.g. when the Bot Framework's signing keys are unreachable. A request that is not proven to come from the
// Bot Framework gets 401, whatever the reason; a failure inside the bot after that is the bot's (500).
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { BotAdapter } from './adapter.js';
import type { Logger } from '../shared/log.js';

/** The result of botbuilder's authentication, passed back into processActivity unchanged. */
type AuthenticateRequestResult = object;

/** CloudAdapter's own (protected) steps, used separately so authentication failures can be told apart. */
interface AdapterSteps {
  botFrameworkAuthentication: { authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> };
  processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
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
  const response = await steps.processActivity.call(adapter, auth, activity, logic);
  return { status: response?.status ?? 200, body: response?.body };
}
