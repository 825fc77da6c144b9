import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueClient } from '@azure/storage-queue';
import type { Logger } from '../../src/logger';
import { newBroadcastId } from '../../src/storage/broadcastRepository';
import { isNotFound, storageStatus } from '../../src/storage/storageErrors';
import { createTableStorage } from '../../src/storage/tableStorage';
import { QUEUE_NAMES } from '../../src/storage/tables';
import { WorkQueue, type ReceivedWork, type WorkItem } from '../../src/storage/workQueue';
import { rejectionOf } from '../support/rejectionOf';
import { waitFor } from '../support/waitFor';

const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING!;

/** What the queue logged, so a test can see it reported a message it dropped. */
const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
const recordingLogger: Logger = {
  info: () => undefined,
  warn: (message, fields) => warnings.push({ message, fields }),
  error: () => undefined,
};

/** A queue of its own for each test (the real one is shared by everything in the run). */
async function newQueue(): Promise<{ client: QueueClient; queue: WorkQueue }> {
  const client = new QueueClient(connectionString, `work-${randomUUID()}`);
  await client.create();
  return { client, queue: new WorkQueue(client, recordingLogger) };
}

function anItem(n: number, broadcastId = newBroadcastId(new Date('2026-06-01T00:00:00.000Z'))): WorkItem {
  return { frameworkId: 'kitakyushu-dx', broadcastId, round: 1, from: `${n}-first`, to: `${n}-last` };
}

const range = (count: number): number[] => Array.from({ length: count }, (_, n) => n);

/** What the queue hands out once the time of work received before has run out, by the queue's clock (in whole seconds). */
function handedOutAgain(queue: WorkQueue): Promise<ReceivedWork[]> {
  return waitFor('work to be handed out again', async () => {
    const received = await queue.receive(32, 30);
    return received.length > 0 && received;
  });
}

describe('WorkQueue', () => {
  it('is created with the tables', async () => {
    const storage = createTableStorage({ connectionString });
    await storage.ensureTables();
    expect(await storage.queue(QUEUE_NAMES.broadcastWork).exists()).toBe(true);
  });

  it('hands out what was queued, hidden from others until it is released, then again', async () => {
    const { queue } = await newQueue();
    const items = range(3).map((n) => anItem(n));
    await queue.enqueue(items);

    const received = await queue.receive(32, 30);
    expect(received.map((w) => w.item)).toEqual(expect.arrayContaining(items));
    expect(received).toHaveLength(3);
    expect(received.every((w) => w.dequeueCount === 1)).toBe(true);
    expect(await queue.receive(32, 30)).toEqual([]);

    await queue.release(received[1]!);
    const again = await queue.receive(32, 30);
    expect(again).toEqual([{ ...received[1], popReceipt: expect.any(String) as unknown, dequeueCount: 2 }]);
  });

  it('deletes completed work for good; completing it twice is fine', async () => {
    const { client, queue } = await newQueue();
    await queue.enqueue([anItem(1)]);
    const [work] = await queue.receive(1, 1);
    await queue.complete(work!);
    await queue.complete(work!);
    await queue.release(work!);
    // The count includes hidden messages: none is left, not even one waiting for its time to run out.
    expect((await client.getProperties()).approximateMessagesCount).toBe(0);
    expect(await queue.receive(32, 30)).toEqual([]);
  });

  it('hands work out again when its receiver lets the time run out; the late receiver cannot complete it any more', async () => {
    const { queue } = await newQueue();
    await queue.enqueue([anItem(1)]);
    const [slow] = await queue.receive(1, 1);
    const [next] = await handedOutAgain(queue);
    expect(next).toMatchObject({ item: slow!.item, messageId: slow!.messageId, dequeueCount: 2 });

    // The slow receiver's complete and release are ignored: the message is the next receiver's now.
    await queue.complete(slow!);
    await queue.release(slow!);
    expect(await queue.receive(1, 30)).toEqual([]);
    await queue.complete(next!);
  });

  it('extends the time a receiver holds work, with a new pop receipt', async () => {
    const { queue } = await newQueue();
    await queue.enqueue([anItem(1)]);
    const [work] = await queue.receive(1, 1);
    const extended = await queue.extend(work!, 30);
    expect(extended).toEqual({ ...work, popReceipt: expect.any(String) as unknown });
    expect(extended.popReceipt).not.toBe(work!.popReceipt);
    // Past the first receive's second: only a pause of the whole 30 s could hand it out, not a slow machine.
    await sleep(1_500);
    expect(await queue.receive(1, 30)).toEqual([]);

    // The old receipt no longer holds the message.
    expect(storageStatus(await rejectionOf(queue.extend(work!, 30)))).toBe(400);
    await queue.complete(extended);
    expect(isNotFound(await rejectionOf(queue.extend(extended, 30)))).toBe(true);
  });

  it('queues 100 items at once and hands out at most 32 per receive', async () => {
    const { client, queue } = await newQueue();
    const items = range(100).map((n) => anItem(n));
    await queue.enqueue(items);
    expect((await client.getProperties()).approximateMessagesCount).toBe(100);

    const first = await queue.receive(50, 30);
    expect(first).toHaveLength(32);
    const seen = [...first];
    for (let batch = await queue.receive(32, 30); batch.length > 0; batch = await queue.receive(32, 30)) seen.push(...batch);
    expect(seen.map((w) => w.item.from).sort()).toEqual(items.map((i) => i.from).sort());
  });

  it('deletes and logs a message that is not a work item, and still hands out the good ones', async () => {
    const { client, queue } = await newQueue();
    const good = anItem(1);
    const bad = ['not json at all', JSON.stringify({ ...good, broadcastId: '../other' }), JSON.stringify({ ...good, round: 0 }), '{}'];
    for (const text of bad) await client.sendMessage(text);
    await queue.enqueue([good]);

    const before = warnings.length;
    const received = await queue.receive(32, 1);
    expect(received.map((w) => w.item)).toEqual([good]);
    const logged = warnings.slice(before);
    expect(logged).toHaveLength(bad.length);
    expect(logged.map((w) => w.fields?.text).sort()).toEqual([...bad].sort());

    // The count includes hidden messages: the good one is all that is left.
    expect((await client.getProperties()).approximateMessagesCount).toBe(1);
    const afterwards = await handedOutAgain(queue);
    expect(afterwards.map((w) => w.item)).toEqual([good]);
  });
});
