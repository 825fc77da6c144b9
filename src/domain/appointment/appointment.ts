import type { Actor } from '../applications/application';
import type { AppointmentRules } from '../framework/schema';
import { type Employee, samePerson } from '../roster/employee';
import { sectionCoverage, type PerSectionCoverage } from './coverage';

/**
 * Where an appointment is recorded, a certification says which application led to it: an appointment has none, so
 * it says this instead.
 */
export const APPOINTMENT = 'appointment';

/** A tier someone holds in a framework, as recorded: appointed by HR, or certified after an application. */
export interface HeldTier {
  readonly aadObjectId: string;
  readonly tier: string;
  readonly applicationId: string;
}

/** True when HR appointed the person to the tier (rather than certifying an application). */
export function isAppointment(held: Pick<HeldTier, 'applicationId'>): boolean {
  return held.applicationId === APPOINTMENT;
}

/** Why an appointment cannot be made or ended. */
export type AppointmentRefusal =
  /** Only HR appoints. */
  | 'hrOnly'
  /** Nobody appoints themselves or ends their own appointment, as nobody decides on their own application. */
  | 'ownAppointment'
  /** The framework has no tiers HR appoints to. */
  | 'notAppointing'
  /** The tier is not one the framework appoints to. */
  | 'unknownTier'
  /** The person is not on the roster. */
  | 'notOnRoster'
  /** The person holds a tier certified after an application, which an appointment would overwrite. */
  | 'certified'
  /** There is no appointment to end. */
  | 'notAppointed';

/** What appointing someone comes to. */
export type AppointmentDecision =
  | { readonly outcome: 'refused'; readonly refusal: AppointmentRefusal }
  /** They already hold this appointment: appointing them again changes nothing. */
  | { readonly outcome: 'unchanged' }
  /** Appoint them, in place of the other appointment they hold, if any. */
  | { readonly outcome: 'appoint'; readonly replaces?: string };

/** Decides whether `actor` may appoint `appointee` (as the roster has them) to `tier`, given what they hold now. */
export function decideAppointment(request: {
  readonly actor: Pick<Actor, 'isHr' | 'aadObjectId'>;
  readonly rules: AppointmentRules | undefined;
  readonly tier: string;
  readonly appointee: Employee | undefined;
  readonly held: HeldTier | undefined;
}): AppointmentDecision {
  const { actor, rules, tier, appointee, held } = request;
  const refused = (refusal: AppointmentRefusal): AppointmentDecision => ({ outcome: 'refused', refusal });
  if (!actor.isHr) return refused('hrOnly');
  if (!rules) return refused('notAppointing');
  if (!rules.tiers.includes(tier)) return refused('unknownTier');
  if (!appointee) return refused('notOnRoster');
  if (samePerson(appointee.aadObjectId, actor.aadObjectId)) return refused('ownAppointment');
  if (!held) return { outcome: 'appoint' };
  if (!isAppointment(held)) return refused('certified');
  return held.tier === tier ? { outcome: 'unchanged' } : { outcome: 'appoint', replaces: held.tier };
}

/** What ending someone's appointment comes to: nothing ends without a second, deliberate click. */
export type EndingDecision =
  | { readonly outcome: 'refused'; readonly refusal: AppointmentRefusal }
  | { readonly outcome: 'confirm' }
  | { readonly outcome: 'end' };

/** Decides whether `actor` may end the appointment `held` (one that may since have gone or changed). */
export function decideEnding(request: {
  readonly actor: Pick<Actor, 'isHr' | 'aadObjectId'>;
  readonly rules: AppointmentRules | undefined;
  readonly held: HeldTier | undefined;
  readonly confirmed: boolean;
}): EndingDecision {
  const { actor, rules, held, confirmed } = request;
  if (!actor.isHr) return { outcome: 'refused', refusal: 'hrOnly' };
  if (!rules) return { outcome: 'refused', refusal: 'notAppointing' };
  if (!held || !isAppointment(held)) return { outcome: 'refused', refusal: 'notAppointed' };
  if (samePerson(held.aadObjectId, actor.aadObjectId)) return { outcome: 'refused', refusal: 'ownAppointment' };
  return confirmed ? { outcome: 'end' } : { outcome: 'confirm' };
}

/**
 * Which sections have someone holding the per-section tier, for a framework that has one (and names the unit it
 * counts); undefined for any other.
 */
export function perSectionCoverage(
  employees: readonly Employee[],
  held: Iterable<HeldTier>,
  rules: AppointmentRules | undefined,
): PerSectionCoverage | undefined {
  if (!rules?.perSection || !rules.coverageUnit) return undefined;
  return { tier: rules.perSection, unit: rules.coverageUnit, ...sectionCoverage(employees, perSectionHolders(held, rules)) };
}

/** Who holds the per-section tier, by lower-case Entra object id, as `sectionCoverage` takes them; empty without one. */
export function perSectionHolders(held: Iterable<HeldTier>, rules: AppointmentRules): Map<string, string> {
  const holders = new Map<string, string>();
  for (const h of held) {
    if (isAppointment(h) && h.tier === rules.perSection) holders.set(h.aadObjectId.toLowerCase(), h.tier);
  }
  return holders;
}

