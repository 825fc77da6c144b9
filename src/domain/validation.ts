import type { z } from 'zod/v4';

/** One problem in an input file, located well enough for a person to fix it. */
export interface ValidationIssue {
  /** Where: `requiredSkills[3].definition`, or `row 12` for a CSV. */
  where: string;
  /** The item's own name or id when there is one, so "rs04" is found without counting. */
  item?: string;
  field?: string;
  message: string;
  /** What kind of problem, so it can be said in the reader's language; `message` is its English wording. */
  code?: IssueCode;
  params?: IssueParams;
}

/** The kinds of problem a framework file can have that a message catalog words (`issue.<code>`). */
export type IssueCode =
  | 'required'
  | 'wrongType'
  | 'empty'
  | 'tooFew'
  | 'tooMany'
  | 'tooSmall'
  | 'tooLarge'
  | 'identifier'
  | 'notOneOf'
  | 'levelUnknown'
  | 'categoryUnknown'
  | 'tierUnknown'
  | 'idTwice'
  | 'levelsGap'
  | 'levelTwice'
  | 'roleTwice'
  | 'roleMissing'
  | 'highlightMissing'
  | 'targetTwice'
  | 'scaleNotRising'
  | 'masteredFromNotInScale'
  | 'perSectionNotAppointed'
  | 'coverageUnitMissing'
  | 'coverageUnitWithoutPerSection'
  | 'gradeUnknown'
  | 'questionWithoutText'
  | 'viewpointTierNotEvaluated'
  | 'tierWithoutViewpoint';
export type IssueParams = Record<string, string | number>;

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Renders an issue as one line for a terminal or a log. */
export function formatIssue(issue: ValidationIssue): string {
  const item = issue.item ? ` (${issue.item})` : '';
  return `${issue.where}${item}: ${issue.message}`;
}

/** Turns zod issues into located issues, naming the item by its id or name when the path reaches into an array. */
export function issuesFromZod(error: z.core.$ZodError, input: unknown): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? p.toString() : p));
    return {
      where: formatPath(path),
      item: itemLabel(input, path),
      field: path.length > 0 ? String(path[path.length - 1]) : undefined,
      message: issue.message,
      ...zodIssueCode(issue, valueAt(input, path)),
    };
  });
}

/** The code of a zod issue, for the kinds a framework file meets; others keep zod's English message only. */
function zodIssueCode(issue: z.core.$ZodIssue, value: unknown): Pick<ValidationIssue, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? { code: 'required' } : { code: 'wrongType', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty' };
      return { code: issue.origin === 'array' ? 'tooFew' : 'tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: issue.origin === 'array' ? 'tooMany' : 'tooLarge', params: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      // The format's only pattern is the identifier's.
      return { code: 'identifier' };
    case 'invalid_value':
      return { code: 'notOneOf', params: { values: issue.values.join(', ') } };
    default:
      return {};
  }
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, step) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined),
    input,
  );
}

function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p),
    '',
  );
}

/** The id or name of the innermost array element the path goes through, if it has one. */
function itemLabel(input: unknown, path: (string | number)[]): string | undefined {
  let node: unknown = input;
  let label: string | undefined;
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[step];
    if (typeof step === 'number' && node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const named = record.id ?? record.name ?? record.level;
      if (typeof named === 'string' || typeof named === 'number') label = String(named);
    }
  }
  return label;
}
