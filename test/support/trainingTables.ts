import type { TrainingTable } from '../../src/domain/training/trainingTable';

/** A training file as its reader gives it: headings on row 1 (columns A, B, …), then each row's cells from row 2. */
export function tableOf(headings: readonly string[], ...rows: readonly string[][]): TrainingTable {
  return {
    headerRow: 1,
    headers: headings.map((text, i) => ({ column: String.fromCharCode(65 + i), text })),
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}
