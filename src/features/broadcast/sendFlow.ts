import type { AdaptiveCard } from '../../cards/renderCard';
import { findRecipients } from '../../broadcast/recipients';
import { EMPTY_PROGRESS, type Broadcast, type ProgressCardLocation } from '../../domain/broadcast/broadcast';
import { refusedApplyButtons, type RefusedButton } from '../../domain/broadcast/noticeWindows';
import type { Who } from '../applications/who';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import { readAudience, readStartAt, type AudienceChoices, type AudienceForm } from './audienceInput';
import type { BroadcastDeps } from './deps';
import { broadcastNotFound, changedMeanwhile, notDraft } from './storedBroadcast';
import { audienceCard, type AudienceNote } from './views/audienceCard';
import { noticeCardFor } from './views/noticeCard';
import { reviewCard } from './views/reviewCard';
import { broadcastStatusCard } from './views/statusCard';

/**
 * Sending a draft, as HR: choose the recipients and when, review how many they are and how many cannot be reached,
 * and confirm with a second, deliberate click. Confirming only changes the broadcast record (the sender does the
 * rest), under the ETag of the draft HR reviewed: a double click confirms once, an edit since the review confirms
 * nothing. A notice whose Apply button would be refused when it arrives (its track's window not open then) is never
 * confirmed.
 */
export class SendFlow {
  constructor(private readonly deps: BroadcastDeps) {}

  /** The recipients and the time, as the draft has them. */
  async audience(who: Who, broadcastId: string): Promise<AdaptiveCard> {
    const draft = await this.draft(who, broadcastId);
    return 'card' in draft ? draft.card : audienceCard(draft.broadcast, await this.choices(who), who.t);
  }

  /** Saves the recipients and the time on the draft, then shows how many they are: nothing is sent yet. */
  async review(who: Who, broadcastId: string, form: AudienceForm): Promise<AdaptiveCard> {
    const draft = await this.draft(who, broadcastId);
    if ('card' in draft) return draft.card;
    const { broadcast } = draft;
    const choices = await this.choices(who);
    const refuse = (note: AudienceNote): AdaptiveCard => audienceCard(broadcast, choices, who.t, { note, form });
    const audience = readAudience(form, choices, broadcast.notice.fiscalYear);
    if (!audience.ok) return refuse(audience.problem);
    const now = this.deps.now();
    const start = readStartAt(form, now);
    if (!start.ok) return refuse(start.problem);
    const chosen = { ...broadcast, audience: audience.audience, startAt: start.startAt?.toISOString() };
    const written = await this.deps.broadcasts.update(chosen, broadcast.etag!);
    if (!written) return changedMeanwhile(who, broadcastId);
    const refused = await this.refusedButtons(who, written, now);
    return reviewCard(who.framework, written, await this.count(written), refused, who.t, who.locale);
  }

  /**
   * Schedules the draft HR reviewed (`reviewed` is its ETag then): now, or at the time chosen. The card it was
   * confirmed on becomes the progress card the sender keeps up to date. A confirmed broadcast clicked again answers
   * with its status.
   */
  async confirm(who: Who, broadcastId: string, reviewed: string, progressCard: ProgressCardLocation | undefined): Promise<AdaptiveCard> {
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return broadcastNotFound(this.deps, who, broadcastId);
    if (stored.state !== 'draft') return this.status(who, stored);
    const now = this.deps.now();
    const note = await this.unconfirmable(who, stored, reviewed, now);
    if (note) return audienceCard(stored, await this.choices(who), who.t, { note });
    const scheduled: Broadcast = {
      ...stored,
      state: 'scheduled',
      startAt: stored.startAt ?? now.toISOString(),
      confirmedAt: now.toISOString(),
      round: 1,
      preparedRound: 0,
      progress: EMPTY_PROGRESS,
      // Rendered once, here: every recipient gets these very bytes, the ones HR previewed.
      card: noticeCardFor(stored.notice, who.t),
      progressCard,
    };
    const written = await this.deps.broadcasts.update(scheduled, reviewed);
    if (!written) {
      // The other of two clicks at once, or an edit in between: say where the broadcast stands now.
      const latest = await this.deps.broadcasts.find(who.framework.id, broadcastId);
      return latest && latest.state !== 'draft' ? this.status(who, latest) : changedMeanwhile(who, broadcastId);
    }
    this.deps.logger.info('broadcast confirmed', { broadcastId, by: who.aadObjectId, startAt: written.startAt });
    this.deps.wakeSender();
    return this.status(who, written);
  }

  /**
   * Why the draft cannot be confirmed as it is: changed since the review, its time passed, an Apply button that would
   * be refused then (HR changed a window since the review, or the card was forged), or nobody to send to.
   */
  private async unconfirmable(who: Who, draft: Broadcast, reviewed: string, now: Date): Promise<AudienceNote | undefined> {
    if (draft.etag !== reviewed) return 'changed';
    if (draft.startAt && Date.parse(draft.startAt) <= now.getTime()) return 'schedulePassed';
    if ((await this.refusedButtons(who, draft, now)).length > 0) return 'refusedButtons';
    return (await this.count(draft)).total === 0 ? 'nobody' : undefined;
  }

  /** The draft's Apply buttons that would be refused when it arrives: at its start time, or now. */
  private async refusedButtons(who: Who, draft: Broadcast, now: Date): Promise<RefusedButton[]> {
    const arrives = draft.startAt ? new Date(draft.startAt) : now;
    return refusedApplyButtons(who.framework, draft.notice, await this.deps.windows.list(who.framework.id), arrives);
  }

  /** The draft to work on, or the card that says why there is none. */
  private async draft(who: Who, broadcastId: string): Promise<{ broadcast: Broadcast } | { card: AdaptiveCard }> {
    const stored = await this.deps.broadcasts.find(who.framework.id, broadcastId);
    if (!stored) return { card: broadcastNotFound(this.deps, who, broadcastId) };
    return stored.state === 'draft' ? { broadcast: stored } : { card: notDraft(who, stored) };
  }

  /** How many people the draft's audience names now, and how many of them cannot be reached. */
  private async count(draft: Broadcast): Promise<{ total: number; unreachable: number }> {
    const recipients = await findRecipients(this.deps, draft.frameworkId, draft.audience);
    return { total: recipients.length, unreachable: recipients.filter((r) => r.reference === undefined).length };
  }

  /** The departments and grades on the roster, in a stable order; the framework's programs; this fiscal year. */
  private async choices(who: Who): Promise<AudienceChoices> {
    const employees = await this.deps.roster.listEmployees();
    const sorted = (names: string[]): string[] => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'ja'));
    return {
      departments: sorted(employees.map((e) => e.department)),
      grades: sorted(employees.map((e) => e.grade)),
      programs: who.framework.document.programs,
      currentFiscalYear: fiscalYearOf(this.deps.now()),
    };
  }

  private status(who: Who, broadcast: Broadcast): AdaptiveCard {
    return broadcastStatusCard(broadcast, who.t, who.locale, this.deps.now());
  }
}
