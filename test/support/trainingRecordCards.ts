import type { AdaptiveCard } from '../../src/cards/renderCard';
import type { Framework } from '../../src/domain/framework/framework';
import type { Employee } from '../../src/domain/roster/employee';
import type { OfferedSession } from '../../src/domain/training/nextTrainings';
import { TRAINING_STATUSES, type TrainingRecord } from '../../src/domain/training/trainingRecord';
import { trainingRecordCard } from '../../src/features/training/views/trainingRecordCard';
import type { WhatIsNext } from '../../src/features/training/whatIsNext';
import type { Locale, Translate } from '../../src/i18n';

const EMPLOYEE: Employee = {
  employeeNo: 'E1001',
  name: '八幡 花子',
  email: 'hanako@example.city.jp',
  aadObjectId: 'dddddddd-0000-4000-8000-000000000001',
  department: '政策局',
  section: 'DX・AI戦略室',
  grade: '主任',
  roles: [],
};

/** `count` records of the framework's programs, a session a month back from June 2026, each status in turn. */
function recordsOf(framework: Framework, count: number): TrainingRecord[] {
  const programs = framework.document.programs;
  return Array.from({ length: count }, (_, i) => ({
    employeeNo: EMPLOYEE.employeeNo,
    programId: programs[i % programs.length]!.id,
    date: new Date(Date.UTC(2026, 5 - i, 10)).toISOString().slice(0, 10),
    status: TRAINING_STATUSES[i % TRAINING_STATUSES.length]!,
  }));
}

/** Upcoming sessions as 「これからの研修」 lists them: a required one with a link, a recommended one online with an office. */
function upcomingOf(framework: Framework): OfferedSession[] {
  const [first, second] = framework.document.programs;
  return [
    {
      program: first!,
      reason: 'required',
      session: { programId: first!.id, date: '2026-07-01', startTime: '09:30', place: '本庁舎 5階 大会議室', capacity: 30, enrol: 'https://forms.example.city.jp/dx' },
    },
    { program: second!, reason: 'recommended', session: { programId: second!.id, date: '2026-07-08', enrol: '人事課 人材育成係（内線1234）へ電話' } },
  ];
}

/**
 * An employee's training record: a few sessions with what is next, more than a card lists, none recorded yet but
 * sessions ahead, and nothing at all (not yet assessed).
 */
export function trainingRecordCards(framework: Framework, t: Translate, locale: Locale): { name: string; view: 'trainingRecord'; card: AdaptiveCard }[] {
  const viewer = { t, locale };
  const upcoming: WhatIsNext = { sessions: upcomingOf(framework), anyProgramMeant: true };
  const nothing: WhatIsNext = { sessions: [], anyProgramMeant: false };
  const card = (records: TrainingRecord[], next: WhatIsNext): AdaptiveCard => trainingRecordCard(EMPLOYEE, records, next, framework, viewer);
  return [
    { name: 'training record', view: 'trainingRecord', card: card(recordsOf(framework, 4), upcoming) },
    { name: 'training record of sixty sessions, none scheduled', view: 'trainingRecord', card: card(recordsOf(framework, 60), { sessions: [], anyProgramMeant: true }) },
    { name: 'training record, none yet but sessions ahead', view: 'trainingRecord', card: card([], upcoming) },
    { name: 'training record, none yet and not assessed', view: 'trainingRecord', card: card([], nothing) },
  ];
}
