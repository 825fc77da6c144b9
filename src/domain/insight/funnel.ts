import type { ApplicationState } from '../applications/application';

/** The steps from taking the self-assessment to being certified. */
export const FUNNEL_STAGES = ['assessed', 'applied', 'approved', 'selected', 'certified'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How many people reached one step. */
export interface FunnelStep {
  readonly stage: FunnelStage;
  readonly count: number;
}

/** What the figures need of an application: whose it is, where it stands, the department it was made from. */
export interface ApplicationFacts {
  readonly applicantId: string;
  readonly state: ApplicationState;
  readonly department?: string;
}

/** The states an application can be in once it has reached each step: a later state implies the earlier steps. */
const REACHED: Record<Exclude<FunnelStage, 'assessed'>, ReadonlySet<ApplicationState>> = {
  applied: new Set(['submitted', 'approved', 'rejected', 'selected', 'notSelected', 'trainingCompleted', 'certified']),
  approved: new Set(['approved', 'selected', 'notSelected', 'trainingCompleted', 'certified']),
  selected: new Set(['selected', 'trainingCompleted', 'certified']),
  certified: new Set(['certified']),
};

/**
 * A fiscal year's funnel, in people: those with a completed self-assessment, then those whose application reached
 * each step. A withdrawn application counts nowhere; someone applying for two tracks counts once per step.
 */
export function applicationFunnel(assessed: number, applications: Iterable<ApplicationFacts>): FunnelStep[] {
  const reached = new Map<FunnelStage, Set<string>>(FUNNEL_STAGES.map((stage) => [stage, new Set<string>()]));
  for (const { applicantId, state } of applications) {
    for (const [stage, states] of Object.entries(REACHED) as [FunnelStage, ReadonlySet<ApplicationState>][]) {
      if (states.has(state)) reached.get(stage)!.add(applicantId.toLowerCase());
    }
  }
  return FUNNEL_STAGES.map((stage) => ({ stage, count: stage === 'assessed' ? assessed : reached.get(stage)!.size }));
}

/**
 * The funnel of a framework without applications (people are evaluated or appointed): those assessed, then those
 * certified in the year.
 */
export function directFunnel(assessed: number, certified: number): FunnelStep[] {
  return [
    { stage: 'assessed', count: assessed },
    { stage: 'certified', count: certified },
  ];
}

/** Whether an application's applicant is a candidate: approved by their manager, then selected by HR (or further). */
export function isCandidate(state: ApplicationState): boolean {
  return REACHED.selected.has(state);
}

/** The people whose application of the year counts as applied (not withdrawn), lower-case, with its department. */
export function applicantsOf(applications: Iterable<ApplicationFacts>): Map<string, string | undefined> {
  const applicants = new Map<string, string | undefined>();
  for (const { applicantId, state, department } of applications) {
    if (REACHED.applied.has(state)) applicants.set(applicantId.toLowerCase(), department);
  }
  return applicants;
}
