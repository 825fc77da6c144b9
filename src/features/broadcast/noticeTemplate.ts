import { lastMomentOf, type ApplicationWindow } from '../../domain/applications/applicationWindow';
import { jstDateAndTime } from '../../domain/applications/fiscalYear';
import type { Notice } from '../../domain/broadcast/broadcast';
import type { Framework } from '../../domain/framework/framework';
import type { Locale, Translate } from '../../i18n';
import { formatDate } from '../../i18n/formatDate';
import { trackName } from '../applications/trackName';
import { certificationWays } from '../applications/views/certificationWays';

/** The Reiwa era began in 2019 (令和元年), so fiscal year 2026 is 令和8年度. */
const REIWA_FIRST_YEAR = 2019;

/** The Reiwa year of a fiscal year: 2026 → 8. */
export function reiwaYear(fiscalYear: number): number {
  return fiscalYear - REIWA_FIRST_YEAR + 1;
}

/** A fiscal year as the city writes it: "令和8年度". */
export function fiscalYearLabel(fiscalYear: number, t: Translate): string {
  return t('broadcast.fiscalYear', { reiwa: reiwaYear(fiscalYear) });
}

/** The Apply buttons of a notice: one per track, labelled "ゴールドに応募する". */
export function applyButtons(framework: Framework, tracks: readonly string[], t: Translate): Notice['apply'] {
  return tracks.map((track) => ({ track, label: t('broadcast.notice.apply', { track: trackName(framework, track, t) }) }));
}

/**
 * The recruitment notice HR starts from: a title naming the year and the tracks announced, the window of each, what
 * the scheme is, how to apply, and their Apply buttons. `windows` holds the windows announced (see toAnnounce).
 * A framework without a window gets a notice on how one becomes certified there instead, with no Apply buttons.
 */
export function prefilledNotice(
  framework: Framework,
  fiscalYear: number,
  windows: readonly ApplicationWindow[],
  t: Translate,
  locale: Locale,
): Notice {
  const rules = framework.rules.applicationWindow;
  if (!rules) return certificationNotice(framework, fiscalYear, t);
  const tracks = windows.map((w) => w.track);
  const year = fiscalYearLabel(fiscalYear, t);
  const names = tracks.map((track) => trackName(framework, track, t)).join(t('broadcast.template.trackJoin'));
  const body = [
    t('broadcast.template.intro', { framework: framework.document.name, year, tracks: names }),
    '',
    t('broadcast.template.windows'),
    // closesAt is exclusive (00:00 of the next day): people read the day before as the last day.
    ...windows.map((w) =>
      t('broadcast.template.window', {
        track: trackName(framework, w.track, t),
        opens: formatDate(w.opensAt, locale),
        closes: formatDate(lastMomentOf(w), locale),
      }),
    ),
    '',
    ...schemeSection(rules, windows, t),
    t('broadcast.template.how'),
    t('broadcast.template.steps'),
  ].join('\n');
  return {
    title: t('broadcast.template.title', { year, tracks: names }),
    body,
    apply: applyButtons(framework, tracks, t),
    fiscalYear,
  };
}

/**
 * "What the scheme is", in the rules' words. Those name the month the window usually opens in (「毎年6月頃、…」): a
 * notice for a window in another month leaves out the sentences naming it rather than contradict its own dates, and
 * the section itself when nothing is left.
 */
function schemeSection(rules: { month: number; text: string }, windows: readonly ApplicationWindow[], t: Translate): string[] {
  const usual = windows.every((w) => Number(jstDateAndTime(w.opensAt).date.slice(5, 7)) === rules.month);
  // NFKC: the document may write the month in full-width digits (６月). The lookbehind keeps 12月 from naming 2月.
  const namesMonth = new RegExp(`(?<![0-9])${rules.month}月`);
  const sentences = rules.text.match(/[^。]+。?/g) ?? [];
  const text = usual ? rules.text : sentences.filter((s) => !namesMonth.test(s.normalize('NFKC'))).join('');
  return text.trim() === '' ? [] : [t('broadcast.template.about'), text, ''];
}

/** The notice for a framework nobody applies to: what it is and how one becomes certified or appointed, in its words. */
function certificationNotice(framework: Framework, fiscalYear: number, t: Translate): Notice {
  const year = fiscalYearLabel(fiscalYear, t);
  const name = framework.document.name;
  const ways = certificationWays(framework, t).flatMap((way) => ['', t('broadcast.template.noWindow.heading', { heading: way.heading }), way.text]);
  const body = [t('broadcast.template.noWindow.intro', { framework: name, year }), ...ways, '', t('broadcast.template.noWindow.more')];
  return { title: t('broadcast.template.noWindow.title', { framework: name, year }), body: body.join('\n'), apply: [], fiscalYear };
}
