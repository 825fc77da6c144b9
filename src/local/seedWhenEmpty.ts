import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../domain/validation';
import { importFramework } from '../importing/importFramework';
import type { ImportOutcome } from '../importing/importOutcome';
import { importRoster } from '../importing/importRoster';
import type { Repositories } from '../storage/repositories';
import { DEMO_ROSTER_FILE } from './demoRoster';

/** The files an empty storage is seeded from. */
export interface SeedFiles {
  readonly framework: string;
  readonly roster: string;
}

/** What seeding did to one data set: imported it, kept what storage had, or found no file to import. */
export type SeedResult = 'imported' | 'kept' | 'no file';

/** The framework's source file and the demo roster, in the project. */
export function seedFiles(root: string, frameworkId: string): SeedFiles {
  return {
    framework: path.join(root, 'data', 'frameworks', `${frameworkId}.json`),
    roster: path.join(root, DEMO_ROSTER_FILE),
  };
}

/**
 * Imports the framework and the demo roster into storage that has none, so a first `npm start` shows a working
 * bot, and leaves whatever storage already has alone, so data imported by hand survives a restart.
 * A framework that is neither in storage nor in a file is an error that names the files there are: FRAMEWORK_ID
 * chooses the city, and a bot without its framework would only say "not ready yet".
 */
export async function seedWhenEmpty(
  repositories: Repositories,
  frameworkId: string,
  files: SeedFiles,
): Promise<{ framework: SeedResult; roster: SeedResult }> {
  const stored = await repositories.frameworks.findActiveVersion(frameworkId);
  if (!stored && !existsSync(files.framework)) throw new Error(noFrameworkFile(frameworkId, files.framework));
  const framework = stored ? 'kept' : await importFile(files.framework, (text) => importFramework(text, repositories.frameworks));
  if (framework === 'imported' && !(await repositories.frameworks.findActiveVersion(frameworkId))) {
    throw new Error(`${files.framework} holds a framework whose id is not "${frameworkId}"`);
  }
  const roster =
    (await repositories.roster.count()) > 0
      ? 'kept'
      : await importFile(files.roster, (text) => importRoster(text, repositories.roster));
  return { framework, roster };
}

async function importFile(file: string, importer: (text: string) => Promise<ImportOutcome>): Promise<SeedResult> {
  if (!existsSync(file)) return 'no file';
  const outcome = await importer(readFileSync(file, 'utf8'));
  if (outcome.status === 'invalid') {
    throw new Error(`${file} is not valid; nothing was imported:\n  ${outcome.issues.map(formatIssue).join('\n  ')}`);
  }
  return 'imported';
}

function noFrameworkFile(frameworkId: string, file: string): string {
  const folder = path.dirname(file);
  const ids = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
        .map((name) => name.slice(0, -'.json'.length))
    : [];
  return `FRAMEWORK_ID is "${frameworkId}", but storage has no such framework and there is no ${file} to import it from. Framework files: ${ids.join(', ') || 'none'}.`;
}
