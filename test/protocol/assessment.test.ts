import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(async () => {
  await harness.stop();
});

/** The Action.Execute on a card whose verb (and title, if given) match; fails the test if there is none. */
function button(card: Card, verb: string, title?: string): { verb: string; data: Record<string, unknown> } {
  const found = executeActions(card).find((a) => a.verb === verb && (title === undefined || a.title === title));
  if (!found) throw new Error(`no ${verb} ${title ?? ''} on the card:\n${textOf(card)}`);
  return { verb: found.verb, data: found.data as Record<string, unknown> };
}

async function click(verb: string, data: Record<string, unknown>): Promise<Card> {
  const { status, body } = await harness.click(verb, data);
  expect(status).toBe(200);
  return body.value;
}

describe('self-assessment', () => {
  it('walks from 診断 through roles, skills and target to a result', async () => {
    const intro = cardOf(await harness.say('診断'));
    expect(textOf(intro)).toContain('DX人材 自己診断');
    let card = await click('assessment.start', {});
    // Five role steps: Lv.2 everywhere.
    for (let i = 0; i < 5; i++) {
      expect(textOf(card)).toContain(`ステップ ${i + 1}/`);
      const choose = executeActions(card).find((a) => a.verb === 'assessment.role' && (a.data as { level: number }).level === 2)!;
      card = await click(choose.verb, choose.data as Record<string, unknown>);
    }
    // Skills of Lv.1..3 (one above the highest role position): rate everything 実践できる except one Lv.2 skill.
    for (const level of [1, 2, 3]) {
      expect(textOf(card)).toContain(`Lv.${level}の必須スキル`);
      const next = button(card, 'assessment.skills');
      const inputs = JSON.stringify(card).match(/"r_[a-z0-9-]+"/g)!.map((s) => s.slice(1, -1));
      const ratings = Object.fromEntries(inputs.map((id) => [id, id === 'r_rs12' ? '1' : '2']));
      card = await click(next.verb, { ...next.data, ...ratings });
    }
    expect(textOf(card)).toContain('目標とするレベル');
    const submit = button(card, 'assessment.target');
    card = await click(submit.verb, { ...submit.data, target: '3' });
    const result = textOf(card);
    expect(result).toContain('自己診断の結果');
    expect(result).toContain('役割の位置（全体）：Lv.2');
    expect(result).toContain('必須スキル：Lv.1まで身についています');
    expect(result).toContain('次の一歩：まずLv.2の『');
    expect(result).toContain('レベルそのものの認定は行いません');
    expect(JSON.stringify(card)).toContain('Chart.HorizontalBar');
  });
});
