import v8 from 'node:v8';
import vm from 'node:vm';
import { mb, printTable } from './table';

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection, so that memory figures show live data and one section's garbage is not collected in the next. */
export const collectGarbage = vm.runInNewContext('gc') as () => void;

/** The bench process's memory after a full GC, in MB: label, RSS, heap used, heap total, external. */
export function memoryRow(label: string): string[] {
  collectGarbage();
  const m = process.memoryUsage();
  return [label, mb(m.rss), mb(m.heapUsed), mb(m.heapTotal), mb(m.external)];
}

/** Prints the memory rows taken during a section. */
export function printMemory(title: string, rows: readonly (readonly string[])[]): void {
  printTable(title, ['when (after a full GC)', 'RSS MB', 'heap used MB', 'heap total MB', 'external MB'], rows);
}
