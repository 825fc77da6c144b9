import type { Framework } from '../../domain/framework/framework';
import { AssessedPeople } from '../../domain/insight/assessed';
import { CertifiedPeople } from '../../domain/insight/certified';
import { kpiFigures, type KpiFigures } from '../../domain/insight/kpiFigures';
import type { KpiSettings } from '../../domain/insight/targets';
import type { KpiDeps } from './deps';

/**
 * Reads what the figures of a fiscal year are made from and counts them. Assessment summaries are read a page at a
 * time, only the levels of each, and only counted, never held (ten thousand of them would be heavy); certifications a
 * page at a time too, keeping a few fields per certified person; where everyone sits and the year's applications are
 * read whole. The whole roster only for a framework that counts holders per section, whose card names them.
 */
export async function collectFigures(deps: KpiDeps, framework: Framework, settings: KpiSettings, fiscalYear: number): Promise<KpiFigures> {
  const [placements, employees] = await Promise.all([
    deps.roster.listPlacements(),
    framework.rules.appointment?.perSection ? deps.roster.listEmployees() : [],
  ]);
  const assessed = new AssessedPeople(placements);
  const certified = new CertifiedPeople();
  const [stored] = await Promise.all([
    deps.applications.list(framework.id, fiscalYear),
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
  return kpiFigures(framework, settings, { employees, placements, assessed, certified, applications }, fiscalYear);
}
