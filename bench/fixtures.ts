import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../src/importing/importOutcome';
import { projectRoot } from '../src/projectRoot';
import type { Stats } from './measure';
import { fixed } from './table';

const FRAMEWORK_DOC = JSON.parse(
  readFileSync(path.join(projectRoot(), 'data', 'frameworks', 'kitakyushu.json'), 'utf8'),
) as { id: string };

/** The Kitakyushu framework under another id, so every import writes a fresh data set. */
export function frameworkText(id: string): string {
  return JSON.stringify({ ...FRAMEWORK_DOC, id });
}

export function expectStatus(outcome: ImportOutcome, status: ImportOutcome['status']): void {
  if (outcome.status !== status) throw new Error(`expected ${status}, got ${JSON.stringify(outcome).slice(0, 500)}`);
}

export const ms = (s: Stats): string[] => [fixed(s.p50, 2), fixed(s.p95, 2)];
