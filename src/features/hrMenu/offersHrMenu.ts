import type { TurnContext } from 'botbuilder';
import type { RosterRepository } from '../../storage/rosterRepository';
import { isStorageUnavailable } from '../../storage/storageErrors';
import { isPersonalChat, senderAadObjectId } from '../personalTurn';

/** Where the menu learns whether its reader is HR. */
export type HrRoster = Pick<RosterRepository, 'findByAadObjectId'>;

/**
 * True when the menu of this turn should lead to the HR menu: its reader is HR on the roster (never a card's say), in
 * their personal chat (a menu in a channel is everyone's, and the HR menu opens only in the personal chat anyway).
 */
export async function offersHrMenu(context: TurnContext, roster: HrRoster): Promise<boolean> {
  if (!isPersonalChat(context)) return false;
  try {
    const employee = await roster.findByAadObjectId(senderAadObjectId(context));
    return employee?.roles.includes('hr') ?? false;
  } catch (error) {
    // The menu itself needs no storage once the framework is in memory: without the roster it is the employees' menu.
    if (isStorageUnavailable(error)) return false;
    throw error;
  }
}
