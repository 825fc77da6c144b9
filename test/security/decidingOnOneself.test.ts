import type { Rating } from '../../src/domain/evaluation/evaluation';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { buttonData, startBotHarness, textOf, type BotHarness } from '../support/botHarness';
import { importRosterRows, meet, talkingTo } from '../support/conversation';
import { kunisakiLikeDocument } from '../support/kunisakiLike';
import { mokaLikeDocument } from '../support/mokaLike';
import { rosterOf, type Person } from './fixtures';

// Deciding on oneself, and deciding too late. An HR officer may appoint anyone but themselves, as nobody decides on
// their own application: appointing oneself, through the form or a forged confirmation, and ending one's own
// appointment are refused and store nothing. And an evaluation HR has certified or closed takes no more ratings, even
// one already on its way when HR decided: the race is run deterministically by letting HR decide right before the
// rating is written.
// The roster is one data set per storage, so each bot here brings its own Azurite.

const OWN = 'ご自身の任命や任命の解除はできません';
const CLOSED = 'この評価はすでに終了しています';

describe('an HR officer and their own appointment (Kunisaki-like)', () => {
  let azurite: Azurite;
  let harness: BotHarness;
  const { click, inbox } = talkingTo(() => harness);
  const roster = rosterOf();
  const yumi = roster.add('国見 由美', '主任', { department: '政策企画課', section: '広報・DX推進係', roles: 'hr' });
  const makoto = roster.add('姫島 誠', '主事', { department: '政策企画課', section: '広報・DX推進係', roles: 'hr' });

  beforeAll(async () => {
    azurite = await startAzurite();
    harness = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: kunisakiLikeDocument });
    await importRosterRows(harness, roster.rows);
    await meet(harness, [yumi, makoto]);
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await azurite?.stop();
  });

  const appointmentOf = (who: Person): ReturnType<BotHarness['bot']['repositories']['certifications']['findWithEtag']> =>
    harness.bot.repositories.certifications.findWithEtag(harness.frameworkId, who.aadObjectId);

  it('refuses appointing oneself, through the form (whatever the e-mail\'s case) or a forged confirmation, and stores nothing', async () => {
    const news = inbox(yumi);
    const attempts = [
      await click(yumi, 'hr.appointment.review', { appointEmail: yumi.email, appointTier: 'leader' }),
      await click(yumi, 'hr.appointment.review', { appointEmail: yumi.email.toUpperCase(), appointTier: 'advanced' }),
      await click(yumi, 'hr.appointment.confirm', { aadObjectId: yumi.aadObjectId, tier: 'leader', reviewed: '' }),
      await click(yumi, 'hr.appointment.confirm', { aadObjectId: yumi.aadObjectId.toUpperCase(), tier: 'advanced', reviewed: '' }),
    ];

    expect(attempts.map((card) => textOf(card).includes(OWN))).toEqual([true, true, true, true]);
    expect(await appointmentOf(yumi)).toBeUndefined();
    expect(news.take()).toEqual([]);
  });

  it('refuses ending one\'s own appointment, asked or confirmed, and it stands', async () => {
    // Another officer appoints her, as it should be done.
    const review = await click(makoto, 'hr.appointment.review', { appointEmail: yumi.email, appointTier: 'leader' });
    expect(textOf(await click(makoto, 'hr.appointment.confirm', buttonData(review, 'hr.appointment.confirm')))).toContain('任命しました');
    const appointed = await appointmentOf(yumi);
    expect(appointed?.certification.tier).toBe('leader');
    const news = inbox(yumi);

    const attempts = [
      await click(yumi, 'hr.appointment.end', { aadObjectId: yumi.aadObjectId }),
      await click(yumi, 'hr.appointment.end', { aadObjectId: yumi.aadObjectId, confirmed: true, reviewed: appointed!.etag }),
      await click(yumi, 'hr.appointment.end', { aadObjectId: yumi.aadObjectId.toUpperCase(), confirmed: true, reviewed: appointed!.etag }),
    ];

    expect(attempts.map((card) => textOf(card).includes(OWN))).toEqual([true, true, true]);
    expect(await appointmentOf(yumi)).toEqual(appointed);
    expect(news.take()).toEqual([]);
  });
});

describe('a rating that arrives once HR has decided (Moka-like)', () => {
  let azurite: Azurite;
  let harness: BotHarness;
  const { click } = talkingTo(() => harness);
  const roster = rosterOf();
  const hr = roster.add('真岡 人事', '主任', { roles: 'hr' });
  const executive = roster.add('根本 部長', '部長');
  const colleague = roster.add('荒町 花子', '主事');
  const expert = roster.add('委託 専門', '委託業者', { department: '外部専門家' });
  const candidates = [roster.add('久下田 一郎', '主任'), roster.add('大内 新', '主任')];

  beforeAll(async () => {
    azurite = await startAzurite();
    harness = await startBotHarness({ connectionString: azurite.connectionString, frameworkDocument: mokaLikeDocument });
    await importRosterRows(harness, roster.rows);
    await meet(harness, [hr, executive, colleague, expert, ...candidates]);
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await harness?.stop();
    await azurite?.stop();
  });

  const evaluations = (): BotHarness['bot']['repositories']['evaluations'] => harness.bot.repositories.evaluations;

  /** HR starts an evaluation of `candidate` as an エキスパート; returns its id. */
  async function started(candidate: Person): Promise<string> {
    const form = { candidateEmail: candidate.email, tier: 'expert', raters_policy: executive.email, raters_leadership: colleague.email, raters_technical: expert.email };
    const start = buttonData(await click(hr, 'hr.evaluation.review', form), 'hr.evaluation.start');
    expect(textOf(await click(hr, 'hr.evaluation.start', start))).toContain('評価を始めました');
    return start.draftId as string;
  }

  const rate = (who: Person, evaluationId: string, viewpoint: string, rating: string, ratingComment: string): ReturnType<typeof click> =>
    click(who, 'evaluation.rate', { evaluationId, viewpoint, rating, ratingComment });

  /** The next rating written waits for `decide` (HR's click), then is written: HR's decision lands first. */
  function decidingRightBeforeTheNextRating(decide: () => Promise<unknown>): void {
    const repository = evaluations();
    const save = repository.saveRating.bind(repository);
    jest.spyOn(repository, 'saveRating').mockImplementationOnce(async (rating: Rating, etag: string | undefined) => {
      await decide();
      return save(rating, etag);
    });
  }

  const ratingsOf = async (evaluationId: string): Promise<Rating[]> =>
    (await evaluations().listRatings(evaluationId)).sort((a, b) => a.viewpoint.localeCompare(b.viewpoint));

  it('takes back a first rating when HR closed the evaluation meanwhile: none is stored, and it stays closed', async () => {
    const evaluationId = await started(candidates[0]!);
    await rate(executive, evaluationId, 'policy', '4', '');
    const before = await ratingsOf(evaluationId);
    decidingRightBeforeTheNextRating(() => click(hr, 'hr.evaluation.close', { evaluationId, confirmed: true }));

    const answer = await rate(colleague, evaluationId, 'leadership', '2', '遅すぎた評価です。');

    expect(textOf(answer)).toContain(CLOSED);
    expect(await ratingsOf(evaluationId)).toEqual(before);
    const closed = await evaluations().find(harness.frameworkId, evaluationId);
    expect(closed?.evaluation.state).toBe('notCertified');
  });

  it('puts back the rater\'s earlier rating when HR certified meanwhile, and the certification stands', async () => {
    const evaluationId = await started(candidates[1]!);
    await rate(executive, evaluationId, 'policy', '4', '');
    await rate(colleague, evaluationId, 'leadership', '3', '頼りになります。');
    await rate(expert, evaluationId, 'technical', '3', '');
    const before = await ratingsOf(evaluationId);
    decidingRightBeforeTheNextRating(() => click(hr, 'hr.evaluation.certify', { evaluationId, confirmed: true }));

    const answer = await rate(colleague, evaluationId, 'leadership', '1', '考え直しました。');

    expect(textOf(answer)).toContain(CLOSED);
    expect(await ratingsOf(evaluationId)).toEqual(before);
    const certified = await evaluations().find(harness.frameworkId, evaluationId);
    expect(certified?.evaluation.state).toBe('certified');
    expect((await harness.bot.repositories.certifications.find(harness.frameworkId, candidates[1]!.aadObjectId))?.tier).toBe('expert');
  });
});
