import type { PreparedExport } from '../../exporting/preparedExport';
import type { ExportLinkRepository } from '../../storage/exportLinkRepository';
import type { CardLocation, CardUpdater } from './cardUpdates';

/** How a ready export was offered, as its card says it: a download link, or a file to accept in Teams. */
export type Offer =
  | { readonly kind: 'link'; readonly url: string; readonly expiresAt: string; readonly minutes: number }
  | { readonly kind: 'consent'; readonly expiresAt: string };

/** How ready exports reach the HR officer who asked for one (FILE_DELIVERY). */
export interface Handover {
  /** Offers a ready export in its requester's chat, where `location` is; `description` says what the file holds. */
  offer(job: PreparedExport, location: CardLocation, description: string): Promise<Offer>;
}

/** Teams' attachment that asks a user to accept a file into their OneDrive. */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';

/**
 * Teams' file consent flow, for production: a card asks the HR officer to accept the file; once they do, Teams hands
 * the bot an upload session in their own OneDrive (see ExportsFlow.accept). No URL ever hands the file to whoever
 * holds it, and the file then lives under the city's retention and data-loss-prevention rules.
 */
export class TeamsFileHandover implements Handover {
  constructor(private readonly cards: Pick<CardUpdater, 'post'>) {}

  async offer(job: PreparedExport, location: CardLocation, description: string): Promise<Offer> {
    // The same context either way: the answer (accept or decline) names the export, and the sender is checked then.
    const context = { exportId: job.id };
    await this.cards.post(location, {
      type: 'message',
      attachments: [
        {
          contentType: FILE_CONSENT_CARD,
          name: job.filename,
          content: { description, sizeInBytes: job.bytes, acceptContext: context, declineContext: context },
        },
      ],
    });
    return { kind: 'consent', expiresAt: job.expiresAt };
  }
}

/** How long a local download link works: long enough to click it. */
export const LINK_MINUTES = 5;

/**
 * A download link, for local runs only (the Agents Playground has no file consent): on the loopback address the
 * server listens on, good for one download, for a few minutes.
 */
export class LinkHandover implements Handover {
  constructor(
    private readonly deps: {
      readonly links: Pick<ExportLinkRepository, 'create'>;
      /** Where the user's browser reaches the bot. */
      readonly publicUrl: () => string;
      readonly now: () => Date;
    },
  ) {}

  async offer(job: PreparedExport): Promise<Offer> {
    const until = Math.min(Date.parse(job.expiresAt), this.deps.now().getTime() + LINK_MINUTES * 60_000);
    const expiresAt = new Date(until).toISOString();
    const link = await this.deps.links.create({ exportId: job.id, requestedBy: job.requestedBy, expiresAt });
    return { kind: 'link', url: `${this.deps.publicUrl()}/api/exports/${link.token}`, expiresAt, minutes: LINK_MINUTES };
  }
}
