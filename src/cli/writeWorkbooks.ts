import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { FrameworkDocument } from '../domain/framework/schema';
import { validateFramework } from '../domain/framework/validateFramework';
import { formatIssue } from '../domain/validation';
import { frameworkSummary } from '../importing/importFramework';
import { frameworkWorkbook } from '../importing/workbook/writeWorkbook';
import { projectRoot } from '../projectRoot';
import { tableStorageFor } from '../runtime';
import { createRepositories } from '../storage/repositories';
import { EXIT } from './runImport';

/** The shipped framework files `--from` names, by file name without `.json`. */
const FRAMEWORKS_DIR = path.join(projectRoot(), 'data', 'frameworks');
const NOT_A_FRAMEWORK = 'framework.schema';

/** Parses `--out <path>` and, where the command takes it, `--from <name>`; undefined for anything else. */
export function parseWorkbookArgs(argv: readonly string[], options: { from: boolean }): { out: string; from?: string } | undefined {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined || !(name === 'out' || (name === 'from' && options.from))) return undefined;
    values[name] = value;
  }
  return values.out ? { out: values.out, from: values.from } : undefined;
}

/** `framework:template`: the empty workbook, or with `--from` one filled in from a shipped framework file. */
export async function runTemplate(argv: readonly string[]): Promise<number> {
  const args = parseWorkbookArgs(argv, { from: true });
  if (!args) {
    console.error(`usage: npm run framework:template -- --out <city.xlsx> [--from <${shippedFrameworks().join('|')}>]`);
    return EXIT.usage;
  }
  if (!args.from) return writeWorkbook(args.out, undefined, 'an empty framework workbook to fill in');
  const document = shippedFramework(args.from);
  return document ? writeWorkbook(args.out, document, frameworkSummary(document)) : EXIT.failed;
}

/** `framework:export`: the active framework (FRAMEWORK_ID) from the bot's storage, as a workbook. */
export async function runExport(argv: readonly string[], config: Config): Promise<number> {
  const args = parseWorkbookArgs(argv, { from: false });
  if (!args) {
    console.error('usage: npm run framework:export -- --out <city.xlsx>');
    return EXIT.usage;
  }
  let active;
  try {
    active = await createRepositories(tableStorageFor(config)).frameworks.loadActive(config.frameworkId);
  } catch (error) {
    console.error(
      `cannot read the framework from storage (${error instanceof Error ? error.message : String(error)}). ` +
        "Set STORAGE_CONNECTION_STRING (in Azure: STORAGE_ACCOUNT_NAME) to the bot's storage; unset, the local storage of `npm start` is used.",
    );
    return EXIT.failed;
  }
  if (!active) {
    console.error(
      `no framework "${config.frameworkId}" has been imported into this storage. Set FRAMEWORK_ID to the framework's id ` +
        "and STORAGE_CONNECTION_STRING to the bot's storage, or import one first (npm run framework:import).",
    );
    return EXIT.failed;
  }
  return writeWorkbook(args.out, active.document, `${frameworkSummary(active.document)}; version ${active.version}`);
}

/** A shipped framework file, validated; undefined (having said why) when there is no such file or it is invalid. */
function shippedFramework(name: string): FrameworkDocument | undefined {
  const known = shippedFrameworks();
  if (!known.includes(name)) {
    console.error(`no framework file "${name}" in data/frameworks; choose one of: ${known.join(', ')}`);
    return undefined;
  }
  const validated = validateFramework(JSON.parse(fs.readFileSync(path.join(FRAMEWORKS_DIR, `${name}.json`), 'utf8')));
  if (!validated.ok) {
    console.error(`data/frameworks/${name}.json is not valid:`);
    for (const issue of validated.issues) console.error(`  ${formatIssue(issue)}`);
    return undefined;
  }
  return validated.value;
}

function shippedFrameworks(): string[] {
  return fs
    .readdirSync(FRAMEWORKS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .filter((name) => name !== NOT_A_FRAMEWORK)
    .sort();
}

/** Writes the workbook to a new file: an existing one (perhaps a city's filled-in workbook) is never overwritten. */
async function writeWorkbook(out: string, document: FrameworkDocument | undefined, what: string): Promise<number> {
  const bytes = Buffer.from(await frameworkWorkbook(document).xlsx.writeBuffer());
  try {
    fs.writeFileSync(out, bytes, { flag: 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    console.error(exists ? `${out} exists already; nothing was written. Give another name, or move the file first.` : `cannot write ${out}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  console.log(`wrote ${out}: ${what}`);
  return EXIT.ok;
}
