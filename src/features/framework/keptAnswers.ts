import { BoundedMap } from '../../boundedMap';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { Framework } from '../../domain/framework/framework';

/**
 * Answers kept for each framework version: enough for every level, skill and training card in both languages, and
 * the questions asked most lately.
 */
const KEPT_PER_VERSION = 512;

/**
 * The framework's answers, kept by version. An answer is a function of the version, the request, the reader's language
 * and their menu (nothing else: no date, no name), and expanding its card from the template is most of a browsing
 * turn's work (a level's card, about 2 ms). A new version keeps answers of its own, and the old ones go with it.
 */
const kept = new WeakMap<Framework, BoundedMap<string, AdaptiveCard>>();

/** The answer `key` names for this version, built once; kept frozen, since every reader of it shares it. */
export function keptAnswer(framework: Framework, key: string, build: () => AdaptiveCard): AdaptiveCard {
  let answers = kept.get(framework);
  if (!answers) kept.set(framework, (answers = new BoundedMap(KEPT_PER_VERSION)));
  let card = answers.get(key);
  if (!card) answers.set(key, (card = deepFreeze(build())));
  return card;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
