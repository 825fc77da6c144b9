import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Translate } from '../i18n';
import type { ActiveFramework, FrameworkCatalog } from '../storage/frameworkCatalog';
import { catalogNotice } from './notices';

const ACTIVE_FRAMEWORK = Symbol('activeFramework');

/**
 * The active framework for this turn: asked of the catalog once per turn and kept in the turn's state, so the router
 * that understands a message and the feature that answers it cost the storage of one look, not two.
 */
export async function activeFrameworkOf(context: TurnContext, catalog: FrameworkCatalog): Promise<ActiveFramework | undefined> {
  const kept = context.turnState.get<ActiveFramework | undefined>(ACTIVE_FRAMEWORK);
  if (kept) return kept;
  const active = await catalog.current();
  context.turnState.set(ACTIVE_FRAMEWORK, active);
  return active;
}

/** Runs `use` with the active framework, or answers "not ready yet" when none was imported. */
export async function withActiveFramework<T = AdaptiveCard>(
  context: TurnContext,
  catalog: FrameworkCatalog,
  t: Translate,
  use: (active: ActiveFramework) => T | Promise<T>,
): Promise<T | AdaptiveCard> {
  const active = await activeFrameworkOf(context, catalog);
  if (!active) return catalogNotice(t, 'error.noFramework.title', 'error.noFramework.body');
  return use(active);
}
