import { kitakyushuText } from '../support/botHarness';
import { expectCardScreenshot, playgroundSessionForThisFile, t } from './playgroundSession';

// Golden paths through the real Agents Playground in headless Chromium: what a person sees and clicks.

const framework = JSON.parse(kitakyushuText()) as { name: string; levels: { level: number; title: string }[]; categories: { name: string }[] };

const session = playgroundSessionForThisFile();

describe('DX Navi in the Agents Playground', () => {
  test('typing メニュー shows the menu card, to the demo employee', async () => {
    await session.send('メニュー');
    const menu = await session.latestCardShowing(t('menu.title'));
    for (const name of [t('menu.ladder', { count: 5 }), t('menu.recommended'), t('menu.training'), t('menu.searchButton')]) {
      await session.waitFor(menu.getByRole('button', { name, exact: true }), `the menu's "${name}" button`);
    }
    const { harness, cast } = session;
    const conversation = await harness.bot.repositories.conversations.find('user', cast.employee.aadObjectId);
    expect(conversation?.name).toBe(cast.employee.name);
  });

  test('the ladder lists Lv.5 down to Lv.1, and a rung turns the card into that level', async () => {
    const cards = await session.cardCount();
    await session.clickOnLatestCard(t('menu.ladder', { count: 5 }));
    const ladder = await session.latestCardShowing(t('ladder.title', { count: 5 }));
    const text = await ladder.innerText();
    const positions = [5, 4, 3, 2, 1].map((level) => text.indexOf(`Lv.${level}`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);

    await session.clickOnLatestCard(t('ladder.open', { level: 3 }));
    const title = framework.levels.find((l) => l.level === 3)!.title;
    const level = await session.latestCardShowing(t('common.levelHeading', { level: 3, title }));
    for (const category of framework.categories) await session.waitFor(level.getByText(category.name, { exact: true }), category.name);
    expect(await session.cardCount()).toBe(cards);
    await backToMenu();
  });

  test('a keyword search lists results, and a required skill opens with its definition and example', async () => {
    await session.send('AI');
    const results = await session.latestCardShowing(t('search.title', { query: 'AI' }));
    const skillHit = results.getByRole('button').filter({ hasText: t('search.kind.skill') }).first();
    await session.waitFor(skillHit, 'a required skill among the results');
    const skillName = await skillHit.getAttribute('aria-label');
    await skillHit.click();
    const skill = await session.latestCardShowing(t('skill.definition'));
    await session.waitFor(skill.getByText(t('skill.example'), { exact: true }), "the skill card's example");
    await session.waitFor(skill.getByText(skillName ?? '(a button without a name)', { exact: true }), `the skill's name "${skillName}"`);
    await backToMenu();
  });

  test('a training focus item found by search opens marked on its level\'s page, which leads back to the results', async () => {
    await session.send('AI基礎');
    await session.latestCardShowing(t('search.title', { query: 'AI基礎' }));
    await session.clickOnLatestCard('AI基礎（Lv.3 思考・認識）');
    const training = await session.latestCardShowing(t('training.found', { name: 'AI基礎', place: '思考・認識' }));
    await session.waitFor(training.getByText(t('training.heading', { level: 3 }), { exact: true }), 'the Lv.3 training page');
    // Teams draws **AI基礎** in bold.
    await session.waitFor(training.locator('strong', { hasText: 'AI基礎' }), 'AI基礎 in bold among its category\'s focus items');
    await expectCardScreenshot(session, training, 'training-found-by-search.png');
    await session.clickOnLatestCard(t('search.back', { query: 'AI基礎' }));
    await session.latestCardShowing(t('search.title', { query: 'AI基礎' }));
    await backToMenu();
  });

  test('questions in plain words: a rule answered in the strategy\'s words, items ranked, and an honest "not in the strategy"', async () => {
    await session.send('募集はいつですか');
    const rule = await session.latestCardShowing(t('rule.topic.applicationWindow'));
    await session.waitFor(rule.getByRole('button', { name: t('applications.apply'), exact: true }), 'the answer leading on to applying');
    await session.screenshot(rule, 'question-rule.png');

    await session.send('説明が苦手です');
    const results = await session.latestCardShowing(t('search.title', { query: '説明が苦手です' }));
    await session.waitFor(results.getByRole('button', { name: /説明力/ }).first(), 'the skill 説明力 among the results');
    await session.screenshot(results, 'question-results.png');

    await session.send('RPAについて学べる？');
    const none = await session.latestCardShowing(t('rule.noAnswer.title', { framework: framework.name }));
    await session.screenshot(none, 'question-no-answer.png');
    await backToMenu();
  });

  test('the ladder, recommended skills, training and search results each lead back to the menu', async () => {
    const views: [button: string, heading: string][] = [
      [t('menu.ladder', { count: 5 }), t('ladder.title', { count: 5 })],
      [t('menu.recommended'), t('recommended.title')],
      [t('menu.training'), t('training.heading', { level: 1 })],
    ];
    for (const [button, heading] of views) {
      await session.clickOnLatestCard(button);
      await session.latestCardShowing(heading);
      await backToMenu();
    }
    await session.send('AI');
    await session.latestCardShowing(t('search.title', { query: 'AI' }));
    await backToMenu();
  });

  test('a question in plain words opens the right card, and one that matches nothing offers the likeliest actions', async () => {
    await session.send('ｼﾞｺｼﾝﾀﾞﾝをやりたいです');
    await expectCardScreenshot(session, await session.latestCardShowing(t('assessment.title')), 'plain-words-assessment.png');

    await session.send('給与明細');
    const unknown = await session.latestCardShowing(t('unknown.title', { text: '給与明細' }));
    await expectCardScreenshot(session, unknown, 'plain-words-no-match.png');
    for (const name of [t('router.button.assessment'), t('router.button.apply')]) {
      await session.waitFor(unknown.getByRole('button', { name, exact: true }), `the offered "${name}" button`);
    }
    await session.clickOnLatestCard(t('router.button.assessment'));
    await session.latestCardShowing(t('assessment.title'));

    await session.send('診断と応募');
    const ask = await session.latestCardShowing(t('router.ask.title', { text: '診断と応募' }));
    await expectCardScreenshot(session, ask, 'plain-words-which.png');
    await session.clickOnLatestCard(t('router.button.apply'));
    await session.latestCardShowing(t('applications.home.title', { tracks: 'ゴールド・シルバー' }));
    await backToMenu();
  });
});

async function backToMenu(): Promise<void> {
  await session.clickOnLatestCard(t('common.backToMenu'));
  await session.latestCardShowing(t('menu.title'));
}
