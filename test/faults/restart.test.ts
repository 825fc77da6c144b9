import { frameworkActive } from '../support/allCards';
import { executeActions, textOf, type Card } from '../support/botHarness';
import { choice, cityFor, inputIds, kitakyushuPeople, kunisakiPeople, linesOf as lines, mokaPeople, openSilverWindow } from '../support/journey';

// A bot restart (a redeploy: the bot stopped, a new one started on the same storage, framework and Teams service
// URL) in the middle of every multi-step flow. Expectation for each: the user presses the next button on the card
// they already have, and the flow goes on from where it was, with everything entered before the restart kept.
// Through the real HTTP server, Azurite and the fake Bot Connector, pressing buttons by the titles the cards show.

const titles = (card: Card): (string | undefined)[] => executeActions(card).map((a) => a.title);

describe('Kitakyushu: self-assessment, application and broadcast', () => {
  const { framework } = frameworkActive('kitakyushu');
  const { employee, manager, hr } = kitakyushuPeople();
  const city = cityFor('kitakyushu', [employee, manager, hr]);

  it('self-assessment: after three of five role steps, the restarted bot takes the fourth and keeps the first three', async () => {
    let card = await city.press(employee, await city.say(employee, '診断'), '診断を始める');
    for (let step = 1; step <= 3; step++) card = await city.press(employee, card, 'これに近い', { where: { level: 3 } });
    expect(textOf(card)).toContain(`① 役割の位置（4/${framework.document.categories.length}）`);

    await city.restart();

    card = await city.press(employee, card, 'これに近い', { where: { level: 1 } });
    expect(textOf(card)).toContain(`① 役割の位置（5/${framework.document.categories.length}）`);
    card = await city.press(employee, card, 'これに近い', { where: { level: 1 } });
    while (titles(card).includes('次へ')) {
      const level = Number(/Lv\.(\d+)の必須スキル/.exec(textOf(card))![1]);
      const answer = level <= 3 ? '実践できる' : 'まだ知らない';
      const ratings = inputIds(card).filter((id) => id.startsWith('r_'));
      card = await city.press(employee, card, '次へ', { typed: Object.fromEntries(ratings.map((id) => [id, choice(card, id, answer)])) });
    }
    const result = textOf(await city.press(employee, card, '結果を見る', { typed: { target: choice(card, 'target', `Lv.4 ${framework.level(4)!.title}`) } }));
    // Lv.3 in three of five categories (all before the restart) is the overall position: none of them was lost.
    expect(result).toContain('役割の位置（全体）：Lv.3');
    expect(result).toContain(`目標：Lv.4 ${framework.level(4)!.title}`);
  });

  it('application: the confirmation shown before the restart submits, with the motivation typed before it, to the manager', async () => {
    const motivation = '窓口のオンライン予約を全区に広げたいです。';
    await openSilverWindow(city, hr);
    const form = await city.press(employee, await city.say(employee, '応募'), '応募する', { where: { track: 'silver' } });
    const confirmation = await city.press(employee, form, '確認へ進む', { typed: { motivation, attachAssessment: 'true' } });
    expect(lines(confirmation)).toContain(motivation);

    await city.restart();

    const managerInbox = city.inbox(manager);
    const submitted = await city.press(employee, confirmation, '応募する');
    expect(textOf(submitted)).toContain(`${manager.name}さんに承認依頼を送りました`);
    const [request, ...more] = managerInbox.take();
    expect(more).toEqual([]);
    expect(textOf(request)).toContain('承認依頼：シルバーへの応募');
    expect(textOf(request)).toContain(motivation);
  });

  it('broadcast: the draft previewed before the restart goes on to the audience and the review, subject and text kept', async () => {
    const subject = '令和の DX 人材募集（再起動テスト）';
    const form = await city.press(hr, await city.say(hr, 'お知らせ配信'), '新しいお知らせを作成');
    const [titleInput, bodyInput] = inputIds(form);
    const controls = await city.press(hr, form, 'プレビュー', { typed: { [titleInput!]: subject, [bodyInput!]: '再起動の前に書いた本文です。' } });
    expect(textOf(controls)).toContain('下書きを保存しました');

    await city.restart();

    const audience = await city.press(hr, controls, '送る相手を選ぶ');
    const review = await city.press(hr, audience, '確認へ進む', { typed: { audienceKind: 'everyone' } });
    expect(textOf(review)).toContain('送る前の確認');
    expect(lines(review)).toContain(subject);
    expect(textOf(review)).toContain('3人');
    // And the text typed before the restart is still the draft's: "内容を直す" shows it again.
    const edit = await city.press(hr, controls, '内容を直す');
    expect(JSON.stringify(edit)).toContain('再起動の前に書いた本文です。');
  });
});

describe('Moka: starting an evaluation', () => {
  const { framework } = frameworkActive('moka');
  const viewpoints = framework.rules.evaluation!.viewpoints;
  // A tier rated from every viewpoint (リーダーシップ is not asked for DXアドバイザー), so every rater gets a request.
  const tier = framework.tier(framework.rules.evaluation!.tiers.find((id) => viewpoints.every((v) => v.tiers.length === 0 || v.tiers.includes(id)))!)!;
  const { employee, manager, executive, colleague, expert, hr, raters } = mokaPeople();
  const city = cityFor('moka', [employee, manager, executive, colleague, expert, hr]);

  it('evaluation: the review shown before the restart starts the evaluation, each rater chosen before it asked', async () => {
    const form = await city.press(hr, await city.say(hr, '評価'), '新しい評価を始める');
    const review = await city.press(hr, form, '内容を確認する', {
      typed: {
        candidateEmail: employee.email,
        tier: choice(form, 'tier', tier.name),
        ...Object.fromEntries(viewpoints.map((v, i) => [`raters_${v.id}`, raters[i]!.email])),
      },
    });

    await city.restart();

    const inboxes = raters.map((r) => city.inbox(r));
    const started = await city.press(hr, review, '評価を始める');
    expect(textOf(started)).toContain(`評価を始めました。${raters.length}件の評価依頼を送りました。`);
    for (const [i, inbox] of inboxes.entries()) {
      const [request, ...more] = inbox.take();
      expect(more).toEqual([]);
      expect(textOf(request)).toContain(`評価のお願い：${employee.name}さん`);
      expect(textOf(request)).toContain(`${viewpoints[i]!.name}（${viewpoints[i]!.raters}）`);
    }
  });
});

describe('Kunisaki: appointing a DX推進リーダー', () => {
  const { framework } = frameworkActive('kunisaki');
  const leader = framework.tier(framework.rules.appointment!.perSection!)!;
  const { employee, manager, hr } = kunisakiPeople();
  const city = cityFor('kunisaki', [employee, manager, hr]);

  it('appointment: the confirmation shown before the restart appoints the employee chosen before it, who is told', async () => {
    const coverage = await city.say(hr, '任命');
    const confirmation = await city.press(hr, coverage, '確認へ進む', {
      typed: { appointEmail: employee.email, appointTier: choice(coverage, 'appointTier', leader.name) },
    });

    await city.restart();

    const employeeInbox = city.inbox(employee);
    const appointed = await city.press(hr, confirmation, '任命する');
    expect(textOf(appointed)).toContain(`${employee.name}さんを${leader.name}に任命しました。`);
    expect(employeeInbox.take().map(textOf)).toEqual([expect.stringContaining(`あなたは${leader.name}に任命されました`)]);
    expect(textOf(await city.say(hr, '任命'))).toContain(`${leader.name}がいる係：1 / 2`);
  });
});
