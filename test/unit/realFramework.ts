import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Framework } from '../../src/domain/framework/framework';
import { validateFramework } from '../../src/domain/framework/validateFramework';

/** The Kitakyushu framework exactly as the bot loads it: the data file, validated, wrapped in a Framework. */
export function loadKitakyushu(): Framework {
  const file = path.join(__dirname, '../../data/frameworks/kitakyushu.json');
  const result = validateFramework(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`kitakyushu.json is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return new Framework(result.value, 'v1');
}
