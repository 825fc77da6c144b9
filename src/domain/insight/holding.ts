import type { Framework } from '../framework/framework';
import { certifiedTiers } from './targets';

/**
 * How people come to hold a framework's tiers, which decides the KPI's words: certified (after an application or an
 * evaluation, 認定), appointed by HR (任命), or some tiers one way and some the other.
 */
export type TierHolding = 'certified' | 'appointed' | 'certifiedOrAppointed';

/** From the framework's rules: the tiers its appointment rules name are appointed to, the others certified. */
export function tierHolding(framework: Framework): TierHolding {
  const appointed = new Set(framework.rules.appointment?.tiers ?? []);
  const tiers = certifiedTiers(framework);
  const appointedTiers = tiers.filter((id) => appointed.has(id)).length;
  if (appointedTiers === 0) return 'certified';
  return appointedTiers === tiers.length ? 'appointed' : 'certifiedOrAppointed';
}
