import { cardOf, executeActions, someone, startBotHarness, textOf, type BotHarness } from '../support/botHarness';

/** An employee on the roster who has not written to the bot yet. */
const writer = someone('若松 書子');
let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness({ staff: [writer] });
});
afterAll(async () => {
  await harness?.stop();
});

describe('browsing the framework over the Bot Framework protocol', () => {
  it('answers "メニュー" with the menu card in Japanese', async () => {
    const card = cardOf(await harness.say('メニュー'));
    expect(card.version).toBe('1.5');
    expect(textOf(card)).toContain('メニュー');
    expect(executeActions(card).map((a) => a.verb)).toEqual(
      expect.arrayContaining(['framework.ladder', 'framework.recommended', 'framework.training', 'framework.search']),
    );
  });

  it('opens a level from the ladder by Action.Execute and returns the card in the invoke response', async () => {
    const ladder = cardOf(await harness.say('レベル一覧'));
    const openLevel3 = executeActions(ladder).find((a) => a.verb === 'framework.level' && JSON.stringify(a.data).includes('3'));
    expect(openLevel3).toBeDefined();
    const { status, body } = await harness.click(openLevel3!.verb, openLevel3!.data);
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = textOf(body.value);
    expect(text).toContain('Lv.3 各職場でDXを企画・実行する人材');
    for (const category of ['使命感', '思考・認識', '業務遂行', '組織運営', '外部影響']) expect(text).toContain(category);
    expect(text).toContain('データ・AI活用戦略');
  });

  it('shows a skill with definition, example, level, category and related focus items', async () => {
    const { body } = await harness.click('framework.skill', { skillId: 'rs01' });
    const text = textOf(body.value);
    expect(text).toContain('データ理解・活用');
    expect(text).toContain('担当業務に関わるデータ・技術を理解して活用する力。');
    expect(text).toContain('活用例');
    expect(text).toContain('Lv.1');
    expect(text).toContain('思考・認識');
    expect(text).toContain('DX基礎');
    expect(executeActions(body.value).some((a) => a.verb === 'menu.show')).toBe(true);
  });

  it('ranks keyword search results, skills named by the keyword first', async () => {
    const card = cardOf(await harness.say('プロジェクト'));
    const text = textOf(card);
    expect(text).toContain('「プロジェクト」の検索結果');
    const titles = executeActions(card).map((a) => a.title);
    expect(titles.slice(0, 2)).toEqual(expect.arrayContaining(['プロジェクトマネジメント']));
  });

  it('answers unknown input with suggestions, never silence', async () => {
    const card = cardOf(await harness.say('ぬるぽ'));
    expect(textOf(card)).toContain('「ぬるぽ」に一致するものは見つかりませんでした');
    expect(executeActions(card).some((a) => a.verb === 'menu.show')).toBe(true);
  });

  it('speaks English to an English client', async () => {
    const card = cardOf(await harness.say('help', { locale: 'en-US' }));
    expect(textOf(card)).toContain('Menu');
    expect(textOf(card)).not.toContain('メニュー');
  });

  it('rejects a mistyped payload with a card in the user language, not an error', async () => {
    const { status, body } = await harness.click('framework.level', { level: 'three' });
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain('この操作は実行できません');
  });

  it('answers an unknown verb with a card', async () => {
    const { status, body } = await harness.click('framework.delete-everything', {});
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain('メニューからやり直してください');
  });

  it('refuses oversized text politely', async () => {
    const card = cardOf(await harness.say('あ'.repeat(2000)));
    expect(textOf(card)).toContain('メッセージが長すぎます');
  });

  it('records the conversation reference of everyone on the roster who writes, and of nobody else', async () => {
    // Someone who never wrote before, so the record found is the one this message made.
    await harness.say('メニュー', { user: writer });
    const record = await harness.bot.repositories.conversations.find('user', writer.aadObjectId);
    expect(record?.reference).toMatchObject({ serviceUrl: harness.connector.url, conversation: { id: `a:${writer.id}` } });

    const stranger = someone('部外 者');
    await harness.say('メニュー', { user: stranger });
    expect(await harness.bot.repositories.conversations.find('user', stranger.aadObjectId)).toBeUndefined();
  });
});

describe('logging what was refused', () => {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  let logged: BotHarness;
  beforeAll(async () => {
    const capture = (message: string, fields?: Record<string, unknown>): void => {
      warnings.push({ message, fields });
    };
    logged = await startBotHarness({ logger: { info: () => undefined, warn: capture, error: capture } });
  });
  afterAll(async () => {
    await logged?.stop();
  });

  it('logs a forged payload and an unknown verb, with who sent them', async () => {
    await logged.click('framework.level', { level: 'drop table' });
    await logged.click('admin.deleteEverything', {});
    expect(warnings.map((w) => w.message)).toEqual(['refused an invalid card payload', 'refused an unknown verb']);
    expect(warnings[0]!.fields).toMatchObject({ verb: 'framework.level', by: logged.employee.aadObjectId });
  });
});

describe('with BOT_LANGUAGE=ja (as npm start runs for the Playground)', () => {
  let pinned: BotHarness;
  beforeAll(async () => {
    pinned = await startBotHarness({ language: 'ja' });
  });
  afterAll(async () => {
    await pinned?.stop();
  });

  it('answers in Japanese even when the client says en-US', async () => {
    const card = cardOf(await pinned.say('help', { locale: 'en-US' }));
    expect(textOf(card)).toContain('メニュー');
    const { body } = await pinned.click('framework.ladder', {}, { locale: 'en-US' });
    expect(textOf(body.value)).toContain('DX人材の5つのレベル');
  });
});
