import type { SearchTarget } from '../../../domain/framework/search';
import { VERBS, type Verb } from '../../verbs';

/** The Action.Execute that opens what a search hit points at. */
export function actionFor(target: SearchTarget): { verb: Verb; payload: Record<string, string | number> } {
  switch (target.kind) {
    case 'skill':
      return { verb: VERBS.skill, payload: { skillId: target.skillId } };
    case 'role':
    case 'level':
      return { verb: VERBS.level, payload: { level: target.level } };
    case 'focusItem':
    case 'program':
      return { verb: VERBS.training, payload: { level: target.level } };
    case 'recommendedSkill':
      return { verb: VERBS.recommended, payload: {} };
  }
}
