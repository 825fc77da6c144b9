/**
 * Run by the `load` section in a new process: loads the bot's modules, then the active framework as the bot's first
 * turn does (FrameworkCatalog: head row, document, search index), and prints the times as one JSON line.
 */
import { performance } from 'node:perf_hooks';

/** Milliseconds from the process's start until this script began (node's own start-up). */
const scriptStart = performance.now();

async function main(): Promise<void> {
  const t0 = performance.now();
  const { loadConfig } = await import('../src/config');
  const { createRepositories } = await import('../src/storage/repositories');
  const { FrameworkCatalog } = await import('../src/storage/frameworkCatalog');
  const { tableStorageFor } = await import('../src/runtime');
  const t1 = performance.now();
  const config = loadConfig();
  const catalog = new FrameworkCatalog(createRepositories(tableStorageFor(config)).frameworks, config.frameworkId, 0);
  const active = await catalog.current();
  if (!active) throw new Error(`framework ${config.frameworkId} is not stored`);
  const t2 = performance.now();
  console.log(JSON.stringify({ nodeStartMs: scriptStart, importMs: t1 - t0, catalogMs: t2 - t1, readyMs: t2 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
