import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { tierNames, trackName } from '../../applications/trackName';

/** How the menu differs per user: only an HR officer's leads to the HR menu, only a manager's to their team. */
export interface MenuOptions {
  readonly offersHrMenu?: boolean;
  readonly offersTeam?: boolean;
  /** Applications waiting for the reader's approval: the menu leads to them when there are any. */
  readonly pendingApprovals?: number;
}

/**
 * The menu: the ways into the framework, one's own training record, and a search box. Recommended skills are offered only when the framework
 * has some, and applying is named after the tiers one applies for, or is "how certification works" without a window.
 * An HR officer also gets the way into the HR menu, and a manager the way to their team's self-assessments; everyone
 * else's menu is the same card without them.
 */
export function menuCard(framework: Framework, t: Translate, { offersHrMenu = false, offersTeam = false, pendingApprovals = 0 }: MenuOptions = {}): AdaptiveCard {
  const window = framework.rules.applicationWindow;
  return renderCard('menu', {
    frameworkName: framework.document.name,
    hasRecommended: framework.recommendedSkillGroups.length > 0,
    offersHrMenu,
    offersTeam,
    offersInbox: pendingApprovals > 0,
    labels: {
      title: t('menu.title'),
      intro: t('menu.intro'),
      ladder: t('menu.ladder', { count: framework.levels.length }),
      recommended: t('menu.recommended'),
      training: t('menu.training'),
      assessment: t('menu.assessment'),
      trainingRecord: t('training.record.title'),
      applications: window ? t('menu.applications', { tracks: tierNames(framework, window.tiers, t) }) : t('applications.noWindow.menu'),
      team: t('team.menuButton'),
      hrMenu: t('hrMenu.menuButton'),
      inbox: t('approvals.inbox.menuButton', { count: pendingApprovals }),
      searchLabel: t('menu.searchLabel'),
      searchPlaceholder: t('menu.searchPlaceholder'),
      searchButton: t('menu.searchButton'),
      commandsHint: t('menu.commandsHint', { examples: plainExamples(framework, t) }),
    },
  });
}

/** What one may type, in plain words: applying (and approving) only where the city has an application window. */
function plainExamples(framework: Framework, t: Translate): string {
  const firstTrack = framework.rules.applicationWindow?.tiers[0];
  return [
    t('menu.example.assessment'),
    firstTrack ? t('menu.example.apply', { track: trackName(framework, firstTrack, t) }) : '',
    t('menu.example.training'),
  ].join('');
}
