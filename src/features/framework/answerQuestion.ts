import type { AdaptiveCard } from '../../cards/renderCard';
import { looksLikeQuestion } from '../../domain/framework/queryTerms';
import { findRuleAnswer } from '../../domain/framework/ruleAnswers';
import { search } from '../../domain/framework/search';
import type { Translate } from '../../i18n';
import type { ActiveFramework } from '../../storage/frameworkCatalog';
import { noAnswerCard, ruleAnswerCard } from './views/ruleAnswerView';
import { searchResultsCard } from './views/searchView';

/** How many hits a search considers; the card lists the best few and counts the rest. */
const SEARCH_LIMIT = 50;

/**
 * Answers a message from the framework alone (in memory: no storage call): a question about a rule with the rule's own
 * words, anything else with the items it names, best first; a question the framework does not answer says so and names
 * the office to ask. Undefined when the message is no question and names nothing, so the caller offers what it can.
 */
export function answerQuestion(active: ActiveFramework, text: string, t: Translate): AdaptiveCard | undefined {
  const { framework, searchIndex } = active;
  const rule = findRuleAnswer(framework, text);
  if (rule) return ruleAnswerCard(framework, rule, t);
  const hits = search(searchIndex, text, SEARCH_LIMIT);
  if (hits.length > 0) return searchResultsCard(text, hits, t);
  return looksLikeQuestion(text) ? noAnswerCard(framework, t) : undefined;
}
