import type { Application as TeamsApplication, TurnState } from '@microsoft/teams-ai';
import type { FrameworkCatalog } from '../../storage/frameworkCatalog';
import { onAction } from '../actions';
import { normalizeChatText } from '../chatText';
import { sendCard } from '../turn';
import { VERBS } from '../verbs';
import { askingInPersonalChat } from '../whoAsks';
import { AppointmentFlow, type AppointmentDeps } from './appointmentFlow';

/** Chat words for appointments in any city; the names of the tiers a framework appoints to work too (DX推進リーダー). */
const APPOINTMENT_WORDS = /^(?:任命|任命状況|任命の状況|appointments?)$/i;

/**
 * True for a chat message asking about appointments: one of the words, or the name of a tier the active framework
 * appoints to (only then is the framework looked at).
 */
export async function isAppointmentCommand(text: string | undefined, catalog: FrameworkCatalog): Promise<boolean> {
  const words = normalizeChatText(text);
  if (APPOINTMENT_WORDS.test(words)) return true;
  const framework = (await catalog.current())?.framework;
  return (framework?.rules.appointment?.tiers ?? []).some((id) => framework?.tier(id)?.name.normalize('NFKC') === words);
}

/**
 * Appointments: HR's coverage view, appointing and ending with a confirmation; everyone else's own appointment.
 * Every action is checked against the roster on the server. Register before the framework's catch-all message route.
 */
export function registerAppointmentFeature(app: TeamsApplication<TurnState>, catalog: FrameworkCatalog, deps: AppointmentDeps): void {
  const flow = new AppointmentFlow(deps);
  // Appointments name people, so not in a channel.
  const asking = askingInPersonalChat(catalog, deps.roster, { title: 'appointment.title', body: 'appointment.personalOnly' });

  app.message(
    (context) => isAppointmentCommand(context.activity.text, catalog),
    async (context) => sendCard(context, await asking(context, (who) => flow.open(who))),
  );
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
