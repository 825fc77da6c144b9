import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways an employee asks for the trainings they have taken (not the ones on offer: that is the framework's). */
export const TRAINING_INTENTS = {
  record: {
    intent: 'training.record',
    phrases: {
      ja: ['受講履歴', 'じゅこうりれき', '研修 記録', '研修 履歴', '受けた 研修', '受講した 研修', '受講 記録', '研修 受講歴', '受講歴', '修了した 研修'],
      en: ['training record', 'my training record', 'trainings taken', 'training history', 'my trainings'],
    },
    button: { title: 'router.button.trainingRecord', verb: VERBS.trainingRecord },
  },
} as const satisfies Record<string, IntentDeclaration>;
