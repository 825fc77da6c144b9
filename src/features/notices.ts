import { renderCard, type AdaptiveCard } from '../cards/renderCard';
import type { MessageKey, Translate } from '../i18n';
import type { Verb } from './verbs';

/** How a notice looks: "attention" when something went wrong, "warning" for what the user can fix, "good" for done. */
export type NoticeStyle = 'attention' | 'warning' | 'good' | 'default';

/** A button a notice can offer besides the way back to the menu, e.g. "continue the assessment". */
export interface NoticeAction {
  readonly title: string;
  readonly verb: Verb;
  readonly data: object;
}

/**
 * A short card with a title, a sentence, the next actions (none, one, or the answers to a question) and the way back
 * to the menu.
 */
export function noticeCard(
  t: Translate,
  title: string,
  body: string,
  style: NoticeStyle = 'warning',
  next?: NoticeAction | readonly NoticeAction[],
): AdaptiveCard {
  const actions = next === undefined ? [] : 'verb' in next ? [next] : next;
  return renderCard('notice', { title, body, style, actions, labels: { backToMenu: t('common.backToMenu') } });
}

/** Shorthand for a notice whose title and body are catalog messages. */
export function catalogNotice(
  t: Translate,
  title: MessageKey,
  body: MessageKey,
  params: Record<string, string | number> = {},
  style: NoticeStyle = 'warning',
): AdaptiveCard {
  return noticeCard(t, t(title, params), t(body, params), style);
}
