import { validateFramework } from '../domain/framework/validateFramework';
import type { FrameworkRepository } from '../storage/frameworkRepository';
import { storeValidated, type ImportOptions, type ImportOutcome } from './importOutcome';
import { parseJsonText } from './parseJsonText';

/**
 * Validates a framework file and, unless it is a dry run, makes it the active framework, all or nothing.
 * Importing the same content again changes nothing.
 */
export async function importFramework(
  text: string,
  repository: FrameworkRepository,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const json = parseJsonText(text);
  if (!json.ok) return { status: 'invalid', issues: json.issues };
  const validated = validateFramework(json.value);
  if (!validated.ok) return { status: 'invalid', issues: validated.issues };
  const document = validated.value;
  const summary =
    `${document.name}: ${document.levels.length} levels, ${document.categories.length} categories, ` +
    `${document.roles.length} roles, ${document.requiredSkills.length} required skills, ` +
    `${document.recommendedSkillGroups.reduce((n, g) => n + g.skills.length, 0)} recommended skills, ` +
    `${document.trainingFocusItems.length} training focus items, ${document.programs.length} programs`;
  return storeValidated(document, summary, (d, version, onProgress) => repository.replace(d, version, onProgress), options);
}
