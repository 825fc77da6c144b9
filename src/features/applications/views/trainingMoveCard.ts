import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import { MOVED_AT_ONCE, notTaken, type CandidatesByTrainings } from '../../../domain/training/trainingCandidates';
import type { Locale, Translate } from '../../../i18n';
import { formatDate } from '../../../i18n/formatDate';
import { noticeCard, type NoticeAction } from '../../notices';
import { trackName } from '../trackName';
import { programNames } from './trainingQuestion';

/** Candidates still missing a training that are named one by one; beyond this, counted. */
const NAMED_MISSING = 10;

/** What became of one listed application when HR confirmed. */
export type MoveOutcome = { readonly kind: 'moved' | 'already' | 'skipped'; readonly name?: string };

/**
 * The confirmation: every selected candidate the records move (name, department, tier, the days they took each required
 * training), their count and the button that moves exactly them; then those left and why (a training not recorded,
 * a track without required trainings, one's own application). Without anyone to move, no button.
 */
export function trainingMoveCard(
  framework: Framework,
  fiscalYear: number,
  sorted: CandidatesByTrainings,
  own: number,
  t: Translate,
  locale: Locale,
): AdaptiveCard {
  const listed = sorted.ready.slice(0, MOVED_AT_ONCE);
  const missingNamed = sorted.missing.slice(0, NAMED_MISSING);
  const notes = [
    sorted.ready.length > listed.length ? t('hr.trainings.capped', { max: MOVED_AT_ONCE, count: sorted.ready.length - listed.length }) : '',
    sorted.noneRequired.length > 0 ? t('hr.trainings.noneRequired', { count: sorted.noneRequired.length }) : '',
    own > 0 ? t('hr.trainings.own', { count: own }) : '',
  ].filter(Boolean);
  return renderCard('hrTrainingMove', {
    intro: listed.length > 0 ? t('hr.trainings.intro', { count: listed.length }) : t('hr.trainings.noneReady'),
    ready: listed.map(({ application: a, progress }) => ({
      name: a.applicant.name,
      department: `${a.applicant.department}・${a.applicant.grade}`,
      line: t('hr.trainings.readyLine', {
        tier: trackName(framework, a.track, t),
        trainings: progress.map((p) => t('hr.trainings.taken', { program: p.program.name, date: formatDate(p.takenOn!, locale) })).join(t('hr.trainings.separator')),
      }),
    })),
    missingHeading: sorted.missing.length > 0 ? t('hr.trainings.missing', { count: sorted.missing.length }) : '',
    missing: [
      ...missingNamed.map(({ application: a, progress }) =>
        t('hr.trainings.missingRow', { name: a.applicant.name, department: a.applicant.department, programs: programNames(notTaken(progress), t) }),
      ),
      ...(sorted.missing.length > missingNamed.length ? [t('hr.trainings.missingMore', { count: sorted.missing.length - missingNamed.length })] : []),
    ],
    notes,
    applicationIds: listed.map(({ application }) => application.id),
    labels: {
      title: t('hr.trainings.title', { fy: fiscalYear }),
      confirm: t('hr.trainings.confirm', { count: listed.length }),
      back: t('hr.detail.back'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** What the confirmation did: moved (and told), moved before (a second confirm moves nothing), or skipped and why. */
export function trainingMoveResultCard(outcomes: readonly MoveOutcome[], t: Translate, back: NoticeAction): AdaptiveCard {
  const of = (kind: MoveOutcome['kind']): MoveOutcome[] => outcomes.filter((o) => o.kind === kind);
  const [moved, already, skipped] = [of('moved'), of('already'), of('skipped')];
  const names = skipped.flatMap((o) => (o.name ? [o.name] : [])).join(t('hr.trainings.separator'));
  const lines =
    moved.length === 0 && skipped.length === 0
      ? [t('hr.trainings.done.nothing')]
      : [
          t('hr.trainings.done.moved', { count: moved.length }),
          already.length > 0 ? t('hr.trainings.done.already', { count: already.length }) : '',
          skipped.length > 0 ? t('hr.trainings.done.skipped', { count: skipped.length }) : '',
          names ? t('hr.trainings.done.skippedNames', { names }) : '',
        ].filter(Boolean);
  return noticeCard(t, t('hr.trainings.done.title'), lines.join('\n\n'), moved.length > 0 ? 'good' : 'warning', back);
}
