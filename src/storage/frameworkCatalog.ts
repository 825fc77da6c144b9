import { Framework } from '../domain/framework/framework';
import { buildSearchIndex, type SearchIndex } from '../domain/framework/search';
import type { FrameworkRepository } from './frameworkRepository';

/** The active framework and its search index. */
export interface ActiveFramework {
  readonly framework: Framework;
  readonly searchIndex: SearchIndex;
}

/**
 * Serves the active framework from memory and notices a new import without a restart: at most every
 * `checkEveryMs` it reads the head row (one point read) and reloads only when the version changed.
 * Versions are immutable, so the cached copy is never stale in content, only possibly one check old.
 */
export class FrameworkCatalog {
  private cached?: ActiveFramework & { checkedAt: number };

  constructor(
    private readonly repository: FrameworkRepository,
    private readonly frameworkId: string,
    private readonly checkEveryMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The active framework, or undefined when none was imported yet. Storage errors propagate. */
  async current(): Promise<ActiveFramework | undefined> {
    const cached = this.cached;
    if (cached && this.now() - cached.checkedAt < this.checkEveryMs) return cached;
    const head = await this.repository.findActiveVersion(this.frameworkId);
    if (!head) return undefined;
    if (cached?.framework.version === head.version) {
      this.cached = { ...cached, checkedAt: this.now() };
      return cached;
    }
    const document = await this.repository.load(this.frameworkId, head.version);
    // Undefined when an import replaced that version between our two reads; the next call sees the new one.
    if (!document) return cached;
    const framework = new Framework(document, head.version);
    this.cached = { framework, searchIndex: buildSearchIndex(framework), checkedAt: this.now() };
    return this.cached;
  }
}
