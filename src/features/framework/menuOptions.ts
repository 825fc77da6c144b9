import type { TurnContext } from 'botbuilder';
import type { RosterRepository } from '../../storage/rosterRepository';
import { isStorageUnavailable } from '../../storage/storageErrors';
import { isPersonalChat, senderAadObjectId } from '../personalTurn';
import type { MenuOptions } from './views/menuView';

/** Where the menu learns who its reader is (HR, a manager, or neither) and what waits for their decision. */
export interface MenuSources {
  readonly roster: Pick<RosterRepository, 'findByAadObjectId' | 'hasReports'>;
  /** How many applications of the framework wait for this person's approval. */
  readonly pendingApprovals: (frameworkId: string, approverId: string) => Promise<number>;
}

/**
 * What the menu of this turn offers beyond the employees' menu, from storage (never a card's say), in the reader's
 * personal chat only (a menu in a channel is everyone's, and these views open only in the personal chat anyway): the
 * way into the HR menu to an HR officer, the team view to a manager (someone with at least one report), and the
 * approvals inbox to anyone an application waits for (HR may have handed one to someone without reports).
 */
export async function menuOptions(context: TurnContext, frameworkId: string, { roster, pendingApprovals }: MenuSources): Promise<MenuOptions> {
  if (!isPersonalChat(context)) return {};
  try {
    const employee = await roster.findByAadObjectId(senderAadObjectId(context));
    if (!employee) return {};
    return {
      offersHrMenu: employee.roles.includes('hr'),
      offersTeam: await roster.hasReports(employee),
      pendingApprovals: await pendingApprovals(frameworkId, employee.aadObjectId),
    };
  } catch (error) {
    // The menu itself needs no storage once the framework is in memory: without the roster it is the employees' menu.
    if (isStorageUnavailable(error)) return {};
    throw error;
  }
}
