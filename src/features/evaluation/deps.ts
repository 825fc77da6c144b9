import type { EvaluationRules } from '../../domain/framework/schema';
import type { Logger } from '../../logger';
import type { CertificationRepository } from '../../storage/certificationRepository';
import type { ConversationRepository } from '../../storage/conversationRepository';
import type { EvaluationRepository } from '../../storage/evaluationRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { Who } from '../applications/who';
import type { Notifier } from '../notifier';

/** What the evaluation flows need from outside. */
export interface EvaluationDeps {
  readonly roster: RosterRepository;
  readonly evaluations: EvaluationRepository;
  readonly certifications: CertificationRepository;
  /** Who has opened the bot, so HR sees before starting which raters a card cannot reach. */
  readonly conversations: ConversationRepository;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** Someone acting in a city that evaluates (its framework has rules.evaluation), with those rules at hand. */
export interface EvaluationWho extends Who {
  readonly rules: EvaluationRules;
}
