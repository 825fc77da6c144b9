import { renderCard, type AdaptiveCard } from '../cards/renderCard';
import type { MessageKey, Translate } from '../i18n';

/** How a notice looks: "attention" for something that went wrong, "warning" for something the user can fix. */
export type NoticeStyle = 'attention' | 'warning' | 'default';

/** A short card with a title, a sentence and the way back to the menu. */
export function noticeCard(t: Translate, title: string, body: string, style: NoticeStyle = 'warning'): AdaptiveCard {
  return renderCard('notice', { title, body, style, labels: { backToMenu: t('common.backToMenu') } });
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
