import { odata, type TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import type { Evaluation, EvaluationState, Rating } from '../domain/evaluation/evaluation';
import { RowTooLargeError } from './datasetStore';
import { findEntity, writeIfUnchanged } from './entities';
import { isConcurrencyConflict, isNotFound } from './storageErrors';
import { escapeKey, MAX_PAGE, MAX_STRING_CHARS, newInvertedTimeId } from './tables';

/** A new evaluation id: newest first in RowKey order. */
export function newEvaluationId(now: Date): string {
  return newInvertedTimeId(now);
}

/** An evaluation and the ETag it was read with, for a conditional update. */
export interface StoredEvaluation {
  readonly evaluation: Evaluation;
  readonly etag: string;
}

/** A rating and the ETag it was read with. */
export interface StoredRating {
  readonly rating: Rating;
  readonly etag: string;
}

type EvaluationEntity = { state: EvaluationState; tier: string; candidateId: string; fiscalYear: number; data: string };
type RatingEntity = Omit<Rating, 'evaluationId' | 'rater'> & { raterId: string; raterName: string };

/**
 * Multi-rater evaluations and their ratings: one aggregate in two tables. Evaluations are one partition per
 * framework, newest first; ratings one partition per evaluation, one row per viewpoint and rater. Every change is
 * written under the ETag it was read with (or as a create), so two writers never overwrite each other unseen.
 */
export class EvaluationRepository {
  constructor(
    private readonly evaluations: TableClient,
    private readonly ratings: TableClient,
  ) {}

  /** Stores a new evaluation; undefined when one with its id exists already (the same confirmation, clicked twice). */
  async create(evaluation: Evaluation): Promise<StoredEvaluation | undefined> {
    const etag = await writeIfUnchanged(this.evaluations, toEntity(evaluation), undefined);
    return etag === undefined ? undefined : { evaluation, etag };
  }

  async find(frameworkId: string, id: string): Promise<StoredEvaluation | undefined> {
    const e = await findEntity<EvaluationEntity>(this.evaluations, escapeKey(frameworkId), escapeKey(id));
    return e && toStored(e);
  }

  /** Saves a change only if nobody wrote since `etag` was read; undefined when someone did (read again, decide again). */
  async update(evaluation: Evaluation, etag: string): Promise<StoredEvaluation | undefined> {
    const written = await writeIfUnchanged(this.evaluations, toEntity(evaluation), etag);
    return written === undefined ? undefined : { evaluation, etag: written };
  }

  /** A framework's latest evaluations, newest first. */
  async listRecent(frameworkId: string, limit: number): Promise<StoredEvaluation[]> {
    return this.list(odata`PartitionKey eq ${escapeKey(frameworkId)}`, limit);
  }

  /** Every open evaluation of a framework, newest first (a city runs tens of them a year, not thousands). */
  async listOpen(frameworkId: string): Promise<StoredEvaluation[]> {
    const open: EvaluationState = 'open';
    return this.list(odata`PartitionKey eq ${escapeKey(frameworkId)} and state eq ${open}`);
  }

  /** One rater's rating from one viewpoint, if they have rated. */
  async findRating(evaluationId: string, viewpoint: string, raterId: string): Promise<StoredRating | undefined> {
    const e = await findEntity<RatingEntity>(this.ratings, escapeKey(evaluationId), ratingKey(viewpoint, raterId));
    return e && { rating: toRating(e), etag: e.etag };
  }

  /**
   * Writes a rating if the rater's row is as it was read (`etag`; undefined: there was none). Returns the new ETag, or
   * undefined when it changed meanwhile (the same rater, in another window).
   */
  async saveRating(rating: Rating, etag: string | undefined): Promise<string | undefined> {
    const { evaluationId, rater, ...fields } = rating;
    const entity: TableEntity<RatingEntity> = {
      partitionKey: escapeKey(evaluationId),
      rowKey: ratingKey(rating.viewpoint, rater.aadObjectId),
      ...fields,
      raterId: rater.aadObjectId.toLowerCase(),
      raterName: rater.name,
    };
    return writeIfUnchanged(this.ratings, entity, etag);
  }

  /**
   * Takes back a rating just saved under `etag`: the rater's earlier rating is put back, or the rating deleted when
   * there was none. Undefined when the row changed meanwhile (the rater rated again).
   */
  async restoreRating(saved: Rating, etag: string, previous: Rating | undefined): Promise<string | undefined> {
    if (previous) return this.saveRating(previous, etag);
    try {
      await this.ratings.deleteEntity(escapeKey(saved.evaluationId), ratingKey(saved.viewpoint, saved.rater.aadObjectId), { etag });
      return etag;
    } catch (error) {
      if (isConcurrencyConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every rating of an evaluation, by viewpoint and rater. */
  async listRatings(evaluationId: string): Promise<Rating[]> {
    const found: Rating[] = [];
    const rows = this.ratings.listEntities<RatingEntity>({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(evaluationId)}` } });
    for await (const e of rows) found.push(toRating(e));
    return found;
  }

  private async list(filter: string, limit = Number.POSITIVE_INFINITY): Promise<StoredEvaluation[]> {
    const found: StoredEvaluation[] = [];
    const pages = this.evaluations
      .listEntities<EvaluationEntity>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(limit, MAX_PAGE) });
    for await (const page of pages) {
      for (const e of page) {
        found.push(toStored(e));
        if (found.length >= limit) return found;
      }
    }
    return found;
  }
}

/** Viewpoint ids are identifiers ([a-z0-9-]), so ":" cannot occur in them and the key splits back unambiguously. */
function ratingKey(viewpoint: string, raterId: string): string {
  return escapeKey(`${viewpoint}:${raterId.toLowerCase()}`);
}

/** The columns an evaluation is filtered by sit beside its JSON. */
function toEntity(evaluation: Evaluation): TableEntity<EvaluationEntity> {
  const data = JSON.stringify(evaluation);
  // Refused before anything is written when Azure would refuse it (Azurite would not).
  if (data.length > MAX_STRING_CHARS) {
    throw new RowTooLargeError(`evaluation ${evaluation.id} is ${data.length} characters; Table storage allows ${MAX_STRING_CHARS}`);
  }
  return {
    partitionKey: escapeKey(evaluation.frameworkId),
    rowKey: escapeKey(evaluation.id),
    state: evaluation.state,
    tier: evaluation.tier,
    candidateId: evaluation.candidate.aadObjectId.toLowerCase(),
    fiscalYear: evaluation.fiscalYear,
    data,
  };
}

function toStored(e: TableEntityResult<EvaluationEntity>): StoredEvaluation {
  return { evaluation: JSON.parse(e.data) as Evaluation, etag: e.etag };
}

function toRating(e: TableEntityResult<RatingEntity>): Rating {
  return {
    evaluationId: decodeURIComponent(e.partitionKey!),
    viewpoint: e.viewpoint,
    rater: { aadObjectId: e.raterId, name: e.raterName },
    value: e.value,
    comment: e.comment,
    ratedAt: e.ratedAt,
    updatedAt: e.updatedAt,
  };
}
