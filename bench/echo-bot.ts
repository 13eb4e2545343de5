// The baseline of the message benchmark: the smallest bot on the same stack as the service (restify, the
// teams-ai Application on the service's own TeamsAdapter, the same body parser), with no storage and no
// features. It runs on the same authenticated path: MicrosoftAppId is set, so every incoming token is checked
// and every reply carries the bot's token (bench/support/local-channel.ts points both at local stand-ins).
// Messages are echoed through the connector; card actions get an invoke response with the verb.
// Run by bench/messages.ts with the environment of bench/support/channel-auth.ts.
import restify from 'restify';
import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { createAdapter } from '../src/teams/adapter.js';
import { useLocalChannel } from './support/local-channel.js';

useLocalChannel();
const adapter = createAdapter({
  MicrosoftAppId: process.env.MicrosoftAppId,
  MicrosoftAppPassword: process.env.MicrosoftAppPassword,
  MicrosoftAppTenantId: process.env.MicrosoftAppTenantId,
  MicrosoftAppType: 'SingleTenant',
});
adapter.onTurnError = async (_context, error) => {
  process.stderr.write(`echo-bot turn error: ${error.message}\n`);
};
const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });

app.activity(ActivityTypes.Message, async (context) => {
  await context.sendActivity({ type: 'message', text: `Echo: ${context.activity.text ?? ''}` });
});
app.addRoute(
  async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === 'adaptiveCard/action',
  async (context) => {
    const verb = String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '');
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `Echo: ${verb}` } },
    });
  },
  true,
);

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false, rejectUnknown: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
const port = Number(process.env.PORT ?? 3999);
server.listen(port, '127.0.0.1', () => process.stdout.write(`echo bot on ${port}\n`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
