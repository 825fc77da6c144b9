import { normalizeChatText } from '../chatText';

/** What a chat message asks for. Anything that is not a known command is a keyword search. */
export type TextCommand =
  | { kind: 'menu' }
  | { kind: 'ladder' }
  | { kind: 'level'; level: number }
  | { kind: 'recommended' }
  | { kind: 'training'; level?: number }
  | { kind: 'search'; query: string };

const MENU = /^(?:ヘルプ|help|メニュー|menu|使い方|\?|こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|お疲れ様です|おつかれさまです|よろしく(?:お願いします)?|hi|hello|hey|good (?:morning|afternoon|evening))$/;
const LADDER = /^(?:レベル|レベル一覧|レベルの一覧|levels?|ladder|all levels|必須スキル|required skills)$/;
const LEVEL = /^(?:lv|レベル|level)\.?\s*(\d{1,2})$/;
const RECOMMENDED = /^(?:推奨スキル|推奨|recommended(?: skills)?)$/;
const TRAINING = /^(?:研修|研修・施策|研修施策|育成|training)(?:\s*(?:lv|レベル|level)?\.?\s*(\d{1,2}))?$/;
const SEARCH = /^(?:検索|さがす|探す|search)\s+(.+)$/i;

/**
 * Reads a chat message as a command, in Japanese or English, tolerant of full-width characters,
 * case, surrounding punctuation and the bot's @mention already removed by the caller.
 */
export function parseCommand(text: string): TextCommand {
  const normalized = normalizeChatText(text);
  const lower = normalized.toLowerCase();
  if (MENU.test(lower)) return { kind: 'menu' };
  if (LADDER.test(lower)) return { kind: 'ladder' };
  if (RECOMMENDED.test(lower)) return { kind: 'recommended' };
  const level = LEVEL.exec(lower);
  if (level) return { kind: 'level', level: Number(level[1]) };
  const training = TRAINING.exec(lower);
  if (training) return training[1] ? { kind: 'training', level: Number(training[1]) } : { kind: 'training' };
  const search = SEARCH.exec(normalized);
  return { kind: 'search', query: (search?.[1] ?? normalized).trim() };
}
