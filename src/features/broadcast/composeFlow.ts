import type { AdaptiveCard } from '../../cards/renderCard';
import { EMPTY_PROGRESS, type Broadcast, type Notice } from '../../domain/broadcast/broadcast';
import { refusedApplyButtons, toAnnounce, trackWindowsAt } from '../../domain/broadcast/noticeWindows';
import { newBroadcastId } from '../../storage/broadcastRepository';
import { isConcurrencyConflict } from '../../storage/storageErrors';
import type { Who } from '../applications/who';
import type { BroadcastDeps } from './deps';
import { clipped, noticeFormOf, readNotice, type NoticeForm } from './noticeInput';
import { prefilledNotice } from './noticeTemplate';
import { broadcastNotFound, changedMeanwhile, notDraft } from './storedBroadcast';
import { composeCard } from './views/composeCard';
import { broadcastListCard } from './views/listCard';
import { noticeCardFor } from './views/noticeCard';
import { previewControlsCard } from './views/previewCard';

/** How many broadcasts HR's list shows: a year has a few. */
const LIST_LENGTH = 10;

/**
 * Writing a notice, as HR: the list of broadcasts, the form (pre-filled from the application windows open now, or
 * the next ones, for a new notice), and the preview, which saves the draft and puts the very card recipients will
 * get into HR's chat, with the way on below it.
 */
export class ComposeFlow {
  constructor(private readonly deps: BroadcastDeps) {}

  /** The latest broadcasts, each to open, and "write a new notice". */
  async list(who: Who): Promise<AdaptiveCard> {
    return broadcastListCard(await this.deps.broadcasts.listRecent(who.framework.id, LIST_LENGTH), who.t, who.locale);
  }

  /** The form: a new notice pre-filled, or a draft to edit. */
  async compose(who: Who, broadcastId?: string): Promise<AdaptiveCard> {
    if (!broadcastId) return this.newNotice(who);
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return broadcastNotFound(this.deps, who, broadcastId);
    if (stored.state !== 'draft') return notDraft(who, stored);
    return composeForm(this.deps, who, stored.id, noticeFormOf(stored.notice));
  }

  /**
   * Saves the draft and sends its preview to HR's chat with `show`; returns the card that goes on from there (choose
   * the recipients, edit again, or leave it), which first says which Apply buttons would be refused if the notice
   * arrived now or at the time already chosen. A notice that breaks a limit comes back in the form, saying which.
   */
  async preview(who: Who, broadcastId: string, form: NoticeForm, show: (card: AdaptiveCard) => Promise<void>): Promise<AdaptiveCard> {
    const { framework } = who;
    const now = this.deps.now();
    const stored = await this.deps.broadcasts.find(framework.id, broadcastId);
    if (stored && stored.state !== 'draft') return notDraft(who, stored);
    const windows = await this.deps.windows.list(framework.id);
    const read = readNotice(framework, form, stored?.notice.fiscalYear ?? toAnnounce(framework, windows, now).fiscalYear, who.t);
    if (!read.ok) {
      return composeCard(framework, broadcastId, clipped(form), trackWindowsAt(framework, windows, now), who.t, who.locale, read.problem);
    }
    const draft = await this.save(who, broadcastId, stored, read.notice, now);
    if (!draft) return changedMeanwhile(who, broadcastId);
    await show(noticeCardFor(draft.notice, who.t));
    const arrives = draft.startAt ? new Date(draft.startAt) : now;
    const refused = refusedApplyButtons(framework, draft.notice, windows, arrives);
    return previewControlsCard(framework, draft, now.toISOString(), refused, who.t, who.locale);
  }

  /**
   * A new notice announcing the windows open now (or, when none is, the next ones), with an Apply button for each;
   * for a framework without a window, a notice on how one becomes certified there, with no Apply buttons.
   */
  private async newNotice(who: Who): Promise<AdaptiveCard> {
    const { framework } = who;
    const now = this.deps.now();
    const stored = await this.deps.windows.list(framework.id);
    const { windows, fiscalYear } = toAnnounce(framework, stored, now);
    const notice = prefilledNotice(framework, fiscalYear, windows, who.t, who.locale);
    // The id is made now and carried by the form, so a preview clicked twice saves one draft.
    return composeCard(framework, newBroadcastId(now), noticeFormOf(notice), trackWindowsAt(framework, stored, now), who.t, who.locale);
  }

  /** Creates the draft, or changes it under the ETag it was read with; undefined when someone else wrote first. */
  private async save(who: Who, id: string, stored: Broadcast | undefined, notice: Notice, now: Date): Promise<Broadcast | undefined> {
    if (stored) return this.deps.broadcasts.update({ ...stored, notice }, stored.etag!);
    const draft: Broadcast = {
      id,
      frameworkId: who.framework.id,
      state: 'draft',
      notice,
      audience: { kind: 'everyone' },
      createdBy: { aadObjectId: who.aadObjectId, name: who.employee?.name ?? who.name },
      createdAt: now.toISOString(),
      round: 1,
      preparedRound: 0,
      progress: EMPTY_PROGRESS,
    };
    try {
      return await this.deps.broadcasts.create(draft);
    } catch (err) {
      if (isConcurrencyConflict(err)) return undefined;
      throw err;
    }
  }
}

/** The compose form for a notice as `form` holds it, each track saying whether one can apply now. */
export async function composeForm(
  deps: Pick<BroadcastDeps, 'windows' | 'now'>,
  who: Who,
  broadcastId: string,
  form: NoticeForm,
): Promise<AdaptiveCard> {
  const now = deps.now();
  const tracks = trackWindowsAt(who.framework, await deps.windows.list(who.framework.id), now);
  return composeCard(who.framework, broadcastId, form, tracks, who.t, who.locale);
}
