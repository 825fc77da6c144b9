import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { lastMomentOf, type ApplicationWindow } from '../../../domain/applications/applicationWindow';
import { trackName } from '../../applications/trackName';
import type { AssessmentResult } from '../../../domain/assessment/scoring';
import type { Framework } from '../../../domain/framework/framework';
import { programKinds, type Program } from '../../../domain/framework/schema';
import { lastTakenOn, nextSessionOf, recommendedPrograms } from '../../../domain/training/nextTrainings';
import type { TrainingRecord } from '../../../domain/training/trainingRecord';
import { inDateOrder, type TrainingSession } from '../../../domain/training/trainingSession';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';
import { tierLookOfLevel } from '../../framework/views/tierLook';
import { sessionLine } from '../../training/views/sessionLines';
import { gapLevels } from './gapLevels';

/** What the employee has taken and what is scheduled, to mark the recommended programs with. */
export interface TrainingsSoFar {
  readonly records: readonly TrainingRecord[];
  /** Sessions from `today` on. */
  readonly sessions: readonly TrainingSession[];
  /** Today in Japan, YYYY-MM-DD. */
  readonly today: string;
}

/**
 * A finished assessment, explained: where one stands, what to learn next (lowest levels first) and what helps: the
 * recommended programs, each one already taken marked with its day, and the next session of each one not taken.
 */
export function resultCard(
  framework: Framework,
  result: AssessmentResult,
  completedAt: string,
  openWindows: readonly ApplicationWindow[],
  t: Translate,
  locale: Locale,
  trainings: TrainingsSoFar,
): AdaptiveCard {
  const look = tierLookOfLevel(framework, result.overallRoleLevel, t);
  const join = (items: readonly string[]): string => items.join(locale === 'en' ? ', ' : '、');
  // Each bar is stacked up to the top level, so its length reads against the whole ladder, not the best category.
  const top = framework.highestLevel;
  const positions = framework.categories.map((c) => {
    const level = result.rolePositions[c.id] ?? 0;
    return {
      category: c.name,
      level,
      rest: top - level,
      legendNow: t('assessment.result.chartNow'),
      legendRest: t('assessment.result.chartRest', { top }),
      bar: '■'.repeat(level) + '□'.repeat(Math.max(0, top - level)),
    };
  });
  // A result keeps what it said; a skill the framework has dropped since is left out.
  const gaps = result.gaps.filter((gap) => framework.skill(gap.skillId) !== undefined);
  const firstSkill = gaps[0] && framework.skill(gaps[0].skillId);
  const recommended = recommendedPrograms(framework, result.programIds);
  const takenOn = (program: Program): string | undefined => lastTakenOn(trainings.records, program.id);
  const programs = programLines(framework, recommended, result.target, (p) => taken(takenOn(p), t, locale), t, join);
  const nextOfEach = recommended
    .filter((p) => takenOn(p) === undefined)
    .map((p) => nextSessionOf(trainings.sessions, p.id, trainings.today))
    .filter((s) => s !== undefined);
  const nextSessions = inDateOrder(nextOfEach).map((s) => sessionLine(s, framework, { t, locale }));
  const targetTitle = framework.level(result.target)?.title ?? '';
  const mindset = result.mindsetFocusItemIds
    .map((id) => framework.document.trainingFocusItems.find((f) => f.id === id)?.name)
    .filter((n): n is string => !!n);
  // A framework may name no required skills at all: then there is no skill level and no gap to speak of.
  const hasSkills = framework.hasRequiredSkills;
  return renderCard('assessmentResult', {
    hasSkills,
    tierStyle: look.style,
    tierLabel: look.label,
    positions,
    gapLevels: gapLevels(framework, gaps, t, join),
    nextStep: firstSkill ? t('assessment.result.nextStep', { level: firstSkill.level, skill: firstSkill.name }) : '',
    programs,
    nextSessions,
    howToJoin: howToJoin(framework, t),
    mindset: mindset.length > 0 ? t('assessment.result.mindset', { items: join(mindset) }) : '',
    window: openWindows.length > 0 ? windowNotice(framework, openWindows, t, locale) : '',
    labels: {
      title: t('assessment.result.title'),
      date: t('assessment.result.date', { date: formatDate(completedAt, locale) }),
      chartTitle: t('assessment.result.chartTitle'),
      roleLevel: t('assessment.result.roleLevel', { level: result.overallRoleLevel }),
      roleLevelHint: t('assessment.result.roleLevelHint'),
      skillLevel: !hasSkills
        ? ''
        : result.skillLevel > 0
          ? t('assessment.result.skillLevel', { level: result.skillLevel })
          : t('assessment.result.skillLevelNone'),
      target: t('assessment.result.target', { level: result.target, title: targetTitle }),
      notCertified: framework.rules.levelsCertified ? '' : t('assessment.result.notCertified'),
      gapsHeading: t('assessment.result.gapsHeading', { count: gaps.length }),
      gapsHint: t('assessment.result.gapsHint'),
      noGaps: t('assessment.result.noGaps'),
      programsHeading: t('assessment.result.programsHeading', { level: result.target }),
      nextSessionsHeading: t('assessment.result.nextSessionsHeading'),
      history: t('assessment.history'),
      retake: t('assessment.result.retake'),
      backToMenu: t('common.backToMenu'),
    },
  });
}

/** "Applications are open now": a pointer, never a requirement (required skills are not asked at application). */
function windowNotice(framework: Framework, windows: readonly ApplicationWindow[], t: Translate, locale: Locale): string {
  const tracks = windows.map((w) => trackName(framework, w.track, t)).join(locale === 'en' ? '/' : '・');
  const latest = windows.reduce((a, b) => (a.closesAt >= b.closesAt ? a : b));
  return t('assessment.result.window', { tiers: tracks, closes: formatDate(lastMomentOf(latest), locale) });
}

/**
 * Where to find out how to join: the yearly notice of the window's month and the framework's contact office when it
 * names one; without a window, the card that explains how one becomes certified there.
 */
function howToJoin(framework: Framework, t: Translate): string {
  const rules = framework.rules.applicationWindow;
  if (!rules) return t('assessment.result.howToJoinNoWindow', { menu: t('applications.noWindow.menu') });
  const contact = framework.document.contact;
  if (!contact) return t('assessment.result.howToJoinNoContact', { month: rules.month });
  const phone = contact.phone ? `（${contact.phone}）` : '';
  return t('assessment.result.howToJoin', { month: rules.month, contact: `${contact.office}${phone}` });
}

/** 「（受講済み：2026年6月1日）」 after a program taken, nothing after one not taken. */
function taken(day: string | undefined, t: Translate, locale: Locale): string {
  return day === undefined ? '' : t('assessment.result.taken', { date: formatDate(day, locale) });
}

/**
 * The programs that help towards the target, one line per kind ("OJT：…、…"), the tier's own training with its
 * description (or that of its part for the target's tier) first, each followed by `mark` (taken or not).
 */
function programLines(
  framework: Framework,
  programs: readonly Program[],
  target: number,
  mark: (program: Program) => string,
  t: Translate,
  join: (items: readonly string[]) => string,
): { text: string }[] {
  const tierFirst = ['tier-training' as const, ...programKinds.filter((k) => k !== 'tier-training')];
  return tierFirst.flatMap((kind) => {
    const ofKind = programs.filter((p) => p.kind === kind);
    if (ofKind.length === 0) return [];
    const names = ofKind.map((p) => (kind === 'tier-training' ? withDescription(framework, p, target) : p.name) + mark(p));
    return [{ text: `${t(`training.kind.${kind}`)}：${join(names)}` }];
  });
}

/** "DX人材育成プロジェクト（シルバー：…）": a tier's training with what it does for the target's tier. */
function withDescription(framework: Framework, program: Program, target: number): string {
  const parts = framework.partsFor(program, target).map((part) => (part.description ? `${part.name}：${part.description}` : part.name));
  const described = parts.length > 0 ? parts.join('、') : program.description;
  return described ? `${program.name}（${described}）` : program.name;
}
