import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways HR asks for a CSV export. */
export const EXPORT_INTENTS = {
  exports: {
    intent: 'hr.exports',
    phrases: { ja: ['エクスポート', 'CSV', 'CSV出力', 'データ出力', 'ダウンロード'], en: ['export', 'exports', 'csv export', 'download'] },
    button: { title: 'router.button.exports', verb: VERBS.hrExports },
  },
} as const satisfies Record<string, IntentDeclaration>;
