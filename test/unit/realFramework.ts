import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Framework } from '../../src/domain/framework/framework';
import { validateFramework } from '../../src/domain/framework/validateFramework';

/** A framework file of data/frameworks exactly as the bot loads it: validated, wrapped in a Framework. */
export function loadFrameworkFile(id: string): Framework {
  const file = path.join(__dirname, '../../data/frameworks', `${id}.json`);
  return loadFrameworkDocument(JSON.parse(readFileSync(file, 'utf8')), `${id}.json`);
}

/** A framework document as the bot loads it: validated, wrapped in a Framework; `name` says which one an error is about. */
export function loadFrameworkDocument(document: unknown, name: string): Framework {
  const result = validateFramework(document);
  if (!result.ok) throw new Error(`${name} is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return new Framework(result.value, 'v1');
}

/** The Kitakyushu framework exactly as the bot loads it: the data file, validated, wrapped in a Framework. */
export function loadKitakyushu(): Framework {
  return loadFrameworkFile('kitakyushu');
}
