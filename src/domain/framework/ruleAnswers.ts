import type { Framework } from './framework';
import { bigrams } from './queryTerms';
import type { FrameworkDocument, RuleTopic } from './schema';

/** What a question about the rules is answered with: the framework's own words, and the rule they come from. */
export interface RuleAnswer {
  readonly topic: RuleTopic;
  /** Quoted as they stand in the framework; never empty (validateFramework refuses a question without an answer). */
  readonly quotes: readonly string[];
}

/** A question counts as asked when the message carries this share of one of its phrasings' two-character pieces. */
const MIN_COVERAGE = 0.75;

/**
 * The rule a message asks about, by the phrasings the framework lists for each rule (`rules.questions`), or undefined.
 * Of several that match, the one whose phrasing the message carries most of wins: 「応募に必須スキルは必要？」 is
 * about skills at application, not about applying.
 */
export function findRuleAnswer(framework: Framework, message: string): RuleAnswer | undefined {
  const said = bigrams(message);
  let best: { topic: RuleTopic; matched: number } | undefined;
  for (const entry of framework.document.rules.questions) {
    for (const question of entry.questions) {
      const wanted = bigrams(question);
      const matched = [...wanted].filter((piece) => said.has(piece)).length;
      if (wanted.size === 0 || matched / wanted.size < MIN_COVERAGE) continue;
      if (!best || matched > best.matched) best = { topic: entry.topic, matched };
    }
  }
  return best && { topic: best.topic, quotes: quotesFor(framework, best.topic) };
}

/** The framework's text on a rule: the `answer` a city wrote for it, else the rule's own text. */
function quotesFor(framework: Framework, topic: RuleTopic): string[] {
  const written = framework.document.rules.questions.find((q) => q.topic === topic && q.answer)?.answer;
  return written ? [written] : ruleText(framework.document, topic);
}

/** The text a rule carries of its own, quoted as it stands; empty for the rules that are a mere yes or no. */
export function ruleText(document: FrameworkDocument, topic: RuleTopic): string[] {
  const { rules, tiers } = document;
  switch (topic) {
    case 'tiers':
      return tiers.map((tier) => [tier.name, tier.audience, tier.criteria].filter(Boolean).join('：'));
    case 'levelsCertified':
    case 'requiredSkillsAtApplication':
      return [];
    default:
      return rules[topic] ? [rules[topic].text] : [];
  }
}
