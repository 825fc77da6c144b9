import type { Employee } from '../domain/roster/employee';
import type { DemoCast } from './demoRoster';
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
}

function seededText(result: SeedResult, importCommand: string): string {
  if (result === 'imported') return 'imported now';
  if (result === 'kept') return 'already in storage, kept';
  return `no file to import: run \`npm run ${importCommand} -- --file <path>\``;
}

/** The banner printed once everything answers. */
export function localSummary(run: LocalRun): string {
  const person = (e: Employee, role: string): string => `${e.name}（${e.grade}・${e.section || e.department}） ${role}`;
  const { employee, manager, hr, admin } = run.cast;
  const people = [
    person(employee, '← you, in the Playground'),
    person(manager, 'their manager'),
    ...(hr ? [person(hr, 'HR')] : []),
    ...(admin ? [person(admin, 'admin')] : []),
  ];
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
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}
