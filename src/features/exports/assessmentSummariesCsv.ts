import type { Framework } from '../../domain/framework/framework';
import type { Employee } from '../../domain/roster/employee';
import type { CsvField } from '../../exporting/csv';
import type { CsvSource } from '../../exporting/csvSource';
import { excelDate } from '../../exporting/excelFormats';
import type { AssessmentSummary, AssessmentSummaryRepository } from '../../storage/assessmentSummaryRepository';
import type { RosterRepository } from '../../storage/rosterRepository';

/**
 * The header row: in Japanese whatever the client's language (HR opens it in Excel). Levels are plain numbers, so
 * Excel can sort and average them; a skill level of 0 means not even Lv.1's skills are all mastered, an empty one
 * that the framework names no required skills (so there is no skill level).
 */
export const SUMMARY_HEADERS = [
  '職員番号',
  '氏名',
  '所属',
  '係',
  '職位',
  '診断日',
  '役割レベル',
  'スキルレベル',
  '目標レベル',
  '不足スキル数',
  '不足スキル',
] as const;

const LIST_SEPARATOR = '、';

/**
 * Every employee's latest self-assessment, one row each, with who they are from the roster: levels, target and
 * the skills they lack, by name. Never the answers themselves.
 */
export function assessmentSummariesCsv(
  deps: { summaries: Pick<AssessmentSummaryRepository, 'count' | 'pages'>; roster: Pick<RosterRepository, 'listEmployees'> },
  framework: Framework,
  now: Date,
): CsvSource {
  return {
    kind: 'assessmentSummaries',
    filename: `自己診断結果_${excelDate(now.toISOString())}.csv`,
    asciiFilename: 'assessment-summaries.csv',
    headers: SUMMARY_HEADERS,
    count: () => deps.summaries.count(framework.id),
    async *pages() {
      // The whole roster in a few packed rows, rather than a look-up per summary: thousands of calls at 10,000 staff.
      const employees = new Map((await deps.roster.listEmployees()).map((e) => [e.aadObjectId.toLowerCase(), e]));
      for await (const page of deps.summaries.pages(framework.id)) {
        // Someone not on the roster (who left, or was never staff) is not listed: the file is about the staff.
        yield page.flatMap((s) => {
          const employee = employees.get(s.aadObjectId);
          return employee ? [summaryRow(s, employee, framework)] : [];
        });
      }
    },
  };
}

/** One row of the file. */
export function summaryRow(s: AssessmentSummary, employee: Employee, framework: Framework): CsvField[] {
  return [
    employee.employeeNo,
    employee.name,
    employee.department,
    employee.section,
    employee.grade,
    excelDate(s.completedAt),
    s.overallRoleLevel,
    framework.hasRequiredSkills ? s.skillLevel : undefined,
    s.target,
    s.gapSkillIds.length,
    s.gapSkillIds.map((id) => framework.skill(id)?.name ?? id).join(LIST_SEPARATOR),
  ];
}
