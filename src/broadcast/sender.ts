import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AdaptiveCard } from '../cards/renderCard';
import type { Broadcast } from '../domain/broadcast/broadcast';
import { isSettled, type Delivery } from '../domain/broadcast/delivery';
import type { Logger } from '../logger';
import type { BroadcastRepository } from '../storage/broadcastRepository';
import type { DeliveryRepository } from '../storage/deliveryRepository';
import type { Lease, LeaseHolder, LeaseRepository } from '../storage/leaseRepository';
import type { ReceivedWork, WorkQueue } from '../storage/workQueue';
import { cardMessage, type ChannelTransport } from './channelTransport';
import { forEachLimited, pause, Slots } from '../concurrency';
import { deliverOne, type DeliveryDeps, type DeliveryResult } from './deliverOne';
import { JobTracker } from './jobTracker';
import type { Pacer, ReleaseSlot } from './rateLimiter';
import { RetryPolicy } from './retryPolicy';
import { prepareRound, type RoundPreparerDeps } from './roundPreparer';
import { rangesOf } from './workRanges';

export interface SenderDeps extends RoundPreparerDeps {
  readonly broadcasts: BroadcastRepository;
  readonly deliveries: DeliveryRepository;
  readonly leases: LeaseRepository;
  readonly queue: WorkQueue;
  readonly transport: ChannelTransport;
  /** The process's one pacer, shared with the notices people get, so that together they keep to Teams' limits. */
  readonly pacer: Pacer;
  /** HR's progress card for a broadcast as it stands (the sender updates it in place). */
  readonly statusCard: (broadcast: Broadcast) => AdaptiveCard;
  readonly logger: Logger;
}

export interface SenderOptions {
  /** How often the sender looks for work, renews its lease and writes progress. */
  readonly tickMs?: number;
  readonly leaseMs?: number;
  /** Deliveries in progress at once (waiting for the pacer, being sent, or waiting to retry). */
  readonly maxInFlight?: number;
  readonly retry?: RetryPolicy;
  readonly now?: () => number;
  /**
   * The instance this process runs on, where an instance runs one bot process at a time (App Service's
   * WEBSITE_INSTANCE_ID): a process that starts and finds the lease held by an earlier process of its own instance
   * knows that one is gone, and takes the lease over at once instead of waiting for it to run out.
   */
  readonly instanceId?: string;
}

/** One lease for every instance: whoever holds it is the only one sending, so together they stay under Teams' limit. */
export const SENDER_LEASE_NAME = 'broadcast-sender';
/** Long enough to ride out a slow storage call, short enough that a dead sender's work resumes soon. */
const DEFAULT_LEASE_MS = 15_000;
/** No new attempt starts this close to the lease's end: a send begun under the lease finishes under it. */
const LEASE_SAFETY_MS = 3_000;
/** A received queue message stays invisible this long, and is extended while its deliveries are being sent. */
const VISIBILITY_SECONDS = 20;
const EXTEND_EVERY_MS = 7_000;
/** Queue messages (of 100 deliveries) worked on at once: enough to keep the pace between two receives. */
const MAX_MESSAGES = 8;
const CARD_UPDATE_MS = 5_000;
/** HR's click that started a round (confirm, retry) has been answered by then. */
const CLICK_ANSWERED_MS = 3_000;
/** A broadcast with work left whose deliveries have not moved for this long has lost a queue message (see finishOrRecover). */
const STALL_MS = 3 * VISIBILITY_SECONDS * 1_000;
const CANCEL_WRITES_IN_PARALLEL = 16;

/**
 * The durable broadcast sender. Every instance of the bot runs one; the one holding the lease sends.
 *
 * Each tick it renews the lease, starts broadcasts whose time has come (writing their deliveries and queueing them in
 * ranges), writes progress and updates HR's card, and takes queue messages to work on. A restart resumes from storage:
 * deliveries say what is left, the queue says where, and the lease says who.
 */
export class BroadcastSender {
  readonly senderId = randomUUID();
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private readonly maxInFlight: number;
  private readonly slots: Slots;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private readonly holder: LeaseHolder;
  private lease?: Lease;
  /** Aborted when this sender stops or loses its lease. */
  private sending: AbortController;
  private stopping = false;
  private readonly jobs = new Map<string, Promise<JobTracker | undefined>>();
  private readonly cardShownAt = new Map<string, number>();
  private readonly cancelSweeps = new Set<string>();
  private readonly messages = new Set<Promise<void>>();
  /** Deliveries this sender is working on, so a message received twice does not claim them twice. */
  private readonly inFlight = new Set<string>();
  private wakeUp?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly deps: SenderDeps,
    options: SenderOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxInFlight = options.maxInFlight ?? 48;
    this.slots = new Slots(this.maxInFlight);
    this.sending = this.newTerm();
    this.retry = options.retry ?? new RetryPolicy();
    this.now = options.now ?? Date.now;
    this.holder = { owner: this.senderId, ...(options.instanceId !== undefined ? { instance: options.instanceId } : {}) };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for work now rather than at the next tick (a broadcast was just confirmed). */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Stops gracefully: no new attempt starts, attempts in flight finish and are recorded, unfinished queue messages are
   * handed back, progress is written and the lease released, so the next sender resumes at once without duplicates.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sending.abort();
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.tick();
      } catch (error) {
        this.deps.logger.warn('broadcast sender: will try again', { error });
      }
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        setTimeout(resolve, this.tickMs).unref();
      });
    }
    await Promise.allSettled(this.messages);
    await this.syncAll().catch((error: unknown) => this.deps.logger.warn('broadcast sender: progress not written', { error }));
    if (this.lease) await this.deps.leases.release(this.lease).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (!(await this.holdLease())) return;
    await this.startDue();
    await this.syncAll();
    await this.takeWork();
  }

  /**
   * Keeps (or takes) the lease; true while this sender may send. Renewed on every tick, not only when it runs low: should
   * another process of this instance take it over (it believes this one gone, see `SenderOptions.instanceId`), this
   * one stops within a tick.
   */
  private async holdLease(): Promise<boolean> {
    const now = this.now();
    const held = this.lease
      ? await this.deps.leases.renew(this.lease, this.leaseMs, now)
      : await this.deps.leases.acquire(SENDER_LEASE_NAME, this.holder, this.leaseMs, now);
    if (!held && this.lease) {
      this.deps.logger.warn('broadcast sender lost its lease; another instance sends now');
      this.sending.abort();
    }
    if (held && !this.lease) {
      // A new term: counts are read afresh, since another sender may have moved deliveries meanwhile, and the pace
      // starts after the window the last sender may have filled.
      this.sending = this.newTerm();
      this.jobs.clear();
      this.deps.pacer.takeOver();
    }
    this.lease = held;
    return held !== undefined;
  }

  /** Every delivery in flight waits on this signal (pacer, retry pause): far more listeners than Node's default of 10. */
  private newTerm(): AbortController {
    const controller = new AbortController();
    setMaxListeners(this.maxInFlight + MAX_MESSAGES + 8, controller.signal);
    return controller;
  }

  private mayStartAttempt(): boolean {
    return this.lease !== undefined && this.lease.expiresAt - this.now() > LEASE_SAFETY_MS;
  }

  /** Scheduled broadcasts whose time has come start sending; a round not yet written and queued is prepared. */
  private async startDue(): Promise<void> {
    for (const broadcast of await this.deps.broadcasts.listActive()) {
      let b: Broadcast | undefined = broadcast;
      if (b.state === 'scheduled' && Date.parse(b.startAt ?? '') <= this.now()) {
        b = await this.deps.broadcasts.update(
          { ...b, state: 'sending', startedAt: b.startedAt ?? new Date(this.now()).toISOString() },
          b.etag!,
        );
      }
      if (b?.state !== 'sending') continue;
      if (b.preparedRound < b.round) {
        await prepareRound(this.deps, b);
        // On a conflict (HR cancelled meanwhile) the next tick prepares again: preparing is idempotent.
        b = await this.deps.broadcasts.update({ ...b, preparedRound: b.round }, b.etag!);
        if (!b) continue;
      }
      await this.trackerFor(b.frameworkId, b.id);
    }
  }

  /** The tracker of a broadcast being sent, made (and its deliveries counted) once per lease term. */
  private trackerFor(frameworkId: string, broadcastId: string): Promise<JobTracker | undefined> {
    const key = keyOf({ frameworkId, id: broadcastId });
    let tracker = this.jobs.get(key);
    if (!tracker) {
      tracker = this.deps.broadcasts.find(frameworkId, broadcastId).then(async (b) => {
        if (b?.state !== 'sending') return undefined;
        const job = new JobTracker(b, this.deps.broadcasts, this.now());
        await job.rescan(this.deps.deliveries);
        return job;
      });
      tracker.catch(() => this.jobs.delete(key));
      this.jobs.set(key, tracker);
    }
    return tracker;
  }

  /** Writes progress, honours cancels, finishes broadcasts with nothing left, and keeps HR's card current. */
  private async syncAll(): Promise<void> {
    for (const [key, pending] of this.jobs) {
      const job = await pending.catch(() => undefined);
      let b = job && (await job.sync(this.now()));
      if (!job || b?.state !== 'sending') {
        this.jobs.delete(key);
        continue;
      }
      if (job.cancelling && !this.stopping) this.sweepCancelled(job);
      const finished = await this.finishOrRecover(job);
      if (finished) {
        b = await job.sync(this.now(), { state: job.cancelling ? 'cancelled' : 'completed', finishedAt: new Date(this.now()).toISOString() });
        this.jobs.delete(key);
        this.deps.logger.info('broadcast finished', { broadcastId: b.id, state: b.state, progress: b.progress });
      }
      await this.showProgress(b, finished);
    }
  }

  /**
   * True when nothing is left to send, checked against storage rather than the running counts. Work that went quiet
   * (a queue message lost, say) is queued again, so no recipient is forgotten.
   */
  private async finishOrRecover(job: JobTracker): Promise<boolean> {
    const b = job.broadcast;
    const quiet = this.now() - job.lastMovedAt > STALL_MS;
    if (b.preparedRound !== b.round || job.active > 0 || (job.unsettled > 0 && !quiet) || this.stopping) return false;
    const open = await job.rescan(this.deps.deliveries);
    if (open.length === 0) return true;
    if (quiet) {
      this.deps.logger.warn('broadcast work went quiet; queueing what is left again', { broadcastId: b.id, left: open.length });
      await this.deps.queue.enqueue(rangesOf(open.sort()).map((r) => ({ frameworkId: b.frameworkId, broadcastId: b.id, round: b.round, ...r })));
      job.lastMovedAt = this.now();
    }
    return false;
  }

  /** Updates HR's progress card in place (it counts towards Teams' app-wide limit, so it goes through the pacer). */
  private async showProgress(b: Broadcast, final: boolean): Promise<void> {
    if (!b.progressCard) return;
    // The card HR clicked is replaced by the answer to that click; an update that overtook the answer would be
    // overwritten by it, so none goes out until the click has surely been answered (the last one waits for that).
    const settled = Date.parse(b.startAt ?? '') + CLICK_ANSWERED_MS - this.now();
    if (settled > 0 && !final) return;
    if (!final && this.now() - (this.cardShownAt.get(b.id) ?? 0) < CARD_UPDATE_MS) return;
    if (settled > 0) await pause(settled, this.sending.signal);
    this.cardShownAt.set(b.id, this.now());
    if (final) this.cardShownAt.delete(b.id);
    let release: ReleaseSlot;
    try {
      release = await this.deps.pacer.acquire(undefined, this.sending.signal);
    } catch {
      return;
    }
    const { reference, activityId } = b.progressCard;
    const card = cardMessage(this.deps.statusCard(b), { id: activityId });
    const outcome = await this.deps.transport.update(reference, activityId, card).finally(release);
    if (outcome.status >= 300 || outcome.status === 0) {
      this.deps.logger.warn('could not update the broadcast progress card', { broadcastId: b.id, status: outcome.status });
    }
  }

  /** HR cancelled: every delivery not yet sent is marked cancelled (those in flight here finish first). */
  private sweepCancelled(job: JobTracker): void {
    const id = job.broadcast.id;
    if (this.cancelSweeps.has(id)) return;
    this.cancelSweeps.add(id);
    const sweep = async (): Promise<void> => {
      for await (const page of this.deps.deliveries.pages(id)) {
        const open = page.filter((d) => !isSettled(d.state) && !this.inFlight.has(inFlightKey(d)));
        await forEachLimited(open, CANCEL_WRITES_IN_PARALLEL, async (d) => {
          const cancelled = await this.deps.deliveries.update({ ...d, state: 'cancelled', claimedBy: undefined }, d.etag!);
          if (cancelled) job.record(d, cancelled, this.now());
        });
      }
    };
    void sweep()
      .catch((error: unknown) => this.deps.logger.warn('cancelling a broadcast: will try again', { broadcastId: id, error }))
      .finally(() => this.cancelSweeps.delete(id));
  }

  /** Takes queue messages while there is room, and works on each until its deliveries are settled. */
  private async takeWork(): Promise<void> {
    const room = MAX_MESSAGES - this.messages.size;
    if (room <= 0 || !this.mayStartAttempt()) return;
    for (const work of await this.deps.queue.receive(room, VISIBILITY_SECONDS)) {
      const done = this.workOn(work)
        .catch((error: unknown) => {
          this.deps.logger.warn('broadcast work failed; it will be picked up again', { broadcastId: work.item.broadcastId, error });
          return this.deps.queue.release(work).catch(() => undefined);
        })
        .finally(() => {
          this.messages.delete(done);
          this.wake();
        });
      this.messages.add(done);
    }
  }

  private async workOn(received: ReceivedWork): Promise<void> {
    let work = received;
    const { frameworkId, broadcastId, from, to } = work.item;
    const job = await this.trackerFor(frameworkId, broadcastId);
    if (!job) {
      // Finished, cancelled or deleted: nothing in this range is sent any more.
      await this.deps.queue.complete(work);
      return;
    }
    const keepHidden = setInterval(() => {
      this.deps.queue.extend(work, VISIBILITY_SECONDS).then(
        (extended) => (work = extended),
        (error: unknown) => this.deps.logger.warn('could not keep a queue message hidden', { broadcastId, error }),
      );
    }, EXTEND_EVERY_MS);
    try {
      const rows = await this.deps.deliveries.listRange(broadcastId, from, to);
      const open = rows.filter((d) => !isSettled(d.state) && !this.inFlight.has(inFlightKey(d)));
      const results = await Promise.all(open.map((d) => this.slots.run(() => this.deliver(job, d))));
      if (results.every((r) => r === 'settled')) await this.deps.queue.complete(work);
      else await this.deps.queue.release(work);
    } finally {
      clearInterval(keepHidden);
    }
  }

  private async deliver(job: JobTracker, d: Delivery): Promise<DeliveryResult> {
    const key = inFlightKey(d);
    if (this.inFlight.has(key) || !this.mayStartAttempt()) return 'interrupted';
    this.inFlight.add(key);
    job.active++;
    try {
      return await deliverOne(this.deliveryDeps(), job, d);
    } finally {
      job.active--;
      this.inFlight.delete(key);
    }
  }

  private deliveryDeps(): DeliveryDeps {
    return {
      deliveries: this.deps.deliveries,
      transport: this.deps.transport,
      pacer: this.deps.pacer,
      retry: this.retry,
      senderId: this.senderId,
      signal: this.sending.signal,
      mayAttempt: () => this.mayStartAttempt(),
      now: this.now,
    };
  }
}

function keyOf(b: Pick<Broadcast, 'frameworkId' | 'id'>): string {
  return `${b.frameworkId}/${b.id}`;
}

function inFlightKey(d: Pick<Delivery, 'broadcastId' | 'aadObjectId'>): string {
  return `${d.broadcastId}/${d.aadObjectId}`;
}
