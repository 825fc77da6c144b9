import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways people ask for the self-assessment: to start or continue it, or to see their results. */
export const ASSESSMENT_INTENTS = {
  open: {
    intent: 'assessment.open',
    phrases: {
      ja: ['診断', 'しんだん', '自己診断', 'じこしんだん', '自己評価', 'セルフチェック', '診断 続き', '診断 再開', '診断 始め',
        '診断 開始', 'アセスメント', '自分 レベル', '私 レベル', 'わたし レベル', '今 レベル',
        'レベル 診断', 'レベル チェック', '足りない スキル', '不足 スキル', '自分 スキル', '目標 レベル', '強み 弱み'],
      en: ['assessment', 'self-assessment', 'self assessment', 'assess', 'diagnosis', 'continue assessment', 'my level'],
    },
    button: { title: 'router.button.assessment', verb: VERBS.assessmentOpen },
  },
  history: {
    intent: 'assessment.history',
    phrases: {
      ja: ['診断結果', '診断 結果', 'しんだん けっか', '診断 履歴', '診断 前回', '診断 過去', '自己診断 結果'],
      en: ['assessment results', 'assessment history', 'my results', 'results'],
    },
    button: { title: 'router.button.assessmentHistory', verb: VERBS.assessmentHistory },
  },
} as const satisfies Record<string, IntentDeclaration>;
