import { randomUUID } from 'node:crypto';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { deliveries } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A recipient id that sorts by `n` (Entra ids are GUIDs; these are too, and easy to reason about). */
const recipient = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A fresh delivery of a round-1 broadcast, for recipient number `n`. */
function aDelivery(broadcastId: string, n: number): Delivery {
  return {
    broadcastId,
    aadObjectId: recipient(n),
    employeeNo: `E${n}`,
    name: `職員 ${n}`,
    department: '政策局',
    state: 'pending',
    attempts: 0,
    round: 1,
    reference: { conversation: { id: `a:chat-${n}` }, serviceUrl: 'https://smba.example/jp/', user: { id: `29:${n}` } },
    possibleDuplicate: false,
  };
}

const range = (count: number, from = 0): number[] => Array.from({ length: count }, (_, n) => from + n);

/** Every delivery of a broadcast, in the order the pages give them. */
async function all(broadcastId: string, pageSize?: number): Promise<Delivery[]> {
  const found: Delivery[] = [];
  for await (const page of deliveries.pages(broadcastId, pageSize)) found.push(...page);
  return found;
}

describe('DeliveryRepository', () => {
  it('creates 250 deliveries across batches, and none a second time', async () => {
    const broadcastId = newBroadcastId(new Date());
    // Out of order: the repository sorts them into batches itself.
    const fresh = range(250).reverse().map((n) => aDelivery(broadcastId, n));
    expect(await deliveries.createMissing(fresh)).toBe(250);
    const stored = await all(broadcastId);
    expect(stored.map((d) => d.aadObjectId)).toEqual(range(250).map(recipient));
    expect(stored[7]).toEqual({ ...aDelivery(broadcastId, 7), etag: expect.any(String) as unknown });

    expect(await deliveries.createMissing(fresh)).toBe(0);
    expect(await all(broadcastId)).toEqual(stored);
  });

  it('creates only the missing ones and never changes a row that exists (a sent delivery stays sent)', async () => {
    const broadcastId = newBroadcastId(new Date());
    // A preparation that died half way: some rows in the first batch, some in the third.
    expect(await deliveries.createMissing([...range(30), ...range(10, 220)].map((n) => aDelivery(broadcastId, n)))).toBe(40);
    const before = await deliveries.find(broadcastId, recipient(5));
    const sentToFive: Delivery = { ...before!, state: 'sent', attempts: 1, sentAt: '2026-06-01T00:00:05.000Z', sentBy: 'sender-1', activityId: 'act-5' };
    const sent = await deliveries.update(sentToFive, before!.etag!);

    expect(await deliveries.createMissing(range(250).map((n) => aDelivery(broadcastId, n)))).toBe(210);
    const stored = await all(broadcastId);
    expect(stored).toHaveLength(250);
    expect(stored.find((d) => d.aadObjectId === recipient(5))).toEqual(sent);
    expect(stored.filter((d) => d.state === 'sent')).toHaveLength(1);
  });

  it('counts a recipient named twice once, whatever the case of their id', async () => {
    const broadcastId = newBroadcastId(new Date());
    const first = aDelivery(broadcastId, 1);
    const twice = [first, { ...first, aadObjectId: first.aadObjectId.toUpperCase(), name: '二回目' }, aDelivery(broadcastId, 2)];
    expect(await deliveries.createMissing(twice)).toBe(2);
    expect((await deliveries.find(broadcastId, recipient(1)))!.name).toBe('職員 1');
  });

  it('creates the deliveries of several broadcasts in one call, each in its own partition', async () => {
    const [one, two] = [newBroadcastId(new Date()), newBroadcastId(new Date())];
    const both = [...range(3).map((n) => aDelivery(one, n)), ...range(2).map((n) => aDelivery(two, n))];
    expect(await deliveries.createMissing(both)).toBe(5);
    expect(await all(one)).toHaveLength(3);
    expect(await all(two)).toHaveLength(2);
  });

  it('lists a range of recipients, both ends included, in RowKey order', async () => {
    const broadcastId = newBroadcastId(new Date());
    await deliveries.createMissing(range(50).map((n) => aDelivery(broadcastId, n)));
    const ids = async (from: string, to: string): Promise<string[]> =>
      (await deliveries.listRange(broadcastId, from, to)).map((d) => d.aadObjectId);
    expect(await ids(recipient(10), recipient(19))).toEqual(range(10, 10).map(recipient));
    expect(await ids(recipient(0), recipient(0))).toEqual([recipient(0)]);
    expect(await ids(recipient(45), recipient(99))).toEqual(range(5, 45).map(recipient));
    // Bounds between keys, and in upper case as some clients send them.
    expect(await ids(`${recipient(20)}0`, recipient(22).toUpperCase())).toEqual([recipient(21), recipient(22)]);
    expect(await ids(recipient(30), recipient(29))).toEqual([]);
    expect(await deliveries.listRange(newBroadcastId(new Date()), recipient(0), recipient(49))).toEqual([]);
  });

  it('pages through 2,500 deliveries in RowKey order, never more than a page at a time', async () => {
    const broadcastId = newBroadcastId(new Date());
    expect(await deliveries.createMissing(range(2500).map((n) => aDelivery(broadcastId, n)))).toBe(2500);
    for (const pageSize of [undefined, 300]) {
      const sizes: number[] = [];
      const keys: string[] = [];
      for await (const page of deliveries.pages(broadcastId, pageSize)) {
        sizes.push(page.length);
        keys.push(...page.map((d) => d.aadObjectId));
      }
      expect(Math.max(...sizes)).toBeLessThanOrEqual(pageSize ?? 1000);
      expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(2500 / (pageSize ?? 1000)));
      expect(keys).toEqual(range(2500).map(recipient));
    }
    const none: Delivery[][] = [];
    for await (const page of deliveries.pages(newBroadcastId(new Date()))) none.push(page);
    expect(none).toEqual([]);
  });

  it('updates under the ETag it was read with; a stale ETag gives undefined and the first change stays', async () => {
    const broadcastId = newBroadcastId(new Date());
    await deliveries.createMissing([aDelivery(broadcastId, 1)]);
    const read = await deliveries.find(broadcastId, recipient(1).toUpperCase());
    expect(read).toEqual({ ...aDelivery(broadcastId, 1), etag: expect.any(String) as unknown });

    const retrying: Delivery = {
      ...read!,
      state: 'retrying',
      attempts: 1,
      lastStatus: 429,
      reason: 'throttled',
      notBefore: '2026-06-01T00:00:03.000Z',
      claimedBy: 'sender-a',
    };
    const claimed = await deliveries.update(retrying, read!.etag!);
    expect(claimed).toEqual({ ...retrying, etag: expect.any(String) as unknown });
    expect(claimed!.etag).not.toBe(read!.etag);
    expect(await deliveries.update({ ...read!, state: 'sending', claimedBy: 'sender-b' }, read!.etag!)).toBeUndefined();
    expect(await deliveries.find(broadcastId, recipient(1))).toEqual(claimed);

    // Fields left out are removed from the row.
    const sent: Delivery = {
      ...claimed!,
      state: 'sent',
      attempts: 2,
      lastStatus: 201,
      reason: undefined,
      notBefore: undefined,
      claimedBy: undefined,
      sentAt: '2026-06-01T00:00:04.000Z',
      activityId: 'act-1',
    };
    const written = await deliveries.update(sent, claimed!.etag!);
    const found = await deliveries.find(broadcastId, recipient(1));
    expect(found).toEqual(written);
    expect(found!.reason).toBeUndefined();
    expect(found!.notBefore).toBeUndefined();
  });

  it('keeps an unreachable delivery without a reference', async () => {
    const broadcastId = newBroadcastId(new Date());
    const unreachable: Delivery = { ...aDelivery(broadcastId, 3), state: 'unreachable', reason: 'notInstalled', reference: undefined };
    await deliveries.createMissing([unreachable]);
    expect(await deliveries.find(broadcastId, recipient(3))).toEqual({ ...unreachable, etag: expect.any(String) as unknown });
    expect(await deliveries.find(broadcastId, randomUUID())).toBeUndefined();
  });
});
