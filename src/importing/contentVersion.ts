import { createHash } from 'node:crypto';

/**
 * The version id of a data set: a hash of its validated content. The same content always gets the same
 * version, which is what makes re-importing an unchanged file a no-op.
 */
export function contentVersion(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
