import type { Broadcast } from '../../domain/broadcast/broadcast';
import type { CsvField } from '../../exporting/csv';
import type { CsvSource } from '../../exporting/csvSource';
import { excelDate, excelDateTime } from '../../exporting/excelFormats';
import { translator } from '../../i18n';
import type { BroadcastRepository } from '../../storage/broadcastRepository';
import { describeAudience, stateLabel } from '../broadcast/views/describe';

/** The header row: in Japanese whatever the client's language (HR opens it in Excel), worded as the broadcast cards are. */
export const BROADCAST_HEADERS = [
  'タイトル',
  '対象',
  '状態',
  '作成者',
  '作成日時',
  '送信開始日時',
  '完了日時',
  '送信の回',
  '対象人数',
  '送信済み',
  '失敗',
  '届かない (アプリ未インストール)',
  '取り消し',
  '未送信',
] as const;

const ja = translator('ja');

/** Every broadcast of the framework, newest first, one row each: what, to whom, when, and how it went. */
export function broadcastsCsv(broadcasts: Pick<BroadcastRepository, 'count' | 'pages'>, frameworkId: string, now: Date): CsvSource {
  return {
    kind: 'broadcasts',
    filename: `お知らせ配信一覧_${excelDate(now.toISOString())}.csv`,
    asciiFilename: 'broadcasts.csv',
    headers: BROADCAST_HEADERS,
    count: () => broadcasts.count(frameworkId),
    async *pages() {
      for await (const page of broadcasts.pages(frameworkId)) yield page.map(broadcastRow);
    },
  };
}

/** One row of the file. */
export function broadcastRow(b: Broadcast): CsvField[] {
  const p = b.progress;
  return [
    b.notice.title,
    describeAudience(b.audience, ja),
    stateLabel(b.state, ja),
    b.createdBy.name,
    excelDateTime(b.createdAt),
    excelDateTime(b.startedAt),
    excelDateTime(b.finishedAt),
    b.round,
    p.total,
    p.sent,
    p.failed,
    p.unreachable,
    p.cancelled,
    p.pending,
  ];
}
