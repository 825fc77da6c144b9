import type { AdaptiveCard } from '../../cards/renderCard';
import { looksLikeQuestion } from '../../domain/framework/queryTerms';
import { findRuleAnswer } from '../../domain/framework/ruleAnswers';
import { search } from '../../domain/framework/search';
import type { Translate } from '../../i18n';
import type { ActiveFramework } from '../../storage/frameworkCatalog';
import { noAnswerCard, ruleAnswerCard } from './views/ruleAnswerView';
import { levelCard } from './views/levelView';
import { searchResultsCard } from './views/searchView';

/** How many hits a search considers; the card lists the best few and counts the rest. */
const SEARCH_LIMIT = 50;

/** A level named in a question (「Lv4になるには？」「レベル３に必要なことは」), after width folding. */
const LEVEL_ASKED = /(?:lv|level|レベル)\.?\s*(\d{1,2})(?!\d)/iu;

/**
 * Answers a message from the framework alone (in memory: no storage call): a question about a rule with the rule's own
 * words, a question about a level with its card, anything else with the items it names, best first; a question the framework does not answer says so and names
 * the office to ask. Undefined when the message is no question and names nothing, so the caller offers what it can.
 */
export function answerQuestion(active: ActiveFramework, text: string, t: Translate): AdaptiveCard | undefined {
  const { framework, searchIndex } = active;
  const rule = findRuleAnswer(framework, text);
  if (rule) return ruleAnswerCard(framework, rule, t);
  // How to reach a level is what its card says: the role expected there and the skills it requires.
  const level = Number(LEVEL_ASKED.exec(text.normalize('NFKC'))?.[1]);
  if (framework.level(level)) return levelCard(framework, level, t);
  const hits = search(searchIndex, text, SEARCH_LIMIT);
  if (hits.length > 0) return searchResultsCard(text, hits, t);
  return looksLikeQuestion(text) ? noAnswerCard(framework, t) : undefined;
}
