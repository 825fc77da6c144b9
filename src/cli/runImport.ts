import fs from 'node:fs';
import { loadConfig } from '../config';
import { formatIssue, type ValidationIssue } from '../domain/validation';
import type { Locale } from '../i18n';
import { decodeUtf8Text } from '../importing/decodeText';
import type { ImportOptions, ImportOutcome } from '../importing/importOutcome';
import { createRepositories, type Repositories } from '../storage/repositories';
import { tableStorageFor } from '../runtime';
import { isStorageUnavailable } from '../storage/storageErrors';
import { progressBar } from './progressBar';

/** Exit codes: 0 success (imported, unchanged, or valid in a dry run), 1 invalid file or failure, 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** At most this many issues are printed; the rest are counted. */
const MAX_ISSUES_SHOWN = 50;

/**
 * Files above this size are refused before they are read (a database dump picked by mistake would take all the
 * memory). Far above any real import: a roster of 100,000 people is about 20 MB.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

function tooLarge(size: number): ValidationIssue {
  const mb = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;
  return { where: '(file)', message: `the file is ${mb(size)}; an import file is at most ${mb(MAX_FILE_BYTES)}: is this the right file?` };
}

/** The file an import reads: its path (its extension says what it is) and its bytes. */
export interface ImportFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Options of the command line: `locale` is the language of problems that have a Japanese wording (a workbook's,
 * an attendance file's); `frameworkId` the active framework, as the bot's environment names it.
 */
export type CliImportOptions = ImportOptions & { readonly locale: Locale; readonly frameworkId: string };

/** Runs one kind of import against the repositories. */
export type Importer = (file: ImportFile, repositories: Repositories, options: CliImportOptions) => Promise<ImportOutcome>;

/** An importer of UTF-8 text (JSON, CSV): a file in another encoding is refused, saying how to save it. */
export function textImporter(
  importText: (text: string, repositories: Repositories, options: ImportOptions) => Promise<ImportOutcome>,
): Importer {
  return async (file, repositories, options) => {
    const text = decodeUtf8Text(file.bytes);
    return text.ok ? importText(text.value, repositories, options) : { status: 'invalid', issues: text.issues };
  };
}

const LOCALES: readonly Locale[] = ['ja', 'en'];

/** Parses `--file <path> [--dry-run] [--lang ja|en]`; undefined for anything else. */
export function parseImportArgs(argv: readonly string[]): { file: string; dryRun: boolean; locale: Locale } | undefined {
  let file: string | undefined;
  let dryRun = false;
  let locale: Locale = 'ja';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--file' && argv[i + 1] !== undefined) file = argv[++i];
    else if (arg?.startsWith('--file=')) file = arg.slice('--file='.length);
    else if (arg === '--lang' && LOCALES.includes(argv[i + 1] as Locale)) locale = argv[++i] as Locale;
    else return undefined;
  }
  return file ? { file, dryRun, locale } : undefined;
}

/**
 * The body of an import command: read the file, validate, import with a progress bar, report, and
 * return the exit code. Storage comes from the environment, like the bot's (see README).
 */
export async function runImport(command: string, argv: readonly string[], importer: Importer): Promise<number> {
  const args = parseImportArgs(argv);
  if (!args) {
    console.error(`usage: npm run ${command} -- --file <path> [--dry-run] [--lang ja|en]`);
    return EXIT.usage;
  }
  let bytes: Buffer;
  try {
    const { size } = fs.statSync(args.file);
    if (size > MAX_FILE_BYTES) return report(args.file, { status: 'invalid', issues: [tooLarge(size)] });
    bytes = fs.readFileSync(args.file);
  } catch (err) {
    console.error(`cannot read ${args.file}: ${(err as Error).message}`);
    return EXIT.failed;
  }
  const config = loadConfig();
  const storage = tableStorageFor(config);
  if (!args.dryRun) await storage.ensureTables();
  const outcome = await importer({ path: args.file, bytes }, createRepositories(storage), {
    dryRun: args.dryRun,
    locale: args.locale,
    frameworkId: config.frameworkId,
    onProgress: progressBar('writing'),
  });
  return report(args.file, outcome);
}

function report(file: string, outcome: ImportOutcome): number {
  switch (outcome.status) {
    case 'invalid': {
      console.error(`${file} is not valid; nothing was changed. ${outcome.issues.length} problem(s):`);
      for (const issue of outcome.issues.slice(0, MAX_ISSUES_SHOWN)) console.error(`  ${formatIssue(issue)}`);
      if (outcome.issues.length > MAX_ISSUES_SHOWN) console.error(`  … and ${outcome.issues.length - MAX_ISSUES_SHOWN} more`);
      return EXIT.failed;
    }
    case 'valid':
      console.log(`${file} is valid (dry run, nothing written): ${outcome.summary}; version ${outcome.version}`);
      return EXIT.ok;
    case 'unchanged':
      console.log(`already up to date, nothing changed: ${outcome.summary}; version ${outcome.version}`);
      return EXIT.ok;
    case 'imported':
      console.log(`imported: ${outcome.summary}; version ${outcome.version}`);
      return EXIT.ok;
  }
}

/** What a command that failed half way has left: nothing (the import switches in one step), or part of the file. */
export type LeftOnFailure = 'nothing' | 'part';

const LEFT_ON_FAILURE: Readonly<Record<LeftOnFailure, string>> = {
  nothing: 'nothing was changed',
  part: 'part of the file may be written; importing the same file again completes it',
};

/** Runs an import command as a process and exits with its code; storage failures are reported, not thrown. */
export function runImportAsMain(command: string, importer: Importer, left: LeftOnFailure = 'nothing'): void {
  runAsMain(command, () => runImport(command, process.argv.slice(2), importer), left);
}

/** Runs a command as a process and exits with its code; an unexpected failure is reported in one line, not thrown. */
export function runAsMain(command: string, run: () => Promise<number>, left: LeftOnFailure = 'nothing'): void {
  run()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(failureMessage(command, error, left));
      process.exit(EXIT.failed);
    });
}

/**
 * The one line a failed command prints. Storage that does not answer is most often a local run without `npm start`
 * (whose Azurite the commands use when nothing is set): the line says so, rather than leaving a bare ECONNREFUSED.
 */
export function failureMessage(command: string, error: unknown, left: LeftOnFailure = 'nothing'): string {
  const said = `${command} failed; ${LEFT_ON_FAILURE[left]}: ${error instanceof Error ? error.message : String(error)}`;
  if (!isStorageUnavailable(error)) return said;
  return `${said}
  storage did not answer: with STORAGE_CONNECTION_STRING unset, the command uses the local storage of \`npm start\` — start it first (or set STORAGE_CONNECTION_STRING).`;
}
