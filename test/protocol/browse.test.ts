import { cardOf, executeActions, someone, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';
import { elementsOf } from '../support/journey';

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

describe('a search result opens the very item it names, and leads back to the results', () => {
  /** The results card of a search, and the button of the result with this title. */
  async function result(query: string, title: string): Promise<{ results: Card; hit: { verb: string; data: unknown } }> {
    const results = cardOf(await harness.say(query));
    const hit = executeActions(results).find((a) => a.title === title);
    if (!hit) throw new Error(`no result "${title}" for "${query}"`);
    return { results, hit };
  }

  /** The containers of a card that stand out (style "accent"), as text. */
  const standingOut = (card: Card): string[] => elementsOf(card, (e) => e.type === 'Container' && e.style === 'accent').map((c) => textOf(c));

  it('opens 「AI基礎」 on its level\'s training page: named at the top, marked in its category, and the way back', async () => {
    const { results, hit } = await result('AI基礎', 'AI基礎（Lv.3 思考・認識）');
    const { body } = await harness.click(hit.verb, hit.data);
    const card = body.value;
    expect(textOf(card)).toContain('Lv.3の研修・施策');
    expect(textOf(card)).toContain('検索した項目：AI基礎（思考・認識）');
    // Only the category that holds it stands out, and in it the item is in bold among the others.
    const marked = standingOut(card);
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^思考・認識\n(?:.+、)?\*\*AI基礎\*\*(?:、.+)?$/);
    const back = executeActions(card).find((a) => a.verb === 'framework.search');
    expect(back).toEqual({ title: '「AI基礎」の検索結果に戻る', verb: 'framework.search', data: { query: 'AI基礎' } });
    expect((await harness.click(back!.verb, back!.data)).body.value).toEqual(results);
  });

  it('opens a role on its level\'s card with that category\'s role standing out', async () => {
    const { hit } = await result('歩く 話す 学ぶ', 'Lv.3 各職場でDXを企画・実行する人材｜業務遂行');
    const { body } = await harness.click(hit.verb, hit.data);
    expect(standingOut(body.value).map((text) => text.split('\n')[0])).toEqual(['業務遂行']);
    expect(executeActions(body.value.actions).filter((a) => a.verb === 'framework.search').map((a) => a.data)).toEqual([{ query: '歩く 話す 学ぶ' }]);
  });

  it('leads back to the results from every kind of result, and opens a result the same without them', async () => {
    const results = cardOf(await harness.say('AI'));
    const hits = executeActions(results).filter((a) => a.verb !== 'menu.show');
    expect(new Set(hits.map((h) => h.verb)).size).toBeGreaterThan(1);
    for (const hit of hits) {
      const { body } = await harness.click(hit.verb, hit.data);
      // Among the card's own actions, at the foot, where the way back to the menu is too.
      const back = executeActions(body.value.actions).find((a) => a.verb === 'framework.search');
      expect({ hit: hit.title, back: back?.data }).toEqual({ hit: hit.title, back: { query: 'AI' } });
    }
    // A Lv.3 button elsewhere (the menu, another level) opens the page as it always did: nothing marked, no way back.
    const { body } = await harness.click('framework.training', { level: 3 });
    expect(standingOut(body.value)).toEqual([]);
    expect(executeActions(body.value).some((a) => a.verb === 'framework.search')).toBe(false);
  });

  it('shows an item id the framework does not have as the plain page, and refuses a search that is not one', async () => {
    const { body } = await harness.click('framework.training', { level: 3, item: 'no-such-item', query: 'AI' });
    expect(textOf(body.value)).not.toContain('検索した項目');
    expect(standingOut(body.value)).toEqual([]);
    for (const data of [{ level: 3, query: 'あ'.repeat(101) }, { level: 3, item: 'Not An Id' }, { skillId: 'rs01', query: '' }]) {
      const verb = 'skillId' in data ? 'framework.skill' : 'framework.training';
      expect(textOf((await harness.click(verb, data)).body.value)).toContain('この操作は実行できません');
    }
  });

  it('shows the 階層別研修 as the case study\'s one sentence, 「等」 kept', async () => {
    const { body } = await harness.click('framework.training', { level: 1 });
    const text = textOf(body.value);
    expect(text).toContain('・階層別研修：職員研修部門と連携した、新規採用、採用3年次、新任部長・課長等、階層別のDX研修を実施し');
  });

  it('shows the DX人材育成プロジェクト with the part for the level\'s tier only, and 民間企業・省庁に派遣 as job rotation', async () => {
    const silver = textOf((await harness.click('framework.training', { level: 3 })).body.value);
    expect(silver).toContain('・DX人材育成プロジェクト（R5.10～）：人材育成の区分をゴールド・シルバー・ブロンズに分け');
    expect(silver).toContain('シルバー：生成AI・ローコードツール・データ利活用・BPRなど');
    expect(silver).not.toContain('ゴールド：');
    expect(silver).not.toContain('ブロンズ：');
    expect(silver).toContain('ジョブローテーション\n・民間企業・省庁に派遣');
    const gold = textOf((await harness.click('framework.training', { level: 5 })).body.value);
    expect(gold).toContain('ゴールド：IT企業への派遣や専門的な研修の受講などにより、高度専門人材を育成');
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
