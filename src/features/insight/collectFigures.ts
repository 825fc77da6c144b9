import type { Framework } from '../../domain/framework/framework';
import { AssessedPeople } from '../../domain/insight/assessed';
import { CertifiedPeople } from '../../domain/insight/certified';
import { isCandidate } from '../../domain/insight/funnel';
import { kpiFigures, type KpiFigures, type TrainingSources } from '../../domain/insight/kpiFigures';
import { requiresTrainings } from '../../domain/training/trainingCandidates';
import type { KpiSettings } from '../../domain/insight/targets';
import type { StoredApplication } from '../../storage/applicationRepository';
import type { KpiDeps } from './deps';

/**
 * Reads what the figures of a fiscal year are made from and counts them. Assessment summaries are read a page at a
 * time, only the levels of each, and only counted, never held (ten thousand of them would be heavy); certifications a
 * page at a time too, keeping a few fields per certified person; the year's participants per program as kept (one
 * row), and the records of the year's candidates (a partition each, a few at a time); where everyone sits and the year's applications
 * are read whole. The whole roster only for a framework that counts holders per section, whose card names them.
 */
export async function collectFigures(deps: KpiDeps, framework: Framework, settings: KpiSettings, fiscalYear: number): Promise<KpiFigures> {
  const [placements, employees] = await Promise.all([
    deps.roster.listPlacements(),
    framework.rules.appointment?.perSection ? deps.roster.listEmployees() : [],
  ]);
  const assessed = new AssessedPeople(placements);
  const certified = new CertifiedPeople();
  const [{ stored, trainings }] = await Promise.all([
    (async () => {
      const stored = await deps.applications.list(framework.id, fiscalYear);
      return { stored, trainings: await collectTrainings(deps, framework, fiscalYear, stored) };
    })(),
    (async () => {
      for await (const page of deps.assessmentSummaries.levelPages(framework.id)) assessed.add(page);
    })(),
    (async () => {
      for await (const page of deps.certifications.pages(framework.id)) certified.add(page);
    })(),
  ]);
  const applications = stored.map(({ application: a }) => ({
    applicantId: a.applicant.aadObjectId,
    state: a.state,
    department: a.applicant.department,
  }));
  return kpiFigures(framework, settings, { employees, placements, assessed, certified, applications, trainings }, fiscalYear);
}

/** The year's participants per program, as kept, and the records of the year's candidates for their required trainings. */
async function collectTrainings(deps: KpiDeps, framework: Framework, fiscalYear: number, stored: readonly StoredApplication[]): Promise<TrainingSources> {
  const candidacies = stored
    .map(({ application: a }) => ({ employeeNo: a.applicant.employeeNo, track: a.track, state: a.state }))
    .filter((c) => isCandidate(c.state));
  const [participants, records] = await Promise.all([
    deps.trainingRecords.participantsIn(framework.id, fiscalYear),
    // Only candidates of a track that requires trainings have records worth reading (none, where no tier requires one).
    deps.trainingRecords.listForEmployees(framework.id, candidacies.filter((c) => requiresTrainings(framework, c.track)).map((c) => c.employeeNo)),
  ]);
  return { participation: { fiscalYear, participants, candidatesRecords: records }, candidacies };
}
