import type { Redrafters } from '../outbox/outbox';
import { appointmentNewsCard } from './notifyAppointee';

/** An appointment's news needs no lookup: the letter holds it, and only the latest is kept. */
export const appointmentRedrafters: Pick<Redrafters, 'appointment'> = {
  appointment: (letter, framework) => Promise.resolve(appointmentNewsCard(framework, letter.change)),
};
