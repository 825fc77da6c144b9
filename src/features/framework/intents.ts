import type { IntentDeclaration } from '../understanding/intent';
import { MENU_INTENT, SEARCH_INTENT } from '../understanding/phraseRecognizer';
import { VERBS } from '../verbs';

/** The ways people ask for the framework's cards and for the menu; 「検索 …」 and anything else is a search. */
export const FRAMEWORK_INTENTS = {
  menu: {
    intent: MENU_INTENT,
    phrases: {
      ja: ['メニュー', 'ヘルプ', '使い方', 'つかいかた', '何ができ', 'なにができ', 'できること', 'はじめに', 'スタート',
        'こんにちは', 'こんばんは', 'おはよう', 'はじめまして', 'お疲れ様', 'おつかれさま', 'お疲れさま', 'よろしく', 'もしもし', 'DX Navi'],
      en: ['menu', 'help', 'hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening', 'what can you do'],
    },
    button: { title: 'common.backToMenu', verb: VERBS.menu },
  },
  thanks: {
    intent: 'thanks',
    phrases: {
      ja: ['ありがとう', 'ありがと', '有難う', '感謝', '助かりました', 'たすかりました', '助かる', 'サンキュー', 'どうも'],
      en: ['thanks', 'thank you', 'thx', 'cheers'],
    },
  },
  ladder: {
    intent: 'framework.ladder',
    phrases: {
      ja: ['レベル', 'レベル一覧', '段階', 'ラダー', '必須スキル', 'スキル', 'スキル一覧', '人材像', 'ブロンズ シルバー ゴールド'],
      en: ['levels', 'level', 'ladder', 'all levels', 'required skills', 'skills'],
    },
    button: { title: 'common.ladder', verb: VERBS.ladder },
  },
  level: {
    intent: 'framework.level',
    phrases: { ja: ['スキル', '必須スキル', '役割', '求められる', '内容', '人材像', '一覧'], en: ['skills', 'role'] },
    entities: { level: 'required' },
    button: { title: 'router.button.level', verb: VERBS.level, data: ({ level }) => ({ level }) },
  },
  recommended: {
    intent: 'framework.recommended',
    phrases: { ja: ['推奨スキル', '推奨', 'おすすめスキル', 'おすすめのスキル'], en: ['recommended', 'recommended skills'] },
    button: { title: 'router.button.recommended', verb: VERBS.recommended },
  },
  training: {
    intent: 'framework.training',
    phrases: {
      ja: ['研修', 'けんしゅう', '研修・施策', '施策', '育成', '重点育成項目', '講座', '学び', '学ぶ', '勉強', '研修一覧', 'おすすめ 研修'],
      en: ['training', 'trainings', 'courses', 'learn'],
    },
    entities: { level: 'with' },
    button: { title: 'router.button.training', verb: VERBS.training, data: ({ level }) => ({ level: level ?? 1 }) },
  },
  search: {
    intent: SEARCH_INTENT,
    phrases: { ja: [], en: [] },
  },
} as const satisfies Record<string, IntentDeclaration>;
