import { randomUUID } from 'node:crypto';
import { EMPTY_PROGRESS, type Broadcast, type BroadcastState } from '../../src/domain/broadcast/broadcast';
import { startAzurite, type Azurite } from '../../src/local/azurite';
import { BROADCAST_ID, newBroadcastId, type BroadcastRepository } from '../../src/storage/broadcastRepository';
import { RowTooLargeError } from '../../src/storage/datasetStore';
import { createRepositories } from '../../src/storage/repositories';
import { storageStatus } from '../../src/storage/storageErrors';
import { createTableStorage } from '../../src/storage/tableStorage';
import { rejectionOf } from '../support/rejectionOf';

// An Azurite of its own: these broadcasts are scheduled and sending, and any bot on the run's storage (other files run
// at the same time) has a sender that would take them up and change them under the test.
let azurite: Azurite;
let broadcasts: BroadcastRepository;

beforeAll(async () => {
  azurite = await startAzurite();
  const storage = createTableStorage({ connectionString: azurite.connectionString });
  await storage.ensureTables();
  ({ broadcasts } = createRepositories(storage));
});
afterAll(async () => {
  await azurite?.stop();
});

/** A framework id nobody else in the run has: each test reads and writes its own partition. */
const newFrameworkId = (): string => `bc-${randomUUID().slice(0, 8)}`;

/** A broadcast as HR leaves it after confirming; `at` is when it was created. */
function aBroadcast(frameworkId: string, state: BroadcastState = 'scheduled', at = new Date('2026-05-20T00:00:00.000Z')): Broadcast {
  return {
    id: newBroadcastId(at),
    frameworkId,
    state,
    notice: {
      title: 'DX人材 募集のお知らせ',
      body: '6月1日から6月30日まで、ゴールド・シルバーの応募を受け付けます。',
      apply: [
        { track: 'gold', label: 'ゴールドに応募する' },
        { track: 'silver', label: 'シルバーに応募する' },
      ],
      fiscalYear: 2026,
    },
    audience: { kind: 'departments', departments: ['政策局', '市民局'] },
    card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'DX人材 募集のお知らせ' }] },
    createdBy: { aadObjectId: randomUUID(), name: '人事 担当' },
    createdAt: at.toISOString(),
    startAt: '2026-06-01T00:00:00.000Z',
    confirmedAt: at.toISOString(),
    round: 1,
    preparedRound: 0,
    progress: EMPTY_PROGRESS,
  };
}

describe('broadcast ids', () => {
  it('sort newest first and match BROADCAST_ID', () => {
    const older = newBroadcastId(new Date('2026-05-01T00:00:00.000Z'));
    const newer = newBroadcastId(new Date('2026-06-01T00:00:00.000Z'));
    expect(newer < older).toBe(true);
    for (const id of [older, newer]) expect(BROADCAST_ID.safeParse(id).success).toBe(true);
    expect(newBroadcastId(new Date())).not.toBe(newBroadcastId(new Date()));
  });

  it('BROADCAST_ID refuses anything else', () => {
    for (const id of ['', 'abc', `${newBroadcastId(new Date())}x`, '1234567890123-ABCDEF12', '../1234567890123-abcdef12']) {
      expect(BROADCAST_ID.safeParse(id).success).toBe(false);
    }
  });
});

describe('BroadcastRepository', () => {
  it('creates a broadcast and finds it as it was, with its ETag; a second create of the id is a 409', async () => {
    const broadcast = aBroadcast(newFrameworkId());
    const created = await broadcasts.create(broadcast);
    expect(created).toEqual({ ...broadcast, etag: expect.any(String) as unknown });
    expect(await broadcasts.find(broadcast.frameworkId, broadcast.id)).toEqual(created);
    expect(storageStatus(await rejectionOf(broadcasts.create(broadcast)))).toBe(409);
  });

  it('finds nothing for an unknown id, another framework, or an id with characters keys forbid', async () => {
    const broadcast = aBroadcast(newFrameworkId());
    await broadcasts.create(broadcast);
    expect(await broadcasts.find(broadcast.frameworkId, newBroadcastId(new Date()))).toBeUndefined();
    expect(await broadcasts.find(newFrameworkId(), broadcast.id)).toBeUndefined();
    expect(await broadcasts.find(broadcast.frameworkId, `${broadcast.id}/../x`)).toBeUndefined();
  });

  it('updates under the ETag it was read with; a stale ETag gives undefined and the first change stays', async () => {
    const created = await broadcasts.create(aBroadcast(newFrameworkId()));
    const sending: Broadcast = {
      ...created,
      state: 'sending',
      startedAt: '2026-06-01T00:00:01.000Z',
      preparedRound: 1,
      progress: { ...EMPTY_PROGRESS, total: 3, sent: 1, failed: 1, pending: 1, failureReasons: { blocked: 1 }, ratePerSecond: 48.5 },
      progressCard: { reference: { conversation: { id: 'a:hr-chat' } }, activityId: 'activity-1', locale: 'ja-JP' },
    };
    const updated = await broadcasts.update(sending, created.etag!);
    expect(updated).toEqual({ ...sending, etag: expect.any(String) as unknown });
    expect(updated!.etag).not.toBe(created.etag);
    expect(await broadcasts.find(created.frameworkId, created.id)).toEqual(updated);

    // HR cancels from the same read: refused, nothing changes.
    const cancel: Broadcast = { ...created, cancelRequestedBy: { aadObjectId: randomUUID(), name: '人事 担当', at: '2026-06-01T00:00:02.000Z' } };
    expect(await broadcasts.update(cancel, created.etag!)).toBeUndefined();
    expect(await broadcasts.find(created.frameworkId, created.id)).toEqual(updated);

    // Read again, decide again: it goes through, and a field left out is removed from the row.
    const cancelled: Broadcast = { ...updated!, ...cancel, state: 'cancelled', progressCard: undefined };
    const written = await broadcasts.update(cancelled, updated!.etag!);
    const found = await broadcasts.find(created.frameworkId, created.id);
    expect(found).toEqual(written);
    expect(found!.cancelRequestedBy).toEqual(cancel.cancelRequestedBy);
    expect(found!.progressCard).toBeUndefined();
  });

  it('refuses a part over Table storage\'s 32K-character limit before writing anything', async () => {
    const broadcast: Broadcast = { ...aBroadcast(newFrameworkId()), card: { type: 'AdaptiveCard', body: 'あ'.repeat(33_000) } };
    const err = await rejectionOf(broadcasts.create(broadcast));
    expect(err).toBeInstanceOf(RowTooLargeError);
    expect((err as Error).message).toContain('card');
    expect(await broadcasts.find(broadcast.frameworkId, broadcast.id)).toBeUndefined();

    const created = await broadcasts.create(aBroadcast(broadcast.frameworkId));
    const tooLong: Broadcast = { ...created, notice: { ...created.notice, body: 'x'.repeat(40_000) } };
    expect(await rejectionOf(broadcasts.update(tooLong, created.etag!))).toBeInstanceOf(RowTooLargeError);
    expect(await broadcasts.find(created.frameworkId, created.id)).toEqual(created);
  });

  it('lists a framework\'s recent broadcasts newest first, 10 unless told', async () => {
    const frameworkId = newFrameworkId();
    const days = Array.from({ length: 12 }, (_, n) => new Date(Date.UTC(2026, 4, 1 + n)));
    // Created out of order: the key order alone makes them newest first.
    for (const n of [4, 0, 11, 7, 2, 9, 1, 10, 5, 3, 8, 6]) await broadcasts.create(aBroadcast(frameworkId, 'completed', days[n]));
    await broadcasts.create(aBroadcast(newFrameworkId(), 'completed', new Date(Date.UTC(2026, 5, 1))));

    const newestFirst = [...days].reverse().map((d) => d.toISOString());
    expect((await broadcasts.listRecent(frameworkId)).map((b) => b.createdAt)).toEqual(newestFirst.slice(0, 10));
    expect((await broadcasts.listRecent(frameworkId, 3)).map((b) => b.createdAt)).toEqual(newestFirst.slice(0, 3));
    expect((await broadcasts.listRecent(frameworkId, 50)).map((b) => b.createdAt)).toEqual(newestFirst);
    expect(await broadcasts.listRecent(newFrameworkId())).toEqual([]);
  });

  it('lists the scheduled and sending broadcasts of every framework, and no others', async () => {
    const [first, second] = [newFrameworkId(), newFrameworkId()];
    const states: BroadcastState[] = ['draft', 'scheduled', 'sending', 'completed', 'cancelled'];
    const created = [];
    for (const frameworkId of [first, second]) {
      for (const state of states) created.push(await broadcasts.create(aBroadcast(frameworkId, state)));
    }
    // Other tests of the file may have left active broadcasts: only this test's frameworks are looked at.
    const active = (await broadcasts.listActive()).filter((b) => b.frameworkId === first || b.frameworkId === second);
    const expected = created.filter((b) => b.state === 'scheduled' || b.state === 'sending');
    expect(active).toHaveLength(4);
    expect(active).toEqual(expect.arrayContaining(expected));
  });
});
