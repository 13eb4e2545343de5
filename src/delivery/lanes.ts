// One tenant's lane of a job run: a fixed number of workers take recipients from a ready list; a retry comes
// back after its delay and goes to the front. The lane ends when nothing is ready or waiting, when the run is
// aborted, or at the first error a worker throws (which the lane rethrows).

/** What a run exposes to its lanes: whether to stop taking work. */
export interface LaneControl {
  readonly aborted: boolean;
}

export type Requeue<T> = (item: T, delayMs: number) => void;

export async function runLane<T>(
  items: T[],
  concurrency: number,
  control: LaneControl,
  deliver: (item: T, requeue: Requeue<T>) => Promise<void>,
): Promise<void> {
  const ready = [...items];
  const timers = new Set<NodeJS.Timeout>();
  let delayed = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const requeue: Requeue<T> = (item, delayMs) => {
    delayed++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      delayed--;
      // Retries go first: they have waited already, and finishing retry chains early keeps the tail short.
      ready.unshift(item);
      signal();
    }, delayMs);
    timers.add(timer);
  };
  let failure: unknown;
  const worker = async () => {
    for (;;) {
      if (control.aborted || failure) {
        signal();
        return;
      }
      const next = ready.shift();
      if (!next) {
        if (delayed === 0) {
          signal();
          return;
        }
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      try {
        await deliver(next, requeue);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  const abortWatch = setInterval(() => {
    if (control.aborted) {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      delayed = 0;
      signal();
    }
  }, 50);
  abortWatch.unref();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    clearInterval(abortWatch);
    for (const t of timers) clearTimeout(t);
  }
  if (failure) throw failure;
}

/** Groups work by tenant: each tenant's lane is paced and bounded on its own. */
export function byTenant<T extends { tenantId: string }>(items: T[]): T[][] {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(item.tenantId) ?? [];
    lane.push(item);
    lanes.set(item.tenantId, lane);
  }
  return [...lanes.values()];
}
