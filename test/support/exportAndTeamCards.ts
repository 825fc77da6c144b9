import type { AdaptiveCard } from '../../src/cards/renderCard';
import type { Framework } from '../../src/domain/framework/framework';
import type { Employee } from '../../src/domain/roster/employee';
import type { PreparedExport } from '../../src/exporting/preparedExport';
import { exportHomeCard } from '../../src/features/exports/views/homeCard';
import type { Offer } from '../../src/features/exports/handover';
import { exportProgressCard, type HandedOver } from '../../src/features/exports/views/progressCard';
import { summarizeTeam, type TeamMember } from '../../src/features/team/teamSummary';
import { teamCard } from '../../src/features/team/views/teamCard';
import type { Locale, Translate } from '../../src/i18n';

const NOW = new Date('2026-06-10T01:00:00.000Z');
const MINUTE = 60_000;

/** An export of 2,500 applications at each stage, as its card shows it. */
function anExport(overrides: Partial<PreparedExport>): PreparedExport {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    frameworkId: 'kitakyushu',
    kind: 'applications',
    fiscalYear: 2026,
    requestedBy: 'aad-hr-officer',
    filename: '応募一覧_2026年度_2026-06-10.csv',
    asciiFilename: 'applications-2026.csv',
    state: 'preparing',
    rows: 0,
    chunks: 0,
    bytes: 0,
    startedAt: new Date(NOW.getTime() - MINUTE).toISOString(),
    updatedAt: NOW.toISOString(),
    expiresAt: new Date(NOW.getTime() + 60 * MINUTE).toISOString(),
    ...overrides,
  };
}

function reportOf(n: number, manager: Employee): Employee {
  return {
    employeeNo: `T${String(n).padStart(3, '0')}`,
    name: `部下 ${n}`,
    email: `report${n}@example.city.jp`,
    aadObjectId: `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department: manager.department,
    section: '企画係',
    grade: '主任',
    managerEmail: manager.email,
    roles: [],
  };
}

/**
 * HR's exports (the choice of exports, with and without one just started; an export counting, half way, ready,
 * failed, stalled and expired) and a manager's team (eleven reports, some never assessed; a team of seventy; HR's
 * view of a manager without reports).
 */
export function exportAndTeamCards(
  framework: Framework,
  t: Translate,
  locale: Locale,
): { name: string; view: 'exportHome' | 'exportProgress' | 'teamSummary'; card: AdaptiveCard }[] {
  const expiresAt = new Date(NOW.getTime() + 15 * MINUTE).toISOString();
  const link: Offer = { kind: 'link', url: 'http://127.0.0.1:3978/api/exports/token', expiresAt: new Date(NOW.getTime() + 5 * MINUTE).toISOString(), minutes: 5 };
  const progress = (job: PreparedExport, outcome?: Offer | HandedOver): AdaptiveCard => exportProgressCard(job, outcome, t, locale, NOW);
  const ready = anExport({ state: 'ready', rows: 2_500, totalRows: 2_500, chunks: 22, bytes: 480_000, expiresAt });
  const manager: Employee = {
    employeeNo: 'M001',
    name: '小倉 一郎',
    email: 'kacho@example.city.jp',
    aadObjectId: 'cccccccc-0000-4000-8000-999999999999',
    department: '市民局',
    section: '',
    grade: '課長',
    roles: [],
  };
  const skills = framework.document.requiredSkills.map((s) => s.id);
  const rank = (id: string): number => skills.indexOf(id);
  const members = (count: number): TeamMember[] =>
    Array.from({ length: count }, (_, i) => ({
      employee: reportOf(i + 1, manager),
      summary:
        i % 4 === 3
          ? undefined
          : {
              frameworkId: framework.id,
              aadObjectId: reportOf(i + 1, manager).aadObjectId,
              assessmentId: `0000000000000-${String(i).padStart(8, '0')}`,
              completedAt: '2026-05-20T03:00:00.000Z',
              overallRoleLevel: (i % 3) + 1,
              skillLevel: i % 3,
              target: 3,
              rolePositions: {},
              gapSkillIds: skills.slice(i % 5, (i % 5) + 3 + (i % 4)),
            },
    }));
  const everyoneMastered = members(2).map((m) => ({ ...m, summary: m.summary && { ...m.summary, gapSkillIds: [] } }));
  return [
    { name: 'exports', view: 'exportHome', card: exportHomeCard(2026, t) },
    { name: 'exports (one just started)', view: 'exportHome', card: exportHomeCard(2026, t, t('export.started', { what: t('export.what.broadcasts') })) },
    { name: 'export counting', view: 'exportProgress', card: progress(anExport({})) },
    { name: 'export half way', view: 'exportProgress', card: progress(anExport({ rows: 1_000, totalRows: 2_500, chunks: 9 })) },
    { name: 'export ready, a one-time link (local runs)', view: 'exportProgress', card: progress(ready, link) },
    { name: 'export ready, to accept in Teams', view: 'exportProgress', card: progress(ready, { kind: 'consent', expiresAt }) },
    { name: 'export saved to OneDrive', view: 'exportProgress', card: progress(ready, { kind: 'delivered', name: '応募一覧_2026年度_2026-06-10.csv' }) },
    { name: 'export declined', view: 'exportProgress', card: progress(ready, { kind: 'declined' }) },
    {
      name: 'broadcast report failed',
      view: 'exportProgress',
      card: progress(anExport({ kind: 'broadcastReport', fiscalYear: undefined, broadcastId: '8210773599999-0a1b2c3d', state: 'failed', rows: 300, totalRows: 900 })),
    },
    { name: 'export failed', view: 'exportProgress', card: progress(anExport({ kind: 'assessmentSummaries', fiscalYear: undefined, state: 'failed', rows: 1_000, totalRows: 7_000 })) },
    {
      name: 'export stalled',
      view: 'exportProgress',
      card: progress(anExport({ kind: 'broadcasts', fiscalYear: undefined, rows: 10, totalRows: 40, updatedAt: new Date(NOW.getTime() - 10 * MINUTE).toISOString() })),
    },
    { name: 'export expired', view: 'exportProgress', card: progress(ready) },
    { name: 'team of eleven', view: 'teamSummary', card: teamCard(manager, summarizeTeam(members(11), rank, 5), framework, { t, locale, isHr: false }) },
    {
      name: 'team of eleven, two applications waiting for the manager',
      view: 'teamSummary',
      card: teamCard(manager, summarizeTeam(members(11), rank, 5), framework, { t, locale, isHr: false, pendingApprovals: 2 }),
    },
    { name: 'team of seventy, for HR', view: 'teamSummary', card: teamCard(manager, summarizeTeam(members(70), rank, 5), framework, { t, locale, isHr: true }) },
    { name: 'team without gaps', view: 'teamSummary', card: teamCard(manager, summarizeTeam(everyoneMastered, rank, 5), framework, { t, locale, isHr: false }) },
    { name: 'no team, for HR', view: 'teamSummary', card: teamCard(manager, summarizeTeam([], rank, 5), framework, { t, locale, isHr: true }) },
  ];
}
