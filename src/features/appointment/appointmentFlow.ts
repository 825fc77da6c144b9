import type { AdaptiveCard } from '../../cards/renderCard';
import { fiscalYearOf } from '../../domain/applications/fiscalYear';
import {
  APPOINTMENT,
  decideAppointment,
  decideEnding,
  isAppointment,
  perSectionCoverage,
  type AppointmentRefusal,
} from '../../domain/appointment/appointment';
import type { AppointmentRules } from '../../domain/framework/schema';
import type { Employee } from '../../domain/roster/employee';
import type { MessageKey } from '../../i18n';
import type { Logger } from '../../logger';
import type { Certification, CertificationRepository } from '../../storage/certificationRepository';
import type { RosterRepository } from '../../storage/rosterRepository';
import { refuseUnlessHr } from '../applications/refusals';
import { actorOf, type Who } from '../applications/who';
import { keepLineBreaks } from '../framework/views/lineBreaks';
import { noticeCard } from '../notices';
import { undeliveredLine, type Notifier } from '../notifier';
import { VERBS } from '../verbs';
import { notifyAppointee } from './notifyAppointee';
import { appointConfirmCard, endConfirmCard } from './views/confirmCard';
import { coverageCard, type Appointed } from './views/coverageCard';
import { tierName } from './views/describe';

/** What the appointment flows need from outside. Appointments are kept with certifications: one row per person. */
export interface AppointmentDeps {
  readonly roster: RosterRepository;
  readonly certifications: CertificationRepository;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly now: () => Date;
}

const REFUSALS: Record<AppointmentRefusal, MessageKey> = {
  hrOnly: 'applications.refusal.hrOnly',
  ownAppointment: 'appointment.refusal.ownAppointment',
  notAppointing: 'appointment.notAppointing',
  unknownTier: 'appointment.refusal.unknownTier',
  notOnRoster: 'appointment.refusal.notOnRoster',
  certified: 'appointment.refusal.certified',
  notAppointed: 'appointment.refusal.notAppointed',
};

/**
 * Appointments, for cities whose framework has HR appoint people (a DX推進リーダー in every 係, say) instead of
 * certifying applications. HR sees which sections have their appointee, appoints someone from the roster after a
 * confirmation, and ends an appointment after another; the person hears of both. Everyone else sees only their own
 * appointment. Every write is conditional on the person's record as it was read, so two officers at once leave one
 * consistent record and one notification.
 */
export class AppointmentFlow {
  constructor(private readonly deps: AppointmentDeps) {}

  /** The chat word: HR gets the coverage, anyone else their own appointment. */
  async open(who: Who): Promise<AdaptiveCard> {
    const rules = who.framework.rules.appointment;
    if (!rules) return this.notice(who, 'appointment.notAppointing');
    return actorOf(who).isHr ? this.coverage(who) : this.mine(who, rules);
  }

  /** Which sections have their appointee and which do not, and every other appointment. */
  async coverage(who: Who): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'appointments', this.deps.logger);
    if (refused) return refused;
    const rules = who.framework.rules.appointment;
    if (!rules) return this.notice(who, 'appointment.notAppointing');
    const [employees, appointments] = await Promise.all([this.deps.roster.listEmployees(), this.appointments(who.framework.id)]);
    const byId = new Map(employees.map((e) => [e.aadObjectId.toLowerCase(), e]));
    const coverage = perSectionCoverage(employees, appointments, rules);
    // The coverage lists the per-section appointees on the roster; every other appointment is listed apart.
    const others: Appointed[] = appointments
      .map((a) => ({ aadObjectId: a.aadObjectId, tier: a.tier, employee: byId.get(a.aadObjectId.toLowerCase()) }))
      .filter((a) => !(coverage && a.employee && a.tier === rules.perSection));
    return coverageCard(who.framework, rules, coverage, others, who.t);
  }

  /** The confirmation before appointing the person with this e-mail to `tier`; nothing is written yet. */
  async review(who: Who, email: string, tier: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'appointment.review', this.deps.logger);
    if (refused) return refused;
    const appointee = email ? await this.deps.roster.findByEmail(email) : undefined;
    const held = appointee && (await this.deps.certifications.findWithEtag(who.framework.id, appointee.aadObjectId));
    const rules = who.framework.rules.appointment;
    const decision = decideAppointment({ actor: actorOf(who), rules, tier, appointee, held: held?.certification });
    if (decision.outcome === 'refused') {
      return this.refusal(who, decision.refusal, { person: appointee?.name ?? (email || '—'), tier, held: held?.certification.tier });
    }
    if (decision.outcome === 'unchanged') return this.alreadyAppointed(who, appointee!, tier);
    return appointConfirmCard(who.framework, appointee!, tier, decision.replaces, held?.etag ?? '', who.t);
  }

  /** Appoints, if the person's record is still as the confirmation showed it; the person is told. */
  async appoint(who: Who, aadObjectId: string, tier: string, reviewed: string): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'appointment.appoint', this.deps.logger);
    if (refused) return refused;
    const { framework, t } = who;
    const appointee = await this.deps.roster.findByAadObjectId(aadObjectId);
    const held = await this.deps.certifications.findWithEtag(framework.id, aadObjectId);
    const decision = decideAppointment({ actor: actorOf(who), rules: framework.rules.appointment, tier, appointee, held: held?.certification });
    if (decision.outcome === 'refused') {
      return this.refusal(who, decision.refusal, { person: appointee?.name ?? aadObjectId, tier, held: held?.certification.tier });
    }
    // Already done, by this click's twin or by another officer: appointing again changes nothing and tells nobody.
    if (decision.outcome === 'unchanged') return this.alreadyAppointed(who, appointee!, tier);
    if ((held?.etag ?? '') !== reviewed) return this.notice(who, 'appointment.refusal.changedMeanwhile');
    const now = this.deps.now();
    const record: Certification = {
      frameworkId: framework.id,
      aadObjectId: appointee!.aadObjectId,
      tier,
      fiscalYear: fiscalYearOf(now),
      certifiedAt: now.toISOString(),
      applicationId: APPOINTMENT,
    };
    if (!(await this.deps.certifications.recordIfUnchanged(record, held?.etag))) {
      const latest = await this.deps.certifications.find(framework.id, aadObjectId);
      return latest && isAppointment(latest) && latest.tier === tier
        ? this.alreadyAppointed(who, appointee!, tier)
        : this.notice(who, 'appointment.refusal.changedMeanwhile');
    }
    this.deps.logger.info('appointed', { frameworkId: framework.id, aadObjectId, tier, by: who.aadObjectId });
    const change = { kind: 'appointed' as const, aadObjectId, tier, byName: actorOf(who).name, at: record.certifiedAt };
    const delivery = await notifyAppointee(this.deps, framework, change);
    const params = { name: appointee!.name, tier: tierName(framework, tier) };
    const body = [t('appointment.done.appointed', params), undeliveredLine(t, delivery, appointee!.name)].filter(Boolean).join('\n\n');
    return noticeCard(t, t('appointment.coverage.title'), body, 'good', this.backToCoverage(who));
  }

  /**
   * Ends an appointment: the first click asks, the second (with the ETag the question showed) ends it if nothing
   * changed meanwhile; the person is told.
   */
  async end(who: Who, aadObjectId: string, confirmed: boolean, reviewed: string | undefined): Promise<AdaptiveCard> {
    const refused = refuseUnlessHr(who, 'appointment.end', this.deps.logger);
    if (refused) return refused;
    const { framework, t } = who;
    const held = await this.deps.certifications.findWithEtag(framework.id, aadObjectId);
    const employee = await this.deps.roster.findByAadObjectId(aadObjectId);
    const decision = decideEnding({
      actor: actorOf(who),
      rules: framework.rules.appointment,
      held: held?.certification,
      confirmed: confirmed && reviewed !== undefined,
    });
    if (decision.outcome === 'refused') return this.refusal(who, decision.refusal, { person: employee?.name ?? '—', tier: '' });
    const { certification, etag } = held!;
    if (decision.outcome === 'confirm') return endConfirmCard(framework, { aadObjectId, tier: certification.tier, employee }, etag, t);
    const ended = reviewed === etag && (await this.deps.certifications.removeIfUnchanged(framework.id, aadObjectId, etag));
    if (!ended) return this.notice(who, 'appointment.refusal.changedMeanwhile');
    this.deps.logger.info('appointment ended', { frameworkId: framework.id, aadObjectId, tier: certification.tier, by: who.aadObjectId });
    const now = this.deps.now().toISOString();
    await notifyAppointee(this.deps, framework, { kind: 'ended', aadObjectId, tier: certification.tier, byName: actorOf(who).name, at: now });
    const body = t('appointment.done.ended', { name: employee?.name ?? t('appointment.notOnRoster'), tier: tierName(framework, certification.tier) });
    return noticeCard(t, t('appointment.coverage.title'), body, 'good', this.backToCoverage(who));
  }

  /** The asker's own appointment, if any, and what appointments are for: nobody else's. */
  private async mine(who: Who, rules: AppointmentRules): Promise<AdaptiveCard> {
    const { t } = who;
    const held = await this.deps.certifications.find(who.framework.id, who.aadObjectId);
    const status =
      held && isAppointment(held)
        ? t('appointment.mine.held', { tier: tierName(who.framework, held.tier), fy: held.fiscalYear })
        : t('appointment.mine.none');
    return noticeCard(t, t('appointment.mine.title'), `${status}\n\n${keepLineBreaks(rules.text)}`, 'default');
  }

  /** Every appointment in the framework (certifications after an application are not appointments). */
  private async appointments(frameworkId: string): Promise<Certification[]> {
    const found: Certification[] = [];
    for await (const page of this.deps.certifications.pages(frameworkId)) found.push(...page.filter(isAppointment));
    return found;
  }

  /** Why not, in words: about the tier asked for, or the one the person holds when that is the reason. */
  private refusal(who: Who, refusal: AppointmentRefusal, about: { person: string; tier: string; held?: string }): AdaptiveCard {
    const { framework, t } = who;
    const tier = tierName(framework, refusal === 'certified' && about.held ? about.held : about.tier);
    const tiers = (framework.rules.appointment?.tiers ?? []).map((id) => tierName(framework, id)).join(t('appointment.nameSeparator'));
    const body = t(REFUSALS[refusal], { person: about.person, tier, tiers });
    return noticeCard(t, t('appointment.refusal.title'), body, 'warning', refusal === 'notAppointing' ? undefined : this.backToCoverage(who));
  }

  private alreadyAppointed(who: Who, appointee: Employee, tier: string): AdaptiveCard {
    const { t } = who;
    const body = t('appointment.already', { name: appointee.name, tier: tierName(who.framework, tier) });
    return noticeCard(t, t('appointment.coverage.title'), body, 'default', this.backToCoverage(who));
  }

  /** A plain answer; the way back to the coverage, unless the framework has no appointments to go back to. */
  private notice(who: Who, body: 'appointment.notAppointing' | 'appointment.refusal.changedMeanwhile'): AdaptiveCard {
    const { t } = who;
    const back = body === 'appointment.notAppointing' ? undefined : this.backToCoverage(who);
    return noticeCard(t, t('appointment.title'), t(body), 'warning', back);
  }

  private backToCoverage(who: Who): { title: string; verb: typeof VERBS.hrAppointments; data: object } {
    return { title: who.t('appointment.back'), verb: VERBS.hrAppointments, data: {} };
  }
}
