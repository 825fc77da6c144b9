import { z } from 'zod/v4';

/** Every Action.Execute verb the bot answers, with the payload it expects. Cards use these strings verbatim. */
export const VERBS = {
  menu: 'menu.show',
  ladder: 'framework.ladder',
  level: 'framework.level',
  skill: 'framework.skill',
  recommended: 'framework.recommended',
  training: 'framework.training',
  search: 'framework.search',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Card templates write numbers through string expressions, so a level may arrive as "3". */
const levelNumber = z.coerce.number().int().min(1).max(10);

/** The payload of each verb. Card data is untrusted input: it is parsed here before any handler sees it. */
export const PAYLOADS = {
  [VERBS.menu]: z.object({}),
  [VERBS.ladder]: z.object({}),
  [VERBS.level]: z.object({ level: levelNumber }),
  [VERBS.skill]: z.object({ skillId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) }),
  [VERBS.recommended]: z.object({}),
  [VERBS.training]: z.object({ level: levelNumber }),
  [VERBS.search]: z.object({ query: z.string().trim().min(1).max(100) }),
} satisfies Record<Verb, z.ZodType>;

export type Payload<V extends Verb> = z.infer<(typeof PAYLOADS)[V]>;
