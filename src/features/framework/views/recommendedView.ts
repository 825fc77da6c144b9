import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { noticeCard } from '../../notices';
import { VERBS } from '../../verbs';
import { backToResults, type FromSearch } from './fromSearch';

/**
 * The recommended skills, group by group, under the framework's own word on them, with what it says a skill means.
 * A framework without recommended skills gets a notice saying so rather than an empty card. Opened from a search
 * result, the card leads back to it.
 */
export function recommendedSkillsCard(framework: Framework, t: Translate, from?: FromSearch): AdaptiveCard {
  if (framework.recommendedSkillGroups.length === 0) {
    return noticeCard(t, t('recommended.title'), t('recommended.none', { framework: framework.document.name }), 'default', {
      title: t('common.ladder'),
      verb: VERBS.ladder,
      data: {},
    });
  }
  const groups = framework.recommendedSkillGroups.map((g) => ({
    name: g.name,
    count: g.skills.length,
    skills: g.skills.map((s) => s.name).join('、'),
    notes: g.skills.flatMap((s) => (s.note ? [{ text: t('recommended.skillNote', { skill: s.name, note: s.note }) }] : [])),
  }));
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return renderCard('recommendedSkills', {
    groups,
    note: framework.document.skillNotes?.recommended ?? '',
    backToResults: backToResults(from, t),
    labels: {
      title: t('recommended.title'),
      intro: t('recommended.intro', { count: total }),
      ladder: t('common.ladder'),
      backToMenu: t('common.backToMenu'),
    },
  });
}
