import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/applications/application';
import { close, rate, remind, startEvaluation, type Evaluation, type Rater, type Rating } from '../../src/domain/evaluation/evaluation';
import { newEvaluationId } from '../../src/storage/evaluationRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';
import { invertedTimeOf, TABLE_NAMES } from '../../src/storage/tables';
import { mokaLikeFramework } from '../support/mokaLike';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { evaluations } = createRepositories(storage);
const rules = mokaLikeFramework().rules.evaluation!;

beforeAll(async () => {
  await storage.ensureTables();
});

/** A framework id nobody else in the run has: each test reads and writes its own partitions. */
const newFrameworkId = (): string => `eval-${randomUUID().slice(0, 8)}`;

const hr: Actor = { aadObjectId: 'hr-1', name: '真岡 人事', isHr: true };
const person = (name: string, upper = false): Rater => {
  const id = randomUUID();
  return { aadObjectId: upper ? id.toUpperCase() : id, name, department: '市民生活部' };
};

/** An open evaluation with one rater per viewpoint, started at `at`. */
function anEvaluation(frameworkId: string, at: Date, raters = { policy: person('根本 部長'), leadership: person('荒町 花子'), technical: person('委託 専門') }): Evaluation {
  const outcome = startEvaluation(
    newEvaluationId(at),
    {
      frameworkId,
      fiscalYear: 2026,
      candidate: { ...person('久下田 一郎'), employeeNo: 'M2', grade: '主任' },
      tier: 'expert',
      raters: Object.entries(raters).map(([viewpoint, rater]) => ({ viewpoint, raters: [rater] })),
    },
    rules,
    hr,
    at,
  );
  if (!outcome.ok) throw new Error(`not started: ${JSON.stringify(outcome.problems)}`);
  return outcome.evaluation;
}

function rated(evaluation: Evaluation, viewpoint: string, value: number, previous?: Rating, comment = ''): Rating {
  const rater = evaluation.raters.find((r) => r.viewpoint === viewpoint)!.raters[0]!;
  const outcome = rate(evaluation, rater, { viewpoint, value, comment }, previous, new Date());
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome.rating;
}

describe('evaluations', () => {
  it('stores a new evaluation and reads it back as it was', async () => {
    const evaluation = anEvaluation(newFrameworkId(), new Date('2026-06-10T01:00:00.000Z'));
    const created = await evaluations.create(evaluation);
    expect(created?.evaluation).toEqual(evaluation);
    expect(created?.etag).toBeTruthy();
    expect(await evaluations.find(evaluation.frameworkId, evaluation.id)).toEqual(created);
    expect(await evaluations.find(evaluation.frameworkId, newEvaluationId(new Date()))).toBeUndefined();
    // Another framework's partition does not have it.
    expect(await evaluations.find(newFrameworkId(), evaluation.id)).toBeUndefined();
  });

  it('creates an id once: a second create (a double click) gets undefined and changes nothing', async () => {
    const evaluation = anEvaluation(newFrameworkId(), new Date());
    const first = await evaluations.create(evaluation);
    const again = await evaluations.create({ ...evaluation, tier: 'specialist' });
    expect(again).toBeUndefined();
    expect(await evaluations.find(evaluation.frameworkId, evaluation.id)).toEqual(first);
  });

  it('updates only under the ETag it was read with: the second of two writers gets undefined', async () => {
    const evaluation = anEvaluation(newFrameworkId(), new Date());
    const created = (await evaluations.create(evaluation))!;
    const reminded = remind(evaluation, hr, 1, new Date());
    const closed = close(evaluation, hr, 'notCertify', [], new Date());
    if (!reminded.ok || !closed.ok) throw new Error('refused');
    const first = await evaluations.update(reminded.evaluation, created.etag);
    expect(first?.etag).toBeTruthy();
    expect(first?.etag).not.toBe(created.etag);
    // Read before the reminder: refused, nothing written.
    expect(await evaluations.update(closed.evaluation, created.etag)).toBeUndefined();
    const stored = await evaluations.find(evaluation.frameworkId, evaluation.id);
    expect(stored?.evaluation.state).toBe('open');
    expect(stored?.evaluation.trail.map((e) => e.action)).toEqual(['start', 'remind']);
    // With the fresh ETag the change goes through.
    const closedNow = close(stored!.evaluation, hr, 'notCertify', [], new Date());
    if (!closedNow.ok) throw new Error('refused');
    expect(await evaluations.update(closedNow.evaluation, stored!.etag)).toBeDefined();
    expect((await evaluations.find(evaluation.frameworkId, evaluation.id))?.evaluation.state).toBe('notCertified');
  });

  it('lists a framework\'s evaluations newest first, up to a limit, and the open ones of that framework only', async () => {
    const frameworkId = newFrameworkId();
    const days = ['2026-04-10', '2026-06-01', '2026-05-15', '2026-07-20'].map((d) => new Date(`${d}T01:00:00.000Z`));
    const made = days.map((at) => anEvaluation(frameworkId, at));
    for (const e of made) await evaluations.create(e);
    const closing = close(made[1]!, hr, 'notCertify', [], new Date());
    if (!closing.ok) throw new Error('refused');
    const stored = await evaluations.find(frameworkId, made[1]!.id);
    await evaluations.update(closing.evaluation, stored!.etag);
    await evaluations.create(anEvaluation(newFrameworkId(), new Date()));

    const newestFirst = [...made].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((e) => e.id);
    expect((await evaluations.listRecent(frameworkId, 10)).map((s) => s.evaluation.id)).toEqual(newestFirst);
    expect((await evaluations.listRecent(frameworkId, 2)).map((s) => s.evaluation.id)).toEqual(newestFirst.slice(0, 2));
    const open = await evaluations.listOpen(frameworkId);
    expect(open.map((s) => s.evaluation.id)).toEqual(newestFirst.filter((id) => id !== made[1]!.id));
    expect(open.every((s) => s.etag !== '')).toBe(true);
    // The id tells when it was made.
    expect(invertedTimeOf(made[0]!.id).toISOString()).toBe(days[0]!.toISOString());
  });
});

describe('ratings', () => {
  it('stores one row per viewpoint and rater, read back by the rater\'s id in either case', async () => {
    const upperRater = person('荒町 花子', true);
    const evaluation = anEvaluation(newFrameworkId(), new Date(), { policy: person('根本 部長'), leadership: upperRater, technical: person('委託 専門') });
    await evaluations.create(evaluation);
    const policy = rated(evaluation, 'policy', 3, undefined, '政策に沿った取組です。');
    const leadership = rated(evaluation, 'leadership', 4);
    expect(await evaluations.saveRating(policy, undefined)).toBeTruthy();
    expect(await evaluations.saveRating(leadership, undefined)).toBeTruthy();

    const found = await evaluations.findRating(evaluation.id, 'leadership', upperRater.aadObjectId.toLowerCase());
    expect(found?.rating).toEqual(leadership);
    expect((await evaluations.findRating(evaluation.id, 'leadership', upperRater.aadObjectId))?.rating).toEqual(leadership);
    expect(await evaluations.findRating(evaluation.id, 'technical', upperRater.aadObjectId)).toBeUndefined();
    const all = await evaluations.listRatings(evaluation.id);
    expect(all.sort((a, b) => a.viewpoint.localeCompare(b.viewpoint))).toEqual([leadership, policy]);
    // Another evaluation's ratings are its own.
    expect(await evaluations.listRatings(newEvaluationId(new Date()))).toEqual([]);
  });

  it('changes a rating under its ETag; a stale ETag or a second first-rating is refused and changes nothing', async () => {
    const evaluation = anEvaluation(newFrameworkId(), new Date());
    await evaluations.create(evaluation);
    const first = rated(evaluation, 'technical', 2);
    const etag = await evaluations.saveRating(first, undefined);
    expect(etag).toBeTruthy();
    // The same rater "rating first" again from another window: the row exists, so it is refused.
    expect(await evaluations.saveRating(rated(evaluation, 'technical', 1), undefined)).toBeUndefined();

    const changed = rated(evaluation, 'technical', 4, first, 'やはり高く評価します。');
    const newEtag = await evaluations.saveRating(changed, etag);
    expect(newEtag).toBeTruthy();
    expect(newEtag).not.toBe(etag);
    // Written under the old ETag: refused.
    expect(await evaluations.saveRating(rated(evaluation, 'technical', 1, first), etag)).toBeUndefined();

    const stored = await evaluations.findRating(evaluation.id, 'technical', first.rater.aadObjectId);
    expect(stored).toEqual({ rating: changed, etag: newEtag });
    expect(stored?.rating).toMatchObject({ value: 4, ratedAt: first.ratedAt });
    expect(await evaluations.listRatings(evaluation.id)).toEqual([changed]);
  });

  it('keeps its rows in the table the key layout names', async () => {
    const evaluation = anEvaluation(newFrameworkId(), new Date());
    await evaluations.create(evaluation);
    const rating = rated(evaluation, 'policy', 3);
    await evaluations.saveRating(rating, undefined);
    const row = await storage.table(TABLE_NAMES.evaluationRatings).getEntity(evaluation.id, `policy:${rating.rater.aadObjectId}`);
    expect(row).toMatchObject({ viewpoint: 'policy', value: 3, raterId: rating.rater.aadObjectId });
    const head = await storage.table(TABLE_NAMES.evaluations).getEntity(evaluation.frameworkId, evaluation.id);
    expect(head).toMatchObject({ state: 'open', tier: 'expert', fiscalYear: 2026 });
  });
});
