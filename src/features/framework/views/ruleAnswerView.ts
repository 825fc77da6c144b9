import type { AdaptiveCard } from '../../../cards/renderCard';
import type { Framework } from '../../../domain/framework/framework';
import type { RuleAnswer } from '../../../domain/framework/ruleAnswers';
import type { RuleTopic } from '../../../domain/framework/schema';
import type { Translate } from '../../../i18n';
import { noticeCard, type NoticeAction } from '../../notices';
import { VERBS } from '../../verbs';

/** Rules whose answer leads on to applying, where the city has people apply. */
const LEADS_TO_APPLYING: ReadonlySet<RuleTopic> = new Set(['applicationWindow', 'requiredSkillsAtApplication', 'professionalTrack']);
/** Rules whose answer leads on to the levels and tiers. */
const LEADS_TO_LADDER: ReadonlySet<RuleTopic> = new Set(['levelsCertified', 'tiers', 'digitalExpert', 'evaluation', 'appointment']);

/** A question about the rules, answered with the framework's own words in quotes and the rule they come from. */
export function ruleAnswerCard(framework: Framework, answer: RuleAnswer, t: Translate): AdaptiveCard {
  const rule = t(`rule.topic.${answer.topic}`);
  const quotes = answer.quotes.map((quote) => `「${quote}」`).join('\n');
  const source = t('rule.source', { framework: framework.document.name, rule });
  return noticeCard(t, rule, `${quotes}\n\n${source}`, 'default', nextStep(framework, answer.topic, t));
}

/** A question the framework has no answer to: said so plainly, with the office to ask when the framework names one. */
export function noAnswerCard(framework: Framework, t: Translate): AdaptiveCard {
  const { name, contact } = framework.document;
  const ask = contact
    ? t('rule.noAnswer.contact', { office: [contact.office, contact.phone, contact.email].filter(Boolean).join('　') })
    : t('rule.noAnswer.noContact');
  return noticeCard(t, t('rule.noAnswer.title', { framework: name }), `${t('rule.noAnswer.body')}\n${ask}`, 'default', {
    title: t('common.ladder'),
    verb: VERBS.ladder,
    data: {},
  });
}

function nextStep(framework: Framework, topic: RuleTopic, t: Translate): NoticeAction[] {
  if (LEADS_TO_APPLYING.has(topic) && framework.document.rules.applicationWindow) {
    return [{ title: t('applications.apply'), verb: VERBS.applicationsOpen, data: {} }];
  }
  return LEADS_TO_LADDER.has(topic) ? [{ title: t('common.ladder'), verb: VERBS.ladder, data: {} }] : [];
}
