import { randomUUID } from 'node:crypto';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { leases } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

/** A lease name nobody else in the run uses. */
const newLeaseName = (): string => `sender-${randomUUID()}`;

/** A realistic clock: today in milliseconds, so the stored time must keep more than 32 bits. */
const T = Date.parse('2026-06-01T00:00:00.000Z');
const MINUTE = 60_000;

describe('LeaseRepository', () => {
  it('takes a free lease, refuses it to others until it expires, and renews it for its owner', async () => {
    const name = newLeaseName();
    const lease = await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T);
    expect(lease).toEqual({ name, owner: 'sender-a', expiresAt: T + MINUTE, etag: expect.any(String) as unknown });

    expect(await leases.acquire(name, { owner: 'sender-b' }, MINUTE, T + 1_000)).toBeUndefined();
    expect(await leases.acquire(name, { owner: 'sender-b' }, MINUTE, T + MINUTE - 1)).toBeUndefined();

    // Acquiring again as the owner renews.
    const again = await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T + 30_000);
    expect(again).toMatchObject({ owner: 'sender-a', expiresAt: T + 30_000 + MINUTE });
    expect(again!.etag).not.toBe(lease!.etag);
  });

  it('gives a new lease, or an expired one, to exactly one of several instances racing for it', async () => {
    const owners = ['a', 'b', 'c', 'd', 'e'].map((o) => `sender-${o}`);
    const race = async (name: string, now: number): Promise<string> => {
      const results = await Promise.all(owners.map((owner) => leases.acquire(name, { owner }, MINUTE, now)));
      const winners = results.filter((l) => l !== undefined);
      expect(winners).toHaveLength(1);
      return winners[0]!.owner;
    };
    for (let round = 0; round < 5; round++) {
      const name = newLeaseName();
      const first = await race(name, T);
      // The losers read again and see the winner's lease.
      for (const loser of owners.filter((o) => o !== first)) expect(await leases.acquire(name, { owner: loser }, MINUTE, T + 1)).toBeUndefined();
      // Once it expires, every instance (the holder too) races again: a create the first time, an ETag write now.
      await race(name, T + MINUTE);
    }
  });

  it('lets another instance take an expired lease; the old owner then cannot renew it', async () => {
    const name = newLeaseName();
    const old = await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T);
    const taken = await leases.acquire(name, { owner: 'sender-b' }, MINUTE, T + MINUTE);
    expect(taken).toMatchObject({ owner: 'sender-b', expiresAt: T + 2 * MINUTE });

    expect(await leases.renew(old!, MINUTE, T + MINUTE + 1)).toBeUndefined();
    expect(await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T + MINUTE + 2)).toBeUndefined();
  });

  it('renews a held lease, even one just past its time that nobody took', async () => {
    const name = newLeaseName();
    const lease = await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T);
    const renewed = await leases.renew(lease!, MINUTE, T + 50_000);
    expect(renewed).toMatchObject({ owner: 'sender-a', expiresAt: T + 50_000 + MINUTE });
    const late = await leases.renew(renewed!, MINUTE, T + 50_000 + MINUTE + 5_000);
    expect(late).toMatchObject({ expiresAt: T + 50_000 + 2 * MINUTE + 5_000 });
    // A renewal made from an old read is refused: another renewal came after it.
    expect(await leases.renew(renewed!, MINUTE, T + 2 * MINUTE)).toBeUndefined();
  });

  it('releases a lease so another instance can take it at once; releasing a lost lease changes nothing', async () => {
    const name = newLeaseName();
    const lease = await leases.acquire(name, { owner: 'sender-a' }, MINUTE, T);
    await leases.release(lease!);
    const taken = await leases.acquire(name, { owner: 'sender-b' }, MINUTE, T + 1_000);
    expect(taken).toMatchObject({ owner: 'sender-b' });

    await leases.release(lease!);
    expect(await leases.acquire(name, { owner: 'sender-c' }, MINUTE, T + 2_000)).toBeUndefined();
    expect(await leases.renew(taken!, MINUTE, T + 3_000)).toMatchObject({ owner: 'sender-b', expiresAt: T + 3_000 + MINUTE });
  });

  it('hands a running lease to a new process of the holder’s own instance at once, never to another instance', async () => {
    const name = newLeaseName();
    const crashed = await leases.acquire(name, { owner: 'boot-1', instance: 'vm-a' }, MINUTE, T);
    expect(crashed).toMatchObject({ owner: 'boot-1', instance: 'vm-a' });

    // Another instance, or a process that does not know its instance, waits for the lease to run out.
    expect(await leases.acquire(name, { owner: 'boot-9', instance: 'vm-b' }, MINUTE, T + 1_000)).toBeUndefined();
    expect(await leases.acquire(name, { owner: 'boot-8' }, MINUTE, T + 1_000)).toBeUndefined();
    // The next process of vm-a knows boot-1 is gone: one process runs there at a time.
    const taken = await leases.acquire(name, { owner: 'boot-2', instance: 'vm-a' }, MINUTE, T + 1_000);
    expect(taken).toMatchObject({ owner: 'boot-2', instance: 'vm-a', expiresAt: T + 1_000 + MINUTE });

    expect(await leases.renew(crashed!, MINUTE, T + 2_000)).toBeUndefined();
    expect(await leases.acquire(name, { owner: 'boot-9', instance: 'vm-b' }, MINUTE, T + 2_000)).toBeUndefined();
    expect(await leases.renew(taken!, MINUTE, T + 3_000)).toMatchObject({ owner: 'boot-2', instance: 'vm-a', expiresAt: T + 3_000 + MINUTE });
  });
});
