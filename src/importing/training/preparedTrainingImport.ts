import type { ValidationIssue } from '../../domain/validation';
import type { ImportOptions } from '../importOutcome';

/** A training table checked whole: its problems, or what it holds and how to store it (nothing is written before). */
export type PreparedTrainingImport =
  | { readonly ok: false; readonly issues: ValidationIssue[] }
  | {
      readonly ok: true;
      /** What the file holds, for the import's version. */
      readonly content: unknown;
      readonly summary: string;
      store(onProgress?: ImportOptions['onProgress']): Promise<{ written: number; counts: string }>;
    };
