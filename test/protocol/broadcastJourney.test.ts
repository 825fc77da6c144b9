import { randomUUID } from 'node:crypto';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, openWindows, talkingTo } from '../support/conversation';
import { waitFor } from '../support/waitFor';

// One broadcast from HR's first word to the CSV, with the real sender: HR composes, previews, chooses everyone and
// confirms; the sender delivers to everyone who has the app, updates HR's card in place, and the report and its CSV
// (an export prepared in the background, handed over by a one-time link in local runs) say who was reached. Its own
// Azurite: the roster is one data set per storage.

let azurite: Azurite;
let harness: BotHarness;

const staff: { person: TestUser; row: string }[] = [];
/** Everyone reports to the first person (HR here), so an employee's application has an approver. */
function person(name: string, department: string, roles = ''): TestUser {
  const aadObjectId = randomUUID();
  const p = { id: `29:${aadObjectId}`, aadObjectId, name };
  const n = staff.length + 1;
  staff.push({ person: p, row: [`J${n}`, name, `j${n}@example.city.jp`, aadObjectId, department, '', '主事', n === 1 ? '' : 'j1@example.city.jp', roles].join(',') });
  return p;
}

const hr = person('到津 由美', '政策局', 'hr');
const employees = ['北九 太郎', '門司 花子', '小倉 一郎', '八幡 次郎', '戸畑 健二', '若松 恵'].map((name, i) => person(name, i % 2 ? '建設局' : '市民局'));
/** On the roster, but the app was never installed for them. */
const withoutTheApp = [person('折尾 幸', '市民局'), person('黒崎 誠', '建設局')];

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString });
  await importRosterRows(harness, staff.map((s) => s.row));
  await meet(harness, [hr, ...employees]);
  // Gold's window is open, as it is when HR announces it.
  await openWindows(harness, ['gold']);
}, 30_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

const { click, clickBelow } = talkingTo(() => harness);

/** The data of the button with this verb. */
function dataOf(card: Card, verb: string): Record<string, unknown> {
  const action = executeActions(card).find((a) => a.verb === verb);
  if (!action) throw new Error(`no ${verb} button on: ${textOf(card)}`);
  return action.data as Record<string, unknown>;
}

/** The initial value of every input on a card, by id. */
function inputsOf(card: Card): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') values[record.id] = record.value ?? '';
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return values;
}

const chatOf = (who: TestUser): string => `a:${who.id}`;

it('HR sends the notice to everyone with the app, watches it in place, and downloads who was reached', async () => {
  const home = cardOf(await harness.say('お知らせ配信', { user: hr }));
  // Writing, the preview and its way on, and the recipients each come as the newest message in her chat.
  const [form] = await clickBelow(hr, 'hr.broadcast.compose', dataOf(home, 'hr.broadcast.compose'));
  const { broadcastId } = dataOf(form!, 'hr.broadcast.preview') as { broadcastId: string };
  const [preview, controls] = (await clickBelow(hr, 'hr.broadcast.preview', { ...inputsOf(form!), broadcastId })) as [Card, Card];
  const [audience] = (await clickBelow(hr, 'hr.broadcast.audience', dataOf(controls, 'hr.broadcast.audience'))) as [Card];
  const review = await click(hr, 'hr.broadcast.review', { ...inputsOf(audience), broadcastId, audienceKind: 'everyone', startDate: '' });
  expect(textOf(review)).toContain(`${staff.length}人`);
  const status = await click(hr, 'hr.broadcast.confirm', dataOf(review, 'hr.broadcast.confirm'));
  expect(textOf(status)).toMatch(/送信待ち|送信中/);

  // The sender takes it from here: everyone with the app gets the previewed card once, nobody else gets anything.
  const reached = [hr, ...employees];
  const done = await waitFor('the broadcast to be completed', async () => {
    const stored = await harness.bot.repositories.broadcasts.find(harness.frameworkId, broadcastId);
    return stored?.state === 'completed' && stored;
  });
  expect(done.progress).toMatchObject({ total: staff.length, sent: reached.length, unreachable: withoutTheApp.length, failed: 0 });
  for (const p of employees) {
    // Their chat also holds the bot's answer to 「メニュー」.
    const notices = harness.connector.activities(chatOf(p)).map(cardOf).filter((card) => textOf(card) === textOf(preview));
    expect(notices).toEqual([preview]);
  }
  for (const p of withoutTheApp) expect(harness.connector.activities(chatOf(p))).toHaveLength(0);

  // HR's card moved by itself: it was replaced in place (once her click had surely been answered) with the outcome.
  await waitFor("HR's card to show the outcome", () => textOf(harness.connector.updates(chatOf(hr)).at(-1)?.attachments?.[0]?.content).includes('送信完了'));
  const updates = harness.connector.updates(chatOf(hr));
  expect(updates.every((u) => u.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive')).toBe(true);

  // The report, on demand, and its CSV as Excel opens it.
  const report = await click(hr, 'hr.broadcast.status', { broadcastId });
  expect(textOf(report)).toContain('送信完了');
  expect(textOf(report)).toContain('アプリ');
  const exportCalls = harness.connector.calls.length;
  const started = await click(hr, 'hr.broadcast.export', dataOf(report, 'hr.broadcast.export'));
  expect(textOf(started)).toContain('の準備を始めました');
  expect(dataOf(started, 'hr.broadcast.status')).toEqual({ broadcastId });
  // The export's card is posted below and updated in place until its link is there.
  const posted = harness.connector.calls
    .slice(exportCalls)
    .find((c) => c.method === 'POST' && c.conversationId === chatOf(hr) && textOf(c.body).includes('CSV：'));
  expect(posted).toBeDefined();
  const exportCardId = (posted!.response as { id: string }).id;
  const url = await waitFor('the link on the export card', () => {
    const latest = harness.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === exportCardId && c.status < 300).at(-1);
    const actions = (latest ? cardOf(latest.body as Parameters<typeof cardOf>[0]).actions : undefined) as { type: string; url?: string }[] | undefined;
    return actions?.find((a) => a.type === 'Action.OpenUrl')?.url;
  });
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toContain('職員番号');
  expect(lines).toHaveLength(1 + staff.length);
  expect(lines.filter((l) => l.includes('送信済み'))).toHaveLength(reached.length);
  expect(lines.filter((l) => l.includes('アプリ未インストール'))).toHaveLength(withoutTheApp.length);
  // The link was good for that one download.
  expect((await fetch(url)).status).toBe(404);

  // An employee applies straight from the notice: the form comes as a new message and the notice stays as it was.
  const apply = executeActions(preview).find((a) => a.verb === 'application.form')!;
  const applicant = employees[0]!;
  const answer = await harness.click(apply.verb, apply.data, { user: applicant });
  expect(answer).toMatchObject({ status: 200, body: { type: 'application/vnd.microsoft.activity.message', value: '下にお送りしました。' } });
  const applicationForm = harness.connector.activities(chatOf(applicant)).map(cardOf).at(-1);
  expect(textOf(applicationForm)).toContain('ゴールドに応募する');
}, 90_000);
