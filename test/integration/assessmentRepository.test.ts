import { randomUUID } from 'node:crypto';
import type { ApplicationWindow } from '../../src/domain/applications/applicationWindow';
import type { Assessment } from '../../src/domain/assessment/assessment';
import { scoreAssessment } from '../../src/domain/assessment/scoring';
import { newAssessmentId } from '../../src/storage/assessmentRepository';
import { createRepositories } from '../../src/storage/repositories';
import { isConcurrencyConflict, storageStatus } from '../../src/storage/storageErrors';
import { createTableStorage } from '../../src/storage/tableStorage';
import { loadKitakyushu } from '../unit/realFramework';
import { rejectionOf } from '../support/rejectionOf';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { assessments, applicationWindows } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A user nobody else in the run has: every test reads and writes its own partition. */
function newUserId(): string {
  return randomUUID();
}

/** A plain assessment in progress, started at `at`. */
function anAssessment(userId: string, at = new Date(), overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: newAssessmentId(at),
    userId,
    frameworkId: 'kitakyushu',
    status: 'inProgress',
    rolePositions: {},
    ratings: {},
    startedAt: at.toISOString(),
    updatedAt: at.toISOString(),
    ...overrides,
  };
}


describe('AssessmentRepository', () => {
  it('creates, finds and updates an assessment, each write giving a new ETag', async () => {
    const userId = newUserId();
    const assessment = anAssessment(userId);

    const created = await assessments.create(assessment);
    expect(created.assessment).toEqual(assessment);
    expect(created.etag).toBeTruthy();

    const found = await assessments.find(userId, assessment.id);
    expect(found).toEqual({ assessment, etag: created.etag });

    const answered: Assessment = {
      ...assessment,
      rolePositions: { mission: 2, thinking: 3 },
      ratings: { rs01: 2, rs02: 0 },
      updatedAt: new Date(Date.parse(assessment.updatedAt) + 1000).toISOString(),
    };
    const updated = await assessments.update(answered, found!.etag);
    expect(updated.etag).toBeTruthy();
    expect(updated.etag).not.toBe(created.etag);

    const reread = await assessments.find(userId, assessment.id);
    expect(reread).toEqual({ assessment: answered, etag: updated.etag });
  });

  it('keeps a completed assessment with its result exactly as written', async () => {
    const userId = newUserId();
    const at = new Date('2026-06-01T01:02:03.004Z');
    const completed = anAssessment(userId, at, {
      status: 'completed',
      rolePositions: { mission: 2, thinking: 2, execution: 3, organization: 1, external: 2 },
      ratings: { rs01: 3, rs09: 1 },
      target: 3,
      completedAt: at.toISOString(),
      // Scored by the real code, so the stored shape follows the result type as it grows.
      result: scoreAssessment(
        loadKitakyushu(),
        { mission: 2, thinking: 2, execution: 3, organization: 1, external: 2 },
        { rs01: 3, rs09: 1 },
        3,
      ),
    });
    await assessments.create(completed);
    expect((await assessments.find(userId, completed.id))?.assessment).toEqual(completed);
  });

  it('refuses to create the same id twice (a 409, a concurrency conflict)', async () => {
    const assessment = anAssessment(newUserId());
    await assessments.create(assessment);
    const err = await rejectionOf(assessments.create({ ...assessment, rolePositions: { mission: 5 } }));
    expect(storageStatus(err)).toBe(409);
    expect(isConcurrencyConflict(err)).toBe(true);
    expect((await assessments.find(assessment.userId, assessment.id))?.assessment).toEqual(assessment);
  });

  it('refuses an update with a stale ETag (a 412) and leaves the stored row as the first writer left it', async () => {
    const userId = newUserId();
    const assessment = anAssessment(userId);
    const { etag: readByBoth } = await assessments.create(assessment);

    // Two clicks read the same version; the first one writes.
    const first: Assessment = { ...assessment, rolePositions: { mission: 1 } };
    const firstWrite = await assessments.update(first, readByBoth);

    const second: Assessment = { ...assessment, rolePositions: { mission: 4 } };
    const err = await rejectionOf(assessments.update(second, readByBoth));
    expect(storageStatus(err)).toBe(412);
    expect(isConcurrencyConflict(err)).toBe(true);

    expect(await assessments.find(userId, assessment.id)).toEqual({ assessment: first, etag: firstWrite.etag });
  });

  it('does not find another user’s assessment, even with its exact id', async () => {
    const owner = newUserId();
    const someoneElse = newUserId();
    const assessment = anAssessment(owner);
    await assessments.create(assessment);

    expect(await assessments.find(someoneElse, assessment.id)).toBeUndefined();
    expect(await assessments.find(owner, assessment.id)).toBeDefined();
  });

  it('finds nothing for an id that was never stored', async () => {
    const userId = newUserId();
    await assessments.create(anAssessment(userId));
    expect(await assessments.find(userId, newAssessmentId(new Date()))).toBeUndefined();
  });

  it('stores user ids with characters Table storage forbids in keys, and keeps users apart', async () => {
    const suffix = randomUUID();
    const userId = `29:a/b#c?d\\e%${suffix}`;
    // What the id would look like with "/" escaped: must not read the same partition.
    const lookalike = `29:a%2Fb#c?d\\e%${suffix}`;
    const assessment = anAssessment(userId);
    await assessments.create(assessment);
    expect((await assessments.find(userId, assessment.id))?.assessment).toEqual(assessment);
    expect(await assessments.listRecent(userId, 5)).toHaveLength(1);
    expect(await assessments.listRecent(lookalike, 5)).toEqual([]);
  });

  describe('listRecent', () => {
    it('lists the user’s assessments newest first, whatever order they were created in', async () => {
      const userId = newUserId();
      const days = [3, 1, 5, 2, 4].map((d) => new Date(Date.UTC(2026, 4, d, 9)));
      const created = days.map((day) => anAssessment(userId, day));
      for (const assessment of created) await assessments.create(assessment);
      // Another user's assessment in between must never show up.
      await assessments.create(anAssessment(newUserId(), new Date(Date.UTC(2026, 4, 6, 9))));

      const listed = await assessments.listRecent(userId, 20);
      expect(listed.map((s) => s.assessment.startedAt)).toEqual(
        [...days].sort((a, b) => b.getTime() - a.getTime()).map((d) => d.toISOString()),
      );
      expect(listed.every((s) => s.assessment.userId === userId && s.etag)).toBe(true);
    });

    it('orders by the id’s time, down to the millisecond', async () => {
      const userId = newUserId();
      const base = Date.UTC(2026, 5, 1, 0, 0, 0, 0);
      const ids: string[] = [];
      for (const offset of [0, 1, 2, 999, 1000]) {
        const assessment = anAssessment(userId, new Date(base + offset));
        ids.push(assessment.id);
        await assessments.create(assessment);
      }
      const listed = await assessments.listRecent(userId, 10);
      expect(listed.map((s) => s.assessment.id)).toEqual([...ids].reverse());
    });

    it('returns at most `limit`, the newest ones', async () => {
      const userId = newUserId();
      const created: Assessment[] = [];
      for (let day = 1; day <= 7; day++) {
        const assessment = anAssessment(userId, new Date(Date.UTC(2026, 3, day, 9)));
        created.push(assessment);
        await assessments.create(assessment);
      }
      const newestFirst = [...created].reverse().map((a) => a.id);

      expect((await assessments.listRecent(userId, 3)).map((s) => s.assessment.id)).toEqual(newestFirst.slice(0, 3));
      expect((await assessments.listRecent(userId, 1)).map((s) => s.assessment.id)).toEqual(newestFirst.slice(0, 1));
      expect((await assessments.listRecent(userId, 7)).map((s) => s.assessment.id)).toEqual(newestFirst);
      expect((await assessments.listRecent(userId, 50)).map((s) => s.assessment.id)).toEqual(newestFirst);
    });

    it('returns an empty list for a user with no assessments', async () => {
      expect(await assessments.listRecent(newUserId(), 20)).toEqual([]);
    });

    it('gives ETags that a conditional update accepts', async () => {
      const userId = newUserId();
      const assessment = anAssessment(userId);
      await assessments.create(assessment);
      const [listed] = await assessments.listRecent(userId, 1);
      const cancelled: Assessment = { ...assessment, status: 'cancelled' };
      await assessments.update(cancelled, listed!.etag);
      expect((await assessments.find(userId, assessment.id))?.assessment.status).toBe('cancelled');
    });
  });
});

describe('ApplicationWindowRepository', () => {
  const opensAt = '2026-05-31T15:00:00.000Z'; // 1 June 2026, 0:00 in Japan
  const closesAt = '2026-06-30T15:00:00.000Z'; // 1 July 2026, 0:00 in Japan

  function aWindow(frameworkId: string, overrides: Partial<ApplicationWindow> = {}): ApplicationWindow {
    return { frameworkId, fiscalYear: 2026, track: 'gold', opensAt, closesAt, ...overrides };
  }

  function newFrameworkId(): string {
    return `kk-${randomUUID().slice(0, 8)}`;
  }

  it('finds the window while it is open: from opensAt (inclusive) to closesAt (exclusive)', async () => {
    const frameworkId = newFrameworkId();
    const window = aWindow(frameworkId);
    await applicationWindows.save(window);

    expect(await applicationWindows.findOpen(frameworkId, new Date(opensAt))).toEqual([window]);
    expect(await applicationWindows.findOpen(frameworkId, new Date('2026-06-15T03:00:00Z'))).toEqual([window]);
    expect(await applicationWindows.findOpen(frameworkId, new Date(Date.parse(closesAt) - 1))).toEqual([window]);
  });

  it('finds nothing before the window opens, at its close, or after', async () => {
    const frameworkId = newFrameworkId();
    await applicationWindows.save(aWindow(frameworkId));

    expect(await applicationWindows.findOpen(frameworkId, new Date(Date.parse(opensAt) - 1))).toEqual([]);
    expect(await applicationWindows.findOpen(frameworkId, new Date(closesAt))).toEqual([]);
    expect(await applicationWindows.findOpen(frameworkId, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
  });

  it('keeps the tracks of a year apart, and never shows another framework’s windows', async () => {
    const frameworkId = newFrameworkId();
    const gold = aWindow(frameworkId);
    const silver = aWindow(frameworkId, { track: 'silver', opensAt: '2026-06-09T15:00:00.000Z' });
    await applicationWindows.save(gold);
    await applicationWindows.save(silver);

    expect(await applicationWindows.findOpen(frameworkId, new Date('2026-06-05T00:00:00Z'))).toEqual([gold]);
    expect(await applicationWindows.findOpen(frameworkId, new Date('2026-06-15T00:00:00Z'))).toEqual([gold, silver]);
    expect(await applicationWindows.find(frameworkId, 2026, 'silver')).toEqual(silver);
    expect(await applicationWindows.find(frameworkId, 2025, 'silver')).toBeUndefined();
    expect(await applicationWindows.list(newFrameworkId())).toEqual([]);
  });

  it('replaces the window of the same fiscal year and track when saved again, keeping who changed it', async () => {
    const frameworkId = newFrameworkId();
    await applicationWindows.save(aWindow(frameworkId));
    const moved = aWindow(frameworkId, { opensAt: '2026-06-09T15:00:00.000Z', updatedBy: 'hr-1', updatedAt: '2026-05-01T00:00:00.000Z' });
    await applicationWindows.save(moved);

    expect(await applicationWindows.list(frameworkId)).toEqual([moved]);
    expect(await applicationWindows.findOpen(frameworkId, new Date('2026-06-05T00:00:00Z'))).toEqual([]);
  });
});
