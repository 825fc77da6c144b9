import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';

/** What HR can export as CSV from the exports card. */
export const HOME_EXPORT_KINDS = ['applications', 'assessmentSummaries', 'broadcasts', 'trainingRecords'] as const;
/** …and from a broadcast's status card, its report. */
export const EXPORT_KINDS = [...HOME_EXPORT_KINDS, 'broadcastReport'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** preparing → ready (the file is whole and is offered to its requester) or failed (nothing of it is offered). */
export type PreparedExportState = 'preparing' | 'ready' | 'failed';

/**
 * A CSV file prepared in the background, page by page, into storage: what it is, who asked for it, and how far it
 * has come. Its text is stored in numbered chunks beside it; only a ready export is ever downloaded.
 */
export interface PreparedExport {
  readonly id: string;
  readonly frameworkId: string;
  readonly kind: ExportKind;
  /** The fiscal year of an export of applications. */
  readonly fiscalYear?: number;
  /** The broadcast whose report it is. */
  readonly broadcastId?: string;
  /** The Entra id of the HR officer who asked for it. */
  readonly requestedBy: string;
  readonly filename: string;
  readonly asciiFilename: string;
  readonly state: PreparedExportState;
  /** Rows written so far (the header not counted). */
  readonly rows: number;
  /** Rows the export will have, once counted. */
  readonly totalRows?: number;
  /** Chunks of text written so far; a ready export is exactly these. */
  readonly chunks: number;
  /** The size of the file written so far, in bytes (UTF-8). */
  readonly bytes: number;
  /** The message of the export's progress card in its requester's chat, updated once the file is handed over. */
  readonly cardActivityId?: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** It is deleted, job and chunks, after this: a ready export is offered until then (and deleted once handed over). */
  readonly expiresAt: string;
}

/** An export id as card payloads carry it. */
export const EXPORT_ID = z.uuid();

/** A new export id. */
export function newExportId(): string {
  return randomUUID();
}

/**
 * Preparing writes progress at least this often (each page of rows); an export "preparing" that has not moved for
 * this long lost the instance that prepared it (a restart) and will not finish.
 */
const STALLED_AFTER_MS = 2 * 60 * 1000;

/** True when an export will not finish: it failed, or stopped moving while being prepared. */
export function hasFailed(job: Pick<PreparedExport, 'state' | 'updatedAt'>, now: Date): boolean {
  return job.state === 'failed' || (job.state === 'preparing' && now.getTime() - Date.parse(job.updatedAt) > STALLED_AFTER_MS);
}

/** True when a ready export's download has stopped working (its chunks are about to be deleted). */
export function hasExpired(job: Pick<PreparedExport, 'expiresAt'>, now: Date): boolean {
  return Date.parse(job.expiresAt) <= now.getTime();
}
