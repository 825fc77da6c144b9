import { startAzurite, type Azurite } from '../../src/local/azurite';
import { startStorageProxy, type StorageProxy } from '../faults/storageProxy';
import { startBotHarness, textOf, type BotHarness } from '../support/botHarness';

// What understanding a message costs in storage, counted at the wire: a plain question goes through the router and
// on to the framework search for the price of a keyword search. The harness looks at the active framework's version
// on every turn (the strictest setting), so a router that looked again would show here.

let azurite: Azurite;
let proxy: StorageProxy;
let bot: BotHarness;

beforeAll(async () => {
  azurite = await startAzurite();
  proxy = await startStorageProxy(azurite);
  // No broadcast sender: its ticks (the lease, the broadcasts to start) are storage calls of no turn's.
  bot = await startBotHarness({ connectionString: proxy.connectionString, broadcastSender: false });
  // The first message records the conversation; the ones counted below are ordinary turns.
  await bot.say('プロジェクト');
});
afterAll(async () => {
  await bot?.stop();
  await proxy?.stop();
  await azurite?.stop();
});

async function storageCallsOf(text: string): Promise<{ calls: number; reply: string }> {
  const before = proxy.requests.length;
  const reply = textOf(await bot.say(text));
  return { calls: proxy.requests.length - before, reply };
}

describe('the storage a message costs', () => {
  // A keyword search: the conversation's reference kept current (every message does it) and one look at the framework.
  const KEYWORD_SEARCH_CALLS = 2;

  it('is two calls for a keyword search', async () => {
    const { calls, reply } = await storageCallsOf('検索 プロジェクト');
    expect(reply).toContain('プロジェクト');
    expect(calls).toBe(KEYWORD_SEARCH_CALLS);
  });

  it.each(['AIの研修はありますか？', '説明が苦手です', 'シルバーになるにはどうすればいいですか', 'RPAについて学べる？', '量子コンピュータの話', 'レベル3', 'ありがとう'])(
    'is no more for %p, understood by the router and answered from the framework',
    async (text) => {
      expect((await storageCallsOf(text)).calls).toBe(KEYWORD_SEARCH_CALLS);
    },
  );
});
