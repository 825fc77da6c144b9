/**
 * Every table the bot uses, and how its keys are laid out, in one place.
 *
 * datasets            PK = dataset kind ("framework" | "roster"), RK = dataset id → the active version (the "head")
 * frameworkItems      PK = "{frameworkId}@{version}", RK = "{section}:{itemId}" → one framework item
 * rosterEntries       PK = "roster@{version}", RK = "emp:{employeeNo}" | "aad:{aadObjectId}" | "mail:{email}" → one employee
 * conversations       PK = "user" | "team", RK = aadObjectId or team id → where to reach them (broadcasts need it)
 * assessments         PK = aadObjectId, RK = assessment id (newest first: it starts with an inverted time) → one assessment
 * applicationWindows  PK = frameworkId, RK = "{fiscalYear}:{track}" → the window to apply for one track
 * applications        PK = "{frameworkId}:{fiscalYear}", RK = application id → one application and its audit trail
 * certifications      PK = frameworkId, RK = aadObjectId → the tier an employee was certified for
 */
export const TABLE_NAMES = {
  datasets: 'datasets',
  frameworkItems: 'frameworkItems',
  rosterEntries: 'rosterEntries',
  conversations: 'conversations',
  assessments: 'assessments',
  applicationWindows: 'applicationWindows',
  applications: 'applications',
  certifications: 'certifications',
} as const;

export type TableName = (typeof TABLE_NAMES)[keyof typeof TABLE_NAMES];

/** Characters Azure forbids in PartitionKey/RowKey (and control characters), plus "%" so the escape is reversible. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
const FORBIDDEN_IN_KEYS = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;

/** Makes any string safe as a PartitionKey or RowKey, reversibly: `decodeURIComponent` gives the original back. */
export function escapeKey(value: string): string {
  return value.replace(FORBIDDEN_IN_KEYS, (c) => encodeURIComponent(c));
}
