import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/projectRoot';

/**
 * Node's flags in `npm run bot` (and Azure's start command, which a test keeps equal), so that tests and the bench
 * that start the bot as a process run it as production does: its memory is what they measure.
 */
export function botNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const flags = /\bnode ((?:--\S+ )*)dist\/src\/index\.js$/.exec(packageJson.scripts.bot ?? '')?.[1];
  if (flags === undefined) throw new Error('package.json\'s "bot" script does not end with `node [flags] dist/src/index.js`');
  return flags.split(' ').filter(Boolean);
}
