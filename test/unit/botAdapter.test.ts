import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { BotAdapter } from '../../src/botAdapter';

// botbuilder builds a ConnectorClient and a UserTokenClient for every turn; the bot's adapter keeps them per chat
// service. What a turn is given is what the adapter would send with, so the test compares the instances turns get.

const TEAMS_JAPAN = 'https://smba.trafficmanager.net/jp/';
const TEAMS_AMERICAS = 'https://smba.trafficmanager.net/amer/';

function messageFrom(serviceUrl: string, user: string): Activity {
  return {
    type: 'message',
    text: 'メニュー',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user}`, name: user },
    recipient: { id: '28:bot', name: 'DX Navi' },
    conversation: { id: `a:${user}`, conversationType: 'personal', isGroup: false, name: '' },
  } as Activity;
}

/** The clients a turn was given: what the adapter would send and fetch tokens with. */
interface TurnClients {
  readonly connector: unknown;
  readonly userToken: unknown;
}

function clientsOf(adapter: BotAdapter, context: TurnContext): TurnClients {
  return { connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) };
}

async function turnFrom(adapter: BotAdapter, serviceUrl: string, user: string): Promise<TurnClients> {
  let clients: TurnClients | undefined;
  await adapter.processActivityDirect('', messageFrom(serviceUrl, user), (context) => {
    clients = clientsOf(adapter, context);
    return Promise.resolve();
  });
  if (!clients) throw new Error('the turn did not run');
  return clients;
}

describe("the bot's adapter keeps its Bot Connector clients", () => {
  it('gives every turn from the same chat service the same clients, whoever writes', async () => {
    const adapter = new BotAdapter({ MicrosoftAppId: '' });
    const first = await turnFrom(adapter, TEAMS_JAPAN, 'tanaka');
    const second = await turnFrom(adapter, TEAMS_JAPAN, 'suzuki');
    expect(first.connector !== undefined && first.userToken !== undefined).toBe(true);
    expect({ sameConnector: second.connector === first.connector, sameTokenClient: second.userToken === first.userToken }).toEqual({
      sameConnector: true,
      sameTokenClient: true,
    });
  });

  it('gives a turn from another chat service its own connector, which sends there', async () => {
    const adapter = new BotAdapter({ MicrosoftAppId: '' });
    const japan = await turnFrom(adapter, TEAMS_JAPAN, 'tanaka');
    const americas = await turnFrom(adapter, TEAMS_AMERICAS, 'smith');
    expect(americas.connector === japan.connector).toBe(false);
    expect((americas.connector as { baseUri?: string }).baseUri).toBe(TEAMS_AMERICAS);
    expect((japan.connector as { baseUri?: string }).baseUri).toBe(TEAMS_JAPAN);
  });

  it('gives every proactive message (a notice, a broadcast copy) to a chat service the same clients', async () => {
    const adapter = new BotAdapter({ MicrosoftAppId: '' });
    const turn = await turnFrom(adapter, TEAMS_JAPAN, 'tanaka');
    const proactive = async (user: string): Promise<TurnClients> => {
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: TEAMS_JAPAN,
        conversation: { id: `a:${user}`, conversationType: 'personal', isGroup: false, name: '' },
      };
      let clients: TurnClients | undefined;
      await adapter.continueConversationAsync('', reference, (context) => {
        clients = clientsOf(adapter, context);
        return Promise.resolve();
      });
      if (!clients) throw new Error('the proactive turn did not run');
      return clients;
    };
    const first = await proactive('suzuki');
    const second = await proactive('sato');
    // A turn names the audience its answers go to; a proactive message leaves it to botbuilder's default (the same
    // one), so each keeps its own connector, built once.
    expect({ sameConnector: second.connector === first.connector, sameTokenClient: second.userToken === first.userToken }).toEqual({
      sameConnector: true,
      sameTokenClient: true,
    });
    expect(first.userToken === turn.userToken).toBe(true);
  });
});
