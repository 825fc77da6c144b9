import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways an employee asks for the trainings they have taken (not the ones on offer: that is the framework's). */
export const TRAINING_INTENTS = {
  record: {
    intent: 'training.record',
    phrases: {
      ja: [
        '受講履歴', 'じゅこうりれき', '研修 記録', '研修 履歴', '受けた 研修', '受講した 研修', '受講 記録', '研修 受講歴', '受講歴', '修了した 研修',
        // What is next on the same card: the sessions ahead and how to enrol.
        '受講 状況', '研修 日程', '研修 予定', '開催 予定', '開催日', '次の 研修', '研修 いつ', '研修 申込', '研修 申し込み', '研修 申込方法',
      ],
      en: ['training record', 'my training record', 'trainings taken', 'training history', 'my trainings', 'training schedule', 'next training', 'upcoming training', 'enrol training', 'enroll training'],
    },
    button: { title: 'router.button.trainingRecord', verb: VERBS.trainingRecord },
  },
} as const satisfies Record<string, IntentDeclaration>;
