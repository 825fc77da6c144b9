import { randomUUID } from 'node:crypto';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import type { AssessmentSummary } from '../../src/storage/assessmentSummaryRepository';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { applicationId } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { importRosterRows, openWindows, talkingTo } from '../support/conversation';

// A manager's team view through the real bot: their direct reports' latest self-assessments in short. Only the
// manager and HR see it; anyone else is refused and nothing of the team is shown. The roster is one data set per
// storage, so this file brings its own Azurite and its own people.

let azurite: Azurite;
let harness: BotHarness;
const logged: string[] = [];
const capture = (message: string, fields?: Record<string, unknown>): void => {
  logged.push(JSON.stringify({ message, ...fields }));
};
const logger: Logger = { info: capture, warn: capture, error: capture };

// ---------------------------------------------------------------------------------------------------------------
// The people: a section manager with eleven reports, a peer manager with a team of their own, HR.

interface Person extends TestUser {
  readonly employeeNo: string;
  readonly email: string;
  readonly grade: string;
}

const rosterRows: string[] = [];
function person(employeeNo: string, name: string, grade: string, manager?: Person, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, employeeNo, grade, email: `${employeeNo.toLowerCase()}@example.city.jp` };
  rosterRows.push([employeeNo, name, p.email, aadObjectId, '市民局', '窓口係', grade, manager?.email ?? '', roles].join(','));
  return p;
}

const bucho = person('M000', '戸畑 部長', '部長');
const kacho = person('M001', '小倉 一郎', '課長', bucho);
const peer = person('M002', '若松 課長', '課長', bucho);
const hr = person('H001', '到津 由美', '主任', bucho, 'hr');
const reports = Array.from({ length: 11 }, (_, i) => person(`R${String(i + 1).padStart(3, '0')}`, `部下 ${i + 1}`, i % 2 ? '主任' : '主事', kacho));
const peersReport = person('P001', '枝光 誠', '主事', peer);
/** Completes a real self-assessment through the bot: the summary the team view shows is the assessment flow's. */
const assessingReport = reports[10]!;
/** Never assessed themselves. */
const neverAssessed = [reports[7]!, reports[8]!, reports[9]!];

/** Gaps of the seven reports whose summaries are stored directly: rs01 is lacked by six, rs06 by four, rs10 by one. */
const GAPS: string[][] = [['rs01', 'rs06'], ['rs01', 'rs06'], ['rs01', 'rs06', 'rs10'], ['rs01'], ['rs01', 'rs06'], ['rs01'], []];

/** Answers a self-assessment's rating scale: the labels that must never show on a team card. */
const RATING_LABELS = ['まだ知らない', '知っている', '実践できる', '人に教えられる'];
const CATEGORY_NAMES = ['使命感', '思考・認識', '業務遂行', '組織運営', '外部影響'];

beforeAll(async () => {
  azurite = await startAzurite();
  harness = await startBotHarness({ connectionString: azurite.connectionString, logger });
  const { repositories } = harness.bot;
  await importRosterRows(harness, rosterRows);
  for (const [i, gapSkillIds] of GAPS.entries()) await repositories.assessmentSummaries.record(aSummary(reports[i]!, i, gapSkillIds));
  await repositories.assessmentSummaries.record(aSummary(peersReport, 0, ['rs02']));
  await finishAssessment(assessingReport);
}, 60_000);
afterAll(async () => {
  await harness?.stop();
  await azurite?.stop();
});

function aSummary(p: Person, i: number, gapSkillIds: string[]): AssessmentSummary {
  return {
    frameworkId: harness.frameworkId,
    aadObjectId: p.aadObjectId,
    assessmentId: `0000000000000-${String(i).padStart(8, '0')}`,
    completedAt: '2026-05-31T16:00:00.000Z',
    overallRoleLevel: (i % 3) + 1,
    skillLevel: i % 2,
    target: 4,
    // Each category's chosen role level is an answer: never to be shown.
    rolePositions: { mission: 5, thinking: 1, execution: 2, organization: 3, external: 4 },
    gapSkillIds,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

const { say, click } = talkingTo(() => harness);

/** The data of the first button with this verb (and matching `pick`) on a card. */
function buttonData(card: Card, verb: string, pick: (data: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = executeActions(card).find((a) => a.verb === verb && pick(a.data as Record<string, unknown>));
  if (!found) throw new Error(`no ${verb} on the card:\n${textOf(card)}`);
  return found.data as Record<string, unknown>;
}

/** The ids of the skill rating inputs on a card ("r_rs01" …). */
function ratingIds(card: Card): string[] {
  return [...JSON.stringify(card).matchAll(/"id":"(r_[a-z0-9-]+)"/g)].map((m) => m[1]!);
}

/** Every role at Lv.2, every skill rated "know about it" (not mastered), target Lv.3: a result with many gaps. */
async function finishAssessment(who: TestUser): Promise<void> {
  let card = await click(who, 'assessment.start', {});
  while (executeActions(card).some((a) => a.verb === 'assessment.role')) {
    card = await click(who, 'assessment.role', buttonData(card, 'assessment.role', (d) => String(d.level) === '2'));
  }
  while (executeActions(card).some((a) => a.verb === 'assessment.skills')) {
    const ratings = Object.fromEntries(ratingIds(card).map((id) => [id, '1']));
    card = await click(who, 'assessment.skills', { ...buttonData(card, 'assessment.skills'), ...ratings });
  }
  card = await click(who, 'assessment.target', { ...buttonData(card, 'assessment.target'), target: '3' });
  expect(textOf(card)).toContain('自己診断の結果');
}

/** The rows of a team card, as "name | role | skill | target | gaps". */
function rowsOf(card: Card): string[] {
  const columnSets = (card.body ?? []).filter((e) => (e as { type?: string }).type === 'ColumnSet');
  return columnSets.map((set) => textOf(set).replaceAll('\n', ' | '));
}

/** Everything on a card a viewer could read about the team. */
function namesOn(card: Card): string[] {
  const text = textOf(card);
  return [...reports, peersReport].map((p) => p.name).filter((name) => text.includes(name));
}

// ---------------------------------------------------------------------------------------------------------------

describe("a manager's team", () => {
  it("records the summary of an assessment finished through the bot, as the team view reads it", async () => {
    const summary = await harness.bot.repositories.assessmentSummaries.find(harness.frameworkId, assessingReport.aadObjectId);
    expect(summary).toMatchObject({ overallRoleLevel: 2, skillLevel: 0, target: 3 });
    expect(summary!.gapSkillIds.length).toBeGreaterThan(5);
  });

  it('shows the manager their eleven reports in short: who assessed, levels, gaps, the most common gaps', async () => {
    const card = await say(kacho, 'チーム');
    const text = textOf(card);

    expect(text).toContain('チームの自己診断');
    expect(text).toContain('小倉 一郎さん（市民局）の直属の部下');
    expect(text).toContain('自己診断を終えた人：8人 / 11人');
    // The skill lacked by most comes first; the real assessment lacks rs01 and rs06 too.
    const gapLines = text.split('\n').filter((line) => line.startsWith('・'));
    expect(gapLines.slice(0, 2)).toEqual(['・データ理解・活用（7人）', '・情報リテラシー（5人）']);
    expect(gapLines.length).toBeLessThanOrEqual(5);

    const rows = rowsOf(card);
    expect(rows[0]).toBe('氏名 | 役割 | スキル | 目標 | 不足');
    expect(rows).toHaveLength(1 + 11);
    expect(rows[1]).toBe('部下 1（主事） | 2026年6月1日 診断 | Lv.1 | Lv.1未満 | Lv.4 | 2');
    expect(rows[3]).toBe('部下 3（主事） | 2026年6月1日 診断 | Lv.3 | Lv.1未満 | Lv.4 | 3');
    const gaps = (await harness.bot.repositories.assessmentSummaries.find(harness.frameworkId, assessingReport.aadObjectId))!.gapSkillIds.length;
    expect(rows[8]).toMatch(new RegExp(`^部下 11（主事） \\| \\d{4}年\\d{1,2}月\\d{1,2}日 診断 \\| Lv.2 \\| Lv.1未満 \\| Lv.3 \\| ${gaps}$`));
    // Those who never assessed come last, said as such.
    expect(rows.slice(9)).toEqual(neverAssessed.map((p) => `${p.name}（${p.grade}） | 未診断 | － | － | －`));
    expect(namesOn(card)).not.toContain(peersReport.name);
  });

  it('shows levels and counts only, never the answers, and stays compact', async () => {
    const card = await say(kacho, 'チーム');
    const json = JSON.stringify(card);
    for (const word of [...RATING_LABELS, ...CATEGORY_NAMES, 'rolePositions', 'assessmentId', 'Lv.5']) expect({ word, shown: json.includes(word) }).toEqual({ word, shown: false });
    expect(Buffer.byteLength(json)).toBeLessThan(40 * 1024);
    // A manager gets no field to open other teams.
    expect(json).not.toContain('managerEmail');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['menu.show']);
  });

  it('points out the applications waiting for the manager, with the way to them; another manager\'s view does not', async () => {
    await openWindows(harness);
    const applicant = reports[0]!;
    await click(applicant, 'application.submit', { track: 'silver', motivation: '窓口の電子申請を広げたいので応募します。', attachAssessment: 'false' });
    const card = await say(kacho, 'チーム');
    expect(textOf(card)).toContain('あなたの承認を待っている応募が1件あります。');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['approval.inbox', 'menu.show']);
    const inbox = await click(kacho, 'approval.inbox', {});
    expect(textOf(inbox)).toContain(`${applicant.name}（市民局・${applicant.grade}）`);
    // HR looking at 小倉 一郎's team is not who approves: nothing is pointed out to HR.
    expect(textOf(await say(hr, `チーム ${kacho.email}`))).not.toContain('あなたの承認を待っている応募');
    await click(applicant, 'application.withdraw', { applicationId: applicationId(fiscalYearOf(new Date()), 'silver', applicant.aadObjectId), confirmed: true });
    expect(textOf(await say(kacho, 'チーム'))).not.toContain('あなたの承認を待っている応募');
  });

  it('opens the same way from the other chat words and the menu button', async () => {
    const expected = rowsOf(await say(kacho, 'チーム'));
    for (const word of ['部下', 'team', 'my team']) expect(rowsOf(await say(kacho, word))).toEqual(expected);
    const menu = await say(kacho, 'メニュー');
    const data = buttonData(menu, 'team.show');
    expect(rowsOf(await click(kacho, 'team.show', data))).toEqual(expected);
    // Their own e-mail is their own team too.
    expect(rowsOf(await click(kacho, 'team.show', { managerEmail: kacho.email.toUpperCase() }))).toEqual(expected);
  });
});

describe('HR', () => {
  it("opens any manager's team by the manager's e-mail, by chat or on the card", async () => {
    const expected = rowsOf(await say(kacho, 'チーム'));
    const byChat = await say(hr, `チーム ${kacho.email}`);
    expect(textOf(byChat)).toContain('小倉 一郎さん（市民局）の直属の部下');
    expect(rowsOf(byChat)).toEqual(expected);

    const own = await say(hr, 'チーム');
    expect(textOf(own)).toContain('職員名簿では、到津 由美さんを上司とする職員はいません');
    const field = JSON.stringify(own).includes('"id":"managerEmail"');
    expect(field).toBe(true);
    const byCard = await click(hr, 'team.show', { ...buttonData(own, 'team.show'), managerEmail: ` ${kacho.email} ` });
    expect(rowsOf(byCard)).toEqual(expected);
    const peers = await click(hr, 'team.show', { managerEmail: peer.email });
    expect(namesOn(peers)).toEqual([peersReport.name]);
  });

  it('is told when the e-mail is on no one', async () => {
    const card = await click(hr, 'team.show', { managerEmail: 'nobody@example.city.jp' });
    expect(textOf(card)).toContain('nobody@example.city.jp は職員名簿にありません');
  });
});

describe('anyone else', () => {
  it.each([
    ['a peer manager', peer],
    ['a report of that manager', reports[0]!],
  ])("%s asking for the manager's team is refused, and sees nothing of it", async (_who, who) => {
    const before = logged.length;
    for (const card of [await say(who, `チーム ${kacho.email}`), await click(who, 'team.show', { managerEmail: kacho.email })]) {
      expect(textOf(card)).toContain('ほかの上司のチームは、その上司本人と人事担当者だけが見られます');
      expect(namesOn(card)).toEqual([]);
      expect(textOf(card)).not.toMatch(/Lv\.|未診断|自己診断を終えた人/);
    }
    const refusals = logged.slice(before).filter((line) => line.includes('team view refused'));
    expect(refusals).toHaveLength(2);
    expect(logged.slice(before).some((line) => line.includes('team view opened'))).toBe(false);
  });

  it('someone without reports asking for their own team learns why there is nothing to show', async () => {
    const card = await say(reports[0]!, 'チーム');
    expect(textOf(card)).toContain('あなたを上司とする職員はいません');
    expect(namesOn(card)).toEqual([]);
  });

  it('someone not on the roster is told they are not on it, shown no team, and nothing is logged or kept', async () => {
    const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 にない' };
    const before = logged.length;
    for (const card of [await say(stranger, 'チーム'), await click(stranger, 'team.show', { managerEmail: kacho.email })]) {
      expect(textOf(card)).toContain('職員名簿にお名前が見つかりません');
      expect(namesOn(card)).toEqual([]);
      expect(textOf(card)).not.toMatch(/Lv\.|未診断|自己診断を終えた人/);
    }
    // The roster is asked before the team view is, and not being on it is no refusal to log; nothing of them is kept.
    expect(logged.slice(before)).toEqual([]);
    expect(await harness.bot.repositories.conversations.find('user', stranger.aadObjectId)).toBeUndefined();
  });

  it('a team asked for in a channel is not shown there', async () => {
    const channel = { id: '19:team-channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX' };
    const sent = harness.activity({ type: 'message', text: 'チーム', conversation: channel }, { user: kacho, conversationId: channel.id });
    const { status } = await harness.post(sent);
    expect(status).toBeLessThan(300);
    const [reply] = await harness.connector.waitForActivities(1, { conversationId: channel.id });
    expect(textOf(cardOf(reply!))).toContain('個人チャットで見てください');
    expect(namesOn(cardOf(reply!))).toEqual([]);
  });
});
