import { randomBytes } from 'node:crypto';

/**
 * Every table the bot uses, and how its keys are laid out, in one place.
 *
 * datasets            PK = dataset kind ("framework" | "roster"), RK = dataset id → the active version (the "head")
 * frameworkItems      PK = "{frameworkId}@{version}", RK = "{section}:{itemId}" → one framework item
 * rosterEntries       PK = "roster@{version}", RK = "aad:{aadObjectId}" | "mail:{email}" | "rep:{managerEmail}:{employeeNo}" → one
 *                     employee (the last under their manager); RK = "all:{000000…}" → about a hundred employees, packed;
 *                     RK = "place:{000000…}" → where several hundred employees sit (department, section), packed
 * conversations       PK = "user" | "team", RK = aadObjectId or team id → where to reach them (broadcasts need it)
 * assessments         PK = aadObjectId, RK = assessment id (newest first: it starts with an inverted time) → one assessment
 * assessmentSummaries PK = frameworkId, RK = lower-case aadObjectId → the employee's latest completed assessment, in short
 * applicationWindows  PK = frameworkId, RK = "{fiscalYear}:{track}" → the window to apply for one track
 * applications        PK = "{frameworkId}:{fiscalYear}", RK = application id → one application and its audit trail
 * certifications      PK = frameworkId, RK = aadObjectId → the tier an employee was certified for
 * broadcasts          PK = frameworkId, RK = broadcast id (newest first: it starts with an inverted time) → one broadcast
 * broadcastDeliveries PK = broadcast id, RK = recipient's lower-case aadObjectId → one recipient's delivery
 * leases              PK = "lease", RK = lease name → who holds it and until when (one sender at a time)
 * exportLinks         PK = "link", RK = token (random, base64url) → what a short-lived download link gives
 * exportChunks        PK = export id, RK = "job" | "chunk:{000001…}" → an export prepared in the background: its state, its CSV text
 * kpiSettings         PK = frameworkId, RK = "target:{fiscalYear}:{tier|all}" | "baseline" → a KPI target or baseline HR set
 * evaluations         PK = frameworkId, RK = evaluation id (newest first: it starts with an inverted time) → one evaluation
 * evaluationRatings   PK = evaluation id, RK = "{viewpoint}:{rater's lower-case aadObjectId}" → one rater's rating
 * outbox              PK = recipient's lower-case aadObjectId, RK = what the letter is about → a notice kept until they can be reached
 * trainingRecords     PK = "{frameworkId}:{employeeNo}", RK = "{programId}:{YYYY-MM-DD}" → one employee's attendance at a session;
 *                     a framework's records are the PartitionKey range from "{frameworkId}:" up to "{frameworkId};"
 * trainingSessions    PK = frameworkId, RK = "{programId}:{YYYY-MM-DD}:{HH:MM}:{place}" → one scheduled session of a program
 * trainingParticipation PK = frameworkId, RK = fiscal year → how many people took each program that year (from the records)
 */
export const TABLE_NAMES = {
  datasets: 'datasets',
  frameworkItems: 'frameworkItems',
  rosterEntries: 'rosterEntries',
  conversations: 'conversations',
  assessments: 'assessments',
  assessmentSummaries: 'assessmentSummaries',
  applicationWindows: 'applicationWindows',
  applications: 'applications',
  certifications: 'certifications',
  broadcasts: 'broadcasts',
  broadcastDeliveries: 'broadcastDeliveries',
  leases: 'leases',
  exportLinks: 'exportLinks',
  exportChunks: 'exportChunks',
  kpiSettings: 'kpiSettings',
  evaluations: 'evaluations',
  evaluationRatings: 'evaluationRatings',
  outbox: 'outbox',
  trainingRecords: 'trainingRecords',
  trainingSessions: 'trainingSessions',
  trainingParticipation: 'trainingParticipation',
} as const;

export type TableName = (typeof TABLE_NAMES)[keyof typeof TABLE_NAMES];

/**
 * Every queue the bot uses, and what a message holds.
 *
 * broadcast-work      one contiguous RowKey range of one broadcast's deliveries, for whichever sender takes it
 */
export const QUEUE_NAMES = {
  broadcastWork: 'broadcast-work',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Azure's limit on one string property, 64 KiB of UTF-16 (Azurite does not enforce it). */
export const MAX_STRING_CHARS = 32 * 1024 - 1;

/** Azure's limit on the entities of one transaction, all of one partition (Azurite does not enforce it). */
export const MAX_BATCH = 100;

/** Azure's limit on the rows in one page of a query. */
export const MAX_PAGE = 1000;

/** Characters Azure forbids in PartitionKey/RowKey (and control characters), plus "%" so the escape is reversible. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
const FORBIDDEN_IN_KEYS = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;

/** Makes any string safe as a PartitionKey or RowKey, reversibly: `decodeURIComponent` gives the original back. */
export function escapeKey(value: string): string {
  return value.replace(FORBIDDEN_IN_KEYS, (c) => encodeURIComponent(c));
}

/** The first key that no longer starts with `prefix` ("emp:" → "emp;"): every key with the prefix sorts below it. */
export function keysAfterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** Larger than any millisecond timestamp for centuries: `BASE - now` sorts newest first. */
const INVERTED_TIME_BASE = 10 ** 13;

/** What `newInvertedTimeId` makes: 13 digits of inverted time, a dash, 8 hex digits. */
export const INVERTED_TIME_ID_PATTERN = /^\d{13}-[0-9a-f]{8}$/;

/** A new RowKey that sorts newest first, with enough randomness that two made in the same millisecond do not collide. */
export function newInvertedTimeId(now: Date): string {
  const inverted = String(INVERTED_TIME_BASE - now.getTime()).padStart(13, '0');
  return `${inverted}-${randomBytes(4).toString('hex')}`;
}

/** When an id that `newInvertedTimeId` made was made. */
export function invertedTimeOf(id: string): Date {
  return new Date(INVERTED_TIME_BASE - Number(id.slice(0, 13)));
}
