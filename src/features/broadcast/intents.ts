import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways HR asks for the broadcasts. */
export const BROADCAST_INTENTS = {
  broadcasts: {
    intent: 'hr.broadcasts',
    phrases: { ja: ['お知らせ配信', '一斉配信', '配信', 'お知らせ 送', 'お知らせ 配信', '周知'], en: ['broadcast', 'broadcasts'] },
    button: { title: 'router.button.broadcasts', verb: VERBS.hrBroadcasts },
  },
} as const satisfies Record<string, IntentDeclaration>;
