import type { Dependencies } from './dependencies';
import { attemptDelivery } from './delivery-attempt';

export interface DeliveryWorker {
  nudge(): void;
  stop(): Promise<void>;
}

const BATCH = 50;

/**
 * Polls the queue for due deliveries, attempts each (several at once), and sleeps until the next
 * poll or a nudge. One worker per deployment: two would read the same due entries (ADR 0009).
 */
export function startDeliveryWorker(deps: Dependencies, pollMs: number): DeliveryWorker {
  let running = true;
  let wake: (() => void) | undefined;
  let nudged = false;
  const loop = (async () => {
    while (running) {
      nudged = false;
      try {
        const ids = await deps.deliveries.due(deps.clock.now(), BATCH);
        await Promise.all(
          ids.map((id) => deps.locks(`delivery:${id}`, () => attemptDelivery(deps, id))),
        );
        if (ids.length === BATCH) continue;
      } catch (error) {
        deps.logger.error({ err: error }, 'delivery round failed; trying again');
      }
      if (!running || nudged) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  return {
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
