import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, type AdaptiveCard, type CardName } from '../../src/cards/renderCard';
import { COMMENT_MAX, MOTIVATION_MAX } from '../../src/domain/applications/application';
import { nextWindow, tracksOf } from '../../src/domain/applications/applicationWindow';
import { progressOf, startAssessment } from '../../src/domain/assessment/assessment';
import { ratingSettings } from '../../src/domain/assessment/ratingScale';
import { historyCard } from '../../src/features/assessment/views/historyCard';
import { startCard } from '../../src/features/assessment/views/startCard';
import { roleStepCard } from '../../src/features/assessment/views/roleStepCard';
import type { FrameworkRequest } from '../../src/features/framework/answer';
import { applicationsHomeCard } from '../../src/features/applications/views/homeCard';
import { answer } from '../../src/features/framework/answer';
import { fromSearch } from '../../src/features/framework/views/fromSearch';
import { catalogNotice } from '../../src/features/notices';
import { translator, type Locale } from '../../src/i18n';
import { PAYLOADS, VERBS, type Verb } from '../../src/features/verbs';
import {
  allCards,
  APPLICATION_PEOPLE,
  executeActionsOf,
  kitakyushuActive,
  MOTIVATION,
  NOTICES,
  REJECT_COMMENT,
  SEARCH_QUERIES,
  UNKNOWN_WITH_SUGGESTIONS,
  UNKNOWN_WITHOUT_SUGGESTIONS,
  type CardCase,
  type CardView,
} from '../support/allCards';
import { cardOf, someone, startBotHarness, textOf, type BotHarness, type InvokeBody, type TestUser } from '../support/botHarness';

const root = path.join(__dirname, '../..');
const active = kitakyushuActive();
const cases: CardCase[] = [...allCards('ja', active), ...allCards('en', active)];
const verbs = new Set<string>(Object.values(VERBS));
const isVerb = (value: unknown): value is Verb => typeof value === 'string' && verbs.has(value);

/** The self-assessment's verbs. */
type AssessmentVerb = Extract<Verb, `assessment.${string}`>;
const isAssessmentVerb = (verb: Verb): verb is AssessmentVerb => verb.startsWith('assessment.');
/** Applying (the employee) and approving (the manager). */
type ApplicationVerb = Extract<Verb, `application.${string}` | `approval.${string}`>;
const isApplicationVerb = (verb: Verb): verb is ApplicationVerb => verb.startsWith('application.') || verb.startsWith('approval.');
/** The HR office's side of applications. */
type HrVerb = Extract<Verb, `hr.${string}`>;
const isHrVerb = (verb: Verb): verb is HrVerb => verb.startsWith('hr.');
/** A rater's side of multi-rater evaluations (HR's side is among the HR verbs). */
type EvaluationVerb = Extract<Verb, `evaluation.${string}`>;
const isEvaluationVerb = (verb: Verb): verb is EvaluationVerb => verb.startsWith('evaluation.');
/** The views of one's own people and records that need the sender on the roster: a manager's team, one's training record. */
type RosterVerb = Extract<Verb, `team.${string}` | `training.${string}`>;
const isRosterVerb = (verb: Verb): verb is RosterVerb => verb.startsWith('team.') || verb.startsWith('training.');
/** Every other verb belongs to the framework (answer() and register.ts). */
type FrameworkVerb = Exclude<Verb, AssessmentVerb | ApplicationVerb | HrVerb | EvaluationVerb | RosterVerb>;
const isFrameworkVerb = (verb: Verb): verb is FrameworkVerb =>
  !isAssessmentVerb(verb) && !isApplicationVerb(verb) && !isHrVerb(verb) && !isEvaluationVerb(verb) && !isRosterVerb(verb);

/** What the search box holds when a test clicks: a query that finds something. */
const SEARCH_TEXT = 'AI';

/**
 * What a user types into the other text inputs: a motivation the domain accepts, a manager's comment, and for HR a
 * department to filter by and the e-mail of a new approver.
 */
const TEXT_INPUTS: Record<string, string> = {
  query: SEARCH_TEXT,
  motivation: MOTIVATION,
  comment: REJECT_COMMENT,
  filterDepartment: '市民局',
  approverEmail: APPLICATION_PEOPLE.senior.email,
};

/**
 * A plausible value for every input on a card, as a user would leave them: the search text, a motivation (or the
 * one the form kept), a comment; for a choice set the value shown (a rating already given, the suggested target)
 * or else its first choice; for a toggle its value as shown.
 */
function inputValuesOf(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of inputsOf(card)) {
    if (typeof input.id !== 'string') continue;
    if (input.type === 'Input.Text') {
      const kept = input.id !== 'query' && typeof input.value === 'string' && input.value !== '' ? input.value : undefined;
      values[input.id] = kept ?? TEXT_INPUTS[input.id] ?? SEARCH_TEXT;
    } else if (input.type === 'Input.Toggle') {
      // The schema's defaults when a toggle leaves them out.
      const on = typeof input.valueOn === 'string' ? input.valueOn : 'true';
      const off = typeof input.valueOff === 'string' ? input.valueOff : 'false';
      values[input.id] = input.value === on ? on : off;
    } else if (input.type === 'Input.ChoiceSet') {
      const first = input.choices?.[0]?.value;
      values[input.id] = typeof input.value === 'string' && input.value !== '' ? input.value : String(first);
    } else if (typeof input.value === 'string') {
      // A date or a time: as shown.
      values[input.id] = input.value;
    }
  }
  return values;
}

/** The payload a click sends: the action's data with the card's inputs merged in, as Teams does for Action.Execute. */
function clickPayload(data: unknown, card: unknown): unknown {
  return { ...(data as object), ...inputValuesOf(card) };
}

/** The template each view fills. */
const TEMPLATE_OF_VIEW: Record<CardView, CardName> = {
  welcome: 'welcome',
  menu: 'menu',
  ladder: 'ladder',
  level: 'level',
  skill: 'skill',
  recommended: 'recommendedSkills',
  training: 'training',
  searchResults: 'searchResults',
  unknownInput: 'unknownInput',
  notice: 'notice',
  assessmentStart: 'assessmentStart',
  assessmentRole: 'assessmentRole',
  assessmentSkills: 'assessmentSkills',
  assessmentTarget: 'assessmentTarget',
  assessmentResult: 'assessmentResult',
  assessmentHistory: 'assessmentHistory',
  applicationsHome: 'applicationsHome',
  applicationForm: 'applicationForm',
  applicationConfirm: 'applicationConfirm',
  approval: 'approvalRequest',
  approvalInbox: 'approvalInbox',
  hrWindows: 'hrWindows',
  hrApplications: 'hrApplications',
  hrApplication: 'hrApplication',
  hrTrainingMove: 'hrTrainingMove',
  broadcastList: 'broadcastList',
  broadcastCompose: 'broadcastCompose',
  broadcastNotice: 'broadcastNotice',
  broadcastPreview: 'broadcastPreview',
  broadcastAudience: 'broadcastAudience',
  broadcastReview: 'broadcastReview',
  broadcastStatus: 'broadcastStatus',
  appointmentCoverage: 'appointmentCoverage',
  appointmentConfirm: 'appointmentConfirm',
  evaluationList: 'evaluationList',
  evaluationStart: 'evaluationStart',
  evaluationReview: 'evaluationReview',
  evaluationStatus: 'evaluationStatus',
  evaluationRate: 'evaluationRate',
  evaluationRequests: 'evaluationRequests',
  kpi: 'kpi',
  kpiTargets: 'kpiTargets',
  exportHome: 'exportHome',
  exportProgress: 'exportProgress',
  teamSummary: 'teamSummary',
  trainingRecord: 'trainingRecord',
  hrMenu: 'hrMenu',
};

/** The step cards leave the assessment with "back" and "continue later" (which says it is saved); every other card says "back to menu". */
const STEP_VIEWS: ReadonlySet<CardView> = new Set(['assessmentRole', 'assessmentSkills', 'assessmentTarget']);

describe('the cards enumerated for these tests', () => {
  const ja = cases.filter((c) => c.locale === 'ja');
  const named = (view: CardView): CardCase[] => ja.filter((c) => c.view === view);

  it('cover every template in cards/ and every level, skill and training of the framework', () => {
    const files = readdirSync(path.join(root, 'cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...files].sort()).toEqual([...CARD_NAMES].sort());
    expect(new Set(ja.map((c) => TEMPLATE_OF_VIEW[c.view]))).toEqual(new Set(CARD_NAMES));
    // One card per level, besides a level opened from a search result.
    expect(named('level').filter((c) => /^ja level \d+$/.test(c.name))).toHaveLength(active.framework.levels.length);
    expect(named('skill')).toHaveLength(33);
    expect(named('skill')).toHaveLength(active.framework.document.requiredSkills.length);
    expect(named('training').length).toBeGreaterThanOrEqual(active.framework.levels.length);
    expect(cases.filter((c) => c.locale === 'en')).toHaveLength(ja.length);
  });

  it('show search results for each query, not a skill card or an unknown-input card', () => {
    for (const query of SEARCH_QUERIES) {
      const card = ja.find((c) => c.name === `ja search "${query}"`);
      expect(card?.view).toBe('searchResults');
      expect(textOf(card!.card)).toContain(`「${query}」の検索結果`);
      expect(executeActionsOf(card!.card).filter((a) => a.verb !== VERBS.menu).length).toBeGreaterThan(0);
    }
  });

  it('include unknown input with suggestions and without', () => {
    const suggestions = (text: string): number => {
      const card = ja.find((c) => c.name === `ja unknown "${text}"`)!.card;
      return executeActionsOf(card).filter((a) => a.verb !== VERBS.menu && a.verb !== VERBS.ladder).length;
    };
    expect(suggestions(UNKNOWN_WITH_SUGGESTIONS)).toBeGreaterThan(0);
    expect(suggestions(UNKNOWN_WITHOUT_SUGGESTIONS)).toBe(0);
  });

  it('include every assessment step: each role category, each level\'s skills and the target', () => {
    const t = translator('ja');
    const byName = (name: string): CardCase => {
      const found = ja.find((c) => c.name === `ja assessment ${name}`);
      if (!found) throw new Error(`no card "ja assessment ${name}"`);
      return found;
    };
    // One per category, and one gone back to.
    expect(named('assessmentRole')).toHaveLength(active.framework.categories.length + 1);
    for (const category of active.framework.categories) {
      expect(textOf(byName(`role ${category.id}`).card)).toContain(t('assessment.role.heading', { category: category.name }));
    }
    for (const { level } of active.framework.levels) {
      const count = active.framework.requiredSkillsAt(level).length;
      expect(textOf(byName(`skills Lv.${level}`).card)).toContain(t('assessment.skills.heading', { level, count }));
    }
    // The level answered before is marked when one goes back to a category.
    const revisited = byName(`role ${active.framework.categories[1]!.id} (gone back to)`).card;
    expect(textOf(revisited)).toContain(t('assessment.role.chosen'));
    expect(named('assessmentRole').filter((c) => textOf(c.card).includes(t('assessment.role.chosen')))).toHaveLength(1);
    // Ratings stored before are shown as chosen.
    const partly = inputsOf(byName('skills Lv.2 (partly rated)').card).filter((i) => i.value !== '' && i.value !== undefined);
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.length).toBeLessThan(active.framework.requiredSkillsAt(2).length);
    expect(named('assessmentTarget')).toHaveLength(1);
    const starts = named('assessmentStart').map((c) => executeActionsOf(c.card).map((a) => a.verb));
    expect(starts.filter((v) => v.includes(VERBS.assessmentContinue))).toHaveLength(2);
    expect(starts.filter((v) => v.includes(VERBS.assessmentHistory))).toHaveLength(2);
  });

  it('include results with and without gaps, at skill level 0, and with and without an open application window', () => {
    const t = translator('ja');
    const results = named('assessmentResult').map((c) => textOf(c.card));
    const windowText = (text: string): boolean => text.includes('募集期間中');
    expect(results.filter((text) => text.includes(t('assessment.result.noGaps')))).toHaveLength(1);
    expect(results.filter((text) => text.includes(t('assessment.result.skillLevelNone'))).length).toBeGreaterThanOrEqual(1);
    // Every missing skill is listed, by level; where there are many, the higher levels are closed (one tap away).
    for (const c of named('assessmentResult')) {
      const listed = executeActionsOf(c.card).filter((a) => a.verb === VERBS.skill).length;
      const counted = /これから身につけたいスキル（(\d+)）/.exec(textOf(c.card))?.[1];
      expect({ name: c.name, listed }).toEqual({ name: c.name, listed: Number(counted ?? 0) });
    }
    const closedLevels = (card: unknown): number => JSON.stringify(card).match(/"id":"gaps-\d+","isVisible":false/g)?.length ?? 0;
    expect(named('assessmentResult').filter((c) => closedLevels(c.card) > 0).length).toBeGreaterThanOrEqual(1);
    expect(named('assessmentResult').filter((c) => c.name.includes('few gaps')).map((c) => closedLevels(c.card))).toEqual([0]);
    expect(results.filter(windowText).length).toBeGreaterThanOrEqual(1);
    expect(results.filter((text) => !windowText(text)).length).toBeGreaterThanOrEqual(1);
    const histories = named('assessmentHistory').map((c) => executeActionsOf(c.card).filter((a) => a.verb === VERBS.assessmentResult));
    expect(histories.map((h) => h.length).sort()).toEqual([0, 3]);
    expect(textOf(named('assessmentHistory')[0]!.card)).toContain(t('assessment.history.empty'));
  });

  it('keep every self-assessment card under Teams\' 28 KB for a card, the result with every skill missing too', () => {
    const assessment = cases.filter((c) => TEMPLATE_OF_VIEW[c.view].startsWith('assessment'));
    const everySkill = assessment.filter((c) => c.name.endsWith('result (every skill missing)'));
    expect(everySkill.map((c) => executeActionsOf(c.card).filter((a) => a.verb === VERBS.skill).length)).toEqual([33, 33]);
    const over = assessment.map((c) => ({ name: c.name, kb: Buffer.byteLength(JSON.stringify(c.card), 'utf8') / 1024 })).filter((c) => c.kb >= 28);
    expect(over).toEqual([]);
  });

  it('include notices with a next action besides the way back to the menu', () => {
    const nextVerbs = named('notice').flatMap((c) => executeActionsOf(c.card).filter((a) => a.verb !== VERBS.menu).map((a) => a.verb));
    expect(new Set(nextVerbs)).toEqual(
      new Set([
        VERBS.assessmentStart,
        VERBS.assessmentOpen,
        VERBS.assessmentContinue,
        VERBS.assessmentCancel,
        VERBS.applicationsOpen,
        VERBS.applicationForm,
        VERBS.applicationWithdraw,
        VERBS.approvalView,
        VERBS.hrWindows,
        VERBS.hrApplication,
        // HR moving candidates from the training records goes back to the list; an exception is confirmed first.
        VERBS.hrApplications,
        VERBS.hrAdvance,
        VERBS.hrBroadcasts,
        VERBS.hrBroadcastStatus,
        VERBS.hrBroadcastCancel,
        VERBS.hrBroadcastRetry,
        VERBS.hrEvaluations,
        VERBS.hrEvaluationStatus,
        VERBS.hrEvaluationCertify,
        VERBS.hrEvaluationClose,
        VERBS.evaluationRequests,
        VERBS.evaluationOpen,
        // Someone not on the roster is pointed to what they may use: the framework.
        VERBS.ladder,
      ]),
    );
  });

  it('include the applications home with open, closed and planned windows, each state of one\'s own application and each reason one cannot apply', () => {
    const t = translator('ja');
    const homes = named('applicationsHome');
    const texts = homes.map((c) => textOf(c.card)).join('\n');
    const buttons = homes.flatMap((c) => executeActionsOf(c.card).map((a) => a.verb));
    expect(texts).toContain('受付中：');
    expect(texts).toContain('次の募集：');
    expect(texts).toContain('次の募集（予定）：');
    const states = ['submitted', 'approved', 'rejected', 'withdrawn', 'selected', 'notSelected', 'trainingCompleted', 'certified'] as const;
    for (const state of states) expect({ state, shown: texts.includes(t(`applications.state.${state}`)) }).toEqual({ state, shown: true });
    for (const reason of ['notOnRoster', 'noManager'] as const) expect(texts).toContain(t(`applications.ineligible.${reason}`));
    // A grade the roster does not show within 係長以下 no longer turns anyone away: it says HR decides, and why it may err.
    expect(texts).toContain(t('applications.gradeCheck.gradeUnknown', { grade: APPLICATION_PEOPLE.unknownGrade.grade, grades: '係長以下' }));
    expect(texts).toContain(t('applications.gradeCheck.gradeAbove', { grade: APPLICATION_PEOPLE.senior.grade, grades: '係長以下' }));
    expect(texts).toContain(t('applications.gradeCheck.employee'));
    expect(texts).toContain('（職位の順「主事・主任・係長・課長・部長」は戦略に書かれたものではなく、職員名簿の職位によるものです。）');
    expect(buttons).toContain(VERBS.applicationForm);
    expect(buttons).toContain(VERBS.applicationWithdraw);
    // Nobody the rules turn away gets a button to apply for that track.
    for (const c of homes.filter((h) => /not on the roster|no manager/.test(h.name))) {
      expect({ name: c.name, apply: executeActionsOf(c.card).filter((a) => a.verb === VERBS.applicationForm) }).toEqual({ name: c.name, apply: [] });
    }
    const senior = homes.find((h) => h.name.includes('grade above'))!;
    const tracks = executeActionsOf(senior.card).filter((a) => a.verb === VERBS.applicationForm).map((a) => (a.data as { track: string }).track);
    expect(tracks.sort()).toEqual(['gold', 'professional', 'silver']);
  });

  it('include HR\'s windows (open, set, planned), lists (full, filtered, empty) and an application in each state with its next steps', () => {
    const t = translator('ja');
    const windows = named('hrWindows').map((c) => textOf(c.card)).join('\n');
    for (const key of ['hr.windows.status.open', 'hr.windows.status.set'] as const) expect(windows).toContain(t(key));
    expect(windows).toContain('未設定（規定：');
    expect(named('hrApplications').map((c) => executeActionsOf(c.card).filter((a) => a.verb === VERBS.hrApplication).length)).toEqual([8, 1, 0]);
    const details = named('hrApplication');
    const steps = details.map((c) => executeActionsOf(c.card).filter((a) => a.verb === VERBS.hrAdvance).map((a) => (a.data as { action: string }).action));
    expect(new Set(steps.flat())).toEqual(new Set(['select', 'notSelect', 'completeTraining', 'certify']));
    expect(details.filter((c) => executeActionsOf(c.card).some((a) => a.verb === VERBS.hrReassign))).toHaveLength(3);
    expect(details.filter((c) => executeActionsOf(c.card).some((a) => a.verb === VERBS.hrResendApproval))).toHaveLength(3);
    expect(details.map((c) => textOf(c.card)).join('\n')).toContain(`（${REJECT_COMMENT}）`);
    const own = details.find((c) => c.name.includes('HR\'s own'))!;
    expect(executeActionsOf(own.card).filter((a) => a.verb === VERBS.hrAdvance)).toEqual([]);
    // The grade check: HR is asked to decide (with a reason) while it stands, and told who overruled it after.
    const deciding = details.find((c) => c.name.includes('HR to decide'))!;
    expect(textOf(deciding.card)).toContain(t('applications.gradeCheck.hr'));
    expect(executeActionsOf(deciding.card).map((a) => a.verb)).toContain(VERBS.hrEligibility);
    expect(inputsOf(deciding.card).map((i) => i.id)).toContain('eligibilityComment');
    const overruled = details.find((c) => c.name.includes('overruled'))!;
    expect(textOf(overruled.card)).toContain('職位の確認：到津 由美さんが、応募要件を満たすと判断しました');
    expect(textOf(overruled.card)).toContain('応募要件を満たすと判断（課長級ですが、情報部門の実務経験から要件を満たすと判断しました。）');
    expect(executeActionsOf(overruled.card).map((a) => a.verb)).not.toContain(VERBS.hrEligibility);
  });

  it('include the rater\'s card with the tier\'s criteria and the skills the evaluation assesses', () => {
    const [rate] = named('evaluationRate');
    const text = textOf(rate!.card);
    expect(text).toContain('評価・認定されるスキル\nマネジメント、リーダーシップ、AI/RPA、データ利活用、UI/UX');
    expect(text).toContain('プロジェクト活動を通じてスキル(横軸)と段階(縦軸)で評価・認定される。');
  });

  it('include the form and the confirmation with and without a self-assessment, and the approval card for each viewer and decision', () => {
    const t = translator('ja');
    const inputIds = (c: CardCase): unknown[] => inputsOf(c.card).map((i) => i.id);
    expect(named('applicationForm').map(inputIds)).toEqual([['motivation', 'attachAssessment'], ['motivation'], ['motivation', 'attachAssessment']]);
    const confirms = named('applicationConfirm').map((c) => textOf(c.card));
    expect(confirms.filter((text) => text.includes(t('applications.confirm.noAssessment')))).toHaveLength(1);
    const approvals = named('approval');
    const actionable = approvals.filter((c) => executeActionsOf(c.card).some((a) => a.verb === VERBS.approvalDecide));
    expect(actionable.map((c) => c.name)).toEqual([
      'ja applications approval (actionable, for the approver, self-assessment attached)',
      'ja applications approval (actionable, for the approver, nothing attached)',
      'ja applications approval (reminder, for the approver)',
    ]);
    const all = approvals.map((c) => textOf(c.card)).join('\n');
    expect(all).toContain(`${t('applications.state.approved')}：門司 花子`);
    expect(all).toContain(t('approval.commentLine', { comment: REJECT_COMMENT }));
    expect(all).toContain(t('approval.reminder', { days: 5 }));
    expect(all).toContain(t('approval.noAssessment'));
    // Each copy asks its viewer's client to refresh it (Universal Actions).
    for (const c of approvals) expect((c.card.refresh as { action: { verb: string } }).action.verb).toBe(VERBS.approvalView);
    const refusals = named('notice').map((c) => textOf(c.card)).join('\n');
    for (const key of ['notAllowed', 'ownApplication', 'commentRequired', 'sameApprover', 'notFound'] as const) {
      expect(refusals).toContain(t(`applications.refusal.${key}`));
    }
    expect(refusals).toContain('門司 花子さんがすでに「上司が承認（選考待ち）」としました');
  });

  it('include every catalog notice title/body pair that src/ sends', () => {
    const sources = [...readAllSources(path.join(root, 'src'))].join('\n');
    const callSites = [...sources.matchAll(/(?<!function )\bcatalogNotice\(/g)].length;
    const pairs = [...sources.matchAll(/(?<!function )\bcatalogNotice\(\s*[^,]+,\s*'([a-z][\w.]+)',\s*'([a-z][\w.]+)'/g)];
    // inPersonalChat (personalTurn.ts) sends the notice its caller names, and askingInPersonalChat (whoAsks.ts) passes
    // on its own caller's: every other caller of either names its pair literally, as their third argument.
    const relayed = [...sources.matchAll(/(?<!function )\bcatalogNotice\(\s*[^,]+,\s*notice\.title,\s*notice\.body\b/g)];
    const personalCalls = [...sources.matchAll(/(?<!function )\b(?:inPersonalChat|askingInPersonalChat)\(/g)].length;
    const passedOn = [...sources.matchAll(/(?<!function )\binPersonalChat\(\s*[^,]+,\s*[^,]+,\s*notice\s*,/g)].length;
    const personalPairs = [
      ...sources.matchAll(
        /(?<!function )\b(?:inPersonalChat|askingInPersonalChat)\(\s*[^,]+,\s*[^,]+,\s*\{\s*title:\s*'([a-z][\w.]+)',\s*body:\s*'([a-z][\w.]+)'\s*\}/g,
      ),
    ];
    expect(callSites).toBeGreaterThan(5);
    // Every call site names its pair literally, so none can slip past this check.
    expect(pairs.length + relayed.length).toBe(callSites);
    expect(personalPairs).toHaveLength(relayed.length > 0 ? personalCalls - passedOn : 0);
    const listed = new Set(NOTICES.map((n) => `${n.title} / ${n.body}`));
    const used = new Set([...pairs, ...personalPairs].map((m) => `${m[1]} / ${m[2]}`));
    expect([...used].filter((pair) => !listed.has(pair))).toEqual([]);
    expect([...listed].filter((pair) => !used.has(pair))).toEqual([]);
  });
});

/** An input element on a card. */
interface CardInput {
  type: string;
  id: unknown;
  value?: unknown;
  choices?: { title?: unknown; value?: unknown }[];
  valueOn?: unknown;
  valueOff?: unknown;
  maxLength?: unknown;
  isRequired?: unknown;
  style?: unknown;
}

/** Every input element on a card. */
function inputsOf(card: unknown): CardInput[] {
  const found: CardInput[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) {
        found.push({
          type: record.type,
          id: record.id,
          value: record.value,
          choices: record.choices as CardInput['choices'],
          valueOn: record.valueOn,
          valueOff: record.valueOff,
          maxLength: record.maxLength,
          isRequired: record.isRequired,
          style: record.style,
        });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

function* readAllSources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* readAllSources(file);
    else if (file.endsWith('.ts')) yield readFileSync(file, 'utf8');
  }
}

describe.each(cases.map((c) => [c.name, c] as const))('card: %s', (_name, { card, view, locale }) => {
  const json = JSON.stringify(card);
  const actions = executeActionsOf(card);

  it('is an Adaptive Card 1.5 under 80 KB', () => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(80 * 1024);
  });

  it('has no template expression or message placeholder left', () => {
    expect(json).not.toContain('${');
    expect(json).not.toMatch(/\$when|\$data/);
    expect(textOf(card)).not.toMatch(/\{[A-Za-z][\w-]*\}/);
  });

  it('has only Action.Execute actions with a known verb and a payload its handler accepts', () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect({ at: action.at, verb: action.verb, known: isVerb(action.verb) }).toEqual({ at: action.at, verb: action.verb, known: true });
      const verb = action.verb as Verb;
      const parsed = PAYLOADS[verb].safeParse(clickPayload(action.data, card));
      expect({ at: action.at, verb, data: action.data, ok: parsed.success }).toEqual({ at: action.at, verb, data: action.data, ok: true });
      expect(typeof action.title === 'string' && action.title.trim() !== '').toBe(true);
    }
  });

  it('takes its search text from an Input.Text with id "query", unless the button carries its own (back to the results)', () => {
    const hasSearch = actions.some((a) => a.verb === VERBS.search && (a.data as { query?: unknown } | undefined)?.query === undefined);
    expect(inputsOf(card).filter((i) => i.type === 'Input.Text' && i.id === 'query')).toHaveLength(hasSearch ? 1 : 0);
  });

  it('has only inputs that a button on it reads: the search text, skill ratings, the target, a motivation, a comment or HR\'s', () => {
    const inputs = inputsOf(card);
    const ids = inputs.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const skills = actions.filter((a) => a.verb === VERBS.assessmentSkills);
    const targets = actions.filter((a) => a.verb === VERBS.assessmentTarget);
    expect(skills.length + targets.length).toBeLessThanOrEqual(1);
    const ratingIds = ids.filter((id) => typeof id === 'string' && id.startsWith('r_'));
    const targetIds = inputs.filter((i) => i.id === 'target');
    const APPLICATION_INPUTS = ['motivation', 'attachAssessment', 'comment'];
    const HR_INPUTS: Record<string, Verb> = {
      filterState: VERBS.hrApplications,
      filterTrack: VERBS.hrApplications,
      filterDepartment: VERBS.hrApplications,
      approverEmail: VERBS.hrReassign,
      eligibilityComment: VERBS.hrEligibility,
      // A broadcast's notice goes with "preview", its recipients and start time with "review".
      title: VERBS.hrBroadcastPreview,
      body: VERBS.hrBroadcastPreview,
      applyTracks: VERBS.hrBroadcastPreview,
      audienceKind: VERBS.hrBroadcastReview,
      departments: VERBS.hrBroadcastReview,
      grades: VERBS.hrBroadcastReview,
      trainingProgram: VERBS.hrBroadcastReview,
      trainingBy: VERBS.hrBroadcastReview,
      startDate: VERBS.hrBroadcastReview,
      startTime: VERBS.hrBroadcastReview,
      // Whom to appoint, and to what, go with "review".
      appointEmail: VERBS.hrAppointmentReview,
      appointTier: VERBS.hrAppointmentReview,
      // The fiscal year of an export of applications; the manager whose team HR opens.
      exportYear: VERBS.hrExportStart,
      managerEmail: VERBS.teamShow,
    };
    const WINDOW_INPUT = /^(?:opens|closes)(?:Date|Time)_([a-z0-9][a-z0-9-]*)$/;
    // An evaluation's form: the candidate, the tier and one field of raters per viewpoint, read by "review";
    // a rater's rating and comment, read by "rate".
    const EVALUATION_INPUTS: Record<string, Verb> = {
      candidateEmail: VERBS.hrEvaluationReview,
      tier: VERBS.hrEvaluationReview,
      rating: VERBS.evaluationRate,
      ratingComment: VERBS.evaluationRate,
    };
    const RATERS_INPUT = /^raters_[a-z0-9][a-z0-9-]*$/;
    const evaluationIds = ids.filter((id) => typeof id === 'string' && (id in EVALUATION_INPUTS || RATERS_INPUT.test(id)));
    for (const id of evaluationIds as string[]) {
      const reader = EVALUATION_INPUTS[id] ?? VERBS.hrEvaluationReview;
      expect({ id, read: actions.some((a) => a.verb === reader) }).toEqual({ id, read: true });
    }
    // The KPI's year selector, read by "show"; the targets form (one target per tier besides these), read by "save".
    const KPI_INPUTS: Record<string, Verb> = { kpiYear: VERBS.hrKpi, targetAll: VERBS.hrKpiSave, baseline: VERBS.hrKpiSave };
    const TIER_TARGET_INPUT = /^tierTarget_[a-z0-9][a-z0-9-]*$/;
    const kpiIds = ids.filter((id) => typeof id === 'string' && (id in KPI_INPUTS || TIER_TARGET_INPUT.test(id)));
    for (const id of kpiIds as string[]) {
      const reader = KPI_INPUTS[id] ?? VERBS.hrKpiSave;
      expect({ id, read: actions.some((a) => a.verb === reader) }).toEqual({ id, read: true });
    }
    const hrIds = ids.filter((id) => typeof id === 'string' && (id in HR_INPUTS || WINDOW_INPUT.test(id)));
    const others = ids.filter(
      (id) =>
        id !== 'query' &&
        id !== 'target' &&
        !ratingIds.includes(id) &&
        !APPLICATION_INPUTS.includes(id as string) &&
        !hrIds.includes(id) &&
        !evaluationIds.includes(id) &&
        !kpiIds.includes(id),
    );
    expect(others).toEqual([]);
    // HR's inputs each go with the button that reads them; a window's dates and times with that track's "save".
    for (const id of hrIds as string[]) {
      const track = WINDOW_INPUT.exec(id)?.[1];
      const readers = track
        ? actions.filter((a) => a.verb === VERBS.hrWindowSave && (a.data as { track?: string }).track === track)
        : actions.filter((a) => a.verb === HR_INPUTS[id]);
      expect({ id, read: readers.length > 0 }).toEqual({ id, read: true });
    }
    // The form's inputs go with its "next" button, the comment with the approver's buttons; each in the shape the payload takes.
    const byId = (id: string): CardInput | undefined => inputs.find((i) => i.id === id);
    const confirms = actions.filter((a) => a.verb === VERBS.applicationConfirm);
    const decides = actions.filter((a) => a.verb === VERBS.approvalDecide);
    expect({ motivation: byId('motivation') !== undefined, confirms: confirms.length > 0 }).toEqual({
      motivation: confirms.length > 0,
      confirms: confirms.length > 0,
    });
    if (byId('attachAssessment')) expect(confirms.length).toBeGreaterThan(0);
    expect(byId('comment') !== undefined).toBe(decides.length > 0);
    const motivation = byId('motivation');
    if (motivation) {
      expect({ type: motivation.type, isRequired: motivation.isRequired, maxLength: motivation.maxLength }).toEqual({
        type: 'Input.Text',
        isRequired: true,
        maxLength: MOTIVATION_MAX,
      });
    }
    const toggle = byId('attachAssessment');
    if (toggle) {
      expect({ type: toggle.type, valueOn: toggle.valueOn, valueOff: toggle.valueOff }).toEqual({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false' });
      for (const value of ['true', 'false']) {
        const payload = { ...clickPayload(confirms[0]!.data, card) as object, attachAssessment: value };
        expect({ value, ok: PAYLOADS[VERBS.applicationConfirm].safeParse(payload).success }).toEqual({ value, ok: true });
      }
    }
    const comment = byId('comment');
    if (comment) {
      expect({ type: comment.type, maxLength: comment.maxLength }).toEqual({ type: 'Input.Text', maxLength: COMMENT_MAX });
      // Approving needs no comment: the payload parses without one.
      const approve = decides.find((a) => (a.data as { decision?: string }).decision === 'approve')!;
      expect(PAYLOADS[VERBS.approvalDecide].safeParse(approve.data).success).toBe(true);
    }
    if (skills.length === 0) expect(ratingIds).toEqual([]);
    else {
      // One rating per required skill of the step's level, each offering the framework's scale; the payload carries them all.
      const { step } = PAYLOADS[VERBS.assessmentSkills].parse(clickPayload(skills[0]!.data, card));
      const level = Number(step.slice('skills:'.length));
      const required = active.framework.requiredSkillsAt(level).map((s) => s.id);
      expect(ratingIds).toEqual(required.map((id) => `r_${id}`));
      const scale = ratingSettings(active.framework).values.map(String);
      // Every choice in view: one click answers a skill.
      for (const input of inputs.filter((i) => ratingIds.includes(i.id))) {
        expect({ id: input.id, type: input.type, style: input.style, values: input.choices?.map((c) => c.value) }).toEqual({
          id: input.id,
          type: 'Input.ChoiceSet',
          style: 'expanded',
          values: scale,
        });
      }
      const { ratings } = PAYLOADS[VERBS.assessmentSkills].parse(clickPayload(skills[0]!.data, card));
      expect(Object.keys(ratings)).toEqual(required);
    }
    expect(targetIds).toHaveLength(targets.length);
    for (const input of targetIds) {
      expect(input.type).toBe('Input.ChoiceSet');
      expect(input.choices?.map((c) => c.value)).toContain(input.value);
      for (const choice of input.choices ?? []) {
        const payload = { ...(targets[0]!.data as object), target: choice.value };
        expect({ choice: choice.value, ok: PAYLOADS[VERBS.assessmentTarget].safeParse(payload).success }).toEqual({
          choice: choice.value,
          ok: true,
        });
      }
    }
  });

  if (view === 'menu') {
    it('is the menu, so needs no way back, and offers search', () => {
      expect(actions.some((a) => a.verb === VERBS.search)).toBe(true);
    });
  } else {
    it('offers a way back, labelled in the user language', () => {
      const t = translator(locale);
      if (STEP_VIEWS.has(view)) {
        // 前へ (to the step before, or the introduction from the first step), and あとで続ける.
        const titled = (verbs: Verb[]): unknown[] => actions.filter((a) => verbs.includes(a.verb as Verb)).map((a) => a.title);
        expect(titled([VERBS.assessmentBack, VERBS.assessmentOpen])).toEqual([t('assessment.back')]);
        expect(titled([VERBS.assessmentLater])).toEqual([t('assessment.later')]);
        return;
      }
      const back = actions.filter((a) => a.verb === VERBS.menu);
      expect(back.length).toBeGreaterThan(0);
      if (view !== 'welcome') expect(back.map((a) => a.title)).toContain(t('common.backToMenu'));
    });
  }
});

describe('verbs', () => {
  it('every "verb" literal in cards/*.json is a VERBS value; templated verbs come from the view', () => {
    const problems: string[] = [];
    let literals = 0;
    for (const file of readdirSync(path.join(root, 'cards')).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(path.join(root, 'cards', file), 'utf8');
      for (const [, verb] of text.matchAll(/"verb"\s*:\s*"([^"]*)"/g)) {
        // The search and unknown-input cards take the verb of each hit; a notice takes its next actions'.
        if (verb === '${verb}') continue;
        literals += 1;
        if (!verbs.has(verb!)) problems.push(`${file}: "${verb}"`);
      }
      // Every Action.Execute in the template names a verb (the renderer does not catch a missing one).
      const executes = [...text.matchAll(/"type"\s*:\s*"Action\.Execute"/g)].length;
      const withVerb = [...text.matchAll(/"verb"\s*:/g)].length;
      if (executes !== withVerb) problems.push(`${file}: ${executes} Action.Execute but ${withVerb} verbs`);
    }
    expect(literals).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('every VERBS value is offered by some card', () => {
    const offered = new Set(cases.flatMap((c) => executeActionsOf(c.card).map((a) => a.verb)));
    expect([...verbs].filter((v) => !offered.has(v))).toEqual([]);
  });
});

/** What the bot is asked when a button with a framework verb and payload is clicked (mirrors register.ts). */
function requestOf(verb: FrameworkVerb, payload: unknown): FrameworkRequest {
  switch (verb) {
    case VERBS.menu:
      return { kind: 'menu' };
    case VERBS.ladder:
      return { kind: 'ladder' };
    case VERBS.recommended:
      return { kind: 'recommended', from: fromSearch(PAYLOADS[verb].parse(payload).query) };
    case VERBS.level: {
      const { level, item, query } = PAYLOADS[verb].parse(payload);
      return { kind: 'level', level, from: fromSearch(query, item) };
    }
    case VERBS.training: {
      const { level, item, query } = PAYLOADS[verb].parse(payload);
      return { kind: 'training', level, from: fromSearch(query, item) };
    }
    case VERBS.skill: {
      const { skillId, query } = PAYLOADS[verb].parse(payload);
      return { kind: 'skill', skillId, from: fromSearch(query) };
    }
    case VERBS.search:
      return { kind: 'search', query: PAYLOADS[verb].parse(payload).query };
  }
}

/**
 * How each assessment verb is checked on the bot. The verbs that name an assessment are clicked with an id
 * nobody has, and must answer "not found" (which only their handler can say); the others must answer the card
 * their view renders for a new user.
 */
const ASSESSMENT_CHECK: Record<AssessmentVerb, 'forgedId' | 'noId'> = {
  [VERBS.assessmentOpen]: 'noId',
  [VERBS.assessmentStart]: 'noId',
  [VERBS.assessmentHistory]: 'noId',
  [VERBS.assessmentContinue]: 'forgedId',
  [VERBS.assessmentRole]: 'forgedId',
  [VERBS.assessmentSkills]: 'forgedId',
  [VERBS.assessmentTarget]: 'forgedId',
  [VERBS.assessmentBack]: 'forgedId',
  [VERBS.assessmentLater]: 'forgedId',
  [VERBS.assessmentCancel]: 'forgedId',
  [VERBS.assessmentResult]: 'forgedId',
};

/** A well-formed assessment id that no one has. */
const FORGED_ASSESSMENT_ID = '0000000000000-00000000';

/**
 * How each application verb is checked on the bot, by a user on the roster without a manager. The verbs that name an
 * application are clicked with an id nobody has and must answer "not found"; the approver's inbox must be empty; the
 * others must answer that the user has no manager to approve (only their handler can say any of these).
 */
const APPLICATION_CHECK: Record<ApplicationVerb, 'forgedId' | 'notOnRoster' | 'emptyInbox'> = {
  [VERBS.applicationsOpen]: 'notOnRoster',
  [VERBS.applicationForm]: 'notOnRoster',
  [VERBS.applicationConfirm]: 'notOnRoster',
  [VERBS.applicationSubmit]: 'notOnRoster',
  [VERBS.applicationWithdraw]: 'forgedId',
  [VERBS.approvalView]: 'forgedId',
  [VERBS.approvalInbox]: 'emptyInbox',
  [VERBS.approvalDecide]: 'forgedId',
};

/** A well-formed application id (year, track, an Entra object id) that no one has. */
const FORGED_APPLICATION_ID = '2026-gold-00000000-0000-4000-8000-000000000000';

/** A user of their own, so that no other test (sharing the run's storage) sees this file's assessments. */
/** Staff on the bot's roster: each test that clicks as an employee takes one who has not clicked yet. */
const STAFF = Array.from({ length: 12 }, () => someone('カード 確認'));
let nextOnRoster = 0;
function freshUser(): TestUser {
  const user = STAFF[nextOnRoster++];
  if (!user) throw new Error('more users than STAFF has: add to it');
  return user;
}

/** Someone the roster does not know. */
const stranger = (): TestUser => someone('名簿 にない');

const harnessLocale = (locale: Locale): string => (locale === 'en' ? 'en-US' : 'ja-JP');

describe('every button, clicked on the running bot', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness({ staff: STAFF });
  });
  afterAll(async () => {
    await harness.stop();
  });

  /**
   * What a click answered: the card that replaced the clicked one or, for a button on a notice (which stays as it was),
   * the card sent below it — then the click itself is answered with a short message saying so.
   */
  const clickAnswer = async (
    verb: string,
    payload: unknown,
    options: { user: TestUser; locale?: string },
  ): Promise<{ status: number; body: InvokeBody }> => {
    const answer = await harness.click(verb, payload, options);
    if (answer.body.type !== 'application/vnd.microsoft.activity.message') return answer;
    const locale = options.locale === 'en-US' ? 'en' : 'ja';
    expect({ verb, said: answer.body.value }).toEqual({ verb, said: translator(locale)('common.answeredBelow') });
    const below = harness.connector.activities(`a:${options.user.id}`).at(-1);
    if (!below) throw new Error(`${verb} answered with a message but sent nothing below`);
    return { status: answer.status, body: { ...answer.body, type: 'application/vnd.microsoft.card.adaptive', value: cardOf(below) } };
  };

  /** Texts that mean a click went wrong, in both languages. */
  const errorTexts = (['ja', 'en'] as const).flatMap((locale) => {
    const t = translator(locale);
    return [t('error.unknownAction.body'), t('error.invalidAction.title'), t('assessment.refusal.title')];
  });
  const notFound = (locale: Locale): string => translator(locale)('assessment.refusal.notFound');
  const applicationNotFound = (locale: Locale): string => translator(locale)('applications.refusal.notFound');
  /** What every personal feature answers someone the roster does not know. */
  const rosterRequired = (locale: Locale): string => translator(locale)('roster.required.title');
  /** What a click of an application verb answers an employee without a manager (with the id forged where it names one). */
  const applicationAnswer = (verb: ApplicationVerb, locale: Locale): string => {
    const check = APPLICATION_CHECK[verb];
    if (check === 'forgedId') return applicationNotFound(locale);
    return translator(locale)(check === 'emptyInbox' ? 'approvals.inbox.empty' : 'applications.ineligible.noManager');
  };
  /** What every HR verb answers to someone who is not HR on the roster. */
  const hrOnly = (locale: Locale): string => translator(locale)('applications.refusal.hrOnly');

  /** Each distinct (verb, payload) on any Japanese card, with the card's inputs filled in as a user would. */
  const clicks = ((): { verb: Verb; payload: Record<string, unknown> }[] => {
    const seen = new Map<string, { verb: Verb; payload: Record<string, unknown> }>();
    for (const c of cases.filter((x) => x.locale === 'ja')) {
      for (const a of executeActionsOf(c.card)) {
        if (!isVerb(a.verb)) continue;
        const payload = clickPayload(a.data, c.card) as Record<string, unknown>;
        seen.set(JSON.stringify([a.verb, payload]), { verb: a.verb, payload });
      }
    }
    return [...seen.values()];
  })();
  const clickOf = (verb: Verb): { verb: Verb; payload: Record<string, unknown> } => {
    const click = clicks.find((c) => c.verb === verb);
    if (!click) throw new Error(`no card offers ${verb}`);
    return click;
  };

  it('sorts every verb into the framework (answer()), the assessment or applications, and each assessment or application verb by whether it names one', () => {
    const assessment = [...verbs].filter((v) => isAssessmentVerb(v as Verb));
    expect(assessment.sort()).toEqual(Object.keys(ASSESSMENT_CHECK).sort());
    for (const verb of Object.keys(ASSESSMENT_CHECK) as AssessmentVerb[]) {
      const named = clicks.filter((c) => c.verb === verb).map((c) => 'assessmentId' in c.payload);
      expect({ verb, named: [...new Set(named)] }).toEqual({ verb, named: [ASSESSMENT_CHECK[verb] === 'forgedId'] });
    }
    const hr = [...verbs].filter((v) => isHrVerb(v as Verb));
    expect(hr.length).toBeGreaterThan(0);
    const applications = [...verbs].filter((v) => isApplicationVerb(v as Verb));
    expect(applications.sort()).toEqual(Object.keys(APPLICATION_CHECK).sort());
    for (const verb of Object.keys(APPLICATION_CHECK) as ApplicationVerb[]) {
      const named = clicks.filter((c) => c.verb === verb).map((c) => 'applicationId' in c.payload);
      expect({ verb, named: [...new Set(named)] }).toEqual({ verb, named: [APPLICATION_CHECK[verb] === 'forgedId'] });
    }
  });

  it('has a handler for every framework verb that answers with the same card the views render', async () => {
    const user = freshUser();
    for (const verb of [...verbs].filter((v) => isFrameworkVerb(v as Verb)) as FrameworkVerb[]) {
      const click = clickOf(verb);
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, click.payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        for (const text of errorTexts) expect(textOf(body.value)).not.toContain(text);
        expect(body.value).toEqual(answer(active, requestOf(verb, click.payload), translator(locale)));
      }
    }
  });

  it('has a handler for every assessment verb that names an assessment: an id nobody has is "not found"', async () => {
    const user = freshUser();
    for (const verb of (Object.keys(ASSESSMENT_CHECK) as AssessmentVerb[]).filter((v) => ASSESSMENT_CHECK[v] === 'forgedId')) {
      const payload = { ...clickOf(verb).payload, assessmentId: FORGED_ASSESSMENT_ID };
      // The forged payload is well formed, so what answers is the handler, not the payload check.
      expect({ verb, ok: PAYLOADS[verb].safeParse(payload).success }).toEqual({ verb, ok: true });
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect({ verb, locale, text: textOf(body.value) }).toEqual({ verb, locale, text: expect.stringContaining(notFound(locale)) as unknown });
        // The way on from there is a new assessment.
        expect(executeActionsOf(body.value).map((a) => a.verb)).toContain(VERBS.assessmentOpen);
      }
    }
    expect(notFound('ja')).toContain('この診断は見つかりませんでした');
  });

  it('has a handler for every application verb, which tells someone not on the roster why they need to be on it', async () => {
    const user = stranger();
    for (const verb of Object.keys(APPLICATION_CHECK) as ApplicationVerb[]) {
      const forged = APPLICATION_CHECK[verb] === 'forgedId';
      const payload = forged ? { ...clickOf(verb).payload, applicationId: FORGED_APPLICATION_ID } : clickOf(verb).payload;
      // The payload is well formed, so what answers is the handler, not the payload check.
      expect({ verb, ok: PAYLOADS[verb].safeParse(payload).success }).toEqual({ verb, ok: true });
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status, type: body.type }).toEqual({ verb, locale, status: 200, type: 'application/vnd.microsoft.card.adaptive' });
        const text = textOf(body.value);
        expect({ verb, locale, text }).toEqual({ verb, locale, text: expect.stringContaining(rosterRequired(locale)) as unknown });
        for (const error of errorTexts) expect(text).not.toContain(error);
      }
    }
  });

  it('has a handler for every application verb that names an application: for an employee, an id nobody has is "not found"', async () => {
    const user = freshUser();
    for (const verb of (Object.keys(APPLICATION_CHECK) as ApplicationVerb[]).filter((v) => APPLICATION_CHECK[v] === 'forgedId')) {
      const payload = { ...clickOf(verb).payload, applicationId: FORGED_APPLICATION_ID };
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect({ verb, locale, text: textOf(body.value) }).toEqual({ verb, locale, text: expect.stringContaining(applicationNotFound(locale)) as unknown });
      }
    }
    expect(applicationNotFound('ja')).toBe('この応募は見つかりませんでした。');
  });

  it('has a handler for every HR verb, which refuses anyone who is not HR on the roster', async () => {
    const user = freshUser();
    for (const verb of [...verbs].filter((v) => isHrVerb(v as Verb)) as HrVerb[]) {
      const { payload } = clickOf(verb);
      expect({ verb, ok: PAYLOADS[verb].safeParse(payload).success }).toEqual({ verb, ok: true });
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect({ verb, locale, text: textOf(body.value) }).toEqual({ verb, locale, text: expect.stringContaining(hrOnly(locale)) as unknown });
      }
    }
  });

  it('has a handler for every rater\'s evaluation verb, which says so in a city that does not evaluate by several raters', async () => {
    const user = freshUser();
    const evaluationVerbs = [...verbs].filter((v) => isEvaluationVerb(v as Verb)) as EvaluationVerb[];
    expect(evaluationVerbs.length).toBeGreaterThan(0);
    for (const verb of evaluationVerbs) {
      const { payload } = clickOf(verb);
      expect({ verb, ok: PAYLOADS[verb].safeParse(payload).success }).toEqual({ verb, ok: true });
      for (const locale of ['ja', 'en'] as const) {
        const notUsed = translator(locale)('evaluation.notUsed', { city: active.framework.document.city });
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect({ verb, locale, text: textOf(body.value) }).toEqual({ verb, locale, text: expect.stringContaining(notUsed) as unknown });
      }
    }
  });

  it('has a handler for every team and training-record verb, which tells a user not on the roster why they need to be on it', async () => {
    const user = stranger();
    const rosterVerbs = [...verbs].filter((v) => isRosterVerb(v as Verb)) as RosterVerb[];
    expect(rosterVerbs.length).toBeGreaterThan(0);
    for (const verb of rosterVerbs) {
      const { payload } = clickOf(verb);
      for (const locale of ['ja', 'en'] as const) {
        const { status, body } = await clickAnswer(verb, payload, { locale: harnessLocale(locale), user });
        expect({ verb, locale, status }).toEqual({ verb, locale, status: 200 });
        expect({ verb, locale, text: textOf(body.value) }).toEqual({ verb, locale, text: expect.stringContaining(rosterRequired(locale)) as unknown });
      }
    }
  });

  it.each(['ja', 'en'] as const)('opens applications for an employee without a manager with the card the view renders (%s)', async (locale) => {
    const t = translator(locale);
    const { status, body } = await harness.click(VERBS.applicationsOpen, {}, { locale: harnessLocale(locale), user: freshUser() });
    expect(status).toBe(200);
    // The harness's framework has no window stored: each track shows the rules' plan, and with nobody to approve,
    // nobody can apply.
    const now = new Date();
    const tracks = tracksOf(active.framework).map((track) => ({
      track,
      next: nextWindow(active.framework, track, [], now),
      ineligible: 'noManager' as const,
    }));
    expect(body.value).toEqual(applicationsHomeCard(active.framework, tracks, t, locale));
    expect(executeActionsOf(body.value).map((a) => a.verb)).toEqual([VERBS.menu]);
  });

  it('answers every application verb in a team channel with "applications are personal", touching nothing', async () => {
    const user = freshUser();
    const t = translator('ja');
    const channel = { id: '19:team-channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: 'DX' };
    for (const verb of Object.keys(APPLICATION_CHECK) as ApplicationVerb[]) {
      const value = { action: { type: 'Action.Execute', verb, data: clickOf(verb).payload } };
      const invoke = harness.activity({ type: 'invoke', name: 'adaptiveCard/action', value, replyToId: 'card-1', conversation: channel }, { user });
      const { status, body } = await harness.post(invoke);
      expect({ verb, status }).toEqual({ verb, status: 200 });
      expect((body as InvokeBody).value).toEqual(catalogNotice(t, 'applications.title', 'applications.personalOnly', {}, 'default'));
    }
  });

  it.each(['ja', 'en'] as const)('opens, starts and lists assessments for a new user with the cards the views render (%s)', async (locale) => {
    const user = freshUser();
    const t = translator(locale);
    const click = (verb: Verb, payload: unknown): Promise<AdaptiveCard> =>
      clickAnswer(verb, payload, { locale: harnessLocale(locale), user }).then(({ status, body }) => {
        expect({ verb, status, type: body.type }).toEqual({ verb, status: 200, type: 'application/vnd.microsoft.card.adaptive' });
        for (const text of errorTexts) expect(textOf(body.value)).not.toContain(text);
        return body.value as AdaptiveCard;
      });

    expect(await click(VERBS.assessmentOpen, clickOf(VERBS.assessmentOpen).payload)).toEqual(startCard(active.framework, undefined, false, t, locale));
    expect(await click(VERBS.assessmentHistory, clickOf(VERBS.assessmentHistory).payload)).toEqual(historyCard(active.framework, [], t, locale));

    // Start: the first role step of a new assessment, stored under an id of the bot's making.
    const first = await click(VERBS.assessmentStart, clickOf(VERBS.assessmentStart).payload);
    const choose = executeActionsOf(first).filter((a) => a.verb === VERBS.assessmentRole);
    expect(choose).toHaveLength(active.framework.levels.length);
    const { assessmentId } = PAYLOADS[VERBS.assessmentRole].parse(choose[0]!.data);
    expect(assessmentId).not.toBe(FORGED_ASSESSMENT_ID);
    const assessment = startAssessment(assessmentId, user.aadObjectId, active.framework, new Date());
    const firstCategory = active.framework.categories[0]!.id;
    const context = { framework: active.framework, assessment, progress: progressOf(assessment, active.framework), t, locale };
    expect(first).toEqual(roleStepCard(context, firstCategory));

    // Its buttons work with the real id (so "not found" above is about the id, not every click).
    const second = await click(VERBS.assessmentRole, clickPayload(choose[0]!.data, first));
    const secondCategory = active.framework.categories[1]!;
    expect(textOf(second)).toContain(t('assessment.role.heading', { category: secondCategory.name }));

    // Opening or starting again offers to continue that one; the history still has nothing finished.
    for (const verb of [VERBS.assessmentOpen, VERBS.assessmentStart]) {
      const again = await click(verb, {});
      const continues = executeActionsOf(again).filter((a) => a.verb === VERBS.assessmentContinue);
      expect({ verb, continues: continues.map((a) => a.data) }).toEqual({ verb, continues: [{ assessmentId }] });
    }
    expect(await click(VERBS.assessmentHistory, {})).toEqual(historyCard(active.framework, [], t, locale));
  });

  it('answers every button on every card with a card, never an error notice (or "not found" for an assessment nobody has)', async () => {
    expect(clicks.length).toBeGreaterThan(40);
    const user = freshUser();
    const failures: string[] = [];
    for (const { verb, payload } of clicks) {
      const forged = isAssessmentVerb(verb) && ASSESSMENT_CHECK[verb] === 'forgedId';
      const forgedApplication = isApplicationVerb(verb) && APPLICATION_CHECK[verb] === 'forgedId';
      const sent = forged
        ? { ...payload, assessmentId: FORGED_ASSESSMENT_ID }
        : forgedApplication
          ? { ...payload, applicationId: FORGED_APPLICATION_ID }
          : payload;
      const { status, body } = await clickAnswer(verb, sent, { user });
      const text = status === 200 ? textOf(body.value) : '';
      const expected = forged
        ? notFound('ja')
        : isApplicationVerb(verb)
          ? applicationAnswer(verb, 'ja')
          : isHrVerb(verb)
            ? hrOnly('ja')
            : undefined;
      const ok =
        status === 200 &&
        body.type === 'application/vnd.microsoft.card.adaptive' &&
        (expected === undefined || text.includes(expected)) &&
        (forged || !errorTexts.some((e) => text.includes(e)));
      if (!ok) failures.push(`${verb} ${JSON.stringify(sent)} → ${status} ${text.slice(0, 80)}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers an unregistered verb with the unknown-action notice (so the checks above can fail)', async () => {
    const { status, body } = await harness.click('framework.not-a-verb', {});
    expect(status).toBe(200);
    expect(textOf(body.value)).toContain(translator('ja')('error.unknownAction.body'));
  });
});
