import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APPLICATIONS_INTENTS } from '../../src/features/applications/intents';
import { APPOINTMENT_INTENTS } from '../../src/features/appointment/intents';
import { ASSESSMENT_INTENTS } from '../../src/features/assessment/intents';
import { BROADCAST_INTENTS } from '../../src/features/broadcast/intents';
import { EVALUATION_INTENTS } from '../../src/features/evaluation/intents';
import { EXPORT_INTENTS } from '../../src/features/exports/intents';
import { FRAMEWORK_INTENTS } from '../../src/features/framework/intents';
import { HR_MENU_INTENTS } from '../../src/features/hrMenu/intents';
import { INSIGHT_INTENTS } from '../../src/features/insight/intents';
import { MessageRouter } from '../../src/features/messageRouter';
import { projectRoot } from '../../src/projectRoot';
import { TEAM_INTENTS } from '../../src/features/team/intents';
import { TRAINING_INTENTS } from '../../src/features/training/intents';
import type { IntentDeclaration } from '../../src/features/understanding/intent';

/** One plain question of the everyday set, and what a correct answer must show. */
export interface EverydayQuestion {
  readonly text: string;
  /** `intent`: the router must take it for `intent`; `framework`: the framework search must answer it. */
  readonly expect: 'intent' | 'framework';
  readonly intent?: string;
  readonly as: 'employee' | 'manager' | 'hr';
  readonly shows: readonly string[];
  readonly locale?: string;
}

/** The everyday set (test/everyday/questions.json), shared by the tests and `npm run bench -- everyday`. */
export function everydayQuestions(): readonly EverydayQuestion[] {
  const file = path.join(projectRoot(), 'test', 'everyday', 'questions.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: EverydayQuestion[] }).questions;
}

/** Every intent the features declare, as the application registers them. */
export const ALL_INTENTS: readonly IntentDeclaration[] = [
  ...Object.values(FRAMEWORK_INTENTS),
  ...Object.values(ASSESSMENT_INTENTS),
  ...Object.values(APPLICATIONS_INTENTS),
  ...Object.values(TEAM_INTENTS),
  ...Object.values(TRAINING_INTENTS),
  ...Object.values(HR_MENU_INTENTS),
  ...Object.values(INSIGHT_INTENTS),
  ...Object.values(EXPORT_INTENTS),
  ...Object.values(BROADCAST_INTENTS),
  ...Object.values(EVALUATION_INTENTS),
  ...Object.values(APPOINTMENT_INTENTS),
];

/** A router that knows every declared intent, each answered by nothing: for reading what it makes of a message. */
export function routerOfAllIntents(): MessageRouter {
  const router = new MessageRouter();
  const unused = (): Promise<never> => Promise.reject(new Error('not dispatched in this test'));
  for (const declaration of ALL_INTENTS) router.on(declaration, unused);
  return router;
}
