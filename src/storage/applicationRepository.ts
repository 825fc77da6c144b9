import { odata, type TableClient } from '@azure/data-tables';
import type { Application, ApplicationState } from '../domain/applications/application';
import { countEntities, findEntity, writeOnce } from './entities';
import { WriteMark } from './writeMark';
import { escapeKey, MAX_PAGE } from './tables';

/** An application and the ETag it was read with, for a conditional update. */
export interface StoredApplication {
  readonly application: Application;
  readonly etag: string;
}

/** What HR filters the list by. */
export interface ApplicationFilter {
  readonly state?: ApplicationState;
  readonly track?: string;
  readonly department?: string;
  readonly applicantId?: string;
  readonly approverId?: string;
}

type ApplicationEntity = { data: string };

/**
 * Applications, one partition per framework and fiscal year (a year's applications are listed together),
 * keyed by the application id, which is unique per applicant, track and year.
 */
export class ApplicationRepository {
  private readonly writes = new WriteMark();

  constructor(private readonly table: TableClient) {}

  /**
   * Moves whenever a write of this instance starts or ends: what was kept from reading applications (an approver's
   * count) while it stood still is current but for other instances' writes.
   */
  get writeMark(): number {
    return this.writes.current;
  }

  /** Stores a new application; a 409 if that person already has one for the track and year. */
  async create(application: Application): Promise<StoredApplication> {
    return { application, etag: await this.writes.around(() => writeOnce(this.table, toEntity(application))) };
  }

  async find(frameworkId: string, fiscalYear: number, id: string): Promise<StoredApplication | undefined> {
    const e = await findEntity<ApplicationEntity>(this.table, partitionOf(frameworkId, fiscalYear), escapeKey(id));
    return e && { application: JSON.parse(e.data) as Application, etag: e.etag };
  }

  /** Saves a change only if nobody changed the application since `etag` was read (a 412 otherwise). */
  async update(application: Application, etag: string): Promise<StoredApplication> {
    return { application, etag: await this.writes.around(() => writeOnce(this.table, toEntity(application), etag)) };
  }

  /** The applications of several fiscal years matching the filter, oldest first. */
  async listYears(frameworkId: string, fiscalYears: readonly number[], filter: ApplicationFilter = {}): Promise<StoredApplication[]> {
    const years = await Promise.all(fiscalYears.map((fy) => this.list(frameworkId, fy, filter)));
    return years.flat().sort((a, b) => a.application.submittedAt.localeCompare(b.application.submittedAt));
  }

  /** A year's applications matching the filter, oldest first. */
  async list(frameworkId: string, fiscalYear: number, filter: ApplicationFilter = {}): Promise<StoredApplication[]> {
    const conditions = [odata`PartitionKey eq ${partitionOf(frameworkId, fiscalYear)}`];
    if (filter.state) conditions.push(odata`state eq ${filter.state}`);
    if (filter.track) conditions.push(odata`track eq ${filter.track}`);
    if (filter.department) conditions.push(odata`department eq ${filter.department}`);
    if (filter.applicantId) conditions.push(odata`applicantId eq ${filter.applicantId.toLowerCase()}`);
    if (filter.approverId) conditions.push(odata`approverId eq ${filter.approverId.toLowerCase()}`);
    const found: StoredApplication[] = [];
    const rows = this.table.listEntities<ApplicationEntity>({ queryOptions: { filter: conditions.join(' and ') } });
    for await (const e of rows) found.push({ application: JSON.parse(e.data) as Application, etag: e.etag });
    return found.sort((a, b) => a.application.submittedAt.localeCompare(b.application.submittedAt));
  }

  /** How many applications a fiscal year has, in every state. */
  async countYear(frameworkId: string, fiscalYear: number): Promise<number> {
    return countEntities(this.table, odata`PartitionKey eq ${partitionOf(frameworkId, fiscalYear)}`);
  }

  /** A fiscal year's applications, a page at a time (by id), so thousands of them are never all held at once. */
  async *pagesOfYear(frameworkId: string, fiscalYear: number): AsyncIterable<Application[]> {
    const filter = odata`PartitionKey eq ${partitionOf(frameworkId, fiscalYear)}`;
    const pages = this.table.listEntities<ApplicationEntity>({ queryOptions: { filter, select: ['data'] } }).byPage({ maxPageSize: MAX_PAGE });
    for await (const page of pages) if (page.length > 0) yield page.map((e) => JSON.parse(e.data) as Application);
  }
}

function partitionOf(frameworkId: string, fiscalYear: number): string {
  return `${frameworkId}:${fiscalYear}`;
}

/** The columns HR filters by are stored beside the JSON, so Table storage can filter on them. */
function toEntity(a: Application): Record<string, string> & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: partitionOf(a.frameworkId, a.fiscalYear),
    rowKey: escapeKey(a.id),
    state: a.state,
    track: a.track,
    department: a.applicant.department,
    applicantId: a.applicant.aadObjectId.toLowerCase(),
    approverId: a.approver.aadObjectId.toLowerCase(),
    data: JSON.stringify(a),
  };
}
