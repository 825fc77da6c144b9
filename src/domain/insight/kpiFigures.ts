import { perSectionCoverage } from '../appointment/appointment';
import type { PerSectionCoverage } from '../appointment/coverage';
import type { Framework } from '../framework/framework';
import type { Employee } from '../roster/employee';
import type { AssessedPeople, LevelDistribution } from './assessed';
import {
  cumulativeProgress,
  planProgress,
  yearlyProgress,
  type CertifiedPeople,
  type CumulativeProgress,
  type TierPlanProgress,
  type YearProgress,
} from './certified';
import { departmentRows, topDepartments, type DepartmentBreakdown } from './departments';
import { applicantsOf, applicationFunnel, directFunnel, type ApplicationFacts, type FunnelStep } from './funnel';
import { tierHolding, type TierHolding } from './holding';
import { participationByProgram, requiredTrainingCount, type CandidacyFacts, type ProgramParticipation, type RequiredTrainingCount, type YearTrainings } from './participation';
import type { Placements } from './placements';
import type { KpiSettings } from './targets';

/** How many fiscal years the chart shows: the chosen one and the four before it. */
export const YEARS_SHOWN = 5;
/** How many departments are listed one by one before the rest are added up. */
export const DEPARTMENTS_SHOWN = 10;

/** Everything HR's KPI card shows for one fiscal year. */
export interface KpiFigures {
  readonly fiscalYear: number;
  /** Oldest first, ending with `fiscalYear`. */
  readonly years: readonly YearProgress[];
  readonly cumulative: CumulativeProgress;
  /** The tiers' head counts in the framework's plan, against the people holding each now. */
  readonly plan: readonly TierPlanProgress[];
  /** Whether people are certified or appointed to the tiers counted: the words the card uses. */
  readonly holding: TierHolding;
  readonly funnel: readonly FunnelStep[];
  readonly staff: number;
  readonly departments: DepartmentBreakdown;
  readonly levels: LevelDistribution;
  /** Only for a framework whose KPI is one holder of a tier per section (係): which sections have one. */
  readonly coverage?: PerSectionCoverage;
  /** The year's participants per program, from the training records. */
  readonly participation: readonly ProgramParticipation[];
  /** The year's candidates who finished their required trainings, by state and by the records. */
  readonly requiredTrainings: RequiredTrainingCount;
}

/** The year's training records as counted, and what each application needs to count its candidate's required trainings. */
export interface TrainingSources {
  readonly participation: YearTrainings;
  readonly candidacies: readonly CandidacyFacts[];
}

/** What the figures are made from, collected from storage a page at a time. */
export interface KpiSources {
  /** The roster's employees, where the card names some (a framework counting holders per section); else none needed. */
  readonly employees: readonly Employee[];
  /** Where everyone on the roster sits, by Entra id. */
  readonly placements: Placements;
  readonly assessed: AssessedPeople;
  readonly certified: CertifiedPeople;
  /** The applications of the fiscal year. */
  readonly applications: readonly ApplicationFacts[];
  readonly trainings: TrainingSources;
}

/** The figures of a fiscal year. */
export function kpiFigures(framework: Framework, settings: KpiSettings, sources: KpiSources, fiscalYear: number): KpiFigures {
  const { employees, placements, assessed, certified, applications, trainings } = sources;
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => fiscalYear - YEARS_SHOWN + 1 + i);
  // A city without applications certifies through evaluations or appointments: its funnel has no steps between.
  const funnel = framework.rules.applicationWindow
    ? applicationFunnel(assessed.total, applications)
    : directFunnel(assessed.total, certified.countIn(fiscalYear));
  return {
    fiscalYear,
    years: yearlyProgress(framework, settings, certified, years),
    cumulative: cumulativeProgress(framework, settings, certified, fiscalYear),
    plan: planProgress(framework, certified),
    holding: tierHolding(framework),
    funnel,
    staff: placements.size,
    departments: topDepartments(departmentRows(placements, assessed.byDepartment, applicantsOf(applications), certified), DEPARTMENTS_SHOWN),
    levels: assessed.distribution(framework.highestLevel, { skills: framework.hasRequiredSkills }),
    coverage: perSectionCoverage(employees, certified.people, framework.rules.appointment),
    participation: participationByProgram(framework, trainings.participation),
    requiredTrainings: requiredTrainingCount(framework, trainings.candidacies, trainings.participation),
  };
}

