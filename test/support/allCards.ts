import type { AdaptiveCard } from '../../src/cards/renderCard';
import {
  act,
  overrideEligibility,
  reassign,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  submitApplication,
  type Actor,
  type Application,
  type ApplicationRefusal,
  type AssessmentSummary,
  applicantOf,
} from '../../src/domain/applications/application';
import { defaultWindow, nextWindow, tracksOf, type ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import { checkEligibility, gradeCheckOf } from '../../src/domain/applications/eligibility';
import { EMPTY_PROGRESS, type Broadcast, type Progress } from '../../src/domain/broadcast/broadcast';
import { refusedApplyButtons, trackWindowsAt, type RefusedButton } from '../../src/domain/broadcast/noticeWindows';
import { fiscalYearOf } from '../../src/domain/applications/fiscalYear';
import {
  applyAnswer,
  currentStep,
  progressOf,
  startAssessment,
  stepToken,
  type Assessment,
  type AssessmentAnswer,
} from '../../src/domain/assessment/assessment';
import { historyOf } from '../../src/domain/assessment/history';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import type { Framework } from '../../src/domain/framework/framework';
import { findRuleAnswer } from '../../src/domain/framework/ruleAnswers';
import { buildSearchIndex, search, similarTitles } from '../../src/domain/framework/search';
import type { Employee } from '../../src/domain/roster/employee';
import { refusalCard } from '../../src/features/applications/refusals';
import { trackName } from '../../src/features/applications/trackName';
import { approvalCard } from '../../src/features/applications/views/approvalCard';
import { approvalInboxCard } from '../../src/features/applications/views/inboxCard';
import { stateLabel } from '../../src/features/applications/views/describe';
import { formatDate, formatDateTime } from '../../src/i18n/formatDate';
import { applicationConfirmCard, applicationFormCard } from '../../src/features/applications/views/formCards';
import { applicationsHomeCard, ineligibleText, windowLine, type TrackSituation } from '../../src/features/applications/views/homeCard';
import { hrDetailCard, hrListCard, hrWindowsCard } from '../../src/features/applications/views/hrCards';
import type { Who } from '../../src/features/applications/who';
import { historyCard } from '../../src/features/assessment/views/historyCard';
import { resultCard, type TrainingsSoFar } from '../../src/features/assessment/views/resultCard';
import { startCard } from '../../src/features/assessment/views/startCard';
import { roleStepCard } from '../../src/features/assessment/views/roleStepCard';
import { skillsStepCard, targetStepCard, type StepContext } from '../../src/features/assessment/views/stepCards';
import { answer } from '../../src/features/framework/answer';
import { noAnswerCard, ruleAnswerCard } from '../../src/features/framework/views/ruleAnswerView';
import { searchResultsCard } from '../../src/features/framework/views/searchView';
import { unknownInputCard } from '../../src/features/framework/views/unknownView';
import { welcomeCard } from '../../src/features/framework/views/welcomeView';
import { prefilledNotice } from '../../src/features/broadcast/noticeTemplate';
import { backToBroadcast, backToList, broadcastNotFound, changedMeanwhile, notDraft, refusal } from '../../src/features/broadcast/storedBroadcast';
import { audienceCard, type AudienceNote } from '../../src/features/broadcast/views/audienceCard';
import type { AudienceChoices } from '../../src/features/broadcast/audienceInput';
import { composeCard } from '../../src/features/broadcast/views/composeCard';
import { stateLabel as broadcastStateLabel } from '../../src/features/broadcast/views/describe';
import { broadcastListCard } from '../../src/features/broadcast/views/listCard';
import { noticeCardFor } from '../../src/features/broadcast/views/noticeCard';
import { previewControlsCard } from '../../src/features/broadcast/views/previewCard';
import { cancelQuestionCard, retryQuestionCard } from '../../src/features/broadcast/views/questionCards';
import { reviewCard, type RecipientCount } from '../../src/features/broadcast/views/reviewCard';
import { broadcastStatusCard } from '../../src/features/broadcast/views/statusCard';
import { appointmentCards } from './appointmentCards';
import { firstKpiCard, kpiCards } from './kpiCards';
import { exportAndTeamCards } from './exportAndTeamCards';
import { trainingRecordCards } from './trainingRecordCards';
import { trainingMoveCards } from './trainingMoveCards';
import { evaluationCards, type EvaluationView } from './evaluationCards';
import { hrMenuCards } from './hrMenuCards';
import { catalogNotice, noticeCard, type NoticeStyle } from '../../src/features/notices';
import { VERBS } from '../../src/features/verbs';
import { translator, type Locale, type MessageKey, type MessageParams, type Translate } from '../../src/i18n';
import { silentLogger } from '../../src/logger';
import type { ActiveFramework } from '../../src/storage/frameworkCatalog';
import { loadFrameworkFile } from '../unit/realFramework';
import { rosterRequired } from '../../src/features/whoAsks';
import { kunisakiLikeFramework } from './kunisakiLike';

/** The languages every card is rendered in. */
export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** Queries whose search finds something (each must, or the search-results card would not be covered). */
export const SEARCH_QUERIES = ['プロジェクト', 'AI', 'セキュリティ'] as const;

/** Finds nothing but resembles skill names (a typo of マネジメント), so the unknown-input card offers suggestions. */
export const UNKNOWN_WITH_SUGGESTIONS = 'マネジメソト';
/** Finds nothing and resembles nothing. */
export const UNKNOWN_WITHOUT_SUGGESTIONS = 'ぬるぽ';

/** A level the Kitakyushu framework does not have, and a skill id it does not have, for the "not found" notices. */
const MISSING_LEVEL = 9;
const MISSING_SKILL = 'no-such-skill';

/**
 * Every catalog notice the bot sends: each title/body pair that src/ passes to catalogNotice, with the
 * parameters and style the caller uses. cards.test.ts checks this list against the sources.
 */
export const NOTICES: readonly { title: MessageKey; body: MessageKey; params?: MessageParams; style?: NoticeStyle }[] = [
  { title: 'error.invalidAction.title', body: 'error.invalidAction.body' },
  { title: 'error.invalidAction.title', body: 'error.unknownAction.body' },
  // Its parameters come from the framework: see allCards().
  { title: 'error.invalidAction.title', body: 'error.levelNotFound.body' },
  { title: 'error.invalidAction.title', body: 'error.skillNotFound.body' },
  { title: 'error.noFramework.title', body: 'error.noFramework.body' },
  { title: 'error.tooLong.title', body: 'error.tooLong.body', params: { max: 500 } },
  { title: 'error.storage.title', body: 'error.storage.body', style: 'attention' },
  { title: 'error.unexpected.title', body: 'error.unexpected.body', style: 'attention' },
  // The self-assessment asked for outside a personal chat.
  { title: 'assessment.title', body: 'assessment.personalOnly', style: 'default' },
  // Applying asked for outside a personal chat.
  { title: 'applications.title', body: 'applications.personalOnly', style: 'default' },
  // HR's broadcasts asked for outside a personal chat.
  { title: 'broadcast.title', body: 'broadcast.personalOnly', style: 'default' },
  // Appointments asked for outside a personal chat.
  { title: 'appointment.title', body: 'appointment.personalOnly', style: 'default' },
  // Evaluations asked for outside a personal chat.
  { title: 'evaluation.title', body: 'evaluation.personalOnly', style: 'default' },
  // HR's KPI asked for outside a personal chat.
  { title: 'kpi.name', body: 'kpi.personalOnly', style: 'default' },
  // HR's exports and a manager's team asked for outside a personal chat.
  { title: 'export.title', body: 'export.personalOnly', style: 'default' },
  { title: 'team.title', body: 'team.personalOnly', style: 'default' },
  { title: 'training.record.title', body: 'training.record.personalOnly', style: 'default' },
  // HR's menu asked for outside a personal chat.
  { title: 'hrMenu.title', body: 'hrMenu.personalOnly', style: 'default' },
];

/** The Kitakyushu framework as the bot serves it: validated, loaded and indexed like FrameworkCatalog does. */
export function kitakyushuActive(): ActiveFramework {
  return frameworkActive('kitakyushu');
}

/** A framework file of data/frameworks (e.g. "moka") as the bot serves it: validated, loaded and indexed. */
export function frameworkActive(id: string): ActiveFramework {
  const framework = loadFrameworkFile(id);
  return { framework, searchIndex: buildSearchIndex(framework) };
}

/** Which view produced a card. */
export type CardView =
  | 'welcome'
  | 'menu'
  | 'ladder'
  | 'level'
  | 'skill'
  | 'recommended'
  | 'training'
  | 'searchResults'
  | 'unknownInput'
  | 'notice'
  | 'assessmentStart'
  | 'assessmentRole'
  | 'assessmentSkills'
  | 'assessmentTarget'
  | 'assessmentResult'
  | 'assessmentHistory'
  | 'applicationsHome'
  | 'applicationForm'
  | 'applicationConfirm'
  | 'approval'
  | 'approvalInbox'
  | 'hrWindows'
  | 'hrApplications'
  | 'hrApplication'
  | 'hrTrainingMove'
  | 'broadcastList'
  | 'broadcastCompose'
  | 'broadcastNotice'
  | 'broadcastPreview'
  | 'broadcastAudience'
  | 'broadcastReview'
  | 'broadcastStatus'
  | 'appointmentCoverage'
  | 'appointmentConfirm'
  | EvaluationView
  | 'kpi'
  | 'kpiTargets'
  | 'exportHome'
  | 'exportProgress'
  | 'teamSummary'
  | 'trainingRecord'
  | 'hrMenu';

/** One card the bot can produce, with a name for test titles such as "ja level 3". */
export interface CardCase {
  readonly name: string;
  readonly locale: Locale;
  readonly view: CardView;
  readonly card: AdaptiveCard;
}

/** A result for someone with no training recorded and no session scheduled. */
const NOTHING_TAKEN: TrainingsSoFar = { records: [], sessions: [], today: '2026-06-20' };

/**
 * Every card the bot can produce from the Kitakyushu framework, in one language: welcome, menu, ladder,
 * each level, each skill, recommended skills, each level's training, search results, unknown input
 * (with and without suggestions) and every notice. Built with answer() and the view functions, as the bot does.
 */
export function allCards(locale: Locale, active: ActiveFramework = kitakyushuActive()): CardCase[] {
  const t = translator(locale);
  const { framework, searchIndex } = active;
  const cases: CardCase[] = [];
  const add = (name: string, view: CardView, card: AdaptiveCard): void => {
    cases.push({ name: `${locale} ${name}`, locale, view, card });
  };

  add('welcome', 'welcome', welcomeCard(framework, t));
  add('menu', 'menu', answer(active, { kind: 'menu' }, t));
  add('ladder', 'ladder', answer(active, { kind: 'ladder' }, t));
  for (const { level } of framework.levels) add(`level ${level}`, 'level', answer(active, { kind: 'level', level }, t));
  for (const skill of framework.document.requiredSkills) {
    add(`skill ${skill.id}`, 'skill', answer(active, { kind: 'skill', skillId: skill.id }, t));
  }
  add('recommended', 'recommended', answer(active, { kind: 'recommended' }, t));
  for (const { level } of framework.levels) {
    add(`training ${level}`, 'training', answer(active, { kind: 'training', level }, t));
  }
  add('training (no level given)', 'training', answer(active, { kind: 'training' }, t));
  // Opened from a search result: the item found named and marked, the way back to the results.
  const aiBasics = framework.document.trainingFocusItems.find((f) => f.name === 'AI基礎')!;
  add('training (AI基礎 found by search)', 'training', answer(active, { kind: 'training', level: aiBasics.level, from: { query: 'AI基礎', item: aiBasics.id } }, t));
  add('level 3 (a role found by search)', 'level', answer(active, { kind: 'level', level: 3, from: { query: '歩く', item: 'execution' } }, t));
  add('not on the roster (a personal feature)', 'notice', rosterRequired({ t, framework }));
  // Kunisaki-like: a framework that names no contact office.
  add('not on the roster, in a city without a contact', 'notice', rosterRequired({ t, framework: kunisakiLikeFramework() }));

  for (const query of SEARCH_QUERIES) {
    if (search(searchIndex, query).length === 0) throw new Error(`the search for "${query}" finds nothing`);
    add(`search "${query}"`, 'searchResults', answer(active, { kind: 'search', query }, t));
  }
  // A query with more hits than one card shows, through the view directly.
  const many = search(searchIndex, 'DX', 50);
  add('search "DX" (view, all hits)', 'searchResults', searchResultsCard('DX', many, t));

  for (const text of [UNKNOWN_WITH_SUGGESTIONS, UNKNOWN_WITHOUT_SUGGESTIONS]) {
    if (search(searchIndex, text).length > 0) throw new Error(`"${text}" finds something; it cannot stand for unknown input`);
    add(`unknown "${text}"`, 'unknownInput', answer(active, { kind: 'search', query: text }, t));
  }
  for (const { topic, questions } of framework.document.rules.questions) {
    const rule = findRuleAnswer(framework, questions[0]!);
    if (rule?.topic !== topic) throw new Error(`"${questions[0]}" is not answered by the rule ${topic}`);
    add(`rule answer ${topic}`, 'notice', ruleAnswerCard(framework, rule, t));
  }
  add('no answer, with the contact office', 'notice', noAnswerCard(framework, t));
  add('no answer, in a city without a contact', 'notice', noAnswerCard(kunisakiLikeFramework(), t));
  const longText = 'あいうえお'.repeat(20);
  add('unknown (long text, view)', 'unknownInput', unknownInputCard(longText, similarTitles(searchIndex, longText), [], t));

  add(`level ${MISSING_LEVEL} (not found)`, 'notice', answer(active, { kind: 'level', level: MISSING_LEVEL }, t));
  add(`skill ${MISSING_SKILL} (not found)`, 'notice', answer(active, { kind: 'skill', skillId: MISSING_SKILL }, t));
  for (const notice of NOTICES) {
    const params = notice.body === 'error.levelNotFound.body' ? { level: MISSING_LEVEL, max: framework.highestLevel } : notice.params;
    add(`notice ${notice.title} / ${notice.body}`, 'notice', catalogNotice(t, notice.title, notice.body, params, notice.style));
  }

  for (const { name, view, card } of assessmentCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of applicationCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of broadcastCards(framework, t, locale)) add(name, view, card);
  // Appointments need a framework that has them: a Kunisaki-like one.
  for (const { name, view, card } of appointmentCards(t)) add(name, view, card);
  // Evaluations need a framework that has them: a Moka-like one.
  for (const { name, view, card } of evaluationCards(t, locale)) add(name, view, card);
  for (const { name, view, card } of kpiCards(framework, t)) add(name, view, card);
  for (const { name, view, card } of exportAndTeamCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of trainingRecordCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of trainingMoveCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of hrMenuCards(active, t)) add(name, view, card);
  return cases;
}

/** An Action.Execute found anywhere on a card: a button, a button in an ActionSet, or a selectAction. */
export interface ExecuteAction {
  readonly title?: string;
  readonly verb: unknown;
  readonly data: unknown;
  /** Where on the card, e.g. "body[2].selectAction", for failure messages. */
  readonly at: string;
}

/** Every Action.Execute on a card, walking the whole tree. */
export function executeActionsOf(card: unknown): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') {
        found.push({ title: typeof record.title === 'string' ? record.title : undefined, verb: record.verb, data: record.data, at });
      }
      for (const [key, value] of Object.entries(record)) walk(value, at === '' ? key : `${at}.${key}`);
    }
  };
  walk(card, '');
  return found;
}

/** The employee whose assessments the assessment cards show (the cards never carry it). */
const ASSESSING_USER = 'aad-assessing-user';

/** A fixed assessment id in the format newAssessmentId() makes (inverted start time, then 8 hex digits). */
function assessmentIdOf(startedAt: Date, n: number): string {
  return `${String(10 ** 13 - startedAt.getTime()).padStart(13, '0')}-${n.toString(16).padStart(8, '0')}`;
}

/** Answers the current step as the card for it would, and fails loudly if the domain refuses. */
function answerStep(assessment: Assessment, framework: Framework, given: AssessmentAnswer, now: Date): Assessment {
  const token = stepToken(currentStep(assessment, framework));
  const outcome = applyAnswer(assessment, framework, token, given, now);
  if (!outcome.ok) throw new Error(`step "${token}" refused ${JSON.stringify(given)}: ${outcome.refusal}`);
  return outcome.assessment;
}

/** How one employee answers: a role level per category (in the framework's order), a rating per skill, a target. */
interface Answers {
  readonly roles: readonly number[];
  readonly rate: (skillId: string, level: number, indexInLevel: number) => number;
  readonly target: number;
}

/**
 * Walks an assessment from the start through every step with applyAnswer, calling `visit` with the assessment
 * as it stands before each step is answered (so the caller can render that step's card). Stops before the target
 * when `answers.target` is 0.
 */
function walkAssessment(
  framework: Framework,
  id: string,
  startedAt: Date,
  answers: Answers,
  visit: (assessment: Assessment) => void = () => undefined,
  userId = ASSESSING_USER,
): Assessment {
  const minute = 60_000;
  let now = startedAt;
  const tick = (): Date => (now = new Date(now.getTime() + minute));
  let assessment = startAssessment(id, userId, framework, startedAt);
  for (let step = currentStep(assessment, framework); step.kind !== 'done'; step = currentStep(assessment, framework)) {
    if (step.kind === 'target' && answers.target === 0) break;
    visit(assessment);
    if (step.kind === 'role') {
      const index = framework.categories.findIndex((c) => c.id === step.category);
      assessment = answerStep(assessment, framework, { kind: 'role', category: step.category, level: answers.roles[index]! }, tick());
    } else if (step.kind === 'skills') {
      const ratings = Object.fromEntries(
        framework.requiredSkillsAt(step.level).map((s, i) => [s.id, answers.rate(s.id, step.level, i)] as const),
      );
      assessment = answerStep(assessment, framework, { kind: 'skills', level: step.level, ratings }, tick());
    } else {
      assessment = answerStep(assessment, framework, { kind: 'target', level: answers.target }, tick());
    }
  }
  return assessment;
}

/** A finished assessment, with its result and completion time (which applyAnswer always sets on the last step). */
type Completed = Assessment & { readonly result: NonNullable<Assessment['result']>; readonly completedAt: string };

function completed(assessment: Assessment): Completed {
  if (assessment.status !== 'completed' || !assessment.result || !assessment.completedAt) {
    throw new Error(`assessment ${assessment.id} did not complete`);
  }
  return assessment as Completed;
}

/** 令和8年度's application window for Gold and Silver candidates: June 2026, Japan time. */
export function openApplicationWindow(framework: Framework, track = 'gold'): ApplicationWindow {
  return {
    frameworkId: framework.id,
    fiscalYear: 2026,
    track,
    opensAt: '2026-05-31T15:00:00.000Z',
    closesAt: '2026-06-30T15:00:00.000Z',
  };
}

/** A list of named cards and the function that adds to it, each name prefixed with the group's. */
function collector(prefix: string): {
  cards: { name: string; view: CardView; card: AdaptiveCard }[];
  add: (name: string, view: CardView, card: AdaptiveCard) => void;
} {
  const cards: { name: string; view: CardView; card: AdaptiveCard }[] = [];
  return { cards, add: (name, view, card) => cards.push({ name: `${prefix} ${name}`, view, card }) };
}

/**
 * Every assessment card: the start card (with and without one in progress, with and without history), the role
 * step of each category, the skills step of each level (one with ratings already given), the target step,
 * results (with many gaps, a few, none, skill level 0; with and without an open application window), the history
 * (empty and with 3 entries) and the notices with a next action that the flow sends.
 */
function assessmentCards(
  framework: Framework,
  t: Translate,
  locale: Locale,
): { name: string; view: CardView; card: AdaptiveCard }[] {
  const { cards, add } = collector('assessment');
  const context = (assessment: Assessment): StepContext => ({
    framework,
    assessment,
    t,
    locale,
  });

  // One assessment walked step by step, a card for each step. A role position of 4 makes every level's skills asked.
  const walkStart = new Date('2026-06-10T00:30:00.000Z');
  const walked: Answers = { roles: [4, 3, 3, 2, 2], rate: (_id, level, i) => Math.max(0, 3 - level + (i % 2)), target: 0 };
  let stoppedAtRoles: Assessment | undefined;
  const atTarget = walkAssessment(framework, assessmentIdOf(walkStart, 1), walkStart, walked, (assessment) => {
    const step = currentStep(assessment, framework);
    if (step.kind === 'role') {
      add(`role ${step.category}`, 'assessmentRole', roleStepCard(context(assessment), step.category));
      if (Object.keys(assessment.rolePositions).length === 2) stoppedAtRoles = assessment;
    } else if (step.kind === 'skills') {
      add(`skills Lv.${step.level}`, 'assessmentSkills', skillsStepCard(context(assessment), step.level));
      if (step.level === 2) {
        // Ratings already stored for part of the level (the framework gained skills since): the card shows them.
        const [first, second] = framework.requiredSkillsAt(2);
        const partly = { ...assessment, ratings: { ...assessment.ratings, [first!.id]: 1, [second!.id]: 3 } };
        if (currentStep(partly, framework).kind !== 'skills') throw new Error('the partly rated Lv.2 is not the current step');
        add('skills Lv.2 (partly rated)', 'assessmentSkills', skillsStepCard(context(partly), 2));
      }
    }
  });
  if (currentStep(atTarget, framework).kind !== 'target') throw new Error('the walked assessment did not reach the target step');
  add('target', 'assessmentTarget', targetStepCard(context(atTarget)));
  // Gone back (前へ) to an answered category: the level chosen before is marked.
  const revisitedCategory = framework.categories[1]!.id;
  const revisited = { ...atTarget, revisiting: stepToken({ kind: 'role', category: revisitedCategory }) };
  if (stepToken(currentStep(revisited, framework)) !== revisited.revisiting) throw new Error('going back did not reach the role step');
  add(`role ${revisitedCategory} (gone back to)`, 'assessmentRole', roleStepCard(context(revisited), revisitedCategory));

  // The start card: nothing yet, an assessment in progress (2 of the 5 role steps answered), and with past results.
  const inProgress = { assessment: stoppedAtRoles!, ...progressOf(stoppedAtRoles!, framework) };
  add('start', 'assessmentStart', startCard(framework, undefined, false, t, locale));
  add('start (with history)', 'assessmentStart', startCard(framework, undefined, true, t, locale));
  add('start (in progress)', 'assessmentStart', startCard(framework, inProgress, false, t, locale));
  add('start (in progress, with history)', 'assessmentStart', startCard(framework, inProgress, true, t, locale));

  // Finished assessments of one employee over a year: a beginner, then many gaps, then a Gold-level role with few gaps.
  const at = (iso: string): Date => new Date(iso);
  const beginner = completed(
    walkAssessment(framework, assessmentIdOf(at('2025-07-01T01:00:00.000Z'), 2), at('2025-07-01T01:00:00.000Z'), {
      roles: [1, 1, 1, 1, 1],
      rate: () => 0,
      target: 2,
    }),
  );
  const manyGaps = completed(
    walkAssessment(framework, assessmentIdOf(at('2026-06-10T02:00:00.000Z'), 3), at('2026-06-10T02:00:00.000Z'), {
      roles: [3, 3, 2, 3, 2],
      rate: (id, level, i) => (level === 1 ? (id === 'rs02' ? 1 : 2) : level === 2 ? 1 + (i % 2) : level === 3 ? 1 : 0),
      target: 4,
    }),
  );
  const fewGaps = completed(
    walkAssessment(framework, assessmentIdOf(at('2026-06-20T03:00:00.000Z'), 4), at('2026-06-20T03:00:00.000Z'), {
      roles: [5, 4, 4, 4, 5],
      rate: (_id, level, i) => (level === 5 && i < 2 ? 1 : 3),
      target: 5,
    }),
  );
  const allMastered = completed(
    walkAssessment(framework, assessmentIdOf(at('2026-03-02T04:00:00.000Z'), 5), at('2026-03-02T04:00:00.000Z'), {
      roles: [2, 2, 2, 2, 1],
      rate: () => 3,
      target: 3,
    }),
  );
  const window = openApplicationWindow(framework);
  const withWindow = (a: Completed): ApplicationWindow[] => {
    if (Date.parse(a.completedAt) < Date.parse(window.opensAt) || Date.parse(a.completedAt) >= Date.parse(window.closesAt)) {
      throw new Error(`assessment ${a.id} was not completed while the window was open`);
    }
    return [window, openApplicationWindow(framework, 'silver')];
  };
  const result = (name: string, a: Completed, open: ApplicationWindow[]): void => {
    // The stored result is what scoreAssessment says for the answers given.
    const scored = scoreAssessment(framework, a.rolePositions, a.ratings, a.target!);
    add(`result ${name}`, 'assessmentResult', resultCard(framework, scored, a.completedAt, open, t, locale, NOTHING_TAKEN));
  };
  result('(many gaps, window open)', manyGaps, withWindow(manyGaps));
  result('(many gaps, no window)', manyGaps, []);
  result('(few gaps, Gold, window open)', fewGaps, withWindow(fewGaps));
  result('(no gaps)', allMastered, []);
  // Recommended programs taken (one of them) and scheduled (one by a link, one by an office's words).
  const trainings: TrainingsSoFar = {
    records: [{ employeeNo: 'E1001', programId: 'dx-academy', date: '2026-05-20', status: 'completed' }],
    sessions: [
      { programId: 'dx-talent-project', date: '2026-07-01', startTime: '13:30', place: '本庁舎 5階 大会議室', capacity: 40, enrol: 'https://forms.example.city.jp/dx' },
      { programId: 'kitaq-kaizen-dx-school', date: '2026-07-08', enrol: '人事課 人材育成係（内線1234）へ電話' },
    ],
    today: '2026-06-20',
  };
  const scored = scoreAssessment(framework, manyGaps.rolePositions, manyGaps.ratings, manyGaps.target!);
  add('result (programs taken and scheduled)', 'assessmentResult', resultCard(framework, scored, manyGaps.completedAt, [], t, locale, trainings));
  result('(skill level 0)', beginner, []);
  // Nothing rated at all: the gaps carry no rating.
  const lowestRoles = Object.fromEntries(framework.categories.map((c) => [c.id, 1] as const));
  add(
    'result (skill level 0, nothing rated, window open)',
    'assessmentResult',
    resultCard(framework, scoreAssessment(framework, lowestRoles, {}, 1), window.opensAt, [window], t, locale, NOTHING_TAKEN),
  );

  // The longest result there can be: nothing rated, the top level as the target, every required skill missing.
  add(
    'result (every skill missing)',
    'assessmentResult',
    resultCard(framework, scoreAssessment(framework, lowestRoles, {}, framework.highestLevel), window.opensAt, [], t, locale, NOTHING_TAKEN),
  );

  add('history (empty)', 'assessmentHistory', historyCard(framework, historyOf([]), t, locale));
  const history = historyOf([beginner, manyGaps, fewGaps, atTarget]);
  if (history.length !== 3) throw new Error(`the history has ${history.length} entries, not 3`);
  add('history (3 entries)', 'assessmentHistory', historyCard(framework, history, t, locale));

  // The notices the flow sends with a next action (see AssessmentFlow.cancel and .refusal).
  const notice = (name: string, title: string, body: string, style: NoticeStyle, next: Parameters<typeof noticeCard>[4]): void => {
    cards.push({ name: `notice ${name}`, view: 'notice', card: noticeCard(t, title, body, style, next) });
  };
  notice('assessment cancelled (next: start)', t('assessment.title'), t('assessment.cancelled'), 'default', {
    title: t('assessment.start'),
    verb: VERBS.assessmentStart,
    data: {},
  });
  notice('assessment not found (next: open)', t('assessment.refusal.title'), t('assessment.refusal.notFound'), 'warning', {
    title: t('assessment.start'),
    verb: VERBS.assessmentOpen,
    data: {},
  });
  const continueAction = { title: t('assessment.continue'), verb: VERBS.assessmentContinue, data: { assessmentId: atTarget.id } };
  notice('assessment ended (next: continue)', t('assessment.refusal.title'), t('assessment.refusal.notInProgress'), 'warning', continueAction);
  notice('assessment saved (next: continue)', t('assessment.saved.title'), t('assessment.saved.body', { done: 3, total: 9, menu: t('menu.assessment') }), 'good', continueAction);
  const stop = { title: t('assessment.confirmStop'), verb: VERBS.assessmentCancel, data: { assessmentId: atTarget.id, confirmed: true } };
  const keepGoing = { ...continueAction, title: t('assessment.keepGoing') };
  notice('assessment stop? (stop, keep going)', t('assessment.cancelQuestion'), t('assessment.confirmCancel'), 'warning', [stop, keepGoing]);
  const restart = { title: t('assessment.restart'), verb: VERBS.assessmentCancel, data: { assessmentId: atTarget.id, then: 'restart', confirmed: true } };
  notice('assessment start over? (start over, keep going)', t('assessment.restartQuestion'), t('assessment.confirmRestart'), 'warning', [restart, keepGoing]);
  return cards;
}

/**
 * A finished self-assessment of `userId`, started at `startedAt` and answered in a few minutes (role Lv.3 in
 * every category, every skill up to Lv.3 mastered, target Lv.4), walked through the domain like the bot does.
 */
export function completedAssessment(framework: Framework, userId: string, startedAt: Date): Completed {
  const answers: Answers = { roles: framework.categories.map(() => 3), rate: (_id, level) => (level <= 3 ? 3 : 0), target: 4 };
  return completed(walkAssessment(framework, assessmentIdOf(startedAt, 9), startedAt, answers, undefined, userId));
}

/** The few numbers of a finished assessment an application carries (as ApplicationsFlow makes them). */
export function summaryOf(assessment: Completed): AssessmentSummary {
  const { result } = assessment;
  return { completedAt: assessment.completedAt, overallRoleLevel: result.overallRoleLevel, skillLevel: result.skillLevel, target: result.target };
}

/** The people of the application cards: an applicant, their manager, HR, and employees the rules turn away. */
const person = (n: number, name: string, grade: string, extra: Partial<Employee> = {}): Employee => ({
  employeeNo: `E${1000 + n}`,
  name,
  email: `person${n}@example.city.jp`,
  aadObjectId: `${String(n).padStart(8, '0')}-0000-4000-8000-00000000000${n % 10}`,
  department: '市民局',
  section: '区政推進課',
  grade,
  managerEmail: 'person2@example.city.jp',
  roles: [],
  ...extra,
});
export const APPLICATION_PEOPLE = {
  applicant: person(1, '北九 太郎', '主事'),
  manager: person(2, '門司 花子', '課長', { managerEmail: 'person9@example.city.jp' }),
  hr: person(3, '到津 由美', '主任', { department: '政策局', section: 'DX・AI戦略室', roles: ['hr'] }),
  /** Above 係長: the professional track is closed to them (Gold and Silver are not). */
  senior: person(4, '若松 次郎', '課長'),
  /** A grade the framework does not list. */
  unknownGrade: person(5, '八幡 三郎', '技師'),
  noManager: person(6, '小倉 四郎', '主任', { managerEmail: undefined }),
} as const;

/** A motivation the domain accepts, and a comment a manager writes when not approving. */
export const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';
export const REJECT_COMMENT = '今年度は係の体制が整わないため、来年度の応募をお願いします。';

/**
 * Every applications card: the home card (windows open in June, closed in November with the next window set by HR
 * or planned by the rules; the employee's own applications in each state; each reason one cannot apply), the form
 * (with and without a self-assessment to attach), the confirmation (with and without it), the approval card (for the
 * approver with buttons, read-only for the applicant and HR, decided either way, with a reminder line), every
 * refusal refusals.ts explains and the notices the flows send. Built like ApplicationsFlow and ApprovalFlow do.
 */
function applicationCards(
  framework: Framework,
  t: Translate,
  locale: Locale,
): { name: string; view: CardView; card: AdaptiveCard }[] {
  const { cards, add } = collector('applications');
  const { applicant, manager, hr, senior, unknownGrade, noManager } = APPLICATION_PEOPLE;
  const actor = (e: Employee): Actor => ({ aadObjectId: e.aadObjectId, name: e.name, isHr: e.roles.includes('hr') });

  const june = new Date('2026-06-10T01:00:00.000Z');
  const november = new Date('2026-11-20T01:00:00.000Z');
  const juneWindows = (tracks: readonly string[]): ApplicationWindow[] => tracks.map((track) => openApplicationWindow(framework, track));
  // HR has set next June's Gold window already; the other tracks' next windows are the rules' plan.
  const nextGold: ApplicationWindow = {
    frameworkId: framework.id,
    fiscalYear: 2027,
    track: 'gold',
    opensAt: '2027-05-31T15:00:00.000Z',
    closesAt: '2027-06-25T15:00:00.000Z',
    updatedBy: hr.aadObjectId,
    updatedAt: '2026-10-01T00:00:00.000Z',
  };

  const latest = summaryOf(completedAssessment(framework, applicant.aadObjectId, new Date('2026-06-05T00:30:00.000Z')));
  const minutes = (base: Date, n: number): Date => new Date(base.getTime() + n * 60_000);
  const applyFor = (employee: Employee, track: string, at: Date, assessment?: AssessmentSummary): Application =>
    submitApplication(
      {
        frameworkId: framework.id,
        fiscalYear: fiscalYearOf(at),
        track,
        applicant: applicantOf(employee),
        approver: { aadObjectId: manager.aadObjectId, name: manager.name },
        motivation: MOTIVATION,
        assessment,
      },
      at,
    );
  const then = (
    application: Application,
    by: Employee,
    action: Parameters<typeof act>[2],
    at: Date,
    comment?: string,
  ): Application => {
    const outcome = act(application, actor(by), action, at, comment);
    if (!outcome.ok) throw new Error(`${action} on ${application.state} refused: ${outcome.refusal}`);
    return outcome.application;
  };

  // One application per state, as one employee's Gold and Silver applications could be.
  const goldSubmitted = applyFor(applicant, 'gold', june, latest);
  const goldApproved = then(goldSubmitted, manager, 'approve', minutes(june, 60));
  const goldSelected = then(goldApproved, hr, 'select', new Date('2026-07-15T01:00:00.000Z'));
  const goldTrained = then(goldSelected, hr, 'completeTraining', new Date('2026-10-30T01:00:00.000Z'));
  const goldCertified = then(goldTrained, hr, 'certify', new Date('2026-11-10T01:00:00.000Z'));
  const silverSubmitted = applyFor(applicant, 'silver', minutes(june, 5));
  const silverRejected = then(silverSubmitted, manager, 'reject', minutes(june, 90), REJECT_COMMENT);
  const silverWithdrawn = then(silverSubmitted, applicant, 'withdraw', minutes(june, 30));
  const silverNotSelected = then(then(silverSubmitted, manager, 'approve', minutes(june, 60)), hr, 'notSelect', new Date('2026-07-15T01:00:00.000Z'));

  /** Each track as ApplicationsFlow.home sees it for the employee at `now`. */
  const home = (name: string, now: Date, employee: Employee | undefined, stored: ApplicationWindow[], mine: Application[] = []): void => {
    const tracks: TrackSituation[] = tracksOf(framework).map((track) => ({
      track,
      next: nextWindow(framework, track, stored, now),
      mine: mine.find((a) => a.track === track),
      ineligible: checkEligibility(framework, track, employee),
      gradeCheck: gradeCheckOf(framework, track, employee),
      grade: employee?.grade,
    }));
    add(`home ${name}`, 'applicationsHome', applicationsHomeCard(framework, tracks, t, locale));
  };
  home('(June, every window open, nothing applied)', june, applicant, juneWindows(tracksOf(framework)));
  home('(June, Gold waiting for the manager, Silver not approved, professional planned)', june, applicant, juneWindows(['gold', 'silver']), [
    goldSubmitted,
    silverRejected,
  ]);
  home('(June, Gold approved, Silver withdrawn)', june, applicant, juneWindows(['gold', 'silver']), [goldApproved, silverWithdrawn]);
  home('(November, closed: Gold next set by HR, the rest planned; Gold selected, Silver not selected)', november, applicant, [
    ...juneWindows(['gold', 'silver']),
    nextGold,
  ], [goldSelected, silverNotSelected]);
  home('(November, Gold trainings completed)', november, applicant, juneWindows(['gold']), [goldTrained]);
  home('(November, Gold certified)', november, applicant, [nextGold], [goldCertified]);
  home('(June, grade above 係長: professional open, HR to decide)', june, senior, juneWindows(tracksOf(framework)));
  home('(June, grade unknown)', june, unknownGrade, juneWindows(tracksOf(framework)));
  home('(June, no manager on the roster)', june, noManager, juneWindows(tracksOf(framework)));
  home('(June, not on the roster)', june, undefined, juneWindows(tracksOf(framework)));

  add('form (Gold, with a self-assessment to attach)', 'applicationForm', applicationFormCard(framework, 'gold', '', latest, t, locale));
  add('form (Silver, no self-assessment)', 'applicationForm', applicationFormCard(framework, 'silver', '', undefined, t, locale));
  add('form (professional, motivation kept from the confirmation)', 'applicationForm', applicationFormCard(framework, 'professional', MOTIVATION, latest, t, locale));
  const confirm = (name: string, track: string, attach: AssessmentSummary | undefined): void => {
    const input = { track, motivation: MOTIVATION, attach, approverName: manager.name };
    add(`confirm ${name}`, 'applicationConfirm', applicationConfirmCard(framework, input, t, locale));
  };
  confirm('(Gold, self-assessment attached)', 'gold', latest);
  confirm('(Silver, nothing attached)', 'silver', undefined);

  const viewer = (e: Employee): { aadObjectId: string; teamsUserId: string } => ({ aadObjectId: e.aadObjectId, teamsUserId: `29:${e.aadObjectId}` });
  const approval = (name: string, application: Application, who: Employee, reminderDays?: number): void => {
    add(`approval ${name}`, 'approval', approvalCard(framework, application, viewer(who), t, locale, reminderDays));
  };
  approval('(actionable, for the approver, self-assessment attached)', goldSubmitted, manager);
  approval('(actionable, for the approver, nothing attached)', silverSubmitted, manager);
  approval('(read-only, for the applicant)', goldSubmitted, applicant);
  approval('(read-only, for HR)', silverSubmitted, hr);
  approval('(approved)', goldApproved, manager);
  approval('(not approved, with a comment)', silverRejected, manager);
  add('approval inbox (two waiting, oldest first)', 'approvalInbox', approvalInboxCard(framework, [goldSubmitted, silverSubmitted], t, locale));
  add('approval inbox (nothing waiting)', 'approvalInbox', approvalInboxCard(framework, [], t, locale));
  approval('(reminder, for the approver)', silverSubmitted, manager, 5);
  approval('(reminder, after the decision: no reminder line)', goldApproved, manager, 5);

  // Every refusal, as refusals.ts explains it to whoever tried.
  const whoIs = (e: Employee): Who => ({ aadObjectId: e.aadObjectId, name: e.name, employee: e, framework, t, locale });
  const refusal = (name: string, by: Employee, reason: ApplicationRefusal, application: Application): void => {
    add(`refusal ${name}`, 'notice', refusalCard(whoIs(by), reason, application));
  };
  refusal('notAllowed (an outsider decides)', senior, 'notAllowed', goldSubmitted);
  refusal('ownApplication (the applicant decides)', applicant, 'ownApplication', goldSubmitted);
  refusal('commentRequired (not approved without a comment)', manager, 'commentRequired', silverSubmitted);
  refusal('sameApprover (HR reassigns to the approver)', hr, 'sameApprover', silverSubmitted);
  refusal('wrongState (pending)', hr, 'wrongState', goldSubmitted);
  refusal('wrongState (already approved: who decided, how)', manager, 'wrongState', goldApproved);
  refusal('wrongState (already not approved)', manager, 'wrongState', silverRejected);
  refusal('wrongState (withdrawn)', manager, 'wrongState', silverWithdrawn);

  // The notices ApplicationsFlow and ApprovalFlow send.
  const notice = (name: string, title: string, body: string, style?: NoticeStyle, next?: Parameters<typeof noticeCard>[4]): void => {
    add(`notice ${name}`, 'notice', noticeCard(t, title, body, style, next));
  };
  const open = { title: t('notify.open'), verb: VERBS.applicationsOpen, data: {} };
  const refused = t('applications.refusal.title');
  const gold = trackName(framework, 'gold', t);
  notice('submitted (next: open)', t('applications.submitted.title'), t('applications.submitted.body', { approver: manager.name }), 'good', open);
  notice('submitted, manager unreached', t('applications.submitted.title'), t('applications.submitted.unreached', { approver: manager.name }), 'good', open);
  notice('submitted, request not delivered', t('applications.submitted.title'), t('applications.submitted.undelivered', { approver: manager.name }), 'good', open);
  notice('submitted, request still being sent', t('applications.submitted.title'), t('applications.submitted.stillSending', { approver: manager.name }), 'good', open);
  const closed = nextWindow(framework, 'gold', [...juneWindows(['gold']), nextGold], november);
  notice('closed, next window named (next: open)', refused, t('applications.closed', { track: gold, next: windowLine(closed, t, locale) }), 'warning', open);
  notice('ineligible, not on the roster (next: open)', refused, ineligibleText('notOnRoster', t), 'warning', open);
  notice('duplicate (next: open)', refused, t('applications.invalid.duplicate'), 'warning', open);
  notice('duplicate, two submissions at once', refused, t('applications.invalid.duplicate'));
  notice('no manager on the roster', refused, t('applications.ineligible.noManager'));
  notice('motivation too short (next: edit)', refused, t('applications.invalid.motivation', { min: MOTIVATION_MIN, max: MOTIVATION_MAX }), 'warning', {
    title: t('applications.confirm.edit'),
    verb: VERBS.applicationForm,
    data: { track: 'gold', motivation: '頑張ります' },
  });
  notice('withdraw? (next: withdraw, confirmed)', t('applications.title'), t('applications.withdrawConfirm', { track: gold }), 'warning', {
    title: t('applications.withdrawYes'),
    verb: VERBS.applicationWithdraw,
    data: { applicationId: goldSubmitted.id, confirmed: true },
  });
  notice('withdrawn (next: open)', t('applications.title'), t('applications.withdrawn'), 'default', open);
  notice('not found', refused, t('applications.refusal.notFound'));
  // What the applicant hears of a decision, in their chat.
  for (const [name, application] of [['approved', goldApproved], ['not approved, with a comment', silverRejected]] as const) {
    const decision = application.trail[application.trail.length - 1]!;
    const body = [
      t('notify.decision.body', { track: trackName(framework, application.track, t), state: stateLabel(application, t), by: decision.byName, at: formatDate(decision.at, locale) }),
      decision.comment ? t('notify.decision.comment', { comment: decision.comment }) : '',
    ].filter((line) => line !== '');
    notice(`decision for the applicant (${name})`, t('notify.decision.title'), body.join('\n\n'), 'default', open);
  }

  // HR's side: the windows of a year, the list of applications, one application in each state, and HR's notices.
  const windowsAt = (name: string, now: Date, windows: { window: ApplicationWindow; stored: boolean }[]): void => {
    add(`hr windows ${name}`, 'hrWindows', hrWindowsCard(framework, fiscalYearOf(now), windows, now, t, locale));
  };
  const laterSilver: ApplicationWindow = { ...openApplicationWindow(framework, 'silver'), opensAt: '2026-06-14T15:00:00.000Z', closesAt: '2026-07-14T15:00:00.000Z' };
  windowsAt('(June: Gold open, Silver set for later, professional as the rules plan)', june, [
    { window: openApplicationWindow(framework, 'gold'), stored: true },
    { window: laterSilver, stored: true },
    { window: defaultWindow(framework, 2026, 'professional'), stored: false },
  ]);
  windowsAt('(November: nothing stored)', november, tracksOf(framework).map((track) => ({ window: defaultWindow(framework, 2026, track), stored: false })));
  // After a save the form stays: the saved track says so, another keeps what was typed; a refusal says why where it belongs.
  const goldWindow = openApplicationWindow(framework, 'gold');
  const afterSave = [{ window: goldWindow, stored: true }, ...['silver', 'professional'].map((track) => ({ window: defaultWindow(framework, 2026, track), stored: false }))];
  const savedLine = t('hr.windows.saved', { track: trackName(framework, 'gold', t), opens: formatDate(goldWindow.opensAt, locale), closes: formatDate(goldWindow.closesAt, locale) });
  const typed = { opensDate_silver: '2026-09-01', opensTime_silver: '10:00', closesDate_silver: '2026-09-15', closesTime_silver: '' };
  add('hr windows (Gold saved, Silver as typed)', 'hrWindows', hrWindowsCard(framework, 2026, afterSave, june, t, locale, { note: { track: 'gold', text: savedLine, style: 'good' }, typed }));
  const elsewhere = { note: { track: 'bronze', text: t('hr.windows.invalid'), style: 'warning' as const }, typed };
  add('hr windows (refused for a track the form does not have)', 'hrWindows', hrWindowsCard(framework, 2026, afterSave, june, t, locale, elsewhere));

  const tracks = tracksOf(framework);
  const reassigned = reassign(goldSubmitted, actor(hr), { aadObjectId: senior.aadObjectId, name: senior.name }, minutes(june, 120));
  if (!reassigned.ok) throw new Error(`reassign refused: ${reassigned.refusal}`);
  const everyState = [goldSubmitted, goldApproved, goldSelected, goldTrained, goldCertified, silverRejected, silverWithdrawn, silverNotSelected];
  add('hr list (every state)', 'hrApplications', hrListCard(framework, 2026, tracks, {}, everyState, t, locale));
  add('hr list (filtered: approved, Gold, 市民局)', 'hrApplications', hrListCard(framework, 2026, tracks, { state: 'approved', track: 'gold', department: '市民局' }, [goldApproved], t, locale));
  add('hr list (nothing found)', 'hrApplications', hrListCard(framework, 2026, tracks, { state: 'certified' }, [], t, locale));
  for (const application of [...everyState, reassigned.application]) {
    const last = application.trail[application.trail.length - 1]!;
    add(`hr application (${application.track}, ${application.state} after ${last.action})`, 'hrApplication', hrDetailCard(framework, application, hr.aadObjectId, t, locale));
  }
  // HR's own application: HR sees it, but no step to take on it.
  const hrOwn = then(applyFor(hr, 'silver', june), manager, 'approve', minutes(june, 60));
  add('hr application (submitted, the request waiting for the approver to open the bot)', 'hrApplication', hrDetailCard(framework, goldSubmitted, hr.aadObjectId, t, locale, { requestKept: true }));
  add('hr application (HR\'s own, approved: no steps)', 'hrApplication', hrDetailCard(framework, hrOwn, hr.aadObjectId, t, locale));
  // A 課長 on the professional track: the roster's grade is above 係長以下, so HR decides before selecting.
  const aboveGrade = then({ ...applyFor(senior, 'professional', june), gradeCheck: 'gradeAbove' }, manager, 'approve', minutes(june, 60));
  add('hr application (professional, grade above the requirement: HR to decide)', 'hrApplication', hrDetailCard(framework, aboveGrade, hr.aadObjectId, t, locale));
  const overruled = overrideEligibility(aboveGrade, actor(hr), minutes(june, 120), '課長級ですが、情報部門の実務経験から要件を満たすと判断しました。');
  if (!overruled.ok) throw new Error(`overrideEligibility refused: ${overruled.refusal}`);
  add('hr application (professional, grade check overruled by HR)', 'hrApplication', hrDetailCard(framework, overruled.application, hr.aadObjectId, t, locale));

  const windowsTitle = t('hr.windows.title', { fy: 2026 });
  const backToWindows = { title: windowsTitle, verb: VERBS.hrWindows, data: {} };
  notice('HR only', refused, t('applications.refusal.hrOnly'));
  notice('window saved (next: windows)', windowsTitle, t('hr.windows.saved', { track: gold, opens: formatDateTime(laterSilver.opensAt, locale), closes: formatDateTime(laterSilver.closesAt, locale) }), 'good', backToWindows);
  notice('window closed (next: windows)', windowsTitle, t('hr.windows.closed', { track: gold }), 'good', backToWindows);
  notice('window invalid (next: windows)', refused, t('hr.windows.invalid'), 'warning', backToWindows);
  notice('reassign: not on the roster', refused, t('hr.reassign.unknown', { email: 'nobody@example.city.jp' }));
  notice('reassigned (next: the application)', t('applications.title'), t('hr.reassign.done', { name: senior.name }), 'good', {
    title: t('hr.detail.back'),
    verb: VERBS.hrApplication,
    data: { applicationId: goldSubmitted.id },
  });
  return cards;
}

/** Broadcast ids in the format newBroadcastId makes, one per broadcast of the broadcast cards. */
const BROADCAST_IDS = {
  draft: '8220783999999-0000000a',
  scheduled: '8220783999998-0000000b',
  sending: '8220783999997-0000000c',
  completed: '8220783999996-0000000d',
  cancelled: '8220783999995-0000000e',
} as const;

/** The departments and grades of a small roster, and a framework's programs, as the audience card offers them. */
function broadcastChoices(framework: Framework): AudienceChoices {
  return {
    departments: ['建設局', '市民局', '政策局'],
    grades: ['主事', '主任', '係長', '課長', '部長'],
    programs: framework.document.programs,
    currentFiscalYear: 2026,
  };
}

/** A broadcast's progress: the counts given, the rest zero, and a total that adds up. */
function deliveryProgress(counts: Partial<Progress>): Progress {
  const p = { ...EMPTY_PROGRESS, ...counts };
  return { ...p, total: p.pending + p.sent + p.failed + p.unreachable + p.cancelled };
}

/**
 * Every card of HR's broadcasts: the list (empty, and with one broadcast in each state), the compose form (pre-filled,
 * and refused for each reason), the notice recipients get (with and without Apply buttons), the preview controls,
 * the audience card (as the draft has it, and with each reason it is shown again), the review (with people not
 * reachable, and with nobody), the status in each state (scheduled later or due, sending with and without a rate,
 * stopping, completed with every failure reason and possible duplicates, completed for everyone, cancelled, a second
 * round), the download link, the two confirmation questions and the refusals the flows explain.
 */
function broadcastCards(framework: Framework, t: Translate, locale: Locale): { name: string; view: CardView; card: AdaptiveCard }[] {
  const { cards, add } = collector('broadcast');
  const { hr } = APPLICATION_PEOPLE;
  const who: Who = { aadObjectId: hr.aadObjectId, name: hr.name, employee: hr, framework, t, locale };
  const windows = ['gold', 'silver'].map((track) => openApplicationWindow(framework, track));
  const notice = prefilledNotice(framework, 2026, windows, t, locale);
  const written = '2026-05-20T01:00:00.000Z';
  const draft: Broadcast = {
    id: BROADCAST_IDS.draft,
    frameworkId: framework.id,
    state: 'draft',
    notice,
    audience: { kind: 'everyone' },
    createdBy: { aadObjectId: hr.aadObjectId, name: hr.name },
    createdAt: written,
    round: 1,
    preparedRound: 0,
    progress: EMPTY_PROGRESS,
    etag: `W/"datetime'2026-05-20T01%3A00%3A00.000Z'"`,
  };
  const confirmed = { confirmedAt: '2026-05-20T02:00:00.000Z', card: noticeCardFor(notice, t) };
  const june1 = '2026-06-01T00:00:00.000Z';
  const scheduled: Broadcast = { ...draft, ...confirmed, id: BROADCAST_IDS.scheduled, state: 'scheduled', startAt: june1 };
  const sending: Broadcast = {
    ...scheduled,
    id: BROADCAST_IDS.sending,
    state: 'sending',
    startedAt: june1,
    progress: deliveryProgress({ sent: 4200, failed: 12, unreachable: 300, pending: 5488, failureReasons: { notInstalled: 300, throttled: 12 }, ratePerSecond: 48.6 }),
  };
  const everyReason = { notInstalled: 320, throttled: 10, serviceUnavailable: 8, blocked: 5, conversationNotFound: 4, rejected: 2, network: 1 };
  const completed: Broadcast = {
    ...sending,
    id: BROADCAST_IDS.completed,
    state: 'completed',
    finishedAt: '2026-06-01T00:03:40.000Z',
    progress: deliveryProgress({ sent: 9650, failed: 30, unreachable: 320, possibleDuplicates: 3, failureReasons: everyReason }),
  };
  const stopper = { aadObjectId: hr.aadObjectId, name: hr.name, at: '2026-06-01T00:01:00.000Z' };
  const cancelled: Broadcast = {
    ...sending,
    id: BROADCAST_IDS.cancelled,
    state: 'cancelled',
    cancelRequestedBy: stopper,
    finishedAt: '2026-06-01T00:01:02.000Z',
    progress: deliveryProgress({ sent: 3000, unreachable: 300, cancelled: 6700, failureReasons: { notInstalled: 300 } }),
  };
  const departments: Broadcast = { ...draft, audience: { kind: 'departments', departments: ['市民局', '建設局'] }, startAt: june1 };

  add('list (empty)', 'broadcastList', broadcastListCard([], t, locale));
  add('list (one in each state)', 'broadcastList', broadcastListCard([draft, scheduled, sending, completed, cancelled], t, locale));

  // In May, Gold and Silver open on June 1; in December only Silver is open, Gold's June window long closed.
  const may = trackWindowsAt(framework, windows, new Date(written));
  const december = new Date('2026-12-10T01:00:00.000Z');
  const silverInDecember: ApplicationWindow = { ...windows[1]!, opensAt: '2026-11-30T15:00:00.000Z', closesAt: '2026-12-24T15:00:00.000Z' };
  const onlySilver = trackWindowsAt(framework, [windows[0]!, silverInDecember], december);
  const form = { title: notice.title, body: notice.body, applyTracks: 'gold,silver' };
  add('compose (new, pre-filled, Gold and Silver open on June 1)', 'broadcastCompose', composeCard(framework, draft.id, form, may, t, locale));
  add('compose (only Silver open)', 'broadcastCompose', composeCard(framework, draft.id, { ...form, applyTracks: 'silver' }, onlySilver, t, locale));
  const typed = { title: '', body: '本文', applyTracks: '' };
  for (const problem of ['title', 'body', 'tracks'] as const) {
    add(`compose (refused: ${problem})`, 'broadcastCompose', composeCard(framework, draft.id, typed, may, t, locale, problem));
  }

  add('notice (Gold and Silver buttons)', 'broadcastNotice', noticeCardFor(notice, t));
  add('notice (no Apply button)', 'broadcastNotice', noticeCardFor({ ...notice, apply: [] }, t));
  add('preview controls', 'broadcastPreview', previewControlsCard(framework, draft, written, [], t, locale));
  const refused = refusedApplyButtons(framework, notice, [windows[0]!, { ...silverInDecember, opensAt: '2026-12-14T00:00:00.000Z' }], december);
  add('preview controls (Gold closed, Silver not yet open)', 'broadcastPreview', previewControlsCard(framework, draft, written, refused, t, locale));

  const choices = broadcastChoices(framework);
  add('audience (everyone, now)', 'broadcastAudience', audienceCard(draft, choices, t));
  add('audience (two departments, June 1)', 'broadcastAudience', audienceCard(departments, choices, t));
  const reminder: Broadcast = {
    ...draft,
    audience: { kind: 'missingTraining', fiscalYear: 2026, programId: 'dx-talent-project', programName: 'DX人材育成プロジェクト（R5.10～）', requiredOf: ['gold', 'silver'], by: '2026-10-31' },
  };
  add('audience (candidates missing a required training by October 31)', 'broadcastAudience', audienceCard(reminder, choices, t));
  const notes: AudienceNote[] = ['departments', 'grades', 'unknownChoice', 'trainingProgram', 'trainingBy', 'schedule', 'schedulePassed', 'nobody', 'changed', 'refusedButtons'];
  for (const note of notes) add(`audience (shown again: ${note})`, 'broadcastAudience', audienceCard(draft, choices, t, { note }));

  const review = (name: string, broadcast: Broadcast, count: RecipientCount, refusedButtons: readonly RefusedButton[] = []): void => {
    add(`review ${name}`, 'broadcastReview', reviewCard(framework, broadcast, count, refusedButtons, t, locale));
  };
  review('(10,000 people, 320 not reachable, now)', draft, { total: 10_000, unreachable: 320 });
  review('(departments on June 1, everyone reachable)', departments, { total: 120, unreachable: 0 });
  review('(nobody)', draft, { total: 0, unreachable: 0 });
  review('(candidates missing a required training)', reminder, { total: 12, unreachable: 1 });
  review('(Apply buttons refused at the time chosen)', draft, { total: 120, unreachable: 0 }, refused);

  const may20 = new Date('2026-05-20T02:00:00.000Z');
  const status = (name: string, broadcast: Broadcast, now: Date): void => {
    add(`status ${name}`, 'broadcastStatus', broadcastStatusCard(broadcast, t, locale, now));
  };
  status('(scheduled for June 1)', scheduled, may20);
  status('(scheduled, due now)', scheduled, new Date(june1));
  status('(sending, 48.6 per second)', sending, new Date('2026-06-01T00:01:30.000Z'));
  status('(sending, preparing the recipients)', { ...sending, progress: EMPTY_PROGRESS }, new Date(june1));
  status('(sending, no rate yet)', { ...sending, progress: { ...sending.progress, ratePerSecond: 0 } }, new Date(june1));
  status('(sending, a stop asked for)', { ...sending, cancelRequestedBy: stopper }, new Date('2026-06-01T00:01:01.000Z'));
  status('(completed, every failure reason, possible duplicates)', completed, new Date('2026-06-01T00:04:00.000Z'));
  status('(completed, everyone reached)', { ...completed, progress: deliveryProgress({ sent: 10_000 }) }, new Date('2026-06-01T00:04:00.000Z'));
  status('(cancelled)', cancelled, new Date('2026-06-01T00:02:00.000Z'));
  status('(a second round, scheduled)', { ...completed, state: 'scheduled', round: 2, startAt: '2026-06-02T00:00:00.000Z', finishedAt: undefined }, new Date('2026-06-02T00:00:00.000Z'));

  add('notice cancel? (next: cancel, confirmed)', 'notice', cancelQuestionCard(sending, t));
  add('notice retry? (next: retry, confirmed)', 'notice', retryQuestionCard(completed, t));
  add('notice not found (next: list)', 'notice', broadcastNotFound({ logger: silentLogger }, who, BROADCAST_IDS.draft));
  add('notice not a draft (next: status)', 'notice', notDraft(who, scheduled));
  add('notice changed meanwhile (next: status)', 'notice', changedMeanwhile(who, sending.id));
  const notStoppable = t('broadcast.cancel.notPossible', { state: broadcastStateLabel('completed', t) });
  add('notice cannot stop a completed one (next: status)', 'notice', refusal(who, notStoppable, backToBroadcast(who, completed.id)));
  add('notice cannot retry (next: status)', 'notice', refusal(who, t('broadcast.retry.notPossible'), backToBroadcast(who, cancelled.id)));
  add('notice no results for a draft (next: list)', 'notice', refusal(who, t('broadcast.export.notYet'), backToList(who)));
  return cards;
}

// ---------------------------------------------------------------------------------------------------------------
// The other cities' frameworks: what differs from Kitakyushu's cards (three levels, few or no required skills, no
// recommended skills, no application window), for the renderer. Not part of allCards(): the bot those tests click
// on serves Kitakyushu.

/** The frameworks besides Kitakyushu's in data/frameworks: the other cities and the national model. */
export const OTHER_FRAMEWORKS = ['moka', 'kunisaki', 'national'] as const;

/**
 * Every browsing card of a framework (welcome, menu, ladder, levels, skills, recommended skills, training), its
 * self-assessment (start, each role step, a skills step where it has skills, the target, a result) and the cards
 * that say it has no application window (the employee's, HR's windows, a new notice to compose), and its first KPI.
 */
export function otherFrameworkCards(locale: Locale, id: (typeof OTHER_FRAMEWORKS)[number]): CardCase[] {
  const t = translator(locale);
  const active = frameworkActive(id);
  const { framework } = active;
  const cases: CardCase[] = [];
  const add = (name: string, view: CardView, card: AdaptiveCard): void => {
    cases.push({ name: `${locale} ${id} ${name}`, locale, view, card });
  };
  add('welcome', 'welcome', welcomeCard(framework, t));
  add('menu', 'menu', answer(active, { kind: 'menu' }, t));
  add('ladder', 'ladder', answer(active, { kind: 'ladder' }, t));
  for (const { level } of framework.levels) {
    add(`level ${level}`, 'level', answer(active, { kind: 'level', level }, t));
    add(`training ${level}`, 'training', answer(active, { kind: 'training', level }, t));
  }
  for (const skill of framework.document.requiredSkills) add(`skill ${skill.id}`, 'skill', answer(active, { kind: 'skill', skillId: skill.id }, t));
  const recommended = answer(active, { kind: 'recommended' }, t);
  add('recommended', framework.recommendedSkillGroups.length > 0 ? 'recommended' : 'notice', recommended);

  const now = new Date('2026-06-10T01:00:00.000Z');
  const context = (assessment: Assessment): StepContext => ({ framework, assessment, t, locale });
  const fresh = startAssessment(assessmentIdOf(now, 0), ASSESSING_USER, framework, now);
  add('assessment start', 'assessmentStart', startCard(framework, undefined, false, t, locale));
  for (const category of framework.categories) add(`role ${category.id}`, 'assessmentRole', roleStepCard(context(fresh), category.id));
  const withSkills = framework.levels.find((l) => framework.requiredSkillsAt(l.level).length > 0);
  if (withSkills) add(`skills ${withSkills.level}`, 'assessmentSkills', skillsStepCard(context(fresh), withSkills.level));
  add('target', 'assessmentTarget', targetStepCard(context(fresh)));
  const positions = Object.fromEntries(framework.categories.map((c) => [c.id, 1]));
  add('result', 'assessmentResult', resultCard(framework, scoreAssessment(framework, positions, {}, framework.highestLevel), now.toISOString(), [], t, locale, NOTHING_TAKEN));

  add('home (no application window)', 'applicationsHome', applicationsHomeCard(framework, [], t, locale));
  add('hr windows (no application window)', 'hrWindows', hrWindowsCard(framework, fiscalYearOf(now), [], now, t, locale));
  const notice = prefilledNotice(framework, fiscalYearOf(now), [], t, locale);
  const noTracks = trackWindowsAt(framework, [], now);
  const form = { title: notice.title, body: notice.body, applyTracks: '' };
  add('compose (no application window)', 'broadcastCompose', composeCard(framework, 'draft-no-window', form, noTracks, t, locale));
  add('kpi (no data yet)', 'kpi', firstKpiCard(framework, t));
  return cases;
}
