import type { TableClient } from '@azure/data-tables';
import { findEntity } from './entities';
import { escapeKey } from './tables';

type ParticipationEntity = { readonly participants: string };

/**
 * How many people took each program in a fiscal year, kept as one row per framework and year. Counting them from the
 * records means reading every record of the year, one partition per employee (thousands of round trips on Azure,
 * where a query across partitions pauses at their boundaries): the records' repository writes this row whenever it
 * writes records of the year, so HR's KPI reads one row.
 */
export class TrainingParticipationRepository {
  constructor(private readonly table: TableClient) {}

  /** The distinct participants of each program in the year, by program id; empty for a year without records. */
  async find(frameworkId: string, fiscalYear: number): Promise<ReadonlyMap<string, number>> {
    const row = await findEntity<ParticipationEntity>(this.table, escapeKey(frameworkId), String(fiscalYear));
    return new Map(row ? Object.entries(JSON.parse(row.participants) as Record<string, number>) : []);
  }

  async save(frameworkId: string, fiscalYear: number, participants: ReadonlyMap<string, number>): Promise<void> {
    const entity = { partitionKey: escapeKey(frameworkId), rowKey: String(fiscalYear), participants: JSON.stringify(Object.fromEntries(participants)) };
    await this.table.upsertEntity(entity, 'Replace');
  }
}
