import type { AdaptiveCard } from '../../src/cards/renderCard';
import { aggregate } from '../../src/domain/evaluation/aggregate';
import {
  candidateOf,
  close,
  rate,
  raterOf,
  startEvaluation,
  type Evaluation,
  type EvaluationRefusal,
  type Rating,
} from '../../src/domain/evaluation/evaluation';
import type { Employee } from '../../src/domain/roster/employee';
import type { EvaluationWho } from '../../src/features/evaluation/deps';
import type { ResolvedForm } from '../../src/features/evaluation/planForm';
import { backToList, backToStatus, evaluationNotFound, refusalCard, toRequests } from '../../src/features/evaluation/storedEvaluation';
import { evaluationListCard } from '../../src/features/evaluation/views/listCard';
import { certifiedCard, closeQuestionCard, notUsedCard, ratedCard } from '../../src/features/evaluation/views/noticeCards';
import { evaluationFormCard, evaluationReviewCard } from '../../src/features/evaluation/views/planCards';
import { rateCard } from '../../src/features/evaluation/views/rateCard';
import { requestsCard } from '../../src/features/evaluation/views/requestsCard';
import { evaluationStatusCard, type StatusNote } from '../../src/features/evaluation/views/statusCard';
import type { Locale, Translate } from '../../src/i18n';
import { silentLogger } from '../../src/logger';
import { MOKA_TIERS, MOKA_VIEWPOINTS, mokaLikeFramework } from './mokaLike';

/** The views an evaluation card comes from. */
export type EvaluationView =
  | 'evaluationList'
  | 'evaluationStart'
  | 'evaluationReview'
  | 'evaluationStatus'
  | 'evaluationRate'
  | 'evaluationRequests'
  | 'notice';

/** Someone on a Moka-like roster. */
function staff(n: number, name: string, department: string, grade: string, roles: Employee['roles'] = []): Employee {
  return {
    employeeNo: `M${n}`,
    name,
    email: `m${n}@example.lg.jp`,
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department,
    section: '',
    grade,
    roles,
  };
}

export const EVALUATION_PEOPLE = {
  hr: staff(1, '真岡 人事', '総務部', '主任', ['hr']),
  candidate: staff(2, '久下田 一郎', '市民生活部', '主任'),
  executive: staff(3, '根本 部長', '総合政策部', '部長'),
  colleague: staff(4, '荒町 花子', '市民生活部', '主事'),
  member: staff(5, '長田 次郎', '建設部', '主事'),
  expert: staff(6, '委託 専門', '外部専門家', '委託業者'),
} as const;

/** Ids in the format newEvaluationId() makes. */
const IDS = { open: '8219000000000-0000000a', closed: '8218000000000-0000000b', draft: '8217000000000-0000000c' } as const;

/**
 * Every evaluation card, from a Moka-like framework: HR's list (with evaluations and empty), the form (empty and
 * filled), the review (ready, and with every kind of problem), the status (incomplete, complete, certified, closed),
 * the rater's card (new, rated, turned back), the rater's requests, and the notices the flows send.
 */
export function evaluationCards(t: Translate, locale: Locale): { name: string; view: EvaluationView; card: AdaptiveCard }[] {
  const cards: { name: string; view: EvaluationView; card: AdaptiveCard }[] = [];
  const add = (name: string, view: EvaluationView, card: AdaptiveCard): void => {
    cards.push({ name: `evaluation ${name}`, view, card });
  };
  const framework = mokaLikeFramework();
  const rules = framework.rules.evaluation!;
  const { hr, candidate, executive, colleague, member, expert } = EVALUATION_PEOPLE;
  const who: EvaluationWho = { aadObjectId: hr.aadObjectId, name: hr.name, employee: hr, framework, rules, t, locale };
  const hrActor = { aadObjectId: hr.aadObjectId, name: hr.name, isHr: true };
  const june = new Date('2026-06-10T01:00:00.000Z');
  const started = startEvaluation(
    IDS.open,
    {
      frameworkId: framework.id,
      fiscalYear: 2026,
      candidate: candidateOf(candidate),
      tier: MOKA_TIERS.expert,
      raters: [
        { viewpoint: MOKA_VIEWPOINTS.policy, raters: [raterOf(executive)] },
        { viewpoint: MOKA_VIEWPOINTS.leadership, raters: [raterOf(colleague), raterOf(member)] },
        { viewpoint: MOKA_VIEWPOINTS.technical, raters: [raterOf(expert)] },
      ],
    },
    rules,
    hrActor,
    june,
  );
  if (!started.ok) throw new Error(`the evaluation did not start: ${JSON.stringify(started.problems)}`);
  const open = started.evaluation;
  const rated = (by: Employee, viewpoint: string, value: number, comment = ''): Rating => {
    const outcome = rate(open, by, { viewpoint, value, comment }, undefined, june);
    if (!outcome.ok) throw new Error(`${by.name} could not rate: ${outcome.refusal}`);
    return outcome.rating;
  };
  const someRatings = [
    rated(executive, MOKA_VIEWPOINTS.policy, 3, '所属の目標に沿った、市民目線の改善案でした。'),
    rated(colleague, MOKA_VIEWPOINTS.leadership, 4),
  ];
  const allRatings = [...someRatings, rated(member, MOKA_VIEWPOINTS.leadership, 3, '会議の進め方が上手でした。'), rated(expert, MOKA_VIEWPOINTS.technical, 2)];
  const closedBy = (decision: 'certify' | 'notCertify', id: string): Evaluation => {
    const outcome = close({ ...open, id }, hrActor, decision, allRatings, new Date('2026-07-01T01:00:00.000Z'));
    if (!outcome.ok) throw new Error(`closing refused: ${outcome.refusal}`);
    return outcome.evaluation;
  };
  const certified = closedBy('certify', IDS.closed);
  const notCertified = closedBy('notCertify', IDS.closed);

  add('list', 'evaluationList', evaluationListCard(framework, rules, [{ evaluation: open, result: aggregate(open, someRatings) }], [certified, notCertified], t, locale));
  add('list (empty)', 'evaluationList', evaluationListCard(framework, rules, [], [], t, locale));

  const form = {
    candidateEmail: candidate.email,
    tier: MOKA_TIERS.expert,
    raters: { policy: executive.email, leadership: `${colleague.email}\n${member.email}`, technical: 'nobody@example.lg.jp' },
  };
  add('form (empty)', 'evaluationStart', evaluationFormCard(framework, rules, { candidateEmail: '', tier: '', raters: {} }, t));
  add('form (filled)', 'evaluationStart', evaluationFormCard(framework, rules, form, t));
  const entry = (e: Employee, reachable = true): { email: string; employee: Employee; reachable: boolean } => ({ email: e.email, employee: e, reachable });
  const [policy, leadership, technical] = rules.viewpoints as [typeof rules.viewpoints[number], typeof rules.viewpoints[number], typeof rules.viewpoints[number]];
  const ready: ResolvedForm = {
    form,
    candidate,
    viewpoints: [
      { viewpoint: policy, raters: [entry(executive)] },
      { viewpoint: leadership, raters: [entry(colleague), entry(member, false)] },
      { viewpoint: technical, raters: [entry(expert)] },
    ],
    problems: [],
  };
  add('review (ready, one rater unreachable)', 'evaluationReview', evaluationReviewCard(framework, ready, IDS.draft, t));
  const troubled: ResolvedForm = {
    form: { ...form, tier: '' },
    candidate,
    viewpoints: [
      { viewpoint: policy, raters: [{ email: 'nobody@example.lg.jp', reachable: false }] },
      { viewpoint: leadership, raters: [entry(candidate)] },
      { viewpoint: technical, raters: [] },
    ],
    problems: [
      { kind: 'unknownRater', viewpoint: policy.id, email: 'nobody@example.lg.jp' },
      { kind: 'candidateAsRater', viewpoint: leadership.id },
      { kind: 'noRaters', viewpoint: technical.id },
      { kind: 'tierNotEvaluated', tier: '' },
      { kind: 'tooManyRaters', viewpoint: leadership.id },
      { kind: 'alreadyOpen' },
      { kind: 'ownEvaluation' },
      { kind: 'unknownViewpoint', viewpoint: 'nope' },
      { kind: 'notHr' },
    ],
  };
  add('review (problems)', 'evaluationReview', evaluationReviewCard(framework, troubled, IDS.draft, t));
  const nobody: ResolvedForm = { form: { candidateEmail: '', tier: '', raters: {} }, viewpoints: [], problems: [{ kind: 'noCandidate' }] };
  add('review (no candidate)', 'evaluationReview', evaluationReviewCard(framework, nobody, IDS.draft, t));
  const unknown: ResolvedForm = { ...nobody, form: { ...nobody.form, candidateEmail: 'x@example.lg.jp' }, problems: [{ kind: 'unknownCandidate', email: 'x@example.lg.jp' }] };
  add('review (unknown candidate)', 'evaluationReview', evaluationReviewCard(framework, unknown, IDS.draft, t));

  const status = (name: string, evaluation: Evaluation, ratings: readonly Rating[], note?: StatusNote): void =>
    add(`status ${name}`, 'evaluationStatus', evaluationStatusCard(framework, evaluation, aggregate(evaluation, ratings), t, locale, note));
  status('(just started)', open, [], { text: t('evaluation.start.done', { count: 4 }), style: 'good' });
  status('(a viewpoint missing)', open, someRatings);
  status('(every viewpoint rated)', open, allRatings);
  status('(certified)', certified, allRatings, { text: t('evaluation.certify.done', { name: candidate.name, tier: 'DXエキスパート' }), style: 'good' });
  status('(closed without certification)', notCertified, allRatings);

  add('rate (new)', 'evaluationRate', rateCard(framework, open, MOKA_VIEWPOINTS.policy, {}, t, locale));
  add('rate (rated)', 'evaluationRate', rateCard(framework, open, MOKA_VIEWPOINTS.policy, { previous: someRatings[0] }, t, locale));
  add(
    'rate (turned back)',
    'evaluationRate',
    rateCard(framework, open, MOKA_VIEWPOINTS.technical, { input: { rating: '9', comment: 'とても良い' }, note: t('evaluation.refusal.offScale') }, t, locale),
  );
  add('requests (none)', 'evaluationRequests', requestsCard(framework, [], t, locale));
  add(
    'requests',
    'evaluationRequests',
    requestsCard(framework, [{ evaluation: open, viewpoint: MOKA_VIEWPOINTS.policy, rated: true }, { evaluation: open, viewpoint: MOKA_VIEWPOINTS.leadership, rated: false }], t, locale),
  );

  add('not used', 'notice', notUsedCard(framework, t));
  // A rater's notices lead to their requests, HR's to the list or the evaluation.
  add('not found (rater)', 'notice', evaluationNotFound({ logger: silentLogger }, who, IDS.open, toRequests(who)));
  add('not found (HR)', 'notice', evaluationNotFound({ logger: silentLogger }, who, IDS.open, backToList(who)));
  const refusals: EvaluationRefusal[] = ['notHr', 'ownEvaluation', 'notRater', 'closed', 'offScale', 'incomplete'];
  for (const refusal of refusals) add(`refusal ${refusal}`, 'notice', refusalCard(who, refusal, certified, toRequests(who), [MOKA_VIEWPOINTS.technical]));
  add('refusal incomplete (HR)', 'notice', refusalCard(who, 'incomplete', open, backToStatus(who, open.id), [MOKA_VIEWPOINTS.technical]));
  add('certify?', 'notice', closeQuestionCard(framework, open, 'certify', t));
  add('close?', 'notice', closeQuestionCard(framework, open, 'notCertify', t));
  add('rated', 'notice', ratedCard(framework, open, MOKA_VIEWPOINTS.policy, open.scale[2]!, t, locale));
  add('certified news', 'notice', certifiedCard(framework, certified, t, locale));
  return cards;
}
