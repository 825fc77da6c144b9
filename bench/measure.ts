/** Timing statistics over one measured operation. Times are in milliseconds. */
export interface Stats {
  readonly name: string;
  readonly iterations: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Wall time of the measured iterations (warm-up excluded). */
  readonly totalMs: number;
  /** Every sample, in the order taken. */
  readonly samples: readonly number[];
}

/** What `fn` returns to `measure` when the time that matters ends elsewhere, e.g. when a reply reaches a sink. */
export interface Elapsed {
  readonly elapsedMs: number;
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Statistics over samples taken elsewhere (e.g. latencies recorded by concurrent workers). */
export function summarize(name: string, samples: readonly number[], totalMs = samples.reduce((a, b) => a + b, 0)): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    iterations: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    totalMs,
    samples,
  };
}

/**
 * Runs `fn` `warmup` times unmeasured (default: a tenth of the iterations, at least one), then `iterations` times
 * measured one by one. `fn` may be synchronous (measured without an await in between) or return a promise.
 * A sample is the time `fn` took, unless it returns (or resolves to) an `Elapsed`, which is taken instead.
 */
export async function measure(
  name: string,
  iterations: number,
  fn: (i: number) => unknown,
  warmup = Math.max(1, Math.ceil(iterations / 10)),
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) {
    const r = fn(i);
    if (r instanceof Promise) await r;
  }
  const samples: number[] = new Array<number>(iterations);
  const start = now();
  for (let i = 0; i < iterations; i++) {
    const t0 = now();
    let r = fn(i);
    if (r instanceof Promise) r = await r;
    const t1 = now();
    samples[i] = isElapsed(r) ? r.elapsedMs : t1 - t0;
  }
  return summarize(name, samples, now() - start);
}

function isElapsed(value: unknown): value is Elapsed {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Elapsed>).elapsedMs === 'number';
}
