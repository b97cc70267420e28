/**
 * Waits that grow after each failure and reset after a success: a worker whose database or queue is down retries
 * quickly at first, then settles at one attempt every `max` ms instead of hammering a recovering server.
 */
export class Backoff {
  private delay: number;

  constructor(
    private readonly min = 250,
    private readonly max = 30_000,
  ) {
    this.delay = min;
  }

  /** The wait before the next attempt (doubling, capped); call after a failure. */
  next(): number {
    const now = this.delay;
    this.delay = Math.min(this.max, this.delay * 2);
    return now;
  }

  /** After a success: the next failure starts from the shortest wait again. */
  reset(): void {
    this.delay = this.min;
  }
}

/** Resolves after `ms`, or at once when the signal aborts (a stopping process should not sit out a long wait). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
