/** Something a test started and must stop: a bot, a fake connector, an Azurite, a browser. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * What a test's set-up has started, stopped in the reverse order, each once, even when one of them fails to stop. A
 * set-up that fails half-way stops what it had started: nobody else holds it, and a server or child process left
 * running keeps the test worker from exiting.
 */
export class Stoppers {
  private readonly started: Stoppable[] = [];
  private stopping: Promise<void> | undefined;

  add<T extends Stoppable>(thing: T): T {
    if (this.stopping) {
      // A set-up that outlived its hook's timeout: the file is done, so what it starts now is stopped at once.
      void thing.stop().catch(() => undefined);
    } else {
      this.started.push(thing);
    }
    return thing;
  }

  /** Waits for all; keeps those that started even when another one failed, so that they are stopped too. */
  async addAll<T extends Stoppable>(starting: Promise<T>[]): Promise<T[]> {
    const outcomes = await Promise.allSettled(starting);
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') this.add(outcome.value);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return outcomes.map((o) => (o as PromiseFulfilledResult<T>).value);
  }

  /** Runs a set-up that adds what it starts; if it fails, stops what it had started and rethrows its failure. */
  async startOrStop<T>(setUp: () => Promise<T>): Promise<T> {
    try {
      return await setUp();
    } catch (error) {
      // What failed to start matters more than what then failed to stop.
      await this.stopAll().catch(() => undefined);
      throw error;
    }
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      const errors: unknown[] = [];
      for (const thing of [...this.started].reverse()) {
        await thing.stop().catch((error: unknown) => errors.push(error));
      }
      if (errors.length > 0) throw errors[0];
    })();
    return this.stopping;
  }
}
