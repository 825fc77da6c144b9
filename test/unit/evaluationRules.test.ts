import type { Actor } from '../../src/domain/applications/application';
import {
  close,
  closingEntry,
  mayRate,
  MAX_RATERS_PER_VIEWPOINT,
  missingViewpoints,
  planProblems,
  rate,
  RATING_COMMENT_MAX,
  remind,
  startEvaluation,
  unratedRaters,
  viewpointsForTier,
  viewpointsOf,
  type Evaluation,
  type EvaluationPlan,
  type Rater,
  type Rating,
} from '../../src/domain/evaluation/evaluation';
import { DEFAULT_EVALUATION_SCALE } from '../../src/domain/evaluation/evaluationScale';
import type { EvaluationRules } from '../../src/domain/framework/schema';
import { emailsIn } from '../../src/features/evaluation/planForm';
import { mokaLikeFramework } from '../support/mokaLike';
import { loadFrameworkFile } from './realFramework';

const rules: EvaluationRules = mokaLikeFramework().rules.evaluation!;
const AT = new Date('2026-06-10T01:00:00.000Z');
const LATER = new Date('2026-06-12T03:00:00.000Z');

const person = (id: string, name: string, department = '市民生活部'): Rater => ({ aadObjectId: id, name, department });
const hr: Actor = { aadObjectId: 'hr-1', name: '真岡 人事', isHr: true };
const otherHr: Actor = { aadObjectId: 'hr-2', name: '二宮 人事', isHr: true };
const candidate = { ...person('cand-1', '久下田 一郎'), employeeNo: 'M2', grade: '主任' };
const executive = person('exec-1', '根本 部長', '総合政策部');
const colleague = person('coll-1', '荒町 花子');
const member = person('memb-1', '長田 次郎', '建設部');
const expert = person('expt-1', '委託 専門', '外部専門家');
const outsider: Actor = { aadObjectId: 'out-1', name: '部外 太郎', isHr: false };
const asActor = (p: Rater, isHr = false): Actor => ({ aadObjectId: p.aadObjectId, name: p.name, isHr });

function aPlan(overrides: Partial<EvaluationPlan> = {}): EvaluationPlan {
  return {
    frameworkId: 'moka-like',
    fiscalYear: 2026,
    candidate,
    tier: 'expert',
    raters: [
      { viewpoint: 'policy', raters: [executive] },
      { viewpoint: 'leadership', raters: [colleague, member] },
      { viewpoint: 'technical', raters: [expert] },
    ],
    ...overrides,
  };
}

function started(plan = aPlan(), evaluationRules = rules): Evaluation {
  const outcome = startEvaluation('8219000000000-0000000a', plan, evaluationRules, hr, AT);
  if (!outcome.ok) throw new Error(`not started: ${JSON.stringify(outcome.problems)}`);
  return outcome.evaluation;
}

function rated(evaluation: Evaluation, by: Rater, viewpoint: string, value: number, comment = '', previous?: Rating, at = AT): Rating {
  const outcome = rate(evaluation, by, { viewpoint, value, comment }, previous, at);
  if (!outcome.ok) throw new Error(`${by.name} could not rate: ${outcome.refusal}`);
  return outcome.rating;
}

describe('starting an evaluation', () => {
  it('opens it with the raters in the framework\'s viewpoint order, the default four-step scale and a trail', () => {
    const evaluation = started(
      aPlan({
        raters: [
          { viewpoint: 'technical', raters: [expert] },
          { viewpoint: 'leadership', raters: [colleague, member, { ...colleague, aadObjectId: colleague.aadObjectId.toUpperCase() }] },
          { viewpoint: 'policy', raters: [executive] },
        ],
      }),
    );
    expect(evaluation).toMatchObject({
      id: '8219000000000-0000000a',
      state: 'open',
      tier: 'expert',
      fiscalYear: 2026,
      candidate,
      createdBy: { aadObjectId: 'hr-1', name: '真岡 人事' },
      createdAt: AT.toISOString(),
    });
    // One row per viewpoint, in the framework's order; a person named twice (in either case) rates once.
    expect(evaluation.raters).toEqual([
      { viewpoint: 'policy', raters: [executive] },
      { viewpoint: 'leadership', raters: [colleague, member] },
      { viewpoint: 'technical', raters: [expert] },
    ]);
    expect(evaluation.scale.map((s) => [s.value, s.label, s.labelEn])).toEqual([
      [1, '期待を下回る', 'Below expectations'],
      [2, 'やや下回る', 'Slightly below expectations'],
      [3, '期待どおり', 'Meets expectations'],
      [4, '期待を上回る', 'Exceeds expectations'],
    ]);
    expect(evaluation.trail).toEqual([{ at: AT.toISOString(), by: 'hr-1', byName: '真岡 人事', action: 'start', to: 'open' }]);
  });

  it('keeps the framework\'s own scale when it has one', () => {
    const scale = [
      { value: 0, label: '不十分' },
      { value: 1, label: '十分' },
      { value: 2, label: '卓越' },
    ];
    expect(started(aPlan(), { ...rules, scale }).scale).toEqual(scale);
    expect(DEFAULT_EVALUATION_SCALE).toHaveLength(4);
  });

  it('refuses a plan, saying every problem at once, and starts nothing', () => {
    const tooMany = Array.from({ length: MAX_RATERS_PER_VIEWPOINT + 1 }, (_, i) => person(`m-${i}`, `職員 ${i}`));
    const plan = aPlan({
      tier: 'bronze',
      raters: [
        { viewpoint: 'policy', raters: [] },
        { viewpoint: 'leadership', raters: tooMany },
        { viewpoint: 'technical', raters: [expert, { ...candidate }] },
        { viewpoint: 'budget', raters: [executive] },
      ],
    });
    const outcome = startEvaluation('8219000000000-0000000a', plan, rules, outsider, AT);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems).toEqual([
      { kind: 'notHr' },
      { kind: 'tierNotEvaluated', tier: 'bronze' },
      { kind: 'unknownViewpoint', viewpoint: 'budget' },
      { kind: 'noRaters', viewpoint: 'policy' },
      { kind: 'tooManyRaters', viewpoint: 'leadership' },
      { kind: 'candidateAsRater', viewpoint: 'technical' },
    ]);
  });

  it('needs raters for every viewpoint, even one the plan leaves out', () => {
    expect(planProblems(aPlan({ raters: [{ viewpoint: 'policy', raters: [executive] }] }), rules, hr)).toEqual([
      { kind: 'noRaters', viewpoint: 'leadership' },
      { kind: 'noRaters', viewpoint: 'technical' },
    ]);
  });

  it('asks a viewpoint the framework limits to some tiers only for those, and leaves its raters out for the others', () => {
    const limited: EvaluationRules = {
      ...rules,
      viewpoints: rules.viewpoints.map((v) => (v.id === 'leadership' ? { ...v, tiers: ['expert', 'specialist'] } : v)),
    };
    expect(viewpointsForTier(limited, 'advisor').map((v) => v.id)).toEqual(['policy', 'technical']);
    expect(viewpointsForTier(limited, 'expert').map((v) => v.id)).toEqual(['policy', 'leadership', 'technical']);

    const withoutLeadership = aPlan({ tier: 'advisor', raters: aPlan().raters.filter((r) => r.viewpoint !== 'leadership') });
    expect(planProblems(withoutLeadership, limited, hr)).toEqual([]);
    expect(started(aPlan({ tier: 'advisor' }), limited).raters.map((r) => r.viewpoint)).toEqual(['policy', 'technical']);
    expect(planProblems({ ...withoutLeadership, tier: 'expert' }, limited, hr)).toEqual([{ kind: 'noRaters', viewpoint: 'leadership' }]);
  });

  it('does not let HR start their own evaluation', () => {
    expect(planProblems(aPlan(), rules, { ...asActor(candidate), isHr: true })).toEqual([{ kind: 'ownEvaluation' }]);
  });

  it('judges a plan whose candidate is not known yet on everything else', () => {
    expect(planProblems({ tier: '', raters: aPlan().raters }, rules, hr)).toEqual([{ kind: 'tierNotEvaluated', tier: '' }]);
  });
});

describe('rating', () => {
  const evaluation = started();

  it('lets an assigned rater rate from their viewpoint, with the comment trimmed', () => {
    const outcome = rate(evaluation, executive, { viewpoint: 'policy', value: 3, comment: '  市民目線の改善案でした。 ' }, undefined, AT);
    expect(outcome).toEqual({
      ok: true,
      rating: {
        evaluationId: evaluation.id,
        viewpoint: 'policy',
        rater: { aadObjectId: 'exec-1', name: '根本 部長' },
        value: 3,
        comment: '市民目線の改善案でした。',
        ratedAt: AT.toISOString(),
        updatedAt: AT.toISOString(),
      },
    });
  });

  it('knows a rater whatever the case of their id', () => {
    const upper = { ...colleague, aadObjectId: colleague.aadObjectId.toUpperCase() };
    expect(mayRate(evaluation, upper, 'leadership')).toBeUndefined();
    expect(viewpointsOf(evaluation, upper.aadObjectId)).toEqual(['leadership']);
    expect(rated(evaluation, upper, 'leadership', 4).rater.aadObjectId).toBe(colleague.aadObjectId);
  });

  it('refuses a rater for a viewpoint they were not asked for, anyone not asked, and the candidate', () => {
    expect(rate(evaluation, executive, { viewpoint: 'technical', value: 3, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'notRater' });
    expect(rate(evaluation, outsider, { viewpoint: 'policy', value: 3, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'notRater' });
    expect(rate(evaluation, hr, { viewpoint: 'policy', value: 3, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'notRater' });
    expect(rate(evaluation, candidate, { viewpoint: 'policy', value: 4, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'ownEvaluation' });
    expect(rate(evaluation, executive, { viewpoint: 'budget', value: 3, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'notRater' });
  });

  it('refuses the candidate even if HR had named them (a record from before the rule)', () => {
    const named = { ...evaluation, raters: [{ viewpoint: 'policy', raters: [candidate] }] };
    expect(mayRate(named, candidate, 'policy')).toBe('ownEvaluation');
  });

  it.each([0, 5, 2.5, Number.NaN, -1])('refuses %p, which is not on the scale', (value) => {
    expect(rate(evaluation, executive, { viewpoint: 'policy', value, comment: '' }, undefined, AT)).toEqual({ ok: false, refusal: 'offScale' });
  });

  it('lets a rater change their rating while open: first rated kept, updated moved', () => {
    const first = rated(evaluation, member, 'leadership', 2, '最初の印象');
    const changed = rated(evaluation, member, 'leadership', 4, '', first, LATER);
    expect(changed).toMatchObject({ value: 4, comment: '', ratedAt: AT.toISOString(), updatedAt: LATER.toISOString() });
  });

  it('cuts a long comment at the limit without splitting a character in two', () => {
    const long = `${'あ'.repeat(RATING_COMMENT_MAX - 1)}😀😀`;
    const { comment } = rated(evaluation, expert, 'technical', 3, long);
    expect(Array.from(comment)).toHaveLength(RATING_COMMENT_MAX);
    expect(comment.endsWith('😀')).toBe(true);
  });

  it('refuses every rating once the evaluation is closed', () => {
    const closed = close(evaluation, hr, 'notCertify', [], LATER);
    if (!closed.ok) throw new Error('not closed');
    expect(rate(closed.evaluation, executive, { viewpoint: 'policy', value: 3, comment: '' }, undefined, LATER)).toEqual({ ok: false, refusal: 'closed' });
    // Someone who was never asked learns nothing more than that.
    expect(mayRate(closed.evaluation, outsider, 'policy')).toBe('notRater');
  });
});

describe('who has not rated yet', () => {
  const evaluation = started();

  it('lists every rater without a rating, with their viewpoint', () => {
    const ratings = [rated(evaluation, executive, 'policy', 3), rated(evaluation, member, 'leadership', 4)];
    expect(unratedRaters(evaluation, ratings)).toEqual([
      { viewpoint: 'leadership', rater: colleague },
      { viewpoint: 'technical', rater: expert },
    ]);
    expect(missingViewpoints(evaluation, ratings)).toEqual(['technical']);
  });

  it('does not count a rating from someone not asked for that viewpoint', () => {
    const stray: Rating = { ...rated(evaluation, expert, 'technical', 3), viewpoint: 'policy' };
    expect(missingViewpoints(evaluation, [stray])).toEqual(['policy', 'leadership', 'technical']);
  });
});

describe('HR\'s steps', () => {
  const evaluation = started();
  const everyViewpoint = [rated(evaluation, executive, 'policy', 3), rated(evaluation, colleague, 'leadership', 4), rated(evaluation, expert, 'technical', 2)];

  it('certifies once every viewpoint has a rating, and the evaluation is final', () => {
    const outcome = close(evaluation, otherHr, 'certify', everyViewpoint, LATER);
    expect(outcome.ok).toBe(true);
    const certified = outcome.ok ? outcome.evaluation : evaluation;
    expect(certified).toMatchObject({ state: 'certified', closedAt: LATER.toISOString(), updatedAt: LATER.toISOString() });
    expect(closingEntry(certified)).toEqual({ at: LATER.toISOString(), by: 'hr-2', byName: '二宮 人事', action: 'certify', to: 'certified' });
    expect(closingEntry(evaluation)).toBeUndefined();
    // Nothing moves a closed evaluation.
    expect(close(certified, hr, 'notCertify', everyViewpoint, LATER)).toEqual({ ok: false, refusal: 'closed' });
    expect(close(certified, hr, 'certify', everyViewpoint, LATER)).toEqual({ ok: false, refusal: 'closed' });
    expect(remind(certified, hr, 1, LATER)).toEqual({ ok: false, refusal: 'closed' });
  });

  it('does not certify while a viewpoint has no rating, and says which', () => {
    const twoOfThree = everyViewpoint.slice(0, 2);
    expect(close(evaluation, hr, 'certify', twoOfThree, LATER)).toEqual({ ok: false, refusal: 'incomplete', missing: ['technical'] });
    expect(close(evaluation, hr, 'certify', [], LATER)).toEqual({ ok: false, refusal: 'incomplete', missing: ['policy', 'leadership', 'technical'] });
  });

  it('closes without certifying whatever the ratings', () => {
    const outcome = close(evaluation, hr, 'notCertify', [], LATER);
    expect(outcome.ok && outcome.evaluation.state).toBe('notCertified');
    expect(outcome.ok && closingEntry(outcome.evaluation)?.action).toBe('notCertify');
  });

  it('is HR\'s alone, and never on HR\'s own evaluation', () => {
    const raterActor = asActor(executive);
    expect(close(evaluation, raterActor, 'certify', everyViewpoint, LATER)).toEqual({ ok: false, refusal: 'notHr' });
    expect(close(evaluation, raterActor, 'notCertify', everyViewpoint, LATER)).toEqual({ ok: false, refusal: 'notHr' });
    expect(remind(evaluation, raterActor, 1, LATER)).toEqual({ ok: false, refusal: 'notHr' });
    const candidateInHr = asActor(candidate, true);
    expect(close(evaluation, candidateInHr, 'certify', everyViewpoint, LATER)).toEqual({ ok: false, refusal: 'ownEvaluation' });
  });

  it('records a reminder in the trail, leaving the evaluation open', () => {
    const outcome = remind(evaluation, hr, 2, LATER);
    expect(outcome.ok && outcome.evaluation.state).toBe('open');
    expect(outcome.ok && outcome.evaluation.trail.at(-1)).toEqual({ at: LATER.toISOString(), by: 'hr-1', byName: '真岡 人事', action: 'remind', to: 'open', reminded: 2 });
  });
});

describe('the raters\' e-mails as HR types them', () => {
  it('reads one per line, or separated by commas (also Japanese ones) or spaces, once each, in lower case', () => {
    expect(emailsIn('Taro@Example.lg.jp\n hanako@example.lg.jp , jiro@example.lg.jp、taro@example.lg.jp\r\n\n  ken@example.lg.jp')).toEqual([
      'taro@example.lg.jp',
      'hanako@example.lg.jp',
      'jiro@example.lg.jp',
      'ken@example.lg.jp',
    ]);
    expect(emailsIn('  \n ,, ')).toEqual([]);
  });
});

describe('Moka\'s own framework file', () => {
  it('evaluates each of its tiers from the three viewpoints of the seed, on the default scale, tiers ranked by level', () => {
    const moka = loadFrameworkFile('moka');
    const mokaRules = moka.rules.evaluation!;
    expect(mokaRules.viewpoints.map((v) => [v.name, v.raters])).toEqual([
      ['政策的観点', '幹部職員'],
      ['リーダーシップ', '同一所属職員、プロジェクトメンバー'],
      ['技術的観点', '委託業者等専門家'],
    ]);
    expect(mokaRules.tiers.map((tier) => moka.tier(tier)?.name)).toEqual(['DXアドバイザー', 'DXエキスパート', 'DXスペシャリスト']);
    // Certifying keeps the higher tier: アドバイザー < エキスパート < スペシャリスト.
    const ranks = mokaRules.tiers.map((tier) => moka.tierRank(tier));
    expect(ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > ranks[i - 1]!))).toBe(true);
    const raters = mokaRules.viewpoints.map((v, i) => ({ viewpoint: v.id, raters: [[executive, colleague, expert][i]!] }));
    for (const tier of mokaRules.tiers) {
      const outcome = startEvaluation('8219000000000-0000000a', aPlan({ frameworkId: moka.id, tier, raters }), mokaRules, hr, AT);
      expect({ tier, ok: outcome.ok, scale: outcome.ok && outcome.evaluation.scale }).toEqual({ tier, ok: true, scale: mokaRules.scale ?? DEFAULT_EVALUATION_SCALE });
    }
  });
});
