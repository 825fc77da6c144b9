import fs from 'node:fs';
import { loadConfig } from '../config';
import { formatIssue, type ValidationIssue } from '../domain/validation';
import { decodeUtf8Text } from '../importing/decodeText';
import type { ImportOptions, ImportOutcome } from '../importing/importOutcome';
import { createRepositories, type Repositories } from '../storage/repositories';
import { tableStorageFor } from '../runtime';
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

/** Runs one kind of import against the repositories. */
export type Importer = (text: string, repositories: Repositories, options: ImportOptions) => Promise<ImportOutcome>;

/** Parses `--file <path> [--dry-run]`; undefined for anything else. */
export function parseImportArgs(argv: readonly string[]): { file: string; dryRun: boolean } | undefined {
  let file: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--file' && argv[i + 1] !== undefined) file = argv[++i];
    else if (arg?.startsWith('--file=')) file = arg.slice('--file='.length);
    else return undefined;
  }
  return file ? { file, dryRun } : undefined;
}

/**
 * The body of an import command: read the file, validate, import with a progress bar, report, and
 * return the exit code. Storage comes from the environment, like the bot's (see README).
 */
export async function runImport(command: string, argv: readonly string[], importer: Importer): Promise<number> {
  const args = parseImportArgs(argv);
  if (!args) {
    console.error(`usage: npm run ${command} -- --file <path> [--dry-run]`);
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
  const text = decodeUtf8Text(bytes);
  if (!text.ok) return report(args.file, { status: 'invalid', issues: text.issues });
  const storage = tableStorageFor(loadConfig());
  if (!args.dryRun) await storage.ensureTables();
  const outcome = await importer(text.value, createRepositories(storage), {
    dryRun: args.dryRun,
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

/** Runs an import command as a process and exits with its code; storage failures are reported, not thrown. */
export function runImportAsMain(command: string, importer: Importer): void {
  runImport(command, process.argv.slice(2), importer)
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(`${command} failed; nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(EXIT.failed);
    });
}
