import { isRestError } from '@azure/core-rest-pipeline';

/** The HTTP status of a storage error, if the service answered at all. */
export function storageStatus(err: unknown): number | undefined {
  return isRestError(err) ? err.statusCode : undefined;
}

/** True for "no such entity" (404), which callers treat as absence rather than failure. */
export function isNotFound(err: unknown): boolean {
  return storageStatus(err) === 404;
}

/** True when an ETag check failed (412) or a create found the row already there (409): someone else wrote first. */
export function isConcurrencyConflict(err: unknown): boolean {
  const status = storageStatus(err);
  return status === 412 || status === 409;
}

/**
 * True when storage could not be reached or is failing (no answer, a network error, or a 5xx).
 * Such errors reach the user as "try again shortly", and the bot recovers when storage returns.
 */
export function isStorageUnavailable(err: unknown): boolean {
  if (!isRestError(err)) return false;
  if (err.statusCode === undefined) return true;
  return err.statusCode >= 500 || err.statusCode === 408;
}
