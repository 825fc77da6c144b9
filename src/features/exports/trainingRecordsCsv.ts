import type { Framework } from '../../domain/framework/framework';
import type { Employee } from '../../domain/roster/employee';
import { fiscalYearOfDay } from '../../domain/applications/fiscalYear';
import type { TrainingRecord } from '../../domain/training/trainingRecord';
import type { CsvField } from '../../exporting/csv';
import type { CsvSource } from '../../exporting/csvSource';
import { excelDate } from '../../exporting/excelFormats';
import { translator } from '../../i18n';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';

/**
 * The header row: in Japanese whatever the client's language (HR opens it in Excel). The status is worded as on the
 * employee's 「受講履歴」 card; the fiscal year is a plain number, so Excel can filter and count by it.
 */
export const TRAINING_RECORD_HEADERS = ['職員番号', '氏名', '所属', '研修ID', '研修名', '受講日', '状態', '年度'] as const;

const ja = translator('ja');

/**
 * Every training record of the framework, one session of one employee a row, with who they are from the roster. A
 * record of someone no longer on the roster stays, their name and department empty: the record is the city's all the same.
 */
export function trainingRecordsCsv(
  deps: { records: Pick<TrainingRecordRepository, 'countOfFramework' | 'pagesOfFramework'>; roster: Pick<RosterRepository, 'listEmployees'> },
  framework: Framework,
  now: Date,
): CsvSource {
  return {
    kind: 'trainingRecords',
    filename: `受講記録_${excelDate(now.toISOString())}.csv`,
    asciiFilename: 'training-records.csv',
    headers: TRAINING_RECORD_HEADERS,
    count: () => deps.records.countOfFramework(framework.id),
    async *pages() {
      // The whole roster in a few packed rows, rather than a look-up per record.
      const employees = new Map((await deps.roster.listEmployees()).map((e) => [e.employeeNo, e]));
      for await (const page of deps.records.pagesOfFramework(framework.id)) {
        yield page.map((r) => trainingRecordRow(r, employees.get(r.employeeNo), framework));
      }
    },
  };
}

/** One row of the file. */
function trainingRecordRow(r: TrainingRecord, employee: Employee | undefined, framework: Framework): CsvField[] {
  return [
    r.employeeNo,
    employee?.name,
    employee?.department,
    r.programId,
    framework.program(r.programId)?.name,
    r.date,
    ja(`training.status.${r.status}`),
    fiscalYearOfDay(r.date),
  ];
}
