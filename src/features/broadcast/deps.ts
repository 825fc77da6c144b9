import type { RecipientSources } from '../../broadcast/recipients';
import type { Logger } from '../../logger';
import type { ApplicationWindowRepository } from '../../storage/applicationWindowRepository';
import type { BroadcastRepository } from '../../storage/broadcastRepository';
import type { RosterRepository } from '../../storage/rosterRepository';

/** What HR's broadcast flows need from outside. */
export interface BroadcastDeps extends RecipientSources {
  readonly roster: RosterRepository;
  readonly windows: ApplicationWindowRepository;
  readonly broadcasts: BroadcastRepository;
  /** Tells the sender a broadcast is ready, so it need not wait for its next look. */
  readonly wakeSender: () => void;
  readonly logger: Logger;
  readonly now: () => Date;
}
