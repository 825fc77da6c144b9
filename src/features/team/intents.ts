import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways a manager asks for their team; HR adds a manager's e-mail to open anyone's. */
export const TEAM_INTENTS = {
  team: {
    intent: 'team.show',
    phrases: {
      ja: ['チーム', '部下', 'ぶか', 'マイチーム', 'チームの診断', '部下 診断結果', '部下 診断', '部下 何人', '部下 結果', 'メンバー 診断', '課員', '係員 診断', '部下 状況', '部下 進捗',
        'チーム 状況', 'チーム 結果', 'メンバー 状況'],
      en: ['team', 'my team', 'team results', 'my reports'],
    },
    entities: { email: 'with' },
    button: { title: 'router.button.team', verb: VERBS.teamShow, data: ({ email }) => ({ managerEmail: email ?? '' }) },
  },
} as const satisfies Record<string, IntentDeclaration>;
