import type { Program } from '../../src/domain/framework/schema';
import { VERBS } from '../../src/features/verbs';
import { translator } from '../../src/i18n';
import { summaryOf } from '../../src/storage/assessmentSummaryRepository';
import { urlsOf } from '../security/cardWalk';
import { loadKitakyushu } from '../unit/realFramework';
import { someone, startBotHarness, textOf, type BotHarness, type Card } from '../support/botHarness';
import { talkingTo } from '../support/conversation';
import { completedAssessment, selectedApplication } from '../support/trainingFixtures';

// What is next, through the real HTTP server and the fake Bot Connector: 「受講履歴」's 「これからの研修」 lists the
// upcoming sessions of the employee's required trainings (a selected candidate's tier) and then of what their target
// recommends, leaving out what they took; the self-assessment result marks the programs taken and offers the next
// session of the others. Sessions are dated 2099 (always upcoming) or 2001 (always past): nothing depends on today.

const hanako = someone('八幡 花子'); // S2: a silver candidate, assessed (target 3), took DXアカデミー
const taro = someone('小倉 太郎'); // S3: assessed (target 2), no record
const jiro = someone('若松 次郎'); // S4: neither assessed nor a candidate
let harness: BotHarness;
let byId: Map<string, Program>;
const framework = loadKitakyushu();
const ja = translator('ja');
const en = translator('en');
const { say, click } = talkingTo(() => harness);
const ACADEMY_FORM = 'https://forms.example.city.jp/dx-academy';
const PROJECT_FORM = 'https://forms.example.city.jp/dx-project';
let hanakosResult: string;

beforeAll(async () => {
  harness = await startBotHarness({ staff: [hanako, taro, jiro] });
  const { repositories } = harness.bot;
  const id = harness.frameworkId;
  byId = new Map((await repositories.frameworks.loadActive(id))!.document.programs.map((p) => [p.id, p]));
  await repositories.trainingSessions.replaceUpcoming(
    id,
    [
      { programId: 'dx-talent-project', date: '2001-05-01', place: '本庁舎', enrol: '人事課' },
      { programId: 'dx-talent-project', date: '2099-07-01', startTime: '13:30', place: '本庁舎 5階 大会議室', capacity: 40, enrol: PROJECT_FORM },
      { programId: 'dx-academy', date: '2099-06-10', startTime: '09:30', place: '本庁舎', enrol: ACADEMY_FORM },
      { programId: 'kitaq-kaizen-dx-school', date: '2099-08-01', enrol: '人事課 人材育成係（内線1234）へ電話' },
      // A career-stage training depends on one's post: never offered from a target.
      { programId: 'hierarchical-training', date: '2099-05-01', place: '研修所', enrol: '人事課' },
    ],
    '2026-01-01',
  );
  await repositories.trainingRecords.store(id, [{ employeeNo: 'S2', programId: 'dx-academy', date: '2025-06-01', status: 'completed' }]);
  await repositories.applications.create(selectedApplication(id, hanako, 'S2', 'silver'));
  const hanakos = completedAssessment(framework, id, hanako, 2, 3);
  await repositories.assessments.create(hanakos);
  hanakosResult = hanakos.id;
  await repositories.assessmentSummaries.record(summaryOf(hanakos)!);
  await repositories.assessmentSummaries.record(summaryOf(completedAssessment(framework, id, taro, 1, 2))!);
}, 60_000);
afterAll(async () => {
  await harness?.stop();
});

/** The sessions 「これからの研修」 lists: the three lines of each, joined. */
function upcoming(card: Card): string[] {
  const body = card.body as { type: string; items?: { type: string; text?: string }[] }[];
  return body
    .filter((e) => e.type === 'Container')
    .map((c) => c.items!.filter((i) => i.type === 'TextBlock').map((i) => i.text).join(' | '));
}


const name = (id: string): string => byId.get(id)!.name;

describe('「これからの研修」 on 「受講履歴」', () => {
  it("lists a candidate's required training first, then what her target recommends, leaving out what she took", async () => {
    const card = await say(hanako, '受講履歴');
    expect(textOf(card)).toContain(ja('training.next.heading'));
    expect(upcoming(card)).toEqual([
      `2099年7月1日 13:30〜 | 【必須研修】${name('dx-talent-project')} | 会場：本庁舎 5階 大会議室・定員40名`,
      `2099年8月1日 | 【おすすめ】${name('kitaq-kaizen-dx-school')} | オンライン | 申込：人事課 人材育成係（内線1234）へ電話`,
    ]);
    expect(urlsOf(card)).toEqual([PROJECT_FORM]);
  });

  it('shows someone with no record the sessions recommended for their target, with the link to enrol', async () => {
    const card = await say(taro, '受講履歴');
    const text = textOf(card);
    expect(text).toContain(ja('training.record.none', { name: taro.name }));
    expect(upcoming(card).map((line) => line.split(' | ')[1])).toEqual([
      `【おすすめ】${name('dx-academy')}`,
      `【おすすめ】${name('kitaq-kaizen-dx-school')}`,
      `【おすすめ】${name('dx-talent-project')}`,
    ]);
    expect(text).not.toContain(name('hierarchical-training'));
    expect(urlsOf(card)).toEqual([ACADEMY_FORM, PROJECT_FORM]);
  });

  it('tells someone neither assessed nor a candidate how to get sessions suited to them', async () => {
    const card = await click(jiro, VERBS.trainingRecord, {});
    expect(upcoming(card)).toEqual([]);
    expect(textOf(card)).toContain(ja('training.next.assessFirst'));
  });

  it('says so in English for an English client', async () => {
    const card = await say(taro, 'training record', 'en-US');
    expect(textOf(card)).toContain(en('training.next.heading'));
    expect(upcoming(card)[0]).toBe(`10 Jun 2099, from 09:30 | [Recommended] ${name('dx-academy')} | Venue: 本庁舎`);
  });
});

describe('the self-assessment result', () => {
  it('marks the recommended program taken with its day, and offers the next session of the others by date', async () => {
    const card = await click(hanako, VERBS.assessmentResult, { assessmentId: hanakosResult });
    const text = textOf(card);
    expect(text).toContain(`${name('dx-academy')}（受講済み：2025年6月1日）`);
    expect(text).not.toContain(`${name('kitaq-kaizen-dx-school')}（受講済み`);
    expect(text).toContain(ja('assessment.result.nextSessionsHeading'));
    const project = text.indexOf(`・${name('dx-talent-project')}：2099年7月1日 13:30〜`);
    const school = text.indexOf(`・${name('kitaq-kaizen-dx-school')}：2099年8月1日`);
    expect(project).toBeGreaterThan(-1);
    expect(school).toBeGreaterThan(project);
    // DXアカデミー is taken: its session is not offered.
    expect(urlsOf(card)).toEqual([PROJECT_FORM]);
  });
});
