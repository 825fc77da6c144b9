import type { IntentDeclaration } from '../understanding/intent';

/** The ways people ask for multi-rater evaluations: HR's list, or a rater's requests. */
export const EVALUATION_INTENTS = {
  evaluations: {
    intent: 'evaluations',
    phrases: { ja: ['評価', '多面評価', '評価依頼'], en: ['evaluation', 'evaluations'] },
  },
} as const satisfies Record<string, IntentDeclaration>;
