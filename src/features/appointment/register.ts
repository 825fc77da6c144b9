import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import type { MessageRouter } from '../messageRouter';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { AppointmentFlow, type AppointmentDeps } from './appointmentFlow';
import { APPOINTMENT_INTENTS } from './intents';

/**
 * Appointments: HR's coverage view, appointing and ending with a confirmation; everyone else's own appointment.
 * Every action is checked against the roster on the server.
 */
export function registerAppointmentFeature(
  app: TeamsApplication<TurnState>,
  router: MessageRouter,
  catalog: FrameworkCatalog,
  deps: AppointmentDeps,
): void {
  const flow = new AppointmentFlow(deps);
  // Appointments name people, so not in a channel.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'appointment.title', body: 'appointment.personalOnly' });

  router.on(APPOINTMENT_INTENTS.appointments, (context) => asking(context, (who) => flow.open(who)));
  onAction(app, VERBS.hrAppointments, (context) => asking(context, (who) => flow.coverage(who)));
  onAction(app, VERBS.hrAppointmentReview, (context, { appointEmail, appointTier }) =>
    asking(context, (who) => flow.review(who, appointEmail, appointTier)),
  );
  // Entra ids are kept lower-case (see inPersonalChat): a card may carry them in either case.
  onAction(app, VERBS.hrAppointmentConfirm, (context, { aadObjectId, tier, reviewed }) =>
    asking(context, (who) => flow.appoint(who, aadObjectId.toLowerCase(), tier, reviewed)),
  );
  onAction(app, VERBS.hrAppointmentEnd, (context, { aadObjectId, confirmed, reviewed }) =>
    asking(context, (who) => flow.end(who, aadObjectId.toLowerCase(), confirmed === true, reviewed)),
  );
}
