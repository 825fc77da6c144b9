import { forEachLimited, pause, Slots } from '../../src/concurrency';

describe('Slots', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const slots = new Slots(3);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        slots.run(async () => {
          running++;
          most = Math.max(most, running);
          await pause(1);
          running--;
          done.push(i);
        }),
      ),
    );
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('starts waiting tasks in the order they arrived', async () => {
    const slots = new Slots(1);
    const started: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => slots.run(() => Promise.resolve(void started.push(n)))));
    expect(started).toEqual([1, 2, 3, 4]);
  });

  it('frees the slot when a task fails', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('forEachLimited', () => {
  it('finishes every item, then reports the first failure', async () => {
    const seen: number[] = [];
    await expect(
      forEachLimited([1, 2, 3, 4], 2, (n) => {
        seen.push(n);
        return n === 2 ? Promise.reject(new Error('two')) : Promise.resolve();
      }),
    ).rejects.toThrow('two');
    expect(seen.sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('pause', () => {
  it('ends early when its signal aborts', async () => {
    const controller = new AbortController();
    const waited = pause(60_000, controller.signal);
    controller.abort();
    await expect(waited).resolves.toBeUndefined();
  });
});
