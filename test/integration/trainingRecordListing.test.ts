import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { TrainingRecord } from '../../src/domain/training/trainingRecord';
import { TABLE_NAMES } from '../../src/storage/tables';
import { createTableStorage } from '../../src/storage/tableStorage';
import { TrainingParticipationRepository } from '../../src/storage/trainingParticipationRepository';
import { TrainingRecordRepository, type RecordsWithin } from '../../src/storage/trainingRecordRepository';

// Reading every record of a framework, as HR's KPI, export and reminders do: one range query over the framework's
// partitions, a page at a time, against the run's Azurite. Framework ids are this file's own, so nothing another test
// stored is read, and ids that share the beginning of ours show that the range stops where the framework does.

const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING!;
const ours = `rq${randomUUID().slice(0, 8)}`;
/** Frameworks whose keys sort right next to ours: longer, and with a character below ':' after our id. */
const neighbours = [`${ours}a`, `${ours}-b`, `${ours}0`];

/** Storage requests a client sent, counted at the wire. */
let requests = 0;
let repository: TrainingRecordRepository;
let participationTable: TableClient;

beforeAll(async () => {
  await createTableStorage({ connectionString }).ensureTables();
  const client = TableClient.fromConnectionString(connectionString, TABLE_NAMES.trainingRecords, { allowInsecureConnection: true });
  client.pipeline.addPolicy({
    name: 'count requests',
    sendRequest: (request, next) => {
      requests += 1;
      return next(request);
    },
  });
  participationTable = TableClient.fromConnectionString(connectionString, TABLE_NAMES.trainingParticipation, { allowInsecureConnection: true });
  const participation = new TrainingParticipationRepository(participationTable);
  repository = new TrainingRecordRepository(client, participation);
  await repository.store(ours, RECORDS);
  for (const neighbour of neighbours) await repository.store(neighbour, [record('E1', 'dx-academy', '2026-05-01')]);
});

function record(employeeNo: string, programId: string, date: string, status: TrainingRecord['status'] = 'attended'): TrainingRecord {
  return { employeeNo, programId, date, status };
}

const RECORDS = [
  record('E1', 'dx-academy', '2026-05-01'),
  record('E1', 'dx-talent-project', '2026-09-01', 'completed'),
  record('E2', 'dx-academy', '2026-05-01', 'absent'),
  record('E3', 'dx-talent-project', '2027-03-31'),
  record('E4', 'dx-talent-project', '2027-04-01'),
  // An employee number with characters Table storage does not allow in a key comes back as it was.
  record('K/7#1', 'dx-academy', '2025-12-01'),
];

/** What a read gives, page by page, and how many requests it sent. */
async function read(within?: RecordsWithin, pageSize?: number): Promise<{ pages: TrainingRecord[][]; sent: number }> {
  const before = requests;
  const pages: TrainingRecord[][] = [];
  for await (const page of repository.pagesOfFramework(ours, within, pageSize)) pages.push(page);
  return { pages, sent: requests - before };
}

const sorted = (records: readonly TrainingRecord[]): TrainingRecord[] =>
  [...records].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo) || a.date.localeCompare(b.date));

describe('TrainingRecordRepository.pagesOfFramework', () => {
  it("reads every record of the framework and none of its neighbours', in one query a page at a time", async () => {
    const { pages, sent } = await read(undefined, 2);
    expect(sorted(pages.flat())).toEqual(sorted(RECORDS));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    // One request a page: never one per employee (four employees here).
    expect(sent).toBe(3);
  });

  it('narrows to the sessions of some days in storage, only those rows coming back', async () => {
    const { pages, sent } = await read({ from: '2026-04-01', to: '2027-03-31' });
    expect(sorted(pages.flat())).toEqual(sorted(RECORDS.filter((r) => r.date >= '2026-04-01' && r.date <= '2027-03-31')));
    expect(sent).toBe(1);
  });

  it('counts the framework’s records, and reads nothing for a framework without any', async () => {
    expect(await repository.countOfFramework(ours)).toBe(RECORDS.length);
    const empty: TrainingRecord[][] = [];
    for await (const page of repository.pagesOfFramework(`${ours}zz`)) empty.push(page);
    expect(empty).toEqual([]);
  });
});

describe("the year's participants, kept as the records are written", () => {
  it('counts each program’s distinct participants of each fiscal year the records touch, taken sessions only', async () => {
    expect(await repository.participantsIn(ours, 2026)).toEqual(new Map([['dx-academy', 1], ['dx-talent-project', 2]]));
    expect(await repository.participantsIn(ours, 2027)).toEqual(new Map([['dx-talent-project', 1]]));
    expect(await repository.participantsIn(ours, 2025)).toEqual(new Map([['dx-academy', 1]]));
    expect(await repository.participantsIn(ours, 2024)).toEqual(new Map());
  });

  it('counts again when a record changes, and leaves the other years and frameworks alone', async () => {
    const year = `${ours}y`;
    await repository.store(year, [record('E1', 'dx-academy', '2026-05-01'), record('E2', 'dx-academy', '2026-06-01', 'absent')]);
    expect(await repository.participantsIn(year, 2026)).toEqual(new Map([['dx-academy', 1]]));
    await repository.store(year, [record('E2', 'dx-academy', '2026-06-01', 'attended'), record('E1', 'dx-academy', '2026-07-01')]);
    expect(await repository.participantsIn(year, 2026)).toEqual(new Map([['dx-academy', 2]]));
    expect(await repository.participantsIn(ours, 2026)).toEqual(new Map([['dx-academy', 1], ['dx-talent-project', 2]]));
  });

  it('counts a year again when the same file is imported again, repairing a count that was never saved', async () => {
    const lost = `${ours}l`;
    const file = [record('E1', 'dx-academy', '2026-05-01'), record('E2', 'dx-academy', '2026-06-01')];
    await repository.store(lost, file);
    await participationTable.deleteEntity(lost, '2026');
    expect(await repository.participantsIn(lost, 2026)).toEqual(new Map());
    expect(await repository.store(lost, file)).toEqual({ added: 0, changed: 0, unchanged: 2 });
    expect(await repository.participantsIn(lost, 2026)).toEqual(new Map([['dx-academy', 2]]));
  });
});
