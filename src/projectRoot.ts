import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file, so that `cards/` and `data/` resolve
 * the same way from the TypeScript sources (tests) and from the compiled `dist/` (npm start, npm run bot).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
