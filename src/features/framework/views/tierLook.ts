import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';

/** How a tier looks on a card: a medal and a container style, from the top tier down (gold, silver, bronze). */
export interface TierLook {
  readonly medal: string;
  readonly style: 'warning' | 'emphasis' | 'accent' | 'default';
  /** e.g. "🥈 シルバー（DX変革リーダー）" */
  readonly label: string;
}

// Adaptive Cards have no metal colours: amber for gold, grey for silver, and accent rather than the red
// "attention" style for bronze, which would read as an error. The medal carries the tier's meaning.
const LOOKS_FROM_TOP = [
  { medal: '🥇', style: 'warning' },
  { medal: '🥈', style: 'emphasis' },
  { medal: '🥉', style: 'accent' },
] as const;

/** The look of the tier a level belongs to. Tiers are ranked by the highest level they contain. */
export function tierLookOfLevel(framework: Framework, level: number, t: Translate): TierLook {
  const tierId = framework.level(level)?.tier;
  const tier = tierId ? framework.tier(tierId) : undefined;
  const tiersFromTop = [...new Set([...framework.levels].reverse().map((l) => l.tier))];
  const look = LOOKS_FROM_TOP[tiersFromTop.indexOf(tierId ?? '')] ?? { medal: '🎖', style: 'default' as const };
  return {
    medal: look.medal,
    style: look.style,
    label: !tier
      ? ''
      : tier.audience
        ? t('common.tier', { medal: look.medal, tier: tier.name, audience: tier.audience })
        : t('common.tierNoAudience', { medal: look.medal, tier: tier.name }),
  };
}
