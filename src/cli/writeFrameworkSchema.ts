import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';
import { frameworkDocumentSchema } from '../domain/framework/schema';

/**
 * Writes data/frameworks/framework.schema.json, the JSON Schema other cities write their framework file against.
 * Run with `npm run framework:schema` whenever src/domain/framework/schema.ts changes; never edit the output by hand.
 */

/** Where the generated schema lives, relative to the project root. */
export const frameworkJsonSchemaPath = path.join('data', 'frameworks', 'framework.schema.json');

/** The JSON Schema of a framework file, generated from the zod schema (the shape of the file as written, not as parsed). */
export function frameworkJsonSchema(): object {
  const generated = z.toJSONSchema(frameworkDocumentSchema, { io: 'input' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'DX Navi framework file',
    description:
      "A city's DX talent framework (tiers, levels, categories, roles, skills, training, rules) as imported by `npm run framework:import`. " +
      'Generated from src/domain/framework/schema.ts by `npm run framework:schema`: do not edit by hand. ' +
      'The importer also checks references between parts (see data/frameworks/README.md).',
    ...rest,
  };
}

/** The file's exact text: 2-space indentation and a trailing newline. */
export function frameworkJsonSchemaText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}

function main(): void {
  const target = path.resolve(process.cwd(), process.argv[2] ?? frameworkJsonSchemaPath);
  writeFileSync(target, frameworkJsonSchemaText(), 'utf8');
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

if (require.main === module) main();
