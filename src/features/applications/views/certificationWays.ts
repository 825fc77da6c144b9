import type { Framework } from '../../../domain/framework/framework';
import type { Translate } from '../../../i18n';
import { tierNames } from '../trackName';

/** One way a framework makes someone a DX talent: a heading in the user's language and the framework's own words. */
export interface CertificationWay {
  readonly heading: string;
  readonly text: string;
}

/**
 * How one becomes a DX talent where nobody applies: the evaluation by several raters and the skills it assesses,
 * the appointment by HR, each tier's criteria, and the framework's further notes (how else it secures staff), in
 * the framework's words. Empty when the framework says none of these.
 */
export function certificationWays(framework: Framework, t: Translate): CertificationWay[] {
  const { evaluation, appointment } = framework.rules;
  const ways: CertificationWay[] = [];
  if (evaluation) {
    ways.push({ heading: t('applications.noWindow.evaluation', { tiers: tierNames(framework, evaluation.tiers, t) }), text: evaluation.text });
  }
  if (evaluation?.skillMap) {
    const { skills, text } = evaluation.skillMap;
    const lines = skills.map((s) => (s.note ? `・${s.name}：${s.note}` : `・${s.name}`));
    ways.push({ heading: t('applications.noWindow.skillMap'), text: [...lines, text].join('\n') });
  }
  if (appointment) {
    ways.push({ heading: t('applications.noWindow.appointment', { tiers: tierNames(framework, appointment.tiers, t) }), text: appointment.text });
  }
  for (const tier of framework.document.tiers) {
    if (tier.criteria) ways.push({ heading: t('applications.noWindow.criteria', { tier: tier.name }), text: tier.criteria });
  }
  // Notes say how else the city secures staff: beside the ways above, never as if they were one.
  const { notes } = framework.rules;
  if (ways.length > 0 && notes.length > 0) ways.push({ heading: t('applications.noWindow.notes'), text: notes.join('\n') });
  return ways;
}
