import type { CsvField } from './csv';
import type { ExportKind } from './preparedExport';

/**
 * One export's content as the preparer reads it: the file's names and header, how many rows to expect (so progress
 * can say "n of N"), and the rows, page by page from storage, never all at once.
 */
export interface CsvSource {
  readonly kind: ExportKind;
  readonly fiscalYear?: number;
  /** The broadcast a report is of. */
  readonly broadcastId?: string;
  /** The name HR's browser saves it under (Japanese), and a plain-ASCII one for old clients. */
  readonly filename: string;
  readonly asciiFilename: string;
  readonly headers: readonly string[];
  count(): Promise<number>;
  pages(): AsyncIterable<readonly (readonly CsvField[])[]>;
}
