/**
 * The bare botbuilder echo bot the round trips of DX Navi are compared with: the same HTTP server (restify, body
 * parser) and adapter, no storage, no teams-ai. Run by the `echo` section as a child process, listening on PORT.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';

/** No app id: authentication is off, as for DX Navi outside production. */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function echo(context: TurnContext): Promise<void> {
  const { activity } = context;
  if (activity.type === 'message') {
    await context.sendActivity(`echo: ${activity.text ?? ''}`);
  } else if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const verb = (activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `echo: ${verb}` }] };
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
  }
}

const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, echo);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  process.exit(0);
});
