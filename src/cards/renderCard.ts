import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../projectRoot';

/** The card templates in cards/, one per view. */
export const CARD_NAMES = [
  'welcome',
  'menu',
  'ladder',
  'level',
  'skill',
  'recommendedSkills',
  'training',
  'searchResults',
  'unknownInput',
  'notice',
  'assessmentStart',
  'assessmentRole',
  'assessmentSkills',
  'assessmentTarget',
  'assessmentResult',
  'assessmentHistory',
  'applicationsHome',
  'applicationForm',
  'applicationConfirm',
  'approvalRequest',
  'approvalInbox',
  'hrWindows',
  'hrApplications',
  'hrApplication',
  'hrTrainingMove',
  'broadcastList',
  'broadcastCompose',
  'broadcastNotice',
  'broadcastPreview',
  'broadcastAudience',
  'broadcastReview',
  'broadcastStatus',
  'evaluationList',
  'evaluationStart',
  'evaluationReview',
  'evaluationStatus',
  'evaluationRate',
  'evaluationRequests',
  'appointmentCoverage',
  'appointmentConfirm',
  'kpi',
  'kpiTargets',
  'exportHome',
  'exportProgress',
  'trainingRecord',
  'teamSummary',
  'hrMenu',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An Adaptive Card as JSON, ready to send or to return from an invoke. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Raised when a template refers to data the caller did not supply: a bug, never shown to users as such. */
export class CardTemplateError extends Error {}

const templates = new Map<CardName, unknown>();
/**
 * Each template prepared once. Preparing parses every `${…}` of the card with the expression grammar, which costs far
 * more than expanding; a prepared Template "can be bound to different data objects in a loop" (its documentation), and
 * expand() resets what it keeps between calls.
 */
const prepared = new Map<CardName, ACData.Template>();

/** The parsed template; read from disk once, never mutated. */
export function cardTemplate(name: CardName): unknown {
  let template = templates.get(name);
  if (!template) {
    const file = path.join(projectRoot(), 'cards', `${name}.json`);
    template = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    templates.set(name, template);
  }
  return template;
}

/**
 * Expands a template with its data. adaptivecards-templating leaves a missing field as the literal `${name}`,
 * so a `${…}` left in the result is a bug in the caller and fails loudly here rather than on a user's screen —
 * unless the data itself holds that text (an employee may well type "${" in a motivation).
 */
export function renderCard(name: CardName, data: object): AdaptiveCard {
  let template = prepared.get(name);
  if (!template) {
    template = new ACData.Template(cardTemplate(name));
    prepared.set(name, template);
  }
  const card = template.expand({ $root: data }) as AdaptiveCard;
  // Most cards hold no "${" at all: one native pass says so, before walking every string of the card and the data.
  if (!JSON.stringify(card).includes('${')) return card;
  const fromData = stringsIn(data).filter((text) => text.includes('${'));
  for (const text of stringsIn(card)) {
    for (const [placeholder] of text.matchAll(/\$\{[^}]*\}/g)) {
      if (!fromData.some((value) => value.includes(placeholder))) {
        throw new CardTemplateError(`card "${name}" has unresolved ${placeholder}`);
      }
    }
  }
  return card;
}

/** Every string inside a JSON-like value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
