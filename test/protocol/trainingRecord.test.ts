import type { Program } from '../../src/domain/framework/schema';
import { VERBS } from '../../src/features/verbs';
import { translator } from '../../src/i18n';
import { executeActions, someone, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';
import { clickInChannel, talkingTo } from '../support/conversation';

// 「受講履歴」 through the real HTTP server and the fake Bot Connector: an employee sees their own attendance records,
// newest first, found from the sender's Entra id through the roster; with none, a kind sentence and whom to ask.
// Nobody sees another's. The harness brings storage of its own for its roster (staff S1 is the harness's employee).

const hanako = someone('八幡 花子');
const taro = someone('小倉 太郎');
const stranger = someone('名簿 外');
let harness: BotHarness;
let programs: Program[];
const ja = translator('ja');
const en = translator('en');
const { say, click } = talkingTo(() => harness);

beforeAll(async () => {
  harness = await startBotHarness({ staff: [hanako, taro] });
  const { repositories } = harness.bot;
  programs = (await repositories.frameworks.loadActive(harness.frameworkId))!.document.programs;
  const [first, second, third] = programs;
  await repositories.trainingRecords.store(harness.frameworkId, [
    { employeeNo: 'S2', programId: first!.id, date: '2026-04-10', status: 'attended' },
    { employeeNo: 'S2', programId: second!.id, date: '2026-06-01', status: 'completed' },
    { employeeNo: 'S2', programId: first!.id, date: '2026-05-12', status: 'absent' },
    // Someone else's record: never on hanako's card.
    { employeeNo: 'S3', programId: third!.id, date: '2026-06-20', status: 'completed' },
  ]);
}, 60_000);
afterAll(async () => {
  await harness?.stop();
});

/** The lines of a record card between its introduction and whom to ask: one per session, as date, program, status. */
function sessions(card: Card): string[] {
  const body = card.body as { type: string; columns?: { items: { text: string }[] }[] }[];
  return body.filter((e) => e.type === 'ColumnSet').map((set) => set.columns!.map((c) => c.items[0]!.text).join(' | '));
}

describe('「受講履歴」', () => {
  it('shows the employee their own records, newest first, with dates, program names and statuses, and the way back', async () => {
    const card = await say(hanako, '受講履歴');
    expect(textOf(card)).toContain(ja('training.record.intro', { name: hanako.name }));
    expect(sessions(card)).toEqual([
      `2026年6月1日 | ${programs[1]!.name} | 修了`,
      `2026年5月12日 | ${programs[0]!.name} | 欠席`,
      `2026年4月10日 | ${programs[0]!.name} | 受講済み`,
    ]);
    expect(textOf(card)).not.toContain(programs[2]!.name);
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.training, VERBS.menu]);
  });

  it.each(['研修の記録', '受けた研修を見たい', '受講した研修を教えてください', 'じゅこうりれき'])('understands 「%s」 as the same request', async (text) => {
    expect(sessions(await say(hanako, text))).toHaveLength(3);
  });

  it('answers "training record" in English for an English client', async () => {
    const card = await say(hanako, 'training record', 'en-US');
    expect(textOf(card)).toContain(en('training.record.title'));
    expect(sessions(card)[0]).toBe(`1 Jun 2026 | ${programs[1]!.name} | Completed`);
  });

  it('tells an employee with no record that none is recorded yet, and whom to ask', async () => {
    const card = await say(harness.employee, '受講履歴');
    const text = textOf(card);
    expect(text).toContain(ja('training.record.none', { name: harness.employee.name }));
    expect(text).toContain('政策局 DX・AI戦略室');
    expect(sessions(card)).toEqual([]);
    expect(executeActions(card).map((a) => a.verb)).toContain(VERBS.menu);
  });

  it('shows the clicker their own record from the menu button, whatever else the card data says', async () => {
    const card = await click(taro, VERBS.trainingRecord, { employeeNo: 'S2', aadObjectId: hanako.aadObjectId });
    expect(sessions(card)).toEqual([`2026年6月20日 | ${programs[2]!.name} | 修了`]);
  });

  it('tells someone not on the roster why it needs the roster, and shows nothing', async () => {
    const card = await say(stranger, '受講履歴');
    expect(textOf(card)).toContain(ja('roster.required.title'));
    expect(sessions(card)).toEqual([]);
  });

  it('sends a request in a channel to the personal chat, showing nothing', async () => {
    const { status, body } = await clickInChannel(harness, hanako, VERBS.trainingRecord, {});
    expect(status).toBe(200);
    const card = body.value;
    expect(textOf(card)).toContain(ja('training.record.personalOnly'));
    expect(sessions(card)).toEqual([]);
  });
});
