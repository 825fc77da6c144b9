import type { RatingStep } from '../framework/schema';
import { missingViewpoints, type Evaluation, type Rater, type Rating } from './evaluation';

/** How many ratings chose each step of the scale, lowest step first. */
export type Distribution = readonly { readonly step: RatingStep; readonly count: number }[];

/** What the raters of one viewpoint said. */
export interface ViewpointResult {
  readonly viewpoint: string;
  /** How many raters were asked. */
  readonly asked: number;
  /** How many of them have rated. */
  readonly rated: number;
  /** The mean value of the ratings; undefined while there is none. */
  readonly mean?: number;
  readonly distribution: Distribution;
  /** The comments given, in the order of the raters. */
  readonly comments: readonly { readonly by: string; readonly text: string }[];
  /** Each rater asked, with their rating once given. */
  readonly raters: readonly { readonly rater: Rater; readonly rating?: Rating }[];
}

/** The evaluation at a glance: each viewpoint, all of them together, and what certifying still needs. */
export interface EvaluationResult {
  readonly viewpoints: readonly ViewpointResult[];
  readonly overall: {
    readonly asked: number;
    readonly rated: number;
    /**
     * The mean of the viewpoints' means, over the viewpoints rated so far: each viewpoint weighs the same whatever
     * its number of raters, so five colleagues do not outweigh one executive.
     */
    readonly mean?: number;
    readonly distribution: Distribution;
  };
  /** Viewpoints nobody has rated from yet; certifying needs none. */
  readonly missing: readonly string[];
}

/**
 * Aggregates the ratings of an evaluation per viewpoint and overall. Only ratings by a rater asked for that viewpoint
 * and on the evaluation's scale count: a stray row cannot tilt the result.
 */
export function aggregate(evaluation: Evaluation, ratings: readonly Rating[]): EvaluationResult {
  const onScale = new Set(evaluation.scale.map((s) => s.value));
  const viewpoints = evaluation.raters.map(({ viewpoint, raters }): ViewpointResult => {
    const asked = raters.map((rater) => ({
      rater,
      rating: ratings.find(
        (r) => r.viewpoint === viewpoint && r.rater.aadObjectId.toLowerCase() === rater.aadObjectId.toLowerCase() && onScale.has(r.value),
      ),
    }));
    const given = asked.flatMap((a) => (a.rating ? [a.rating] : []));
    return {
      viewpoint,
      asked: raters.length,
      rated: given.length,
      mean: mean(given.map((r) => r.value)),
      distribution: distribution(evaluation.scale, given),
      comments: given.filter((r) => r.comment !== '').map((r) => ({ by: r.rater.name, text: r.comment })),
      raters: asked,
    };
  });
  const counted = ratings.filter((r) => viewpoints.some((v) => v.raters.some((a) => a.rating === r)));
  return {
    viewpoints,
    overall: {
      asked: viewpoints.reduce((sum, v) => sum + v.asked, 0),
      rated: counted.length,
      mean: mean(viewpoints.flatMap((v) => (v.mean === undefined ? [] : [v.mean]))),
      distribution: distribution(evaluation.scale, counted),
    },
    missing: missingViewpoints(evaluation, counted),
  };
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function distribution(scale: readonly RatingStep[], ratings: readonly Rating[]): Distribution {
  return scale.map((step) => ({ step, count: ratings.filter((r) => r.value === step.value).length }));
}
