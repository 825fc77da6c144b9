import type { Framework } from '../../domain/framework/framework';
import type { Letter, LetterKind } from '../../domain/outbox/letter';
import type { Logger } from '../../logger';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import type { OutboxRepository } from '../../storage/outboxRepository';
import { within } from '../../concurrency';
import type { CardBuilder, Notifier } from '../notifier';

/**
 * Draws the card of a kept letter as things stand now, for its recipient; undefined when it has no news any more (an
 * approval decided meanwhile, an evaluation closed).
 */
export type Redrafter<K extends LetterKind> = (letter: Extract<Letter, { kind: K }>, framework: Framework, recipient: string) => Promise<CardBuilder | undefined>;

/** A redrafter for every kind of letter: each feature draws its own. */
export type Redrafters = { readonly [K in LetterKind]: Redrafter<K> };

/** What the outbox needs from outside. */
export interface OutboxDeps {
  readonly outbox: OutboxRepository;
  readonly catalog: FrameworkCatalog;
  readonly notifier: Notifier;
  readonly logger: Logger;
}

/**
 * Delivers the notices kept for someone the bot could not reach, once they can be: they installed the app or wrote to
 * the bot. Each letter is taken out before it is sent (so two turns at once deliver it once), drawn as things stand
 * then, and kept again if Teams fails once more.
 */
export class Outbox {
  /** Deliveries under way, so that a graceful stop can let them end. */
  private readonly delivering = new Set<Promise<void>>();

  constructor(
    private readonly deps: OutboxDeps,
    private readonly redrafters: Redrafters,
  ) {}

  /**
   * Starts delivering what waits for someone who just proved reachable; the turn that proved it does not wait. Costs
   * nothing when the outbox knows nothing can be waiting.
   */
  deliverWaiting(aadObjectId: string): void {
    if (!this.deps.outbox.mayHoldFor(aadObjectId)) return;
    const work = this.deliverAll(aadObjectId).catch((error: unknown) =>
      // Whatever was not taken out still waits, and the person's next turn tries again.
      this.deps.logger.warn('kept notices not delivered; they wait for the next turn', { aadObjectId, error }),
    );
    this.delivering.add(work);
    void work.finally(() => this.delivering.delete(work));
  }

  /** Lets the deliveries under way end, waiting at most `ms`. */
  async settle(ms: number): Promise<void> {
    if (this.delivering.size > 0) await within(Promise.allSettled([...this.delivering]), ms);
  }

  private async deliverAll(aadObjectId: string): Promise<void> {
    const waiting = await this.deps.outbox.waitingFor(aadObjectId);
    if (waiting.length === 0) return;
    const active = await this.deps.catalog.current();
    const recipient = await this.deps.notifier.reach(aadObjectId);
    for (const kept of waiting) {
      if (!(await this.deps.outbox.take(kept))) continue;
      const { letter } = kept;
      // A letter of a framework the city no longer uses has nothing to show.
      const build = active?.framework.id === letter.frameworkId ? await this.redraft(letter, active.framework, aadObjectId) : undefined;
      if (!build) {
        this.deps.logger.info('kept notice has no news any more', { aadObjectId, kind: letter.kind });
        continue;
      }
      const delivery = await this.deps.notifier.send(recipient, build, letter);
      this.deps.logger.info('kept notice delivered', { aadObjectId, kind: letter.kind, delivered: delivery.delivered, keptAgain: delivery.kept });
    }
  }

  private redraft(letter: Letter, framework: Framework, recipient: string): Promise<CardBuilder | undefined> {
    // Each kind's redrafter takes its own kind of letter: the map is indexed by the letter's own kind.
    const redrafter = this.redrafters[letter.kind] as Redrafter<LetterKind>;
    return redrafter(letter, framework, recipient);
  }
}
