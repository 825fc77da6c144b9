import type { Framework } from '../framework/framework';
import type { AssessmentSettings } from '../framework/schema';

/** Used when a framework file does not define its own scale. */
export const DEFAULT_ASSESSMENT: AssessmentSettings = {
  scale: [
    { value: 0, label: 'まだ知らない', labelEn: "Don't know it yet" },
    { value: 1, label: '知っている', labelEn: 'Know about it' },
    { value: 2, label: '実践できる', labelEn: 'Can put it into practice' },
    { value: 3, label: '人に教えられる', labelEn: 'Can teach it to others' },
  ],
  masteredFrom: 2,
};

/** The framework's rating scale (or the default), with the values it accepts. */
export function ratingSettings(framework: Framework): AssessmentSettings & { values: number[] } {
  const settings = framework.document.assessment ?? DEFAULT_ASSESSMENT;
  return { ...settings, values: settings.scale.map((s) => s.value) };
}

/** True when a rating counts as having the skill. */
export function isMastered(rating: number | undefined, framework: Framework): boolean {
  return rating !== undefined && rating >= ratingSettings(framework).masteredFrom;
}
