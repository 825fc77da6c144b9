/** Anything `npm start` runs and must stop: a child process, the bot's server. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** Raised by `start` once a stop was asked for: the caller should start nothing more. */
export class StoppingError extends Error {
  constructor() {
    super('stopping; nothing more is started');
  }
}

/**
 * The services of a local run, stopped once, newest first. A stop asked for while a service is still starting
 * (Ctrl+C during start-up) waits for it, so nothing is left running behind our back.
 */
export class LocalServices {
  private readonly running: Stoppable[] = [];
  private starting: Promise<unknown> = Promise.resolve();
  private stopped: Promise<void> | undefined;

  /** Starts a service and remembers to stop it. */
  async start<T extends Stoppable>(starter: () => Promise<T>): Promise<T> {
    if (this.stopped) throw new StoppingError();
    const started = starter().then((service) => {
      this.running.push(service);
      return service;
    });
    this.starting = started.catch(() => undefined);
    const service = await started;
    if (this.stopped) throw new StoppingError();
    return service;
  }

  /** Stops everything started so far; calling it again returns the same stop. */
  stopAll(): Promise<void> {
    this.stopped ??= (async () => {
      await this.starting;
      for (const service of this.running.reverse()) await service.stop();
    })();
    return this.stopped;
  }
}
