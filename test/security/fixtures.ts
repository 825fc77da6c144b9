import { randomUUID } from 'node:crypto';
import type { Logger } from '../../src/logger';
import type { TestUser } from '../support/botHarness';

// What the security tests set up alike: people on a roster of their own, a logger that keeps the warnings (the lines
// a security team would read), and waiting for what the bot does in the background.

/** Someone with a fresh Entra id, and the e-mail the roster knows them by. */
export interface Person extends TestUser {
  readonly email: string;
}

export function person(name: string): Person {
  const aadObjectId = randomUUID();
  return { id: `29:${aadObjectId}`, aadObjectId, name, email: `${aadObjectId}@example.city.jp` };
}

/** Where someone sits on the roster, and what they are; 市民局 区政推進課 and no role unless said. */
export interface Placement {
  readonly department?: string;
  readonly section?: string;
  readonly manager?: Person;
  readonly roles?: string;
}

/** A roster being written: each person added gets a row, its fields CSV-quoted (IT's names may hold commas and quotes). */
export function rosterOf(): { add(name: string, grade: string, placement?: Placement): Person; readonly rows: string[] } {
  const rows: string[] = [];
  const quoted = (field: string): string => `"${field.replaceAll('"', '""')}"`;
  return {
    rows,
    add(name, grade, placement = {}) {
      const p = person(name);
      const { department = '市民局', section = '区政推進課', manager, roles = '' } = placement;
      rows.push([`S${rows.length + 1}`, name, p.email, p.aadObjectId, department, section, grade, manager?.email ?? '', roles].map(quoted).join(','));
      return p;
    },
  };
}

/** A warning the bot logged, with its fields. */
export interface Warning {
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

/** A logger that keeps the bot's warnings and drops the rest. */
export function keepingWarnings(): { logger: Logger; warnings: Warning[] } {
  const warnings: Warning[] = [];
  return { warnings, logger: { info: () => undefined, warn: (message, fields) => warnings.push({ message, fields }), error: () => undefined } };
}

