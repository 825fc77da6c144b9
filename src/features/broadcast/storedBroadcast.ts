import type { AdaptiveCard } from '../../cards/renderCard';
import type { Broadcast } from '../../domain/broadcast/broadcast';
import { noticeCard, type NoticeAction } from '../notices';
import type { Who } from '../applications/who';
import { VERBS } from '../verbs';
import type { BroadcastDeps } from './deps';

/** How a change to a stored broadcast went. */
export type ChangeOutcome =
  | { readonly kind: 'changed'; readonly broadcast: Broadcast }
  /** The change does not apply to the broadcast as it is now (its state moved on): nothing was written. */
  | { readonly kind: 'refused'; readonly broadcast: Broadcast }
  | { readonly kind: 'notFound' }
  /** Others kept writing first. */
  | { readonly kind: 'busy' };

/** While sending, the sender writes the progress every second or so: a few re-reads get a change through. */
const WRITE_TRIES = 5;

/**
 * Applies `change` to the stored broadcast and writes the result under the ETag it was read with. A lost race is read
 * again and decided again on the fresh record, so two clicks at once make one change. `change` returns undefined
 * when it does not apply to the broadcast as it is.
 */
export async function changeBroadcast(
  deps: Pick<BroadcastDeps, 'broadcasts'>,
  frameworkId: string,
  id: string,
  change: (current: Broadcast) => Broadcast | undefined,
): Promise<ChangeOutcome> {
  for (let attempt = 1; attempt <= WRITE_TRIES; attempt++) {
    const current = await deps.broadcasts.find(frameworkId, id);
    if (!current) return { kind: 'notFound' };
    const next = change(current);
    if (!next) return { kind: 'refused', broadcast: current };
    const written = await deps.broadcasts.update(next, current.etag!);
    if (written) return { kind: 'changed', broadcast: written };
  }
  return { kind: 'busy' };
}

/** The way back to the list of broadcasts, for notices. */
export function backToList(who: Who): NoticeAction {
  return { title: who.t('broadcast.backToList'), verb: VERBS.hrBroadcasts, data: {} };
}

/** The way back to one broadcast's card, for notices. */
export function backToBroadcast(who: Who, broadcastId: string): NoticeAction {
  return { title: who.t('broadcast.backToStatus'), verb: VERBS.hrBroadcastStatus, data: { broadcastId } };
}

/** A refusal, explained, with a way on. */
export function refusal(who: Who, body: string, next: NoticeAction): AdaptiveCard {
  return noticeCard(who.t, who.t('broadcast.refusal.title'), body, 'warning', next);
}

/** "Not found", told to HR and logged: a forged id, or one of another framework. */
export function broadcastNotFound(deps: Pick<BroadcastDeps, 'logger'>, who: Who, id: string): AdaptiveCard {
  deps.logger.warn('unknown broadcast', { broadcastId: id, by: who.aadObjectId });
  return refusal(who, who.t('broadcast.notFound'), backToList(who));
}

/** Another HR officer (or the sender) kept writing first: HR opens the broadcast again. */
export function changedMeanwhile(who: Who, broadcastId: string): AdaptiveCard {
  return refusal(who, who.t('broadcast.changedMeanwhile'), backToBroadcast(who, broadcastId));
}

/** A notice on its way (or sent) can no longer be edited: an old card was clicked. */
export function notDraft(who: Who, broadcast: Broadcast): AdaptiveCard {
  return refusal(who, who.t('broadcast.notDraft'), backToBroadcast(who, broadcast.id));
}
