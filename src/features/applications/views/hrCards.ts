import { formatDate, formatDateTime } from '../../../i18n/formatDate';
import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { awaitsEligibility, type Application, type ApplicationState } from '../../../domain/applications/application';
import { isWindowOpen, type ApplicationWindow } from '../../../domain/applications/applicationWindow';
import { jstDateAndTime } from '../../../domain/applications/fiscalYear';
import type { Framework } from '../../../domain/framework/framework';
import type { Locale, MessageKey, Translate } from '../../../i18n';
import type { ApplicationFilter } from '../../../storage/applicationRepository';
import type { RequiredTrainingProgress } from '../../../domain/training/requiredTrainings';
import { hasRequiredTrainings } from '../../../domain/training/trainingCandidates';
import { trackName } from '../trackName';
import { NO_TRAINING_SECTION, requiredTrainingSection } from './requiredTrainingLines';
import { assessmentLine, gradeCheckText, stateLabel } from './describe';

/** The states HR filters by, in the order an application moves through them. */
export const STATES: readonly ApplicationState[] = [
  'submitted',
  'approved',
  'selected',
  'trainingCompleted',
  'certified',
  'rejected',
  'notSelected',
  'withdrawn',
];

/** HR's next steps from each state. */
const NEXT_STEPS: Partial<Record<ApplicationState, readonly ('select' | 'notSelect' | 'completeTraining' | 'certify')[]>> = {
  approved: ['select', 'notSelect'],
  selected: ['completeTraining'],
  trainingCompleted: ['certify'],
};

/**
 * The windows form after HR acted on one track: what happened there (saved, closed, or refused and why), and the
 * dates as they were typed into the form (every track's inputs come with a click), so nothing typed is lost.
 */
export interface WindowsFormState {
  readonly note: { readonly track: string; readonly text: string; readonly style: 'good' | 'warning' };
  readonly typed: Readonly<Record<string, unknown>>;
}

/**
 * Each track's window of a fiscal year (stored, or the rules' default) with inputs to change it. After an action on
 * one track, that track says what happened, and shows its stored dates when they were saved; every other input keeps
 * what was typed in it.
 */
export function hrWindowsCard(
  framework: Framework,
  fiscalYear: number,
  windows: readonly { window: ApplicationWindow; stored: boolean }[],
  now: Date,
  t: Translate,
  locale: Locale,
  form?: WindowsFormState,
): AdaptiveCard {
  // A track the form does not have (an old or forged card) has no place of its own to say what happened.
  const elsewhere = form && !windows.some(({ window }) => window.track === form.note.track);
  return renderCard('hrWindows', {
    banner: elsewhere ? { text: form.note.text, style: form.note.style } : '',
    tracks: windows.map(({ window, stored }) => {
      const acted = form?.note.track === window.track;
      const showStored = acted && form.note.style === 'good';
      const typedOr = (id: string, value: string): string => {
        const typed = form?.typed[id];
        return !showStored && typeof typed === 'string' ? typed : value;
      };
      const opens = jstDateAndTime(window.opensAt);
      const closes = jstDateAndTime(window.closesAt);
      const open = stored && isWindowOpen(window, now);
      return {
        track: window.track,
        fiscalYear,
        name: trackName(framework, window.track, t),
        status: open
          ? t('hr.windows.status.open')
          : stored
            ? t('hr.windows.status.set')
            : t('hr.windows.status.planned', { opens: formatDate(window.opensAt, locale) }),
        isOpen: open,
        note: acted ? { text: form.note.text, style: form.note.style } : '',
        opensDateId: `opensDate_${window.track}`,
        opensTimeId: `opensTime_${window.track}`,
        closesDateId: `closesDate_${window.track}`,
        closesTimeId: `closesTime_${window.track}`,
        opensDate: typedOr(`opensDate_${window.track}`, opens.date),
        opensTime: typedOr(`opensTime_${window.track}`, opens.time),
        closesDate: typedOr(`closesDate_${window.track}`, closes.date),
        closesTime: typedOr(`closesTime_${window.track}`, closes.time),
        opensLabel: t('hr.windows.opens'),
        closesLabel: t('hr.windows.closes'),
        saveLabel: t('hr.windows.save'),
        closeLabel: t('hr.windows.closeNow'),
      };
    }),
    labels: {
      title: t('hr.windows.title', { fy: fiscalYear }),
      // Without a window in the rules there is nothing to open: the card says so instead of showing no tracks.
      hint: framework.rules.applicationWindow ? t('hr.windows.hint') : t('applications.noWindow.hr', { framework: framework.document.name }),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** A year's applications, filtered, each opening its detail. */
export function hrListCard(
  framework: Framework,
  fiscalYear: number,
  tracks: readonly string[],
  filter: ApplicationFilter,
  applications: readonly Application[],
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  // A choice needs a value: "any" stands for no filter (the flow ignores what it does not know).
  const any = { title: t('hr.list.any'), value: 'any' };
  return renderCard('hrApplications', {
    filter: { state: filter.state ?? 'any', track: filter.track ?? 'any', department: filter.department ?? '' },
    states: [any, ...STATES.map((s) => ({ title: t(`applications.state.${s}` as MessageKey), value: s }))],
    trackChoices: [any, ...tracks.map((track) => ({ title: trackName(framework, track, t), value: track }))],
    rows: applications.map((a) => ({
      applicationId: a.id,
      name: a.applicant.name,
      department: a.applicant.department,
      grade: a.applicant.grade,
      line: t('hr.list.row', { track: trackName(framework, a.track, t), state: stateLabel(a, t), date: formatDate(a.updatedAt, locale) }),
    })),
    labels: {
      title: t('hr.list.title', { fy: fiscalYear }),
      state: t('hr.list.filterState'),
      track: t('hr.list.filterTrack'),
      department: t('hr.list.filterDepartment'),
      search: t('hr.list.search'),
      count: t('hr.list.count', { count: applications.length }),
      empty: t('hr.list.empty'),
      // Only where some tier requires trainings: elsewhere the records never move anyone.
      trainingMove: hasRequiredTrainings(framework) ? t('hr.trainings.open') : '',
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** What HR's card of an application shows beyond the application itself. */
export interface DetailExtras {
  /** The approval request waits for the approver to open the bot. */
  readonly requestKept?: boolean;
  /** The required trainings of the application's tier, as the applicant's records show them. */
  readonly trainings?: readonly RequiredTrainingProgress[];
}

/**
 * One application for HR: its facts, whether the approval request reached the approver, the required trainings and
 * which are recorded as taken, the grade check of a professional-track application (and the way to overrule it), its
 * whole audit trail (who decided each step), and the next steps its state allows.
 */
export function hrDetailCard(
  framework: Framework,
  application: Application,
  viewerId: string,
  t: Translate,
  locale: Locale,
  { requestKept = false, trainings }: DetailExtras = {},
): AdaptiveCard {
  const a = application;
  const pending = a.state === 'submitted';
  // HR never acts on their own application: the steps are not offered to its applicant.
  const own = a.applicant.aadObjectId === viewerId;
  return renderCard('hrApplication', {
    applicationId: a.id,
    department: `${a.applicant.department}・${a.applicant.grade}`,
    state: stateLabel(a, t),
    approver: a.approver.name,
    assessment: a.assessment ? assessmentLine(framework, a.assessment, t, locale) : t('approval.noAssessment'),
    motivation: a.motivation,
    ...(trainings ? requiredTrainingSection(framework, a.track, trainings, t, locale) : NO_TRAINING_SECTION),
    trail: a.trail.map((e) => {
      const state = (s: ApplicationState | undefined): string => (s ? t(`applications.state.${s}` as MessageKey) : '—');
      const at = formatDateTime(e.at, locale);
      const action = t(`trail.${e.action}` as MessageKey);
      const line =
        e.action === 'reassign' && e.approverName
          ? t('hr.detail.reassignLine', { at, by: e.byName, from: e.previousApproverName ?? '—', to: e.approverName })
          : e.from === e.to
            ? t('hr.detail.decisionLine', { at, by: e.byName, action })
            : t('hr.detail.trailLine', { at, by: e.byName, action, from: state(e.from), to: state(e.to) });
      return e.comment ? `${line}（${e.comment}）` : line;
    }),
    actions: own ? [] : (NEXT_STEPS[a.state] ?? []).map((action) => ({ applicationId: a.id, action, title: t(`hr.action.${action}` as MessageKey) })),
    canReassign: !own && pending,
    gradeLine: gradeLine(framework, a, t, locale),
    canOverrideEligibility: !own && awaitsEligibility(a) && (pending || a.state === 'approved'),
    requestLine: pending ? t(requestKept ? 'hr.detail.requestKept' : 'hr.detail.requestReached', { approver: a.approver.name }) : '',
    requestKept: pending && requestKept,
    labels: {
      title: t('hr.detail.title', { name: a.applicant.name, track: trackName(framework, a.track, t) }),
      department: t('approval.department'),
      state: t('approval.state'),
      approver: t('applications.confirm.approver'),
      assessment: t('approval.assessment'),
      motivation: t('approval.motivation'),
      trail: t('hr.detail.trail'),
      reassignLabel: t('hr.detail.reassignLabel'),
      eligibilityLabel: t('hr.detail.eligibilityLabel'),
      eligibility: t('hr.detail.eligibility'),
      reassign: t('hr.detail.reassign'),
      resend: t('hr.detail.resend'),
      back: t('hr.detail.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/**
 * What the grade check says of a professional-track application: the roster's grade and the requirement while it
 * stands, who overruled it once HR has; '' for an application the roster's grade did not put in question.
 */
function gradeLine(framework: Framework, application: Application, t: Translate, locale: Locale): string {
  if (!application.gradeCheck) return '';
  const overruled = application.trail.find((e) => e.action === 'overrideEligibility');
  if (overruled) return t('applications.gradeCheck.overruled', { by: overruled.byName, at: formatDateTime(overruled.at, locale) });
  return gradeCheckText(framework, application.gradeCheck, application.applicant.grade, 'hr', t);
}
