import { randomUUID } from 'node:crypto';
import { submitApplication, type ApplicationState } from '../../src/domain/applications/application';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import type { Broadcast } from '../../src/domain/broadcast/broadcast';
import type { TrainingRecord } from '../../src/domain/training/trainingRecord';
import { translator } from '../../src/i18n';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { buttonData, startBotHarness, textOf, type BotHarness, type Card, type TestUser } from '../support/botHarness';
import { importRosterRows, meet, sayTo, talkingTo } from '../support/conversation';
import { elementsOf, inputsOf } from '../support/journey';
import { waitFor } from '../support/waitFor';

// What HR makes of the training records, through the real HTTP server and the fake Bot Connector: the KPI counts the
// year's participants per program (against the plan's targets where a framework has them) and the candidates whose
// required trainings the records show as taken; and a reminder goes, through the broadcast sender, to exactly the
// candidates who have not taken a required training by a day. Three bots share one Azurite (and so one roster):
// Kitakyushu's, whose Gold and Silver require the DX人材育成プロジェクト; the national guide's, whose programs set
// participation targets and whose tiers require no training; and Moka's, which certifies by evaluation and requires no
// training either. The export of the records is exports.test.ts's story.

let azurite: Azurite;
let kitakyushu: BotHarness;
let national: BotHarness;
let moka: BotHarness;
const fy = fiscalYearOf(new Date());
const ja = translator('ja');
const REQUIRED = 'dx-talent-project';
/** The day HR's reminder asks about: sessions up to it count. */
const BY = `${fy}-10-31`;

// ---------------------------------------------------------------------------------------------------------------
// The people: HR, candidates in every situation a reminder must tell apart, and staff who attended other trainings.

interface Person extends TestUser {
  readonly employeeNo: string;
}

const rosterRows: string[] = [];
function person(name: string, roles = ''): Person {
  const aadObjectId = randomUUID();
  const employeeNo = `T${rosterRows.length + 1}`;
  rosterRows.push([employeeNo, name, `${employeeNo}@example.city.jp`, aadObjectId, '市民局', '窓口係', '主任', '', roles].join(','));
  return { id: `29:${aadObjectId}`, aadObjectId, name, employeeNo };
}

const hr = person('到津 由美', 'hr');
/** Selected for Silver, attended the required training before the day: not reminded. */
const attended = person('門司 花子');
/** Selected for Gold, absent from the session: reminded. */
const absent = person('小倉 一郎');
/** Selected for Silver, no record at all: reminded. */
const noRecord = person('八幡 次郎');
/** Selected for Silver, attended only after the day: reminded (and counted in the KPI, which looks at the whole year). */
const late = person('戸畑 健二');
/** HR already moved to 必須研修修了: not reminded. */
const completed = person('若松 恵');
/** Selected for the professional track, which requires no training: not reminded. */
const professional = person('折尾 幸');
/** Approved by the manager, not yet selected: not a candidate. */
const approvedOnly = person('黒崎 誠');
const staff = [attended, absent, noRecord, late, completed, professional, approvedOnly];

function record(who: Person, programId: string, date: string, status: TrainingRecord['status'] = 'attended'): TrainingRecord {
  return { employeeNo: who.employeeNo, programId, date, status };
}

beforeAll(async () => {
  azurite = await startAzurite();
  kitakyushu = await startBotHarness({ connectionString: azurite.connectionString });
  national = await startBotHarness({ connectionString: azurite.connectionString, frameworkFile: 'national', broadcastSender: false });
  moka = await startBotHarness({ connectionString: azurite.connectionString, frameworkFile: 'moka', broadcastSender: false });
  await importRosterRows(kitakyushu, rosterRows);
  await meet(kitakyushu, [hr, ...staff]);

  const { applications, trainingRecords } = kitakyushu.bot.repositories;
  const candidacy = (who: Person, track: string, state: ApplicationState): Promise<unknown> => {
    const submitted = submitApplication(
      {
        frameworkId: kitakyushu.frameworkId,
        fiscalYear: fy,
        track,
        applicant: { aadObjectId: who.aadObjectId, name: who.name, employeeNo: who.employeeNo, department: '市民局', grade: '主任' },
        approver: { aadObjectId: hr.aadObjectId, name: hr.name },
        motivation: '窓口のオンライン化を進めたいです。',
      },
      new Date(),
    );
    return applications.create({ ...submitted, state });
  };
  await Promise.all([
    candidacy(attended, 'silver', 'selected'),
    candidacy(absent, 'gold', 'selected'),
    candidacy(noRecord, 'silver', 'selected'),
    candidacy(late, 'silver', 'selected'),
    candidacy(completed, 'silver', 'trainingCompleted'),
    candidacy(professional, 'professional', 'selected'),
    candidacy(approvedOnly, 'silver', 'approved'),
  ]);
  await trainingRecords.store(kitakyushu.frameworkId, [
    record(attended, REQUIRED, `${fy}-09-01`),
    record(absent, REQUIRED, `${fy}-09-01`, 'absent'),
    record(late, REQUIRED, `${fy}-11-15`, 'completed'),
    record(completed, REQUIRED, `${fy}-07-01`, 'completed'),
    // Last year's session was for last year's certification: it counts neither in the KPI nor for the reminder.
    record(noRecord, REQUIRED, `${fy - 1}-09-01`, 'completed'),
    record(approvedOnly, 'dx-academy', `${fy}-05-10`),
    record(professional, 'dx-academy', `${fy}-06-10`),
    record(professional, 'dx-academy', `${fy}-12-10`),
  ]);
  await national.bot.repositories.trainingRecords.store(national.frameworkId, [
    record(attended, 'tokyo-digital-literacy', `${fy}-06-01`),
    record(absent, 'tokyo-digital-literacy', `${fy}-06-01`, 'completed'),
    record(noRecord, 'tokyo-reskilling', `${fy}-06-01`, 'absent'),
  ]);
  await moka.bot.repositories.trainingRecords.store(moka.frameworkId, [
    record(attended, 'executive-mindset-training', `${fy}-08-01`),
    record(late, 'executive-mindset-training', `${fy}-08-01`, 'completed'),
  ]);
}, 60_000);
afterAll(async () => {
  await kitakyushu?.stop();
  await national?.stop();
  await moka?.stop();
  await azurite?.stop();
});

const chatOf = (who: TestUser): string => `a:${who.id}`;

/** The line of a card that starts with `start`. */
function lineStarting(card: Card, start: string): string | undefined {
  return textOf(card)
    .split('\n')
    .find((line) => line.startsWith(start));
}

// ---------------------------------------------------------------------------------------------------------------

describe("HR's KPI counts the training records", () => {
  it("counts this year's participants per program, each person once, attended or completed", async () => {
    const card = await sayTo(kitakyushu, hr, 'KPI');
    const text = textOf(card);
    expect(text).toContain(ja('kpi.participation.heading', { fy }));
    // The required training: three took it this year (one absent, one last year); DXアカデミー: two people, one twice.
    expect(text).toContain('DX人材育成プロジェクト（R5.10～）\n3人');
    expect(text).toContain('DXアカデミー\n2人');
    expect(text).not.toContain('KITAQ改善提案DXスクール');
    // Kitakyushu's plan sets no number of participants: the note does not speak of targets.
    expect(text).toContain(ja('kpi.participation.noteNoTargets', { fy }));
  });

  it('shows next to the funnel the candidates done by state and by the records', async () => {
    const card = await sayTo(kitakyushu, hr, 'KPI');
    expect(lineStarting(card, '必須研修修了：')).toBe('必須研修修了：1人');
    // Attended, completed late in the year, and the one HR moved already; six candidates in all.
    expect(lineStarting(card, '必須研修修了（記録）：')).toBe('必須研修修了（記録）：3人');
    expect(textOf(card)).toContain(`${fy}年度の候補者（選考通過）6人のうち`);
  });

  it("shows last year's participants for last year", async () => {
    const card = await kitakyushu.click('hr.kpi', { kpiYear: String(fy - 1) }, { user: hr });
    const text = textOf(card.body.value);
    expect(text).toContain('DX人材育成プロジェクト（R5.10～）\n1人');
    expect(text).not.toContain('DXアカデミー');
  });

  it("counts participants against the plan's targets for a year, and says the tiers require no training", async () => {
    const card = await sayTo(national, hr, 'KPI');
    const text = textOf(card);
    expect(text).toContain('デジタルリテラシー向上（東京都）\n■□□□□□□□□□\n2人 / 年40,000人（0%）\n受講者規模：40,000人/年');
    // Absent is not taken; the target of five years is a fifth a year.
    expect(text).toContain('リスキリング人材育成（東京都）\n□□□□□□□□□□\n0人 / 年1,000人（0%）\n受講者規模：5,000人/5年');
    expect(text).toContain(ja('kpi.participation.note', { fy }));
    expect(text).toContain(ja('kpi.requiredTrainings.none'));
    expect(text).not.toContain('必須研修修了（記録）');
  });
});

describe("HR's KPI in a city whose tiers require no training (Moka)", () => {
  it('says so beside the funnel, and still counts who took its programs', async () => {
    const text = textOf(await sayTo(moka, hr, 'KPI'));
    expect(text).toContain(ja('kpi.requiredTrainings.none'));
    expect(text).not.toContain('必須研修修了（記録）');
    expect(text).toContain('幹部職員への意識改革研修\n2人');
  });
});

describe('reminding the candidates who have not taken a required training', () => {
  const { click, clickBelow } = talkingTo(() => kitakyushu);
  let broadcastId: string;
  let audience: Card;

  beforeAll(async () => {
    const home = await sayTo(kitakyushu, hr, 'お知らせ配信');
    const [form] = await clickBelow(hr, 'hr.broadcast.compose', buttonData(home, 'hr.broadcast.compose'));
    broadcastId = (buttonData(form!, 'hr.broadcast.preview') as { broadcastId: string }).broadcastId;
    const typed = { title: '必須研修の受講について', body: 'DX人材育成プロジェクトを10月末までに受講してください。', applyTracks: '' };
    const [, controls] = await clickBelow(hr, 'hr.broadcast.preview', { ...inputsOf(form!), ...typed, broadcastId });
    [audience] = (await clickBelow(hr, 'hr.broadcast.audience', buttonData(controls!, 'hr.broadcast.audience'))) as [Card];
  });

  const review = (fields: Record<string, string>): Promise<Card> =>
    click(hr, 'hr.broadcast.review', { ...inputsOf(audience), broadcastId, audienceKind: 'missingTraining', startDate: '', ...fields });

  it('offers the required training first, then the others', () => {
    const [programs] = elementsOf(audience, (e) => e.id === 'trainingProgram');
    const choices = programs!.choices as { title: string; value: string }[];
    expect(choices[0]).toEqual({ title: '必須研修：DX人材育成プロジェクト（R5.10～）', value: REQUIRED });
    expect(choices.map((c) => c.value)).toContain('dx-academy');
  });

  it('refuses a training the framework does not have, or a day outside this fiscal year, changing nothing', async () => {
    const before = await kitakyushu.bot.repositories.broadcasts.find(kitakyushu.frameworkId, broadcastId);
    for (const [fields, problem] of [
      [{ trainingProgram: 'no-such-training', trainingBy: BY }, 'broadcast.invalid.trainingProgram'],
      [{ trainingProgram: REQUIRED, trainingBy: `${fy + 1}-04-01` }, 'broadcast.invalid.trainingBy'],
      [{ trainingProgram: REQUIRED, trainingBy: '10月末' }, 'broadcast.invalid.trainingBy'],
    ] as const) {
      const card = await review(fields);
      expect(textOf(card)).toContain(ja(problem));
      expect(textOf(card)).toContain(ja('broadcast.audience.title'));
    }
    const after = await kitakyushu.bot.repositories.broadcasts.find(kitakyushu.frameworkId, broadcastId);
    expect(after).toEqual(before);
  });

  it('counts the candidates missing it at the review, sends to exactly them, and to nobody else', async () => {
    const reviewed = await review({ trainingProgram: REQUIRED, trainingBy: BY });
    // The fiscal year in the Reiwa era, as the notice's other lines write it.
    expect(textOf(reviewed)).toContain(`令和${fy - 2018}年度の候補者のうち、${fy}年10月31日までに「DX人材育成プロジェクト（R5.10～）」を受講していない人`);
    expect(textOf(reviewed)).toContain('対象者\n3人');
    const sentBefore = kitakyushu.connector.calls.length;
    await click(hr, 'hr.broadcast.confirm', buttonData(reviewed, 'hr.broadcast.confirm'));

    let last: Broadcast | undefined;
    const done = await waitFor(
      'the reminder to be sent',
      async () => {
        last = await kitakyushu.bot.repositories.broadcasts.find(kitakyushu.frameworkId, broadcastId);
        return last?.state === 'completed' && last;
      },
      { seen: () => ({ state: last?.state, progress: last?.progress, sentToTeams: kitakyushu.connector.calls.length - sentBefore }) },
    );
    expect(done.progress).toMatchObject({ total: 3, sent: 3, failed: 0, unreachable: 0 });
    // New messages since the confirmation (HR's own chat already holds the preview of the very same card).
    const reminded = (who: TestUser): number =>
      kitakyushu.connector.calls
        .slice(sentBefore)
        .filter((c) => c.method === 'POST' && c.conversationId === chatOf(who) && textOf(c.body).includes('必須研修の受講について')).length;
    expect(Object.fromEntries([hr, ...staff].map((p) => [p.name, reminded(p)]))).toEqual({
      [hr.name]: 0,
      [attended.name]: 0,
      [absent.name]: 1,
      [noRecord.name]: 1,
      [late.name]: 1,
      [completed.name]: 0,
      [professional.name]: 0,
      [approvedOnly.name]: 0,
    });
  });
});
