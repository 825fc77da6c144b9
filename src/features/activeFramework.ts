import type { AdaptiveCard } from '../cards/renderCard';
import type { Translate } from '../i18n';
import type { ActiveFramework, FrameworkCatalog } from '../storage/frameworkCatalog';
import { catalogNotice } from './notices';

/** Runs `use` with the active framework, or answers "not ready yet" when none was imported. */
export async function withActiveFramework<T = AdaptiveCard>(
  catalog: FrameworkCatalog,
  t: Translate,
  use: (active: ActiveFramework) => T | Promise<T>,
): Promise<T | AdaptiveCard> {
  const active = await catalog.current();
  if (!active) return catalogNotice(t, 'error.noFramework.title', 'error.noFramework.body');
  return use(active);
}
