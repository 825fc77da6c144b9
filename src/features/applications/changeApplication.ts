import type { AdaptiveCard } from '../../cards/renderCard';
import type { Application, ApplicationOutcome } from '../../domain/applications/application';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import { noticeCard } from '../notices';
import type { ApplicationDeps } from './applicationsFlow';
import { refusalCard } from './refusals';
import type { Who } from './who';

/** Finds an application by its id (which starts with its fiscal year) in the active framework. */
export function findApplication(
  deps: Pick<ApplicationDeps, 'applications'>,
  who: Who,
  id: string,
): Promise<{ application: Application; etag: string } | undefined> {
  return deps.applications.find(who.framework.id, Number(id.slice(0, 4)), id);
}

/** "Not found", told to the user and logged (a tampered id, another person's application). */
export function applicationNotFound(deps: Pick<ApplicationDeps, 'logger'>, who: Who, id: string): AdaptiveCard {
  deps.logger.warn('unknown application', { applicationId: id, by: who.aadObjectId });
  return noticeCard(who.t, who.t('applications.refusal.title'), who.t('applications.refusal.notFound'));
}

/**
 * Reads an application, applies a transition and writes it back with the ETag it was read with. A refusal, or a
 * change that lost the race to another (two clicks at once), comes back as the card that explains it, naming who
 * decided and how; nothing is written then, and the refusal is logged.
 */
export async function changeApplication(
  deps: Pick<ApplicationDeps, 'applications' | 'logger'>,
  who: Who,
  id: string,
  transition: (application: Application) => ApplicationOutcome,
): Promise<{ application: Application } | { refused: AdaptiveCard }> {
  const stored = await findApplication(deps, who, id);
  if (!stored) return { refused: applicationNotFound(deps, who, id) };
  const outcome = transition(stored.application);
  if (!outcome.ok) {
    deps.logger.warn('application change refused', { applicationId: id, by: who.aadObjectId, refusal: outcome.refusal });
    return { refused: refusalCard(who, outcome.refusal, stored.application) };
  }
  try {
    await deps.applications.update(outcome.application, stored.etag);
  } catch (err) {
    if (!isConcurrencyConflict(err)) throw err;
    const latest = (await findApplication(deps, who, id))?.application ?? stored.application;
    return { refused: refusalCard(who, 'wrongState', latest) };
  }
  return { application: outcome.application };
}
