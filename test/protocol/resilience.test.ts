import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness } from '../support/botHarness';

// A storage outage is provoked on purpose, so this file has an Azurite of its own.
let azurite: Azurite;
let dataDir: string;
let harness: BotHarness;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'outage-'));
  azurite = await startAzurite({ location: dataDir });
  harness = await startBotHarness({ connectionString: azurite.connectionString });
});
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('when storage goes away', () => {
  it('answers with a friendly card instead of crashing, and recovers by itself when storage returns', async () => {
    expect(textOf(cardOf(await harness.say('メニュー')))).toContain('メニュー');

    await azurite.stop();
    const message = cardOf(await harness.say('メニュー'));
    expect(textOf(message)).toContain('ただいま利用できません');
    expect(executeActions(message).some((a) => a.verb === 'menu.show')).toBe(true);

    const { status, body } = await harness.click('framework.ladder', {});
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain('ただいま利用できません');

    const english = cardOf(await harness.say('menu', { locale: 'en-US' }));
    expect(textOf(english)).toContain('Temporarily unavailable');

    azurite = await startAzurite({ location: dataDir, tablePort: azurite.tablePort, queuePort: azurite.queuePort });
    expect(textOf(cardOf(await harness.say('メニュー')))).toContain('メニュー');
    const health = await fetch(harness.url.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
  });
});
