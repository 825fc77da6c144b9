import type { ChatClient, InvokeCard } from './chat';
import { now } from './measure';

/** One Action.Execute button of a card. */
interface Execute {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Lv.2 in every role category (so the skills steps run Lv.1 to Lv.3), every skill rated 2 (実践できる). */
export const BENCH_ROLE_LEVEL = 2;
export const BENCH_RATING = '2';

/** How long one user's timed answers took, in milliseconds. */
export interface AssessmentTimings {
  /** The assessment started, still in progress. */
  readonly assessmentId: string;
  readonly start: number;
  readonly role: number;
  readonly skills: number;
  /** How many ratings the skills answer carried. */
  readonly ratings: number;
}

/**
 * Takes one user from a new assessment to past the Lv.1 skills, as the cards lead: assessment.start (timed), the
 * first role answer (timed), the other role answers (untimed), then every Lv.1 skill rated in one answer (timed).
 * Every answer must move the assessment on; a refusal card (also an Adaptive Card) throws.
 * The user must have no assessment in progress, or start answers with "continue / start over" instead.
 */
export async function firstAssessmentSteps(chat: ChatClient, user: number, roleLevel: number, rating: string): Promise<AssessmentTimings> {
  const timed = async (action: Execute): Promise<[InvokeCard, number]> => {
    const t0 = now();
    const card = await chat.click(user, action.verb, action.data);
    return [card, now() - t0];
  };
  const [firstRole, start] = await timed({ verb: 'assessment.start', data: {} });
  let choice = actionOn(firstRole, 'assessment.role', (data) => Number(data.level) === roleLevel);
  const [afterFirstRole, role] = await timed(choice);
  let card = afterFirstRole;
  while (executes(card).some((a) => a.verb === 'assessment.role')) {
    choice = nextStep(card, 'assessment.role', choice, (data) => Number(data.level) === roleLevel);
    card = await chat.click(user, choice.verb, choice.data);
  }
  const next = actionOn(card, 'assessment.skills', (data) => data.step === 'skills:1');
  const inputs = ratingInputs(card);
  const [after, skills] = await timed({ verb: next.verb, data: { ...next.data, ...Object.fromEntries(inputs.map((id) => [id, rating])) } });
  nextStep(after, 'assessment.skills', next);
  return { assessmentId: String(next.data.assessmentId), start, role, skills, ratings: inputs.length };
}

/** The button of the step after `previous`: same verb, another step. */
function nextStep(card: InvokeCard, verb: string, previous: Execute, where: (data: Execute['data']) => boolean = () => true): Execute {
  return actionOn(card, verb, (data) => data.step !== previous.data.step && where(data));
}

/** The first Action.Execute with the verb whose data passes `where`; throws, showing the card, when there is none. */
function actionOn(card: InvokeCard, verb: string, where: (data: Execute['data']) => boolean = () => true): Execute {
  const found = executes(card).find((a) => a.verb === verb && where(a.data));
  if (!found) throw new Error(`no ${verb} button of the expected step on the card: ${JSON.stringify(card).slice(0, 400)}`);
  return found;
}

/** Every Action.Execute of a card, wherever it sits. */
function executes(card: InvokeCard): Execute[] {
  return collect(card, (o) =>
    o.type === 'Action.Execute' && typeof o.verb === 'string' ? [{ verb: o.verb, data: (o.data ?? {}) as Execute['data'] }] : [],
  );
}

/** The ids of the skill rating dropdowns (Input.ChoiceSet r_<skillId>) of a card. */
function ratingInputs(card: InvokeCard): string[] {
  return collect(card, (o) => (o.type === 'Input.ChoiceSet' && typeof o.id === 'string' && o.id.startsWith('r_') ? [o.id] : []));
}

/** What `pick` finds in every object of a JSON tree, in document order. */
function collect<T>(node: unknown, pick: (object: Record<string, unknown>) => T[]): T[] {
  if (Array.isArray(node)) return node.flatMap((n) => collect(n, pick));
  if (typeof node !== 'object' || node === null) return [];
  const object = node as Record<string, unknown>;
  return [...pick(object), ...Object.values(object).flatMap((n) => collect(n, pick))];
}
