import { applicationId } from '../src/domain/applications/application';
import { fiscalYearOf } from '../src/domain/applications/fiscalYear';
import { actionOn, BENCH_ROLE_LEVEL } from './assessment';
import type { ChatClient } from './chat';
import { measure, type Stats } from './measure';
import { aadObjectIdOf, managerOf } from './roster';

/** A click whose answer writes to storage, made ready by walking DX Navi's cards up to it: who clicks what. */
export interface PreparedClick {
  readonly user: number;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Each user starts a new assessment; the prepared click answers its first role question (one read, one write). */
export async function prepareAssessmentAnswers(chat: ChatClient, users: readonly number[]): Promise<PreparedClick[]> {
  const clicks: PreparedClick[] = [];
  for (const user of users) {
    const card = await chat.click(user, 'assessment.start', {});
    const answer = actionOn(card, 'assessment.role', (data) => Number(data.level) === BENCH_ROLE_LEVEL);
    clicks.push({ user, ...answer });
  }
  return clicks;
}

const MOTIVATION = '窓口のオンライン予約を全区に広げ、待ち時間を減らしたいです。';

/**
 * Each applicant applies to `track` (its window open); the prepared click is their manager approving it, which writes
 * the decision and tells the applicant.
 */
export async function prepareDecisions(chat: ChatClient, applicants: readonly number[], track: string): Promise<PreparedClick[]> {
  const managers = applicants.map((applicant) => {
    const manager = managerOf(applicant);
    if (manager === undefined) throw new Error(`employee ${applicant} has no manager to decide`);
    return manager;
  });
  // Each manager has used the bot before, as one deciding on the card they were sent has: the approval request reaches
  // their chat, and the timed click is not their first turn (which records where to reach them).
  for (const manager of new Set(managers)) await chat.click(manager, 'framework.level', { level: 1 });
  const clicks: PreparedClick[] = [];
  for (const [i, applicant] of applicants.entries()) {
    await chat.click(applicant, 'application.submit', { track, motivation: MOTIVATION, attachAssessment: 'false' });
    const id = applicationId(fiscalYearOf(new Date()), track, aadObjectIdOf(applicant));
    clicks.push({ user: managers[i]!, verb: 'approval.decide', data: { applicationId: id, decision: 'approve' } });
  }
  return clicks;
}

/**
 * Times each prepared click once, one after the other; the first `warmup` are clicked untimed. A bot that does not
 * know the verbs (the echo bot) answers them all alike, so the same clicks time both bots.
 */
export function timeClicks(chat: ChatClient, name: string, clicks: readonly PreparedClick[], warmup: number): Promise<Stats> {
  let next = 0;
  return measure(
    name,
    clicks.length - warmup,
    () => {
      const click = clicks[next++]!;
      return chat.click(click.user, click.verb, click.data);
    },
    warmup,
  );
}
