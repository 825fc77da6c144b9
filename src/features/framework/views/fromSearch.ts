import type { Translate } from '../../../i18n';

/**
 * A card opened from a search result: the item the hit named (a category's role, a focus item, a program: the card
 * shows it among the others), and the words searched for (the card leads back to their results). Either may be
 * missing: a suggestion opens an item without a search to go back to.
 */
export interface FromSearch {
  readonly item?: string;
  readonly query?: string;
}

/** What a button's payload says about the search it came from, or undefined when it came from none. */
export function fromSearch(query: string | undefined, item?: string): FromSearch | undefined {
  return query === undefined && item === undefined ? undefined : { query, item };
}

/** The button back to the search results, as the card templates take it: '' when the card was not opened from a search. */
export function backToResults(from: FromSearch | undefined, t: Translate): { title: string; query: string } | '' {
  return from?.query === undefined ? '' : { title: t('search.back', { query: from.query }), query: from.query };
}
