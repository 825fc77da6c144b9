import type { AdaptiveCard } from '../../cards/renderCard';
import { defaultWindow } from '../../domain/applications/applicationWindow';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import { EMPTY_PROGRESS, type Broadcast, type Notice } from '../../domain/broadcast/broadcast';
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
 * Writing a notice, as HR: the list of broadcasts, the form (pre-filled from this year's application windows for a
 * new notice), and the preview, which saves the draft and puts the very card recipients will get into HR's chat.
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
    return composeCard(who.framework, stored.id, noticeFormOf(stored.notice), who.t);
  }

  /**
   * Saves the draft and sends its preview to HR's chat with `show`; the clicked card becomes the way on (choose the
   * recipients, edit again, or leave it). A notice that breaks a limit comes back in the form, saying which.
   */
  async preview(who: Who, broadcastId: string, form: NoticeForm, show: (card: AdaptiveCard) => Promise<void>): Promise<AdaptiveCard> {
    const now = this.deps.now();
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (stored && stored.state !== 'draft') return notDraft(who, stored);
    const read = readNotice(who.framework, form, stored?.notice.fiscalYear ?? fiscalYearOf(now), who.t);
    if (!read.ok) return composeCard(who.framework, broadcastId, clipped(form), who.t, read.problem);
    const draft = await this.save(who, broadcastId, stored, read.notice, now);
    if (!draft) return changedMeanwhile(who, broadcastId);
    await show(noticeCardFor(draft.notice, who.t));
    return previewControlsCard(draft, now.toISOString(), who.t, who.locale);
  }

  /**
   * A new notice announcing this fiscal year's windows of the tracks the rules open each year (Gold and Silver);
   * for a framework without a window, a notice on how one becomes certified there, with no Apply buttons.
   */
  private async newNotice(who: Who): Promise<AdaptiveCard> {
    const { framework } = who;
    const now = this.deps.now();
    const fiscalYear = fiscalYearOf(now);
    // The dates HR set on the windows card, or the rules' default, as HrFlow shows them.
    const windows = await Promise.all(
      (framework.rules.applicationWindow?.tiers ?? []).map(
        async (track) => (await this.deps.windows.find(framework.id, fiscalYear, track)) ?? defaultWindow(framework, fiscalYear, track),
      ),
    );
    const notice = prefilledNotice(framework, fiscalYear, windows, who.t, who.locale);
    // The id is made now and carried by the form, so a preview clicked twice saves one draft.
    return composeCard(framework, newBroadcastId(now), noticeFormOf(notice), who.t);
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
