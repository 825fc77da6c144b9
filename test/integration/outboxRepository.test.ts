import { randomUUID } from 'node:crypto';
import type { Letter } from '../../src/domain/outbox/letter';
import { createRepositories } from '../../src/storage/repositories';
import { createTableStorage } from '../../src/storage/tableStorage';

const storage = createTableStorage({ connectionString: process.env.TEST_STORAGE_CONNECTION_STRING! });
const { outbox } = createRepositories(storage);

beforeAll(async () => {
  await storage.ensureTables();
});

const JUNE = new Date('2026-06-10T01:00:00.000Z');
const later = (minutes: number): Date => new Date(JUNE.getTime() + minutes * 60_000);
const request = (applicationId: string): Letter => ({ kind: 'approvalRequest', frameworkId: 'kitakyushu', applicationId });
const appointment = (kind: 'appointed' | 'ended'): Letter => ({
  kind: 'appointment',
  frameworkId: 'kitakyushu',
  change: { kind, tier: 'gold', byName: '到津 由美', at: JUNE.toISOString() },
});

describe('OutboxRepository', () => {
  it('keeps letters per recipient, oldest first, whatever the case of their Entra id', async () => {
    const recipient = randomUUID();
    await outbox.keep(recipient.toUpperCase(), request('2026-gold-a'), later(1));
    await outbox.keep(recipient, request('2026-silver-b'), JUNE);
    expect((await outbox.waitingFor(recipient)).map((k) => k.letter)).toEqual([request('2026-silver-b'), request('2026-gold-a')]);
    expect(await outbox.waitingFor(randomUUID())).toEqual([]);
    expect(await outbox.isWaiting(recipient.toUpperCase(), request('2026-gold-a'))).toBe(true);
    expect(await outbox.isWaiting(recipient, request('2026-gold-z'))).toBe(false);
  });

  it('keeps only the latest letter about the same thing', async () => {
    const recipient = randomUUID();
    await outbox.keep(recipient, appointment('appointed'), JUNE);
    await outbox.keep(recipient, appointment('ended'), later(5));
    expect((await outbox.waitingFor(recipient)).map((k) => k.letter)).toEqual([appointment('ended')]);
  });

  it('lets one of two takers have a letter, and neither once it was replaced by a newer one', async () => {
    const recipient = randomUUID();
    await outbox.keep(recipient, request('2026-gold-a'), JUNE);
    const [kept] = await outbox.waitingFor(recipient);
    expect((await Promise.all([outbox.take(kept!), outbox.take(kept!)])).sort()).toEqual([false, true]);
    expect(await outbox.waitingFor(recipient)).toEqual([]);

    await outbox.keep(recipient, request('2026-gold-a'), JUNE);
    const [stale] = await outbox.waitingFor(recipient);
    await outbox.keep(recipient, request('2026-gold-a'), later(1));
    expect(await outbox.take(stale!)).toBe(false);
    expect(await outbox.waitingFor(recipient)).toHaveLength(1);
  });

  it('discards a letter delivered another way, and a letter that is not there without complaint', async () => {
    const recipient = randomUUID();
    await outbox.keep(recipient, request('2026-gold-a'), JUNE);
    await outbox.discard(recipient, request('2026-gold-a'));
    await outbox.discard(recipient, request('2026-gold-a'));
    expect(await outbox.waitingFor(recipient)).toEqual([]);
  });
});
