import { lastDecision, type Application } from '../../domain/applications/application';
import type { Framework } from '../../domain/framework/framework';
import type { CsvField } from '../../exporting/csv';
import type { CsvSource } from '../../exporting/csvSource';
import { excelDate, excelDateTime } from '../../exporting/excelFormats';
import { translator, type MessageKey } from '../../i18n';
import type { ApplicationRepository } from '../../storage/applicationRepository';
import { trackName } from '../applications/trackName';
import { stateLabel } from '../applications/views/describe';

/**
 * The header row. HR opens the file in Excel, so it is in Japanese whatever the language of the client that asked
 * for it. States, tracks and decisions are worded as in the chat (the Japanese catalog), so the file and cards agree.
 */
export const APPLICATION_HEADERS = [
  '応募ID',
  '職員番号',
  '氏名',
  '所属',
  '職位',
  '区分',
  '状態',
  '応募日時',
  '承認者',
  '最後の判断',
  '判断した人',
  '判断日時',
  'コメント',
  '更新日時',
] as const;

const ja = translator('ja');

/** A fiscal year's applications, one row each: who applied for what, where it stands, and its last decision. */
export function applicationsCsv(
  applications: Pick<ApplicationRepository, 'countYear' | 'pagesOfYear'>,
  framework: Framework,
  fiscalYear: number,
  now: Date,
): CsvSource {
  return {
    kind: 'applications',
    fiscalYear,
    filename: `応募一覧_${fiscalYear}年度_${excelDate(now.toISOString())}.csv`,
    asciiFilename: `applications-${fiscalYear}.csv`,
    headers: APPLICATION_HEADERS,
    count: () => applications.countYear(framework.id, fiscalYear),
    async *pages() {
      for await (const page of applications.pagesOfYear(framework.id, fiscalYear)) yield page.map((a) => applicationRow(a, framework));
    },
  };
}

/** One row of the file. */
export function applicationRow(a: Application, framework: Framework): CsvField[] {
  // The submission is where every application starts, not a decision on it.
  const decision = lastDecision(a);
  const decided = decision && decision.action !== 'submit' ? decision : undefined;
  return [
    a.id,
    a.applicant.employeeNo,
    a.applicant.name,
    a.applicant.department,
    a.applicant.grade,
    trackName(framework, a.track, ja),
    stateLabel(a, ja),
    excelDateTime(a.submittedAt),
    a.approver.name,
    decided && ja(`trail.${decided.action}` as MessageKey),
    decided?.byName,
    excelDateTime(decided?.at),
    decided?.comment,
    excelDateTime(a.updatedAt),
  ];
}
