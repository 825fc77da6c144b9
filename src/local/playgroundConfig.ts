import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Employee } from '../domain/roster/employee';
import type { DemoCast, DemoRole } from './demoRoster';

/** The file the Playground reads from its working directory. */
export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';

/** The Playground's config schema (0.1.1) wants exactly this many users besides the current one. */
const OTHER_USERS = 5;

/** A fictional tenant and bot, so activities look like Teams' without pointing at a real directory. */
export const DEMO_TENANT_ID = '5d1c2f4a-9b7e-4c3d-8a6f-0e2b1c3d4e5f';
const DEMO_BOT = { id: '8f0e6a3b-2c1d-4e5f-9a7b-6c5d4e3f2a1b', name: 'DX Navi' };

/** A person as the Playground's config describes them. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  /** (sic) The Playground's schema spells it this way. */
  readonly userPrincipleName: string;
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

/** The Playground's config file (schema version 0.1.1), with the demo cast as its users. */
export interface PlaygroundConfig {
  readonly version: '0.1.1';
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { id: string; name: string }[];
  };
}

/**
 * The config that makes one of the cast the Playground's user (the employee unless told otherwise), with the rest
 * of the cast in its group chat and team. The Playground has no way to switch users while it runs.
 */
export function playgroundConfig(cast: DemoCast, as: DemoRole = 'employee', tenantId = DEMO_TENANT_ID): PlaygroundConfig {
  const current = cast[as];
  if (!current) throw new Error(`the demo roster has nobody with the role "${as}"`);
  const users = cast.everyone.filter((e) => e !== current).slice(0, OTHER_USERS);
  if (users.length < OTHER_USERS) {
    throw new Error(`the Playground needs ${OTHER_USERS + 1} people; the demo roster has ${users.length + 1}`);
  }
  return {
    version: '0.1.1',
    tenantId,
    bot: DEMO_BOT,
    currentUser: playgroundUser(current),
    users: users.map(playgroundUser),
    // One personal chat per person: the Playground of one person (all run on the same port, one at a time) refuses a
    // message to another person's chat, so a notice for someone not there now is kept for them, not shown to the wrong person.
    personalChat: { id: `dx-navi-personal-chat-${as}` },
    groupChat: { id: 'dx-navi-group-chat', name: 'DX Navi デモ' },
    team: { id: 'dx-navi-team', name: 'DX Navi デモ', aadGroupId: '3a9c8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', channels: [] },
  };
}

/** Writes the config into the Playground's working directory; returns the file's path. */
export function writePlaygroundConfig(workDir: string, config: PlaygroundConfig): string {
  mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, PLAYGROUND_CONFIG_FILE);
  // JSON is YAML, and needs no escaping rules of our own for names and e-mails.
  const header = '# Written by `npm start` from the demo roster on every start; edit data/demo/roster.csv instead.\n';
  writeFileSync(file, `${header}${JSON.stringify(config, null, 2)}\n`, 'utf8');
  return file;
}

function playgroundUser(employee: Employee): PlaygroundUser {
  // Japanese names are written surname first, separated by a space.
  const [surname = employee.name, ...given] = employee.name.split(/\s+/u);
  return {
    id: `29:${employee.employeeNo}`,
    name: employee.name,
    userPrincipleName: employee.email,
    aadObjectId: employee.aadObjectId,
    givenName: given.join(' '),
    surname,
    email: employee.email,
  };
}
