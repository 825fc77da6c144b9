import type { AdaptiveCard } from '../../cards/renderCard';
import { approversOf, fiscalYearOfApplication, type Application, type ApplicationOutcome, type ApplicationRefusal } from '../../domain/applications/application';
import type { StoredApplication } from '../../storage/applicationRepository';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import { noticeCard } from '../notices';
import type { ApplicationDeps } from './applicationsFlow';
import { refusalCard, type ApplicationView } from './refusals';
import { actorOf, type Who } from './who';

/**
 * Finds an application by its id (which starts with its fiscal year) in the active framework, for someone it
 * concerns: its applicant, an approver it was ever assigned to, or HR. Ids are predictable (year, track, applicant):
 * to anyone else an application that exists is as unknown as one that does not, so nobody learns who applied.
 */
export async function findApplication(
  deps: Pick<ApplicationDeps, 'applications' | 'logger'>,
  who: Who,
  id: string,
): Promise<StoredApplication | undefined> {
  const stored = await deps.applications.find(who.framework.id, fiscalYearOfApplication(id), id);
  if (!stored || concerns(stored.application, who)) return stored;
  deps.logger.warn('application hidden from an outsider', { applicationId: id, by: who.aadObjectId });
  return undefined;
}

function concerns(application: Application, who: Who): boolean {
  const involved = [application.applicant.aadObjectId.toLowerCase(), ...approversOf(application)];
  return involved.includes(who.aadObjectId.toLowerCase()) || actorOf(who).isHr;
}

/** "Not found", told to the user and logged (a tampered id, another person's application). */
export function applicationNotFound(deps: Pick<ApplicationDeps, 'logger'>, who: Who, id: string): AdaptiveCard {
  deps.logger.warn('unknown application', { applicationId: id, by: who.aadObjectId });
  return noticeCard(who.t, who.t('applications.refusal.title'), who.t('applications.refusal.notFound'));
}

/**
 * Reads an application, applies a transition and writes it back with the ETag it was read with. A refusal comes
 * back as the card that explains it (and is logged); a lost race is retried once on the fresh state, so the second of
 * two decisions at once is refused by the state machine, naming who decided and how. Nothing is written then.
 * A refusal leads back to the card the action was taken on (`from`). An action that has just read the application
 * (`alreadyRead`, as found for this person) does not read it again for the first attempt.
 */
export async function changeApplication(
  deps: Pick<ApplicationDeps, 'applications' | 'logger'>,
  who: Who,
  id: string,
  transition: (application: Application) => ApplicationOutcome,
  from?: ApplicationView,
  alreadyRead?: StoredApplication,
): Promise<{ application: Application } | { refused: AdaptiveCard }> {
  // A write can lose to a change that does not matter to this one (a reminder stamp): read again and try once more.
  for (let attempt = 1; ; attempt++) {
    const decided = await decide(deps, who, id, transition, from, attempt === 1 ? alreadyRead : undefined);
    if ('refused' in decided) return decided;
    const { stored, outcome } = decided;
    try {
      await deps.applications.update(outcome.application, stored.etag);
      return { application: outcome.application };
    } catch (err) {
      if (!isConcurrencyConflict(err)) throw err;
      if (attempt >= 2) {
        const latest = (await findApplication(deps, who, id))?.application ?? stored.application;
        return { refused: refusalCard(who, 'wrongState', latest, from) };
      }
    }
  }
}

/**
 * Whether a transition would be accepted now, writing nothing: the application as it is, or the refusal card (logged
 * as changeApplication logs it). For the question asked before an irreversible step, which only a possible step gets.
 */
export async function checkChange(
  deps: Pick<ApplicationDeps, 'applications' | 'logger'>,
  who: Who,
  id: string,
  transition: (application: Application) => ApplicationOutcome,
  from?: ApplicationView,
  alreadyRead?: StoredApplication,
): Promise<{ application: Application } | { refused: AdaptiveCard }> {
  const decided = await decide(deps, who, id, transition, from, alreadyRead);
  return 'refused' in decided ? decided : { application: decided.stored.application };
}

/** Reads an application and applies a transition to it: both, or the refusal card (logged). */
async function decide(
  deps: Pick<ApplicationDeps, 'applications' | 'logger'>,
  who: Who,
  id: string,
  transition: (application: Application) => ApplicationOutcome,
  from: ApplicationView | undefined,
  alreadyRead?: StoredApplication,
): Promise<
  | { stored: { application: Application; etag: string }; outcome: Extract<ApplicationOutcome, { ok: true }> }
  | { refused: AdaptiveCard }
> {
  const stored = alreadyRead ?? (await findApplication(deps, who, id));
  if (!stored) return { refused: applicationNotFound(deps, who, id) };
  const outcome = transition(stored.application);
  return outcome.ok ? { stored, outcome } : { refused: refused(deps, who, outcome.refusal, stored.application, from) };
}

function refused(
  deps: Pick<ApplicationDeps, 'logger'>,
  who: Who,
  refusal: ApplicationRefusal,
  application: Application,
  from: ApplicationView | undefined,
): AdaptiveCard {
  deps.logger.warn('application change refused', { applicationId: application.id, by: who.aadObjectId, refusal });
  return refusalCard(who, refusal, application, from);
}
