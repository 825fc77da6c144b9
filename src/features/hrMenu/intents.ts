import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways HR asks for their menu. */
export const HR_MENU_INTENTS = {
  hrMenu: {
    intent: 'hr.menu',
    phrases: { ja: ['HRメニュー', '人事メニュー', '管理メニュー', '人事 メニュー', '管理者メニュー'], en: ['hr menu', 'admin'] },
    button: { title: 'router.button.hrMenu', verb: VERBS.hrMenu },
  },
} as const satisfies Record<string, IntentDeclaration>;
