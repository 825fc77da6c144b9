import type { IntentDeclaration } from '../understanding/intent';
import { VERBS } from '../verbs';

/** The ways people ask to apply, about their application, about approvals waiting for them, and HR's views. */
export const APPLICATIONS_INTENTS = {
  apply: {
    intent: 'applications.open',
    phrases: {
      ja: ['応募', 'おうぼ', '申請', 'しんせい', '申し込み', '申込', 'もうしこみ', '立候補', '応募状況', '申請状況', '状況 申請',
        '状況 応募', '募集', '次の募集', '取り下げ', '取下げ', 'エントリー'],
      en: ['apply', 'application', 'applications', 'my application', 'withdraw'],
    },
    entities: { tier: 'with' },
    button: { title: 'router.button.apply', verb: VERBS.applicationsOpen },
  },
  approvals: {
    intent: 'approvals.inbox',
    phrases: {
      ja: ['承認', 'しょうにん', '承認待ち', '承認待ちの応募', '承認 応募', '承認 申請', '承認依頼', '未承認', '承認一覧', '決裁'],
      en: ['approvals', 'approval', 'approve', 'my approvals', 'pending approvals'],
    },
    button: { title: 'router.button.approvals', verb: VERBS.approvalInbox },
  },
  hrWindows: {
    intent: 'hr.windows',
    phrases: { ja: ['募集期間', '募集管理', '募集期間 設定', '応募期間 設定', '募集 設定'], en: ['windows', 'application windows'] },
    button: { title: 'router.button.hrWindows', verb: VERBS.hrWindows },
  },
  hrList: {
    intent: 'hr.applications',
    phrases: { ja: ['応募一覧', '申請一覧', '応募者', '応募者一覧', '応募者 一覧'], en: ['applications list', 'list of applications'] },
    button: { title: 'router.button.hrApplications', verb: VERBS.hrApplications },
  },
} as const satisfies Record<string, IntentDeclaration>;
