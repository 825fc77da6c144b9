import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkJsonSchema, frameworkJsonSchemaText } from '../../src/cli/writeFrameworkSchema';

const committed = readFileSync(path.join(__dirname, '../../data/frameworks/framework.schema.json'), 'utf8');

describe('data/frameworks/framework.schema.json', () => {
  it('is what `npm run framework:schema` generates from the zod schema', () => {
    expect(JSON.parse(committed)).toEqual(frameworkJsonSchema());
    expect(committed).toBe(frameworkJsonSchemaText());
  });

  it('describes the framework file', () => {
    const schema = frameworkJsonSchema() as { title?: string; properties?: Record<string, unknown>; required?: string[] };
    expect(schema.title).toBe('DX Navi framework file');
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['tiers', 'levels', 'categories', 'roles', 'requiredSkills', 'rules']),
    );
    // fields with defaults may be left out of a file
    expect(schema.required).not.toContain('$schema');
    expect(schema.required).toContain('rules');
  });
});
