import { tracksOf } from '../../domain/applications/applicationWindow';
import type { Notice } from '../../domain/broadcast/broadcast';
import type { Framework } from '../../domain/framework/framework';
import type { Translate } from '../../i18n';
import { applyButtons } from './noticeTemplate';

/** A title fits a Teams notification and a card heading. */
export const TITLE_MAX = 100;
/** Long enough for a full recruitment notice, short enough to keep the card well under Teams' message size. */
export const BODY_MAX = 4000;
/** Each line is a text block of its own on the card: this many keep even a card of one-word lines small. */
export const BODY_MAX_LINES = 200;

/** What is wrong with a notice as HR typed it. */
export type NoticeProblem = 'title' | 'body' | 'tracks';

/** The compose form's inputs, as the card sends them (untrusted until read here). */
export interface NoticeForm {
  readonly title: string;
  readonly body: string;
  /** The chosen tracks, comma-separated (a multi-select choice set). */
  readonly applyTracks: string;
}

/** Characters as people count them (an emoji is one), as the form's limits say. */
function lengthOf(text: string): number {
  return Array.from(text).length;
}

/** A notice as the compose form holds it. */
export function noticeFormOf(notice: Notice): NoticeForm {
  return { title: notice.title, body: notice.body, applyTracks: notice.apply.map((a) => a.track).join(',') };
}

/** The form cut to its limits, to show again after a refusal (a client that ignores maxLength may send more). */
export function clipped(form: NoticeForm): NoticeForm {
  const cut = (text: string, max: number): string => Array.from(text).slice(0, max).join('');
  return { ...form, title: cut(form.title, TITLE_MAX), body: cut(form.body, BODY_MAX) };
}

/**
 * The notice HR wrote: title and body trimmed and within their limits (the body has at least one line of text), and Apply
 * buttons only for tracks one can apply for, in the framework's order.
 */
export function readNotice(
  framework: Framework,
  form: NoticeForm,
  fiscalYear: number,
  t: Translate,
): { ok: true; notice: Notice } | { ok: false; problem: NoticeProblem } {
  const title = form.title.trim();
  // One kind of line break, whatever the client sent: the card splits the body into lines.
  const body = form.body.replace(/\r\n?/g, '\n').trim();
  if (title === '' || lengthOf(title) > TITLE_MAX) return { ok: false, problem: 'title' };
  if (body === '' || lengthOf(body) > BODY_MAX || body.split('\n').length > BODY_MAX_LINES) return { ok: false, problem: 'body' };
  const chosen = new Set(form.applyTracks.split(',').map((track) => track.trim()).filter((track) => track !== ''));
  const tracks = tracksOf(framework);
  if ([...chosen].some((track) => !tracks.includes(track))) return { ok: false, problem: 'tracks' };
  const apply = applyButtons(framework, tracks.filter((track) => chosen.has(track)), t);
  return { ok: true, notice: { title, body, apply, fiscalYear } };
}
