import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import type { RosterRepository } from '../../storage/rosterRepository';
import type { TrainingRecordRepository } from '../../storage/trainingRecordRepository';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat, type ForWho } from '../whoAsks';
import { TRAINING_INTENTS } from './intents';
import { trainingRecordCard } from './views/trainingRecordCard';
import { readWhatIsAhead, whatIsNext, type WhatIsAheadDeps } from './whatIsNext';

/** What the training record needs from outside. */
export interface TrainingDeps extends WhatIsAheadDeps {
  readonly roster: Pick<RosterRepository, 'findByAadObjectId'>;
  readonly trainingRecords: Pick<TrainingRecordRepository, 'listForEmployee'>;
}

/**
 * An employee's own training record and what is next for them, asked in chat or from a button. Whose record it is comes from the sender of
 * the activity (their Entra id, through the roster, to their employee number), never from the message or a card:
 * nobody can open another's.
 */
export function registerTrainingFeature(app: TeamsApplication<TurnState>, router: MessageRouter, catalog: FrameworkCatalog, deps: TrainingDeps): void {
  // One's own record is for one's personal chat, not a channel.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'training.record.title', body: 'training.record.personalOnly' });
  const showOwn: ForWho = async (who) => {
    // Four reads at once: the turn waits for the slowest, not their sum.
    const [records, ahead] = await Promise.all([
      deps.trainingRecords.listForEmployee(who.framework.id, who.employee.employeeNo),
      readWhatIsAhead(who, deps),
    ]);
    return trainingRecordCard(who.employee, records, whatIsNext(who.framework, ahead, records), who.framework, who);
  };

  router.on(TRAINING_INTENTS.record, (context) => asking(context, showOwn));
  onAction(app, VERBS.trainingRecord, (context) => asking(context, showOwn));
}
