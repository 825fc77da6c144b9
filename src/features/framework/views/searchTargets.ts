import type { SearchTarget } from '../../../domain/framework/search';
import { VERBS, type Verb } from '../../verbs';

/**
 * The Action.Execute that opens what a search hit points at: the card that holds it, showing the very item the hit
 * named (a role, a focus item or a program) among the others, and, given the words searched for, the way back to the
 * results.
 */
export function actionFor(target: SearchTarget, query?: string): { verb: Verb; payload: Record<string, string | number> } {
  const back: Record<string, string> = query === undefined ? {} : { query };
  switch (target.kind) {
    case 'skill':
      return { verb: VERBS.skill, payload: { skillId: target.skillId, ...back } };
    case 'role':
      return { verb: VERBS.level, payload: { level: target.level, item: target.category, ...back } };
    case 'level':
      return { verb: VERBS.level, payload: { level: target.level, ...back } };
    case 'focusItem':
      return { verb: VERBS.training, payload: { level: target.level, item: target.focusItemId, ...back } };
    case 'program':
      return { verb: VERBS.training, payload: { level: target.level, item: target.programId, ...back } };
    case 'recommendedSkill':
      return { verb: VERBS.recommended, payload: back };
    case 'certification':
      return { verb: VERBS.applicationsOpen, payload: {} };
  }
}
