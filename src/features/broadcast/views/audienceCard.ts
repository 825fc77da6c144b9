import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { jstDateAndTime } from '../../../domain/applications/fiscalYear';
import type { Audience } from '../../../domain/broadcast/audience';
import type { Broadcast } from '../../../domain/broadcast/broadcast';
import type { MessageKey, Translate } from '../../../i18n';
import type { Program } from '../../../domain/framework/schema';
import { choiceValue, type AudienceChoices, type AudienceForm, type AudienceProblem } from '../audienceInput';
import { fiscalYearLabel } from '../noticeTemplate';

/**
 * Why the recipients cannot be taken as chosen: a refused form, a time that has passed, nobody to send to, a change,
 * or an Apply button that would be refused at the time chosen.
 */
export type AudienceNote = AudienceProblem | 'schedulePassed' | 'nobody' | 'changed' | 'refusedButtons';

const NOTES: Record<AudienceNote, MessageKey> = {
  departments: 'broadcast.invalid.departments',
  grades: 'broadcast.invalid.grades',
  unknownChoice: 'broadcast.invalid.unknownChoice',
  trainingProgram: 'broadcast.invalid.trainingProgram',
  trainingBy: 'broadcast.invalid.trainingBy',
  schedule: 'broadcast.invalid.schedule',
  schedulePassed: 'broadcast.invalid.schedulePassed',
  nobody: 'broadcast.invalid.nobody',
  changed: 'broadcast.invalid.changed',
  refusedButtons: 'broadcast.invalid.refusedButtons',
};

const KINDS: readonly Audience['kind'][] = ['everyone', 'departments', 'grades', 'notApplied', 'missingTraining'];

/** A date chosen without a time starts the send at the start of the working day. */
const DEFAULT_START_TIME = '09:00';

/**
 * Who gets the notice (everyone, departments, grades, those who have not applied yet, or this year's candidates who
 * have not taken a training by a day) and when. Shows the draft's choice, or after a refusal what HR chose and what
 * is wrong.
 */
export function audienceCard(
  draft: Broadcast,
  choices: AudienceChoices,
  t: Translate,
  refused?: { note: AudienceNote; form?: AudienceForm },
): AdaptiveCard {
  const shown = refused?.form ?? formOf(draft);
  const year = fiscalYearLabel(draft.notice.fiscalYear, t);
  const currentYear = fiscalYearLabel(choices.currentFiscalYear, t);
  return renderCard('broadcastAudience', {
    broadcastId: draft.id,
    noticeTitle: draft.notice.title,
    problem: refused ? t(NOTES[refused.note]) : '',
    kind: shown.audienceKind,
    kinds: KINDS.map((kind) => ({ title: t(`broadcast.audience.${kind}` as MessageKey, { year, currentYear }), value: kind })),
    departments: choices.departments.map((name) => ({ title: name, value: choiceValue(name) })),
    grades: choices.grades.map((name) => ({ title: name, value: choiceValue(name) })),
    programs: programChoices(choices.programs, t),
    chosenDepartments: shown.departments,
    chosenGrades: shown.grades,
    chosenProgram: shown.trainingProgram,
    trainingBy: shown.trainingBy,
    startDate: shown.startDate,
    startTime: shown.startTime,
    labels: {
      title: t('broadcast.audience.title'),
      kind: t('broadcast.audience.kind'),
      departments: t('broadcast.audience.departmentsLabel'),
      grades: t('broadcast.audience.gradesLabel'),
      program: t('broadcast.audience.programLabel'),
      trainingBy: t('broadcast.audience.trainingByLabel', { year: currentYear }),
      when: t('broadcast.audience.when'),
      next: t('broadcast.audience.next'),
      back: t('broadcast.audience.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** The draft's recipients and start time, as the card's inputs hold them. */
function formOf(draft: Broadcast): AudienceForm {
  const { audience } = draft;
  const start = draft.startAt ? jstDateAndTime(draft.startAt) : { date: '', time: DEFAULT_START_TIME };
  return {
    audienceKind: audience.kind,
    departments: audience.kind === 'departments' ? audience.departments.map(choiceValue).join(',') : '',
    grades: audience.kind === 'grades' ? audience.grades.map(choiceValue).join(',') : '',
    trainingProgram: audience.kind === 'missingTraining' ? audience.programId : '',
    trainingBy: audience.kind === 'missingTraining' ? audience.by : '',
    startDate: start.date,
    startTime: start.time,
  };
}

/** The programs to remind of: those required of a tier first (必須研修, saying of which), then the others, each in the framework's order. */
function programChoices(programs: readonly Program[], t: Translate): { title: string; value: string }[] {
  const required = programs.filter((p) => p.requiredFor.length > 0);
  const others = programs.filter((p) => p.requiredFor.length === 0);
  return [
    ...required.map((p) => ({ title: t('broadcast.audience.requiredProgram', { program: p.name }), value: p.id })),
    ...others.map((p) => ({ title: p.name, value: p.id })),
  ];
}
