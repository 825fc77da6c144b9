import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import { lastMomentOf, type ApplicationWindow } from '../../../domain/applications/applicationWindow';
import { trackName } from '../../applications/trackName';
import type { AssessmentResult } from '../../../domain/assessment/scoring';
import type { Framework } from '../../../domain/framework/framework';
import { programKinds, type Program } from '../../../domain/framework/schema';
import { formatDate } from '../../../i18n/formatDate';
import type { Locale, Translate } from '../../../i18n';
import { tierLookOfLevel } from '../../framework/views/tierLook';
import { gapLevels } from './gapLevels';

/** A finished assessment, explained: where one stands, what to learn next (lowest levels first) and what helps. */
export function resultCard(
  framework: Framework,
  result: AssessmentResult,
  completedAt: string,
  openWindows: readonly ApplicationWindow[],
  t: Translate,
  locale: Locale,
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
  const programs = programLines(framework, result.programIds, result.target, t, join);
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

/**
 * The programs that help towards the target, one line per kind ("OJT：…、…"), the tier's own training with its
 * description (or that of its part for the target's tier) first. Career-stage trainings (new hires, new managers)
 * depend on one's post, not on the target: left out.
 */
function programLines(
  framework: Framework,
  programIds: readonly string[],
  target: number,
  t: Translate,
  join: (items: readonly string[]) => string,
): { text: string }[] {
  const programs = programIds
    .map((id) => framework.document.programs.find((p) => p.id === id))
    .filter((p) => p !== undefined && p.kind !== 'hierarchical-training');
  const tierFirst = ['tier-training' as const, ...programKinds.filter((k) => k !== 'tier-training')];
  return tierFirst.flatMap((kind) => {
    const ofKind = programs.filter((p) => p!.kind === kind);
    if (ofKind.length === 0) return [];
    const names = ofKind.map((p) => (kind === 'tier-training' ? withDescription(framework, p!, target) : p!.name));
    return [{ text: `${t(`training.kind.${kind}`)}：${join(names)}` }];
  });
}

/** "DX人材育成プロジェクト（シルバー：…）": a tier's training with what it does for the target's tier. */
function withDescription(framework: Framework, program: Program, target: number): string {
  const parts = framework.partsFor(program, target).map((part) => (part.description ? `${part.name}：${part.description}` : part.name));
  const described = parts.length > 0 ? parts.join('、') : program.description;
  return described ? `${program.name}（${described}）` : program.name;
}
