import { randomUUID } from 'node:crypto';
import { VERBS } from '../../src/features/verbs';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { startBotHarness, textOf, type BotHarness, type TestUser } from '../support/botHarness';
import { importRosterRows, sayTo } from '../support/conversation';
import { everydayQuestions, type EverydayQuestion } from '../support/everydayQuestions';

// The everyday questions the router must take for an action, typed as people type them, through the real HTTP
// server and the fake Bot Connector: the visible text of the reply shows what a correct answer must show. The
// questions for the framework itself are counted here against a floor, and measured (misses listed) by
// `npm run bench -- everyday`. Storage of its own: the roster is one data set per storage.

let azurite: Azurite;
let bot: BotHarness;

function person(name: string, grade: string, manager?: TestUser & { email: string }, roles = ''): TestUser & { email: string; row: string } {
  const aadObjectId = randomUUID();
  const email = `${aadObjectId.slice(0, 8)}@example.city.jp`;
  const row = [`E-${aadObjectId.slice(0, 6)}`, name, email, aadObjectId, '市民局', '窓口係', grade, manager?.email ?? '', roles].join(',');
  return { id: `29:${aadObjectId}`, aadObjectId, name, email, row };
}
const manager = person('小倉 一郎', '課長');
const askers: Record<EverydayQuestion['as'], TestUser> = {
  manager,
  hr: person('到津 由美', '主任', manager, 'hr'),
  employee: person('門司 花子', '主事', manager),
};

beforeAll(async () => {
  azurite = await startAzurite();
  bot = await startBotHarness({ connectionString: azurite.connectionString });
  await importRosterRows(bot, [manager, askers.hr, askers.employee].map((p) => (p as typeof manager).row));
});
afterAll(async () => {
  await bot?.stop();
  await azurite?.stop();
});

describe('everyday questions for the framework itself', () => {
  /** Of the framework questions, how many the bot must answer with what they must show: the floor of today's share. */
  const FLOOR = 0.85;

  it(`are answered with what they must show, ${FLOOR * 100} % of them at least`, async () => {
    const questions = everydayQuestions().filter((q) => q.expect === 'framework');
    const answered: string[] = [];
    for (const q of questions) {
      const reply = textOf(await sayTo(bot, askers[q.as], q.text, q.locale));
      if (q.shows.every((shown) => reply.includes(shown))) answered.push(q.text);
    }
    expect({ answered: answered.length, enough: answered.length >= Math.ceil(questions.length * FLOOR) }).toEqual({ answered: answered.length, enough: true });
  });
});

describe('everyday questions that ask for an action', () => {
  const questions = everydayQuestions().filter((q) => q.expect === 'intent');

  it('are at least 45 of the set, and the set holds at least 60', () => {
    expect(questions.length).toBeGreaterThanOrEqual(45);
    expect(everydayQuestions().length).toBeGreaterThanOrEqual(60);
  });

  it.each(questions.map((q) => [q.text, q.as, q]))('%p (asked by the %s) gets the right card', async (_text, _as, q) => {
    const reply = textOf(await sayTo(bot, askers[q.as], q.text, q.locale));
    for (const shown of q.shows) expect(reply).toContain(shown);
    expect(reply).not.toContain('見つかりませんでした');
  });
});

describe('a message that matches nothing', () => {
  it('offers the likeliest actions as buttons, the self-assessment and applying among them, and hints at 診断, 応募 and 承認', async () => {
    const card = await sayTo(bot, askers.employee, '給与明細');
    const reply = textOf(card);
    for (const hint of ['診断', '応募', '承認']) expect(reply).toContain(hint);
    const buttons = JSON.stringify((card as { actions?: unknown[] }).actions ?? []);
    expect(buttons).toContain(`"${VERBS.assessmentOpen}"`);
    expect(buttons).toContain(`"${VERBS.applicationsOpen}"`);
  });
});

describe('a message that says two things', () => {
  it('asks which was meant, with a button for each', async () => {
    const card = await sayTo(bot, askers.employee, '診断と応募');
    const buttons = JSON.stringify((card as { actions?: unknown[] }).actions ?? []);
    expect(textOf(card)).toContain('どちら');
    expect(buttons).toContain(`"${VERBS.assessmentOpen}"`);
    expect(buttons).toContain(`"${VERBS.applicationsOpen}"`);
  });
});
