import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { submitApplication } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import { waitingForApproval } from '../../src/features/applications/waitingForApproval';
import { answer } from '../../src/features/framework/answer';
import { menuOptions } from '../../src/features/framework/menuOptions';
import { VERBS } from '../../src/features/verbs';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import type { Logger } from '../../src/logger';
import { azuriteConnectionString } from '../../src/storage/azuriteConnectionString';
import { createRepositories, type Repositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { kitakyushuActive } from '../support/allCards';
import { cardOf, executeActions, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { clickInChannel, importRosterRows, sayTo } from '../support/conversation';
import { kunisakiLikeDocument } from '../support/kunisakiLike';
import { mokaLikeDocument } from '../support/mokaLike';

// HR's menu through the real HTTP server and the fake Bot Connector: what it offers depends on the city's framework
// (Kitakyushu's application windows, a Moka-like city's evaluations, a Kunisaki-like city's appointments), each of
// its buttons opens that capability for HR, everyone else is refused, and only HR's ordinary menu leads to it. Three
// bots share one Azurite of this file's own (the roster is one data set per storage).

let azurite: Azurite;
let kitakyushu: BotHarness;
let moka: BotHarness;
let kunisaki: BotHarness;
const ja = translator('ja');
const fy = fiscalYearOf(new Date());

/** What the bot logs as a warning: refusals are logged. */
const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const recordingLogger: Logger = { info: () => undefined, warn: (message, fields) => warnings.push({ message, fields }), error: () => undefined };

const HR_ONLY = ja('applications.refusal.hrOnly');
const ROSTER_REQUIRED = ja('roster.required.title');
const HR_MENU_WORDS = ['HRメニュー', '人事メニュー', '管理メニュー', 'hr menu', 'HR Menu', 'admin', 'ＨＲメニュー', 'HRメニュー。'];

// ---------------------------------------------------------------------------------------------------------------
// The people: an HR officer, a section manager and their report, someone the roster does not know.

interface Person extends TestUser {
  readonly email: string;
}
const rosterRows: string[] = [];
function person(name: string, grade: string, manager?: Person, roles = ''): Person {
  const aadObjectId = randomUUID();
  const p: Person = { id: `29:${aadObjectId}`, aadObjectId, name, email: `${aadObjectId.slice(0, 8)}@example.city.jp` };
  rosterRows.push([`E${rosterRows.length + 1}`, name, p.email, aadObjectId, '市民局', '窓口係', grade, manager?.email ?? '', roles].join(','));
  return p;
}
const kacho = person('小倉 一郎', '課長');
const hr = person('到津 由美', '主任', kacho, 'hr');
const employee = person('門司 花子', '主事', kacho);
const stranger: TestUser = { id: '29:stranger', aadObjectId: randomUUID(), name: '名簿 外' };

beforeAll(async () => {
  azurite = await startAzurite();
  kitakyushu = await startBotHarness({ connectionString: azurite.connectionString, logger: recordingLogger });
  moka = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: mokaLikeDocument });
  kunisaki = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: kunisakiLikeDocument });
  await importRosterRows(kitakyushu, rosterRows);
}, 60_000);
afterAll(async () => {
  await kitakyushu?.stop();
  await moka?.stop();
  await kunisaki?.stop();
  await azurite?.stop();
});

/** The verbs of a card's buttons, in their order. */
const verbsOf = (card: unknown): string[] => executeActions(card).map((a) => a.verb);

/** Clicks a button of a card as Teams does: its data with the card's inputs (here the manager's e-mail) merged in. */
async function clickButton(bot: BotHarness, verb: string, card: Card, user: TestUser): Promise<Card> {
  const button = executeActions(card).find((a) => a.verb === verb);
  if (!button) throw new Error(`no ${verb} button on the card`);
  const { status, body } = await bot.click(verb, { ...(button.data as object), managerEmail: kacho.email }, { user });
  expect({ verb, status }).toEqual({ verb, status: 200 });
  return body.value;
}

// ---------------------------------------------------------------------------------------------------------------

describe('HR\'s menu in Kitakyushu (applications in a yearly window)', () => {
  it('opens for HR by each chat word and by its verb, with one line and one button per capability', async () => {
    const card = await sayTo(kitakyushu, hr, 'HRメニュー');
    expect(textOf(card)).toContain('HRメニュー');
    expect(verbsOf(card)).toEqual([
      VERBS.hrWindows,
      VERBS.hrApplications,
      VERBS.hrBroadcasts,
      VERBS.hrKpi,
      VERBS.hrExports,
      VERBS.teamShow,
      VERBS.menu,
    ]);
    const text = textOf(card);
    expect(text).toContain('ゴールド・シルバー・プロフェッショナルトラック（DX）の応募を受け付ける期間を決めます');
    expect(text).toContain(ja('hrMenu.kpi.help'));
    expect(text).not.toContain(ja('hrMenu.evaluations.open'));
    expect(text).not.toContain(ja('hrMenu.appointments.open'));
    // The way back to the employees' menu.
    expect(executeActions(card).find((a) => a.verb === VERBS.menu)?.title).toBe('メニューに戻る');

    for (const word of HR_MENU_WORDS) {
      expect({ word, card: await sayTo(kitakyushu, hr, word) }).toEqual({ word, card });
    }
    const { status, body } = await kitakyushu.click(VERBS.hrMenu, {}, { user: hr });
    expect(status).toBe(200);
    expect(body.value).toEqual(card);
  });

  it('speaks English to an English client', async () => {
    const card = await sayTo(kitakyushu, hr, 'hr menu', 'en-US');
    expect(textOf(card)).toContain('HR menu');
    expect(executeActions(card).map((a) => a.title)).toContain('Application windows');
  });

  it('opens the right card with each button, for HR', async () => {
    const menu = await sayTo(kitakyushu, hr, 'HRメニュー');
    const expected: Record<string, string> = {
      [VERBS.hrWindows]: ja('hr.windows.title', { fy }),
      [VERBS.hrApplications]: ja('hr.list.title', { fy }),
      [VERBS.hrBroadcasts]: ja('broadcast.list.hint'),
      [VERBS.hrKpi]: ja('kpi.title', { fy }),
      [VERBS.hrExports]: ja('export.intro'),
      [VERBS.teamShow]: ja('team.heading', { name: kacho.name, department: '市民局' }),
      [VERBS.menu]: ja('menu.intro'),
    };
    expect(Object.keys(expected).sort()).toEqual(verbsOf(menu).sort());
    for (const verb of verbsOf(menu)) {
      const text = textOf(await clickButton(kitakyushu, verb, menu, hr));
      expect({ verb, opens: text.includes(expected[verb]!), refused: text.includes(HR_ONLY) }).toEqual({ verb, opens: true, refused: false });
    }
  });

  it('refuses anyone who is not HR on the roster, for every chat word and the verb, and logs it', async () => {
    for (const user of [employee, kacho]) {
      for (const word of HR_MENU_WORDS) {
        const card = await sayTo(kitakyushu, user, word);
        expect({ word, refused: textOf(card).includes(HR_ONLY) }).toEqual({ word, refused: true });
        // Nothing of HR's: only the way back to the menu.
        expect(verbsOf(card)).toEqual([VERBS.menu]);
      }
      const before = warnings.length;
      const { status, body } = await kitakyushu.click(VERBS.hrMenu, {}, { user });
      expect(status).toBe(200);
      expect(textOf(body.value)).toContain(HR_ONLY);
      expect(verbsOf(body.value)).toEqual([VERBS.menu]);
      expect(warnings.slice(before)).toEqual([{ message: 'HR action refused', fields: { action: 'hrMenu', by: user.aadObjectId } }]);
    }
  });

  it('tells someone the roster does not know that they are not on it, before asking whether they are HR, and logs nothing', async () => {
    const before = warnings.length;
    for (const word of HR_MENU_WORDS) {
      const card = await sayTo(kitakyushu, stranger, word);
      expect({ word, notice: textOf(card).includes(ROSTER_REQUIRED), hrOnly: textOf(card).includes(HR_ONLY) }).toEqual({
        word,
        notice: true,
        hrOnly: false,
      });
      // Nothing of HR's: the framework, which is open to everyone, and the way back to the menu.
      expect(verbsOf(card)).toEqual([VERBS.ladder, VERBS.menu]);
    }
    const { status, body } = await kitakyushu.click(VERBS.hrMenu, {}, { user: stranger });
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain(ROSTER_REQUIRED);
    expect(textOf(body.value)).not.toContain(HR_ONLY);
    expect(verbsOf(body.value)).toEqual([VERBS.ladder, VERBS.menu]);
    expect(warnings.slice(before)).toEqual([]);
  });

  it('is personal: in a team channel even HR is told to open it in the personal chat', async () => {
    const channel = { id: '19:hr-channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX' };
    const message = kitakyushu.activity({ type: 'message', text: 'HRメニュー', conversation: channel }, { user: hr });
    const { status } = await kitakyushu.post(message);
    expect(status).toBeLessThan(300);
    const [reply] = await kitakyushu.connector.waitForActivities(1, { conversationId: channel.id });
    expect(textOf(cardOf(reply!))).toContain(ja('hrMenu.personalOnly'));
  });
});

describe('the ordinary menu', () => {
  const employeesMenu = answer(kitakyushuActive(), { kind: 'menu' }, ja);

  it('is the employees\' menu, without the team or the HR button, for someone with no reports who is not HR', async () => {
    for (const user of [employee, stranger]) {
      const said = await sayTo(kitakyushu, user, 'メニュー');
      expect(said).toEqual(employeesMenu);
      expect(verbsOf(said)).not.toContain(VERBS.hrMenu);
      expect(verbsOf(said)).not.toContain(VERBS.teamShow);
      const { body } = await kitakyushu.click(VERBS.menu, {}, { user });
      expect(body.value).toEqual(employeesMenu);
    }
  });

  it('has one more button for a manager (someone with a report on the roster), 「チームの自己診断」, which opens their team', async () => {
    const said = await sayTo(kitakyushu, kacho, 'メニュー');
    const buttons = executeActions(said);
    expect(buttons.filter((a) => a.verb === VERBS.teamShow).map((a) => a.title)).toEqual(['チームの自己診断']);
    expect(buttons.filter((a) => a.verb !== VERBS.teamShow)).toEqual(executeActions(employeesMenu));
    const { body } = await kitakyushu.click(VERBS.menu, {}, { user: kacho });
    expect(body.value).toEqual(said);
    const team = textOf(await clickButton(kitakyushu, VERBS.teamShow, said, kacho));
    expect(team).toContain(ja('team.title'));
    expect(team).toContain(employee.name);
  });

  it('has one more button for HR, 「HRメニュー」, which opens HR\'s menu', async () => {
    const said = await sayTo(kitakyushu, hr, 'メニュー');
    const buttons = executeActions(said);
    expect(buttons.filter((a) => a.verb === VERBS.hrMenu).map((a) => a.title)).toEqual(['HRメニュー']);
    // Otherwise the employees' menu, button for button.
    expect(buttons.filter((a) => a.verb !== VERBS.hrMenu)).toEqual(executeActions(employeesMenu));
    const { body } = await kitakyushu.click(VERBS.menu, {}, { user: hr });
    expect(body.value).toEqual(said);
    expect(verbsOf(await clickButton(kitakyushu, VERBS.hrMenu, said, hr))).toContain(VERBS.hrWindows);

    const english = await sayTo(kitakyushu, hr, 'menu', 'en-US');
    expect(executeActions(english).filter((a) => a.verb === VERBS.hrMenu).map((a) => a.title)).toEqual(['HR menu']);
  });

  it('has no HR or team button in a team channel, where everyone sees it', async () => {
    for (const user of [hr, kacho]) {
      const { status, body } = await clickInChannel(kitakyushu, user, VERBS.menu);
      expect(status).toBe(200);
      expect(body.value).toEqual(employeesMenu);
    }
  });

  it('leads whoever an application waits for to their approvals, 「承認待ち（1件）」, until it is decided', async () => {
    const { applications } = kitakyushu.bot.repositories;
    const now = new Date();
    const waiting = submitApplication(
      {
        frameworkId: kitakyushu.frameworkId,
        fiscalYear: fiscalYearOf(now),
        track: 'silver',
        applicant: { aadObjectId: employee.aadObjectId, name: employee.name, employeeNo: 'E03', department: '市民局', grade: '主事' },
        approver: { aadObjectId: kacho.aadObjectId, name: kacho.name },
        motivation: '窓口の電子申請を広げたいので応募します。',
      },
      now,
    );
    const stored = await applications.create(waiting);
    const said = await sayTo(kitakyushu, kacho, 'メニュー');
    expect(executeActions(said).filter((a) => a.verb === VERBS.approvalInbox).map((a) => a.title)).toEqual(['承認待ち（1件）']);
    expect(textOf(await clickButton(kitakyushu, VERBS.approvalInbox, said, kacho))).toContain(`${employee.name}（市民局・主事）`);
    // Not to anyone else, and no more once decided.
    expect(verbsOf(await sayTo(kitakyushu, hr, 'メニュー'))).not.toContain(VERBS.approvalInbox);
    await applications.update({ ...waiting, state: 'approved' }, stored.etag);
    expect(verbsOf(await sayTo(kitakyushu, kacho, 'メニュー'))).not.toContain(VERBS.approvalInbox);
  });

  it('falls back to the employees\' menu when the roster cannot be read', async () => {
    const context = { activity: { from: { id: hr.id, aadObjectId: hr.aadObjectId }, conversation: { conversationType: 'personal' } } } as TurnContext;
    const sources = (repositories: Repositories) => ({
      roster: repositories.roster,
      pendingApprovals: async (frameworkId: string, approverId: string) =>
        (await waitingForApproval(repositories.applications, frameworkId, approverId, new Date())).length,
    });
    const found = await menuOptions(context, kitakyushu.frameworkId, sources(kitakyushu.bot.repositories));
    expect(found).toEqual({ offersHrMenu: true, offersTeam: false, pendingApprovals: 0 });
    const nowhere = createRepositories(createTableStorage({ connectionString: azuriteConnectionString(await closedPort(), await closedPort()) }));
    expect(await menuOptions(context, kitakyushu.frameworkId, sources(nowhere))).toEqual({});
  });
});

describe('HR\'s menu in other cities', () => {
  it('offers evaluations, and no application windows, where tiers are certified by several raters (Moka-like)', async () => {
    const card = await sayTo(moka, hr, 'HRメニュー');
    expect(verbsOf(card)).toEqual([VERBS.hrEvaluations, VERBS.hrBroadcasts, VERBS.hrKpi, VERBS.hrExports, VERBS.teamShow, VERBS.menu]);
    expect(textOf(card)).toContain('DXアドバイザー・DXエキスパート・DXスペシャリストの認定に向けて多面評価を始め');
    expect(textOf(await clickButton(moka, VERBS.hrEvaluations, card, hr))).toContain(ja('evaluation.list.new'));
  });

  it('offers appointments, and no application windows, where HR appoints (Kunisaki-like)', async () => {
    const card = await sayTo(kunisaki, hr, '人事メニュー');
    expect(verbsOf(card)).toEqual([VERBS.hrAppointments, VERBS.hrBroadcasts, VERBS.hrKpi, VERBS.hrExports, VERBS.teamShow, VERBS.menu]);
    expect(textOf(card)).toContain('DX推進リーダー');
    expect(textOf(await clickButton(kunisaki, VERBS.hrAppointments, card, hr))).toContain(ja('appointment.form.heading'));
  });

  it('is refused to anyone else there too', async () => {
    for (const bot of [moka, kunisaki]) {
      const { body } = await bot.click(VERBS.hrMenu, {}, { user: employee });
      expect(textOf(body.value)).toContain(HR_ONLY);
      expect(verbsOf(await sayTo(bot, employee, 'メニュー'))).not.toContain(VERBS.hrMenu);
      expect(verbsOf(await sayTo(bot, hr, 'メニュー'))).toContain(VERBS.hrMenu);
    }
  });
});

/** A local port nobody listens on: storage there is unreachable. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
