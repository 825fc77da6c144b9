import { contentVersion } from './contentVersion';
import type { ValidationIssue } from '../domain/validation';

/** What an import did, for the CLI to print and the tests to check. */
export type ImportOutcome =
  | { status: 'invalid'; issues: ValidationIssue[] }
  | { status: 'valid'; version: string; summary: string }
  | { status: 'unchanged'; version: string; summary: string }
  | { status: 'imported'; version: string; summary: string };

/** Options shared by every import. */
export interface ImportOptions {
  /** Validate only; write nothing. */
  readonly dryRun?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The last step every import shares: version the validated content, then stop (dry run) or hand it to the
 * repository, which writes it all or nothing and reports whether anything changed.
 */
export async function storeValidated<T>(
  content: T,
  summary: string,
  replace: (content: T, version: string, onProgress?: ImportOptions['onProgress']) => Promise<boolean>,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const version = contentVersion(content);
  if (options.dryRun) return { status: 'valid', version, summary };
  const changed = await replace(content, version, options.onProgress);
  return { status: changed ? 'imported' : 'unchanged', version, summary };
}
