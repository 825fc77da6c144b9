import type { AdaptiveCard } from '../../src/cards/renderCard';
import { answer } from '../../src/features/framework/answer';
import { hrMenuCard } from '../../src/features/hrMenu/views/hrMenuCard';
import type { Translate } from '../../src/i18n';
import type { ActiveFramework } from '../../src/storage/frameworkCatalog';
import { kunisakiLikeFramework } from './kunisakiLike';
import { mokaLikeFramework } from './mokaLike';

/**
 * HR's menu where people apply in a window (Kitakyushu), where tiers are certified by evaluations (Moka-like) and
 * where HR appoints (Kunisaki-like); and an HR officer's menu, the one with the way into HR's.
 */
export function hrMenuCards(active: ActiveFramework, t: Translate): { name: string; view: 'hrMenu' | 'menu'; card: AdaptiveCard }[] {
  return [
    { name: 'hr menu (application windows)', view: 'hrMenu', card: hrMenuCard(active.framework, t) },
    { name: 'hr menu (evaluations)', view: 'hrMenu', card: hrMenuCard(mokaLikeFramework(), t) },
    { name: 'hr menu (appointments)', view: 'hrMenu', card: hrMenuCard(kunisakiLikeFramework(), t) },
    { name: 'menu (an HR officer\'s)', view: 'menu', card: answer(active, { kind: 'menu' }, t, { offersHrMenu: true }) },
    { name: 'menu (a manager\'s)', view: 'menu', card: answer(active, { kind: 'menu' }, t, { offersTeam: true }) },
    { name: 'menu (a manager\'s, two applications waiting)', view: 'menu', card: answer(active, { kind: 'menu' }, t, { offersTeam: true, pendingApprovals: 2 }) },
  ];
}
