import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type Activity } from 'botbuilder';
import type { Logger } from '../logger';

/**
 * Serves one city: an activity from any other Microsoft 365 tenant (another organisation that installed the app, or
 * one that names no tenant) is refused with one log line before anything else reads or stores it. Register first.
 */
export function refuseOtherTenants(app: Application<TurnState>, allowedTenantId: string, logger: Logger): void {
  const allowed = allowedTenantId.toLowerCase();
  app.turn('beforeTurn', async (context) => {
    const named = tenantsNamedBy(context.activity);
    if (named.length > 0 && named.every((tenant) => tenant === allowed)) return true;
    logger.warn('activity from another tenant refused', { tenantIds: named, activityType: context.activity.type });
    if (context.activity.type === 'invoke') {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
    return false;
  });
}

/** Every tenant id the activity names, lower-case: Teams puts it in channelData and in the conversation. */
function tenantsNamedBy(activity: Partial<Activity>): string[] {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return [fromChannelData, activity.conversation?.tenantId]
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .map((id) => id.toLowerCase());
}
