import type { AdaptiveCard } from '../../src/cards/renderCard';
import { act, submitApplication, type Actor, type Application, type ApplicationAction } from '../../src/domain/applications/application';
import { nextWindow, tracksOf } from '../../src/domain/applications/applicationWindow';
import type { Framework } from '../../src/domain/framework/framework';
import { sortByTrainings, trainingsOf } from '../../src/domain/training/trainingCandidates';
import type { TrainingRecord } from '../../src/domain/training/trainingRecord';
import { applicationsHomeCard } from '../../src/features/applications/views/homeCard';
import { hrDetailCard } from '../../src/features/applications/views/hrCards';
import { completeTrainingQuestionCard } from '../../src/features/applications/views/trainingQuestion';
import { trainingMoveCard, trainingMoveResultCard } from '../../src/features/applications/views/trainingMoveCard';
import { noticeCard } from '../../src/features/notices';
import { VERBS } from '../../src/features/verbs';
import type { Locale, Translate } from '../../src/i18n';
import { mokaLikeFramework } from './mokaLike';

type View = 'hrTrainingMove' | 'hrApplication' | 'applicationsHome' | 'notice';

const HR: Actor = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: '到津 由美', isHr: true };
const MANAGER: Actor = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', name: '門司 花子', isHr: false };
const NAMES = ['北九 太郎', '八幡 次郎', '戸畑 健二', '小倉 美香', '折尾 幸', '門司 健'];
const SELECTED_ON = new Date('2026-07-15T01:00:00.000Z');

/** The `n`th candidate's application for `track` in fiscal 2026, taken by its manager and HR up to `until`. */
function candidate(n: number, track: string, until: ApplicationAction = 'select'): Application {
  const aadObjectId = `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
  let application = submitApplication(
    {
      frameworkId: 'kitakyushu',
      fiscalYear: 2026,
      track,
      applicant: { aadObjectId, name: NAMES[n % NAMES.length]!, employeeNo: `E${n}`, department: n % 2 ? '市民局' : '建設局', grade: '主任' },
      approver: { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name },
      motivation: '窓口のオンライン化を進めたいです。',
    },
    new Date('2026-06-05T01:00:00.000Z'),
  );
  for (const [actor, action] of [[MANAGER, 'approve'], [HR, 'select'], [HR, 'completeTraining']] as const) {
    const outcome = act(application, actor, action, SELECTED_ON);
    if (!outcome.ok) throw new Error(outcome.refusal);
    application = outcome.application;
    if (action === until) break;
  }
  return application;
}

const took = (application: Application, date: string): TrainingRecord => ({
  employeeNo: application.applicant.employeeNo,
  programId: 'dx-talent-project',
  date,
  status: 'completed',
});

/**
 * Candidates' required trainings on their cards and HR's, the confirmation of HR's move from the records (some ready,
 * some not and why; more than one confirmation moves; nobody), its outcomes, the question of the per-application
 * button, and a framework that requires no training of a tier.
 */
export function trainingMoveCards(framework: Framework, t: Translate, locale: Locale): { name: string; view: View; card: AdaptiveCard }[] {
  const cards: { name: string; view: View; card: AdaptiveCard }[] = [];
  const add = (name: string, view: View, card: AdaptiveCard): void => void cards.push({ name, view, card });

  const ready = [candidate(1, 'silver'), candidate(2, 'gold')];
  const missing = [candidate(3, 'silver'), candidate(4, 'gold')];
  const professional = candidate(5, 'professional');
  const records = new Map(ready.map((a, i) => [a.applicant.employeeNo, [took(a, `2026-0${8 + i}-0${1 + i}`)]]));
  const recordsOf = (employeeNo: string): TrainingRecord[] => records.get(employeeNo) ?? [];
  const sorted = sortByTrainings(framework, [...ready, ...missing, professional], recordsOf);
  add('training move (two ready, two missing a training, one professional, HR\'s own)', 'hrTrainingMove', trainingMoveCard(framework, 2026, sorted, 1, t, locale));
  const many = Array.from({ length: 60 }, (_, i) => candidate(100 + i, 'silver'));
  const manyRecords = many.map((a) => took(a, '2026-09-01'));
  const allReady = sortByTrainings(framework, many, (no) => manyRecords.filter((r) => r.employeeNo === no));
  add('training move (more than one confirmation moves)', 'hrTrainingMove', trainingMoveCard(framework, 2026, allReady, 0, t, locale));
  add('training move (nobody ready)', 'hrTrainingMove', trainingMoveCard(framework, 2026, sortByTrainings(framework, missing, () => []), 0, t, locale));

  const back = { title: t('hr.detail.back'), verb: VERBS.hrApplications, data: {} };
  add('training move done (two moved, one moved before, one skipped)', 'notice', trainingMoveResultCard(
    [{ kind: 'moved', name: NAMES[1] }, { kind: 'moved', name: NAMES[2] }, { kind: 'already', name: NAMES[3] }, { kind: 'skipped', name: NAMES[4] }],
    t,
    back,
  ));
  add('training move done (confirmed twice: nothing moved)', 'notice', trainingMoveResultCard([{ kind: 'already' }, { kind: 'already' }], t, back));
  add('training move (a framework without required trainings)', 'notice', noticeCard(t, t('hr.trainings.open'), t('hr.trainings.noneInFramework'), 'default', back));
  add('complete training question (the records lack the tier project)', 'notice', completeTrainingQuestionCard(missing[0]!, [framework.program('dx-talent-project')!], t));

  const trainings = (a: Application): ReturnType<typeof trainingsOf> => trainingsOf(framework, a, recordsOf(a.applicant.employeeNo));
  add('hr application (selected, the tier project taken)', 'hrApplication', hrDetailCard(framework, ready[0]!, HR.aadObjectId, t, locale, { trainings: trainings(ready[0]!) }));
  add('hr application (selected, the tier project not taken)', 'hrApplication', hrDetailCard(framework, missing[0]!, HR.aadObjectId, t, locale, { trainings: trainings(missing[0]!) }));
  const now = new Date('2026-08-20T01:00:00.000Z');
  const tracks = tracksOf(framework).map((track) => {
    const mine = [ready[0]!, professional].find((a) => a.track === track);
    return { track, next: nextWindow(framework, track, [], now), mine, trainings: mine && trainings(mine) };
  });
  add('home (Silver selected with the tier project taken, professional selected)', 'applicationsHome', applicationsHomeCard(framework, tracks, t, locale));
  add('home (a framework without required trainings)', 'applicationsHome', applicationsHomeCard(mokaLikeFramework(), [], t, locale));
  return cards;
}
