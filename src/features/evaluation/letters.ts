import { samePerson } from '../../domain/roster/employee';
import type { EvaluationRepository } from '../../storage/evaluationRepository';
import type { CardBuilder } from '../notifier';
import type { Redrafters } from '../outbox/outbox';
import { rateRequestCard } from './notify';
import { certifiedCard } from './views/noticeCards';

/** The letters an evaluation sends, drawn again when their recipient comes back. */
export function evaluationRedrafters(evaluations: EvaluationRepository): Pick<Redrafters, 'ratingRequest' | 'certified'> {
  return {
    // Still a request while the evaluation is open and the recipient still rates from that viewpoint.
    async ratingRequest(letter, framework, recipient): Promise<CardBuilder | undefined> {
      const evaluation = (await evaluations.find(framework.id, letter.evaluationId))?.evaluation;
      const raters = evaluation?.raters.find((v) => v.viewpoint === letter.viewpoint)?.raters ?? [];
      if (evaluation?.state !== 'open' || !raters.some((r) => samePerson(r.aadObjectId, recipient))) return undefined;
      return rateRequestCard(framework, evaluation, letter.viewpoint);
    },
    async certified(letter, framework): Promise<CardBuilder | undefined> {
      const evaluation = (await evaluations.find(framework.id, letter.evaluationId))?.evaluation;
      if (evaluation?.state !== 'certified') return undefined;
      return (t, locale) => certifiedCard(framework, evaluation, t, locale);
    },
  };
}
