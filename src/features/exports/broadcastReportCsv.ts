import type { Broadcast, FailureReason } from '../../domain/broadcast/broadcast';
import type { Delivery, DeliveryState } from '../../domain/broadcast/delivery';
import type { CsvField } from '../../exporting/csv';
import type { CsvSource } from '../../exporting/csvSource';
import { excelDate, excelDateTime, fileNamePart } from '../../exporting/excelFormats';
import type { DeliveryRepository } from '../../storage/deliveryRepository';

// The report is opened in Excel by the city's HR office, so its headers and values are fixed Japanese whatever the
// language of the Teams client that asked for it: the i18n catalogs are for chat, not for this file.
const HEADERS = ['職員番号', '氏名', '所属', '結果', '理由', '試行回数', '送信日時', '重複の可能性'] as const;

const RESULTS: Record<DeliveryState, string> = {
  sent: '送信済み',
  failed: '失敗',
  unreachable: '届かない (アプリ未インストール)',
  cancelled: '取り消し',
  pending: '未送信',
  sending: '未送信',
  retrying: '未送信',
};

const REASONS: Record<FailureReason, string> = {
  throttled: '混雑のため送信できず',
  serviceUnavailable: 'Teams の一時的な障害',
  blocked: 'ボットがブロックまたは削除されている',
  conversationNotFound: '会話が見つからない',
  rejected: 'Teams が受け付けなかった',
  network: '通信エラー',
  notInstalled: 'アプリ未インストール',
};

/** Marks a row in 重複の可能性; an empty cell is "no", which reads best when filtering in Excel. */
const POSSIBLE_DUPLICATE = 'あり';

/** The longest broadcast title kept in a file name, in characters: enough to recognise it, short for Windows paths. */
const TITLE_IN_FILE_NAME_MAX = 40;

/** The report of one broadcast: one row per recipient, what happened and why, a page of deliveries at a time. */
export function broadcastReportCsv(deliveries: Pick<DeliveryRepository, 'pages'>, broadcast: Broadcast, now: Date): CsvSource {
  return {
    kind: 'broadcastReport',
    broadcastId: broadcast.id,
    filename: broadcastReportFileName(broadcast, now),
    asciiFilename: 'broadcast-report.csv',
    headers: HEADERS,
    // One delivery per recipient.
    count: () => Promise.resolve(broadcast.progress.total),
    async *pages() {
      for await (const page of deliveries.pages(broadcast.id)) yield page.map(reportRow);
    },
  };
}

function reportRow(delivery: Delivery): CsvField[] {
  return [
    delivery.employeeNo,
    delivery.name,
    delivery.department,
    RESULTS[delivery.state],
    // A reason left from an earlier attempt would read as a failure next to 送信済み or 未送信.
    delivery.reason && (delivery.state === 'failed' || delivery.state === 'unreachable') ? REASONS[delivery.reason] : undefined,
    delivery.attempts,
    excelDateTime(delivery.sentAt),
    delivery.possibleDuplicate ? POSSIBLE_DUPLICATE : undefined,
  ];
}

/** The report's file name as HR sees it: 配信結果_{title, or the id without one}_{the day, in Japan time}.csv. */
export function broadcastReportFileName(broadcast: Pick<Broadcast, 'id' | 'notice'>, now: Date): string {
  const title = fileNamePart(broadcast.notice.title, TITLE_IN_FILE_NAME_MAX);
  return `配信結果_${title || broadcast.id}_${excelDate(now.toISOString())}.csv`;
}
