import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways HR asks for the KPI. */
export const INSIGHT_INTENTS = {
  kpi: {
    intent: 'hr.kpi',
    phrases: { ja: ['KPI', '実績', 'ダッシュボード', '目標 達成', '達成状況', '目標 進捗', '認定者数'], en: ['dashboard'] },
    button: { title: 'router.button.kpi', verb: VERBS.hrKpi },
  },
} as const satisfies Record<string, IntentDeclaration>;
