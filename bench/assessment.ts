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

/** What a whole self-assessment takes: the cards answered, the answers given, and the clicks they took. */
export interface AssessmentEffort {
  readonly steps: number;
  /** The ratings among the answers. */
  readonly ratings: number;
  readonly clicks: number;
}

/**
 * Takes one user through a whole new assessment as the cards lead (the role level in every category, every skill
 * `rating`, the suggested target) and counts, on each card, the clicks a person makes: one per button, one per
 * rating whose choices are in view and two for a dropdown (open it, choose), none for a choice already made.
 */
export async function wholeAssessmentEffort(chat: ChatClient, user: number, roleLevel: number, rating: string): Promise<AssessmentEffort> {
  let card = await chat.click(user, 'assessment.start', {});
  let steps = 0;
  let ratings = 0;
  let clicks = 1;
  const answer = async (action: Execute, inputs: Record<string, string> = {}): Promise<void> => {
    card = await chat.click(user, action.verb, { ...action.data, ...inputs });
    steps += 1;
    clicks += 1;
  };
  while (executes(card).some((a) => a.verb === 'assessment.role')) {
    await answer(actionOn(card, 'assessment.role', (data) => Number(data.level) === roleLevel));
  }
  while (executes(card).some((a) => a.verb === 'assessment.skills')) {
    const inputs = choiceSets(card).filter((c) => c.id.startsWith('r_'));
    ratings += inputs.length;
    clicks += inputs.reduce((sum, input) => sum + clicksToChoose(input), 0);
    await answer(actionOn(card, 'assessment.skills'), Object.fromEntries(inputs.map((input) => [input.id, rating])));
  }
  const target = choiceSets(card).find((c) => c.id === 'target');
  if (!target) throw new Error(`no target step after the skills: ${JSON.stringify(card).slice(0, 400)}`);
  clicks += target.value ? 0 : clicksToChoose(target);
  await answer(actionOn(card, 'assessment.target'), { target: target.value || '1' });
  if (!executes(card).some((a) => a.verb === 'assessment.history')) throw new Error(`no result after the target: ${JSON.stringify(card).slice(0, 400)}`);
  return { steps, ratings, clicks };
}

/** A choice set of a card: its id, the value it shows, and whether its choices are in view. */
interface ChoiceSet {
  readonly id: string;
  readonly value: string;
  readonly expanded: boolean;
}

/** Clicks to choose in a choice set: one on a choice in view, or two on a dropdown (open it, choose). */
function clicksToChoose(choiceSet: ChoiceSet): number {
  return choiceSet.expanded ? 1 : 2;
}

function choiceSets(card: InvokeCard): ChoiceSet[] {
  return collect(card, (o) =>
    o.type === 'Input.ChoiceSet' && typeof o.id === 'string'
      ? [{ id: o.id, value: typeof o.value === 'string' ? o.value : '', expanded: o.style === 'expanded' }]
      : [],
  );
}

/** The button of the step after `previous`: same verb, another step. */
function nextStep(card: InvokeCard, verb: string, previous: Execute, where: (data: Execute['data']) => boolean = () => true): Execute {
  return actionOn(card, verb, (data) => data.step !== previous.data.step && where(data));
}

/** The first Action.Execute with the verb whose data passes `where`; throws, showing the card, when there is none. */
export function actionOn(card: InvokeCard, verb: string, where: (data: Execute['data']) => boolean = () => true): Execute {
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
