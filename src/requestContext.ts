import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one HTTP request shares. */
export interface RequestContext {
  readonly requestId: string;
}

// Carried through every await of the request, so code deep in a flow logs the id without being handed it.
const storage = new AsyncLocalStorage<RequestContext>();

/** Activity ids come from the request body: anything longer than Teams' own ids is not copied into every log line. */
const MAX_ACTIVITY_ID_LENGTH = 128;

/** Runs `work` as the handling of one request: the activity id when there is a usable one, else a fresh id. */
export function withRequestContext<T>(activityId: string | undefined, work: () => T): T {
  const usable = activityId && activityId.length <= MAX_ACTIVITY_ID_LENGTH ? activityId : undefined;
  return storage.run({ requestId: usable ?? randomUUID() }, work);
}

/** The request being served, if any (background work such as the broadcast sender has none). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
