import { DEMO_ROLES, type DemoRole } from './demoRoster';

/** What `npm start -- …` may say: whom to act as in the Playground, since it cannot switch users while it runs. */
export interface StartArgs {
  readonly as: DemoRole;
}

export const START_USAGE = `usage: npm start [-- --as ${DEMO_ROLES.join('|')}]`;

/** Parses `--as <role>` or `--as=<role>`; undefined for anything else. */
export function parseStartArgs(argv: readonly string[]): StartArgs | undefined {
  if (argv.length === 0) return { as: 'employee' };
  const [flag, role] = argv.length === 1 ? argv[0]!.split('=', 2) : argv;
  if (argv.length > 2 || flag !== '--as' || !isDemoRole(role)) return undefined;
  return { as: role };
}

function isDemoRole(value: string | undefined): value is DemoRole {
  return (DEMO_ROLES as readonly (string | undefined)[]).includes(value);
}
