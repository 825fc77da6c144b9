import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';
import { loadFrameworkFile } from '../unit/realFramework';

// Questions typed as an employee would type them, answered from the framework: items ranked best first, rules in the
// framework's own words with the rule named, and "the framework does not say" with the office to ask. Every quote
// looked for comes from the city's framework file.

const kitakyushu = loadFrameworkFile('kitakyushu').document;
const moka = loadFrameworkFile('moka').document;
const kunisaki = loadFrameworkFile('kunisaki').document;

const bots = new Map<string, BotHarness>();
beforeAll(async () => {
  for (const city of ['kitakyushu', 'moka', 'kunisaki']) bots.set(city, await startBotHarness({ frameworkFile: city }));
});
afterAll(async () => {
  for (const bot of bots.values()) await bot.stop();
});

async function ask(city: string, text: string, locale?: string): Promise<Card> {
  const card = cardOf(await bots.get(city)!.say(text, locale ? { locale } : {}));
  expect(textOf(card)).not.toContain('一致するものは見つかりませんでした');
  return card;
}
const buttons = (card: Card): (string | undefined)[] => executeActions(card).map((a) => a.title);
const verbs = (card: Card): string[] => executeActions(card).map((a) => a.verb);

describe('questions about items: ranked results, each opening its item', () => {
  it.each(['AI 研修', 'AIの研修はありますか？'])('%p lists the AI items first', async (question) => {
    const card = await ask('kitakyushu', question);
    expect(buttons(card).slice(0, 3).sort()).toEqual(['AI基礎（Lv.3 思考・認識）', 'AI応用（Lv.4 思考・認識）', 'データ・AI活用戦略'].sort());
    expect(verbs(card)).toContain('menu.show');
  });

  it('「生成AI」 finds the AI items and the training that teaches it, not one result', async () => {
    const card = await ask('kitakyushu', '生成AI');
    expect(buttons(card)).toEqual(
      expect.arrayContaining(['AI基礎（Lv.3 思考・認識）', 'データ・AI活用戦略', 'DX人材育成プロジェクト（R5.10～）（シルバー）']),
    );
  });

  it('「説明が苦手です」 finds the skills about explaining and presenting, the skill opening its card', async () => {
    const card = await ask('kitakyushu', '説明が苦手です');
    expect(buttons(card).slice(0, 3)).toEqual(['説明力', '説明力（Lv.1 外部影響）', 'プレゼンテーション（Lv.3 外部影響）']);
    expect(executeActions(card)[0]).toMatchObject({ verb: 'framework.skill', data: { skillId: 'rs08' } });
  });

  it('「RPAについて学べる？」 finds Moka\'s AI/RPA skill, one its evaluation certifies on', async () => {
    const card = await ask('moka', 'RPAについて学べる？');
    expect(buttons(card)[0]).toBe('AI/RPA');
    expect(textOf(card)).toContain('評価・認定されるスキル');
  });

  it('「人工知能」 finds the AI items through the keywords the framework gives them', async () => {
    expect(buttons(await ask('kitakyushu', '人工知能'))).toEqual(expect.arrayContaining(['データ・AI活用戦略', 'AI基礎（Lv.3 思考・認識）']));
  });
});

describe('questions about the rules: the framework\'s own words, and the rule they come from', () => {
  const { rules } = kitakyushu;

  it.each([
    ['募集はいつですか', '募集と応募', rules.applicationWindow!.text],
    ['シルバーになるにはどうすればいいですか', '募集と応募', rules.applicationWindow!.text],
    ['応募するのに必須スキルは必要ですか', '応募と必須スキル', rules.notes[2]!],
    ['レベルは認定されますか', 'レベルの認定', rules.notes[1]!],
    ['プロフェッショナルトラックには誰が応募できますか', 'プロフェッショナルトラック', rules.professionalTrack!.text],
    ['デジタルエキスパートになるには？', 'デジタルエキスパート', rules.digitalExpert!.text],
    // (「KPI」 alone is HR's word for their figures: the router opens HR's KPI card, or says it is HR's.)
    ['何人育成する目標ですか', '育成の目標（KPI）', rules.kpi!.text],
  ])('Kitakyushu: %p is answered under 「%s」 with the quote', async (question, rule, quote) => {
    const text = textOf(await ask('kitakyushu', question));
    expect(text).toContain(`「${quote}」`);
    expect(text).toContain(`― ${kitakyushu.name}「${rule}」より`);
  });

  it('Kitakyushu: a question about applying leads on to applying and back to the menu', async () => {
    expect(verbs(await ask('kitakyushu', '募集はいつですか'))).toEqual(['application.open', 'menu.show']);
  });

  it('Kitakyushu: 「Lv4になるには？」 is answered with what Lv.4 asks for: its card, role and required skills', async () => {
    for (const question of ['Lv4になるには？', 'ＬＶ４になるには', 'レベル4になるには何が必要ですか']) {
      const text = textOf(await ask('kitakyushu', question));
      expect({ question, level: text.includes('Lv.4 DXプロジェクトの企画から完了までの全工程を統括する人材') }).toEqual({ question, level: true });
    }
  });

  it('Kitakyushu: the tiers and their difference, each tier with whom it is for', async () => {
    const text = textOf(await ask('kitakyushu', 'シルバーとゴールドの違いは？'));
    for (const tier of kitakyushu.tiers) expect(text).toContain(`${tier.name}：${tier.audience}`);
  });

  it('Moka: "when is the window" is answered with how people are certified there, without an Apply button', async () => {
    const card = await ask('moka', '募集はいつですか');
    expect(textOf(card)).toContain(`「${moka.rules.evaluation!.text}」`);
    expect(verbs(card)).toEqual(['framework.ladder', 'menu.show']);
  });

  it('Kunisaki: "how do I become a DX leader" quotes the appointment rule', async () => {
    const text = textOf(await ask('kunisaki', 'DX推進リーダーになるにはどうすればいい？'));
    for (const line of kunisaki.rules.appointment!.text.split('\n')) expect(text).toContain(line);
    expect(text).toContain('任命のしかた');
  });

  it('answers in English to an English client, quoting the framework as it is written', async () => {
    const text = textOf(await ask('kitakyushu', 'When is the application window?', 'en-US'));
    expect(text).toContain(rules.applicationWindow!.text);
    expect(text).toContain(`― from ${kitakyushu.name}, "Applying"`);
  });
});

describe('questions the framework does not answer', () => {
  it('Kitakyushu: 「RPAについて学べる？」 says the strategy has no answer and names the office to ask', async () => {
    const text = textOf(await ask('kitakyushu', 'RPAについて学べる？'));
    expect(text).toContain(`${kitakyushu.name}には、この質問への答えが書かれていません。`);
    expect(text).toContain(`お問い合わせ先：${kitakyushu.contact!.office}\u3000${kitakyushu.contact!.phone}`);
  });

  it('Kunisaki, which names no office: says so and sends the person to HR, inventing nothing', async () => {
    const text = textOf(await ask('kunisaki', 'RPAについて学べる？'));
    expect(text).toContain(`${kunisaki.name}には、この質問への答えが書かれていません。`);
    expect(text).toContain('職場の人事担当者にお尋ねください。');
  });

  it('a word that is no question still gets "nothing matches" with suggestions', async () => {
    const card = cardOf(await bots.get('kitakyushu')!.say('ぬるぽ'));
    expect(textOf(card)).toContain('「ぬるぽ」に一致するものは見つかりませんでした');
  });
});
