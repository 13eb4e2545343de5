// The baseline of the message benchmark: the smallest bot on the same stack as the service (restify, the
// teams-ai Application on a TeamsAdapter in local mode, the same body parser), with no storage and no
// features. Messages are echoed through the connector; card actions get an invoke response with the verb.
// Run: PORT=3999 node node_modules/tsx/dist/cli.mjs bench/echo-bot.ts
import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';

const adapter = new TeamsAdapter({});
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
