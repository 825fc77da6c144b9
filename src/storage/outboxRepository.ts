import { odata, type TableClient } from '@azure/data-tables';
import { BoundedMap } from '../boundedMap';
import { letterKey, type Letter } from '../domain/outbox/letter';
import { findEntity } from './entities';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
import { escapeKey } from './tables';
import { WriteMark } from './writeMark';

/** A letter waiting for its recipient, and the ETag it was read with (taking it is conditional). */
export interface KeptLetter {
  readonly recipient: string;
  readonly letter: Letter;
  readonly keptAt: string;
  readonly etag: string;
}

type LetterEntity = { letter: string; keptAt: string };

/** How long a look that found nothing is trusted (letters kept by another instance wait at most this long for a turn). */
const TRUST_EMPTY_MS = 10 * 60 * 1000;
/** Empty looks remembered: one per person who talked to this instance lately, in a city of 10,000. */
const EMPTY_LOOKS_KEPT = 10_000;

/**
 * Notices that could not reach their recipient, one partition per recipient (their lower-case Entra id), one row per
 * letter key: a newer letter about the same thing replaces the older one, so a person who comes back hears of each
 * thing once, as it stands then.
 */
export class OutboxRepository {
  /** When this instance last found nobody's letters, per recipient, having kept none for them meanwhile. */
  private readonly foundEmpty = new BoundedMap<string, number>(EMPTY_LOOKS_KEPT);
  /** Moves as this instance keeps letters: a look that overlaps a keep proves nothing. */
  private readonly keeps = new WriteMark();

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a letter for someone, replacing any letter about the same thing. */
  async keep(recipient: string, letter: Letter, now: Date): Promise<void> {
    const entity = { partitionKey: partitionOf(recipient), rowKey: escapeKey(letterKey(letter)), letter: JSON.stringify(letter), keptAt: now.toISOString() };
    await this.keeps.around(() => this.table.upsertEntity(entity, 'Replace'));
    this.foundEmpty.delete(partitionOf(recipient));
  }

  /**
   * Whether a look at someone's letters could find any. Not when this instance found none lately and kept none for
   * them since: the turns of someone talking to the bot then cost no storage call for the outbox. Letters another
   * instance kept meanwhile are found once TRUST_EMPTY_MS has passed.
   */
  mayHoldFor(recipient: string): boolean {
    const emptyAt = this.foundEmpty.get(partitionOf(recipient));
    return emptyAt === undefined || this.now() - emptyAt >= TRUST_EMPTY_MS;
  }

  /** Everything waiting for someone, oldest first. One query of their partition: nothing waits for most people. */
  async waitingFor(recipient: string): Promise<KeptLetter[]> {
    const partition = partitionOf(recipient);
    const [keepsBefore, lookedAt] = [this.keeps.current, this.now()];
    const rows = this.table.listEntities<LetterEntity>({ queryOptions: { filter: odata`PartitionKey eq ${partition}` } });
    const kept: KeptLetter[] = [];
    for await (const e of rows) kept.push({ recipient, letter: JSON.parse(e.letter) as Letter, keptAt: e.keptAt, etag: e.etag });
    if (kept.length === 0 && keepsBefore === this.keeps.current) this.foundEmpty.set(partition, lookedAt);
    else this.foundEmpty.delete(partition);
    return kept.sort((a, b) => a.keptAt.localeCompare(b.keptAt));
  }

  /** Whether a letter about this thing is waiting for someone. */
  async isWaiting(recipient: string, letter: Letter): Promise<boolean> {
    return (await findEntity(this.table, partitionOf(recipient), escapeKey(letterKey(letter)), { queryOptions: { select: ['keptAt'] } })) !== undefined;
  }

  /**
   * Takes a letter out to deliver it: deleted as it was read, so of two turns of the same person at once only one
   * delivers it. False when someone else took it or it was replaced by a newer letter meanwhile.
   */
  async take(kept: KeptLetter): Promise<boolean> {
    try {
      await this.table.deleteEntity(partitionOf(kept.recipient), escapeKey(letterKey(kept.letter)), { etag: kept.etag });
      return true;
    } catch (error) {
      if (isNotFound(error) || isConcurrencyConflict(error)) return false;
      throw error;
    }
  }

  /** Removes a letter about this thing, if one waits (it was delivered another way). */
  async discard(recipient: string, letter: Letter): Promise<void> {
    try {
      await this.table.deleteEntity(partitionOf(recipient), escapeKey(letterKey(letter)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/** Entra object ids come in either case; one person must be one partition. */
function partitionOf(recipient: string): string {
  return escapeKey(recipient.toLowerCase());
}
