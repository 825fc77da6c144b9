import { renderCard, type AdaptiveCard } from '../../../cards/renderCard';
import type { Notice } from '../../../domain/broadcast/broadcast';
import type { Translate } from '../../../i18n';

/**
 * The card every recipient gets: the title, the body line by line as HR wrote it, an Apply button per chosen track
 * (it opens that track's application form), and the way to the bot's menu. HR's preview is this same card.
 */
export function noticeCardFor(notice: Notice, t: Translate): AdaptiveCard {
  return renderCard('broadcastNotice', {
    title: notice.title,
    lines: linesOf(notice.body),
    apply: notice.apply,
    labels: { backToMenu: t('common.backToMenu') },
  });
}

/**
 * One text block per line, so the card keeps HR's line breaks on every client; a blank line becomes space before
 * the next paragraph (an empty text block would be dropped by some clients), as does the title.
 */
function linesOf(body: string): { text: string; spacing: 'None' | 'Medium' }[] {
  const lines: { text: string; spacing: 'None' | 'Medium' }[] = [];
  let paragraphStarts = true;
  for (const line of body.split('\n')) {
    if (line.trim() === '') {
      paragraphStarts = true;
      continue;
    }
    lines.push({ text: line, spacing: paragraphStarts ? 'Medium' : 'None' });
    paragraphStarts = false;
  }
  return lines;
}
