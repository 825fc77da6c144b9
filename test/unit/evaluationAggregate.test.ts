import type { Actor } from '../../src/domain/applications/application';
import { aggregate } from '../../src/domain/evaluation/aggregate';
import { rate, startEvaluation, type Evaluation, type Rater, type Rating } from '../../src/domain/evaluation/evaluation';
import { mokaLikeFramework } from '../support/mokaLike';

const rules = mokaLikeFramework().rules.evaluation!;
const AT = new Date('2026-06-10T01:00:00.000Z');
const hr: Actor = { aadObjectId: 'hr-1', name: '真岡 人事', isHr: true };
const person = (id: string, name: string): Rater => ({ aadObjectId: id, name, department: '市民生活部' });
const executive = person('exec-1', '根本 部長');
const deputy = person('exec-2', '副 部長');
const members = [person('m-1', '荒町 花子'), person('m-2', '長田 次郎'), person('m-3', '大内 三郎'), person('m-4', '山前 四郎')];
const expert = person('expt-1', '委託 専門');

function anEvaluation(): Evaluation {
  const outcome = startEvaluation(
    '8219000000000-0000000a',
    {
      frameworkId: 'moka-like',
      fiscalYear: 2026,
      candidate: { ...person('cand-1', '久下田 一郎'), employeeNo: 'M2', grade: '主任' },
      tier: 'expert',
      raters: [
        { viewpoint: 'policy', raters: [executive, deputy] },
        { viewpoint: 'leadership', raters: members },
        { viewpoint: 'technical', raters: [expert] },
      ],
    },
    rules,
    hr,
    AT,
  );
  if (!outcome.ok) throw new Error('not started');
  return outcome.evaluation;
}

const evaluation = anEvaluation();

function rated(by: Rater, viewpoint: string, value: number, comment = ''): Rating {
  const outcome = rate(evaluation, by, { viewpoint, value, comment }, undefined, AT);
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome.rating;
}

/** The distribution as [value, count] pairs, lowest step first. */
const counts = (d: ReturnType<typeof aggregate>['overall']['distribution']): [number, number][] => d.map((x) => [x.step.value, x.count]);

describe('aggregating an evaluation', () => {
  it('has every viewpoint, nobody rated, no mean, and every viewpoint missing before the first rating', () => {
    const result = aggregate(evaluation, []);
    expect(result.viewpoints.map((v) => [v.viewpoint, v.asked, v.rated, v.mean])).toEqual([
      ['policy', 2, 0, undefined],
      ['leadership', 4, 0, undefined],
      ['technical', 1, 0, undefined],
    ]);
    expect(result.overall).toMatchObject({ asked: 7, rated: 0, mean: undefined });
    expect(counts(result.overall.distribution)).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]]);
    expect(result.missing).toEqual(['policy', 'leadership', 'technical']);
  });

  it('counts, averages and spreads each viewpoint\'s ratings, with the comments and who rated', () => {
    const ratings = [
      rated(executive, 'policy', 3, '政策に沿った取組です。'),
      rated(members[0]!, 'leadership', 4, 'よくまとめてくれました。'),
      rated(members[1]!, 'leadership', 4),
      rated(members[2]!, 'leadership', 3, '会議の進行が上手です。'),
    ];
    const result = aggregate(evaluation, ratings);
    const [policy, leadership, technical] = result.viewpoints;
    expect(policy).toMatchObject({ asked: 2, rated: 1, mean: 3, comments: [{ by: '根本 部長', text: '政策に沿った取組です。' }] });
    expect(policy!.raters.map((r) => [r.rater.name, r.rating?.value])).toEqual([
      ['根本 部長', 3],
      ['副 部長', undefined],
    ]);
    expect(leadership).toMatchObject({ asked: 4, rated: 3 });
    expect(leadership!.mean).toBeCloseTo(11 / 3);
    expect(counts(leadership!.distribution)).toEqual([[1, 0], [2, 0], [3, 1], [4, 2]]);
    expect(leadership!.comments).toEqual([
      { by: '荒町 花子', text: 'よくまとめてくれました。' },
      { by: '大内 三郎', text: '会議の進行が上手です。' },
    ]);
    expect(technical).toMatchObject({ asked: 1, rated: 0, mean: undefined, comments: [] });
    expect(result.missing).toEqual(['technical']);
    expect(counts(result.overall.distribution)).toEqual([[1, 0], [2, 0], [3, 2], [4, 2]]);
  });

  it('weighs each viewpoint the same overall: four members do not outweigh one executive', () => {
    const ratings = [
      rated(executive, 'policy', 1),
      ...members.map((m) => rated(m, 'leadership', 4)),
      rated(expert, 'technical', 1),
    ];
    const result = aggregate(evaluation, ratings);
    // (1 + 4 + 1) / 3 = 2, where the mean of the six ratings would be 3.
    expect(result.overall.mean).toBe(2);
    expect(result.overall).toMatchObject({ asked: 7, rated: 6 });
    expect(result.missing).toEqual([]);
  });

  it('ignores a rating by someone not asked for that viewpoint, and one off the evaluation\'s scale', () => {
    const fromElsewhere: Rating = { ...rated(expert, 'technical', 4), viewpoint: 'policy' };
    const offScale: Rating = { ...rated(executive, 'policy', 3), value: 7 };
    const stranger: Rating = { ...rated(members[0]!, 'leadership', 1), rater: { aadObjectId: 'out-1', name: '部外 太郎' } };
    const result = aggregate(evaluation, [fromElsewhere, offScale, stranger]);
    expect(result.overall.rated).toBe(0);
    expect(result.viewpoints.every((v) => v.rated === 0 && v.mean === undefined)).toBe(true);
    expect(result.missing).toEqual(['policy', 'leadership', 'technical']);
  });

  it('recognises a rater whatever the case of the id stored with the rating', () => {
    const upper: Rating = { ...rated(expert, 'technical', 2), rater: { aadObjectId: 'EXPT-1', name: '委託 専門' } };
    expect(aggregate(evaluation, [upper]).viewpoints[2]).toMatchObject({ rated: 1, mean: 2 });
  });
});
