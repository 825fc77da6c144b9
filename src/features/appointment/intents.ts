import type { IntentDeclaration } from '../understanding/intent';

/** The ways people ask about appointments; the name of a tier the framework appoints to says it alone. */
export const APPOINTMENT_INTENTS = {
  appointments: {
    intent: 'appointments',
    phrases: { ja: ['任命', '任命状況', '任命の状況'], en: ['appointment', 'appointments'] },
    entities: { appointedTier: 'alone' },
  },
} as const satisfies Record<string, IntentDeclaration>;
