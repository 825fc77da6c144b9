import type { Employee } from '../domain/roster/employee';
import { DEMO_ROLES, type DemoCast, type DemoRole } from './demoRoster';
import type { SeedResult } from './seedWhenEmpty';

/** What a local run started and where, for the person who typed `npm start`. */
export interface LocalRun {
  readonly botUrl: string;
  readonly playgroundUrl?: string;
  readonly tablePort: number;
  readonly queuePort: number;
  readonly dataDir: string;
  readonly frameworkId: string;
  readonly seeded: { readonly framework: SeedResult; readonly roster: SeedResult };
  readonly cast: DemoCast;
  /** Whom the Playground's user is. */
  readonly as: DemoRole;
}

const ROLE_NAMES: Record<DemoRole, string> = { employee: 'employee', manager: "the employee's manager", hr: 'HR', admin: 'admin' };

function seededText(result: SeedResult, importCommand: string): string {
  if (result === 'imported') return 'imported now';
  if (result === 'kept') return 'already in storage, kept';
  return `no file to import: run \`npm run ${importCommand} -- --file <path>\``;
}

/** The banner printed once everything answers. */
export function localSummary(run: LocalRun): string {
  const person = (e: Employee, role: DemoRole): string =>
    `${e.name}（${e.grade}・${e.section || e.department}） ${ROLE_NAMES[role]}${role === run.as ? '  ← you, in the Playground' : ''}`;
  const people = DEMO_ROLES.flatMap((role) => {
    const e = run.cast[role];
    return e ? [person(e, role)] : [];
  });
  const rows: [string, string][] = [
    ['Playground', run.playgroundUrl ?? 'not started (START_PLAYGROUND=false)'],
    ['bot', `${run.botUrl}/api/messages  (health: ${run.botUrl}/healthz)`],
    ['storage', `Azurite, tables on 127.0.0.1:${run.tablePort}, queues on 127.0.0.1:${run.queuePort}`],
    ['data folder', `${run.dataDir}  (delete it to start from scratch)`],
    ['framework', `${run.frameworkId}: ${seededText(run.seeded.framework, 'framework:import')}`],
    ['roster', seededText(run.seeded.roster, 'roster:import')],
    ...people.map((p, i): [string, string] => [i === 0 ? 'demo users' : '', p]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    'DX Navi is running locally. Press Ctrl+C to stop everything.',
    `To be someone else in the Playground, restart with: npm start -- --as ${DEMO_ROLES.join('|')}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}
