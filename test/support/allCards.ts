import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdaptiveCard } from '../../src/cards/renderCard';
import {
  act,
  submitApplication,
  type Actor,
  type Application,
  type ApplicationRefusal,
  type AssessmentSummary,
} from '../../src/domain/applications/application';
import { nextWindow, tracksOf, type ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import { checkEligibility } from '../../src/domain/applications/eligibility';
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
import { Framework } from '../../src/domain/framework/framework';
import { buildSearchIndex, search, similarTitles } from '../../src/domain/framework/search';
import { validateFramework } from '../../src/domain/framework/validateFramework';
import type { Employee } from '../../src/domain/roster/employee';
import { refusalCard } from '../../src/features/applications/refusals';
import { trackName } from '../../src/features/applications/trackName';
import { approvalCard } from '../../src/features/applications/views/approvalCard';
import { stateLabel, when } from '../../src/features/applications/views/describe';
import { applicationConfirmCard, applicationFormCard } from '../../src/features/applications/views/formCards';
import { applicationsHomeCard, ineligibleText, windowLine, type TrackSituation } from '../../src/features/applications/views/homeCard';
import type { Who } from '../../src/features/applications/who';
import { historyCard } from '../../src/features/assessment/views/historyCard';
import { resultCard } from '../../src/features/assessment/views/resultCard';
import { startCard } from '../../src/features/assessment/views/startCard';
import { roleStepCard, skillsStepCard, targetStepCard, type StepContext } from '../../src/features/assessment/views/stepCards';
import { answer } from '../../src/features/framework/answer';
import { searchResultsCard } from '../../src/features/framework/views/searchView';
import { unknownInputCard } from '../../src/features/framework/views/unknownView';
import { welcomeCard } from '../../src/features/framework/views/welcomeView';
import { catalogNotice, noticeCard, type NoticeStyle } from '../../src/features/notices';
import { VERBS } from '../../src/features/verbs';
import { translator, type Locale, type MessageKey, type MessageParams, type Translate } from '../../src/i18n';
import type { ActiveFramework } from '../../src/storage/frameworkCatalog';

/** The languages every card is rendered in. */
export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** Queries whose search finds something (each must, or the search-results card would not be covered). */
export const SEARCH_QUERIES = ['プロジェクト', 'AI', 'セキュリティ'] as const;

/** Finds nothing but resembles a skill name, so the unknown-input card offers suggestions. */
export const UNKNOWN_WITH_SUGGESTIONS = 'プロジェクト管理';
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
  { title: 'applications.title', body: 'assessment.personalOnly', style: 'default' },
];

/** The Kitakyushu framework as the bot serves it: validated, loaded and indexed like FrameworkCatalog does. */
export function kitakyushuActive(): ActiveFramework {
  const file = path.join(__dirname, '../../data/frameworks/kitakyushu.json');
  const result = validateFramework(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!result.ok) throw new Error(`kitakyushu.json is invalid: ${JSON.stringify(result.issues)}`);
  const framework = new Framework(result.value, 'v1');
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
  | 'approval';

/** One card the bot can produce, with a name for test titles such as "ja level 3". */
export interface CardCase {
  readonly name: string;
  readonly locale: Locale;
  readonly view: CardView;
  readonly card: AdaptiveCard;
}

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
  const longText = 'あいうえお'.repeat(20);
  add('unknown (long text, view)', 'unknownInput', unknownInputCard(longText, similarTitles(searchIndex, longText), t));

  add(`level ${MISSING_LEVEL} (not found)`, 'notice', answer(active, { kind: 'level', level: MISSING_LEVEL }, t));
  add(`skill ${MISSING_SKILL} (not found)`, 'notice', answer(active, { kind: 'skill', skillId: MISSING_SKILL }, t));
  for (const notice of NOTICES) {
    const params = notice.body === 'error.levelNotFound.body' ? { level: MISSING_LEVEL, max: framework.highestLevel } : notice.params;
    add(`notice ${notice.title} / ${notice.body}`, 'notice', catalogNotice(t, notice.title, notice.body, params, notice.style));
  }

  for (const { name, view, card } of assessmentCards(framework, t, locale)) add(name, view, card);
  for (const { name, view, card } of applicationCards(framework, t, locale)) add(name, view, card);
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
  const cards: { name: string; view: CardView; card: AdaptiveCard }[] = [];
  const add = (name: string, view: CardView, card: AdaptiveCard): void => {
    cards.push({ name: `assessment ${name}`, view, card });
  };
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

  // The start card: nothing yet, an assessment in progress (2 of the 5 role steps answered), and with past results.
  const inProgress = { assessment: stoppedAtRoles!, ...progressOf(stoppedAtRoles!, framework) };
  add('start', 'assessmentStart', startCard(undefined, false, t, locale));
  add('start (with history)', 'assessmentStart', startCard(undefined, true, t, locale));
  add('start (in progress)', 'assessmentStart', startCard(inProgress, false, t, locale));
  add('start (in progress, with history)', 'assessmentStart', startCard(inProgress, true, t, locale));

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
    add(`result ${name}`, 'assessmentResult', resultCard(framework, scored, a.completedAt, open, t, locale));
  };
  result('(many gaps, window open)', manyGaps, withWindow(manyGaps));
  result('(many gaps, no window)', manyGaps, []);
  result('(few gaps, Gold, window open)', fewGaps, withWindow(fewGaps));
  result('(no gaps)', allMastered, []);
  result('(skill level 0)', beginner, []);
  // Nothing rated at all: the gaps carry no rating.
  const lowestRoles = Object.fromEntries(framework.categories.map((c) => [c.id, 1] as const));
  add(
    'result (skill level 0, nothing rated, window open)',
    'assessmentResult',
    resultCard(framework, scoreAssessment(framework, lowestRoles, {}, 1), window.opensAt, [window], t, locale),
  );

  add('history (empty)', 'assessmentHistory', historyCard(historyOf([]), t, locale));
  const history = historyOf([beginner, manyGaps, fewGaps, atTarget]);
  if (history.length !== 3) throw new Error(`the history has ${history.length} entries, not 3`);
  add('history (3 entries)', 'assessmentHistory', historyCard(history, t, locale));

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
  notice('assessment stale step (next: continue)', t('assessment.refusal.title'), t('assessment.refusal.staleStep'), 'warning', {
    title: t('assessment.continue'),
    verb: VERBS.assessmentContinue,
    data: { assessmentId: atTarget.id },
  });
  return cards;
}
