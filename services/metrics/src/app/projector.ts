import { parseEvent, type AnyEvent } from '@grunderboost/contracts';
import { planFor } from '../domain/projection';
import type { ParkedEvents } from '../persistence/parked-events';
import type { ProjectionStore } from '../persistence/projection-store';

/**
 * Applies events to one projection version, one at a time: the store's exactly-once scheme
 * assumes a single writer, and FerretDB loses concurrent updates of one document (ADR 0003).
 */
export interface Projector {
  version: number;
  /** Finishes what a crash interrupted; call before the first event. */
  resume(markProcessed: (eventId: string) => Promise<void>): Promise<void>;
  project(event: AnyEvent): Promise<void>;
}

export function projector(store: ProjectionStore, parked: ParkedEvents): Projector {
  const apply = async (event: AnyEvent) => {
    // The plan is only used when the event is new to the store; see ProjectionStore.apply.
    const fact = await store.fact(event.data.founderId);
    if (fact === undefined && event.type !== 'intake.ApplicationSubmitted.v1') {
      await parked.park(event.data.founderId, event.id, event);
      return;
    }
    await store.apply(event.id, planFor(event, fact));
  };

  /** Applies what waited for this application; each is removed only after it counted. */
  const drain = async (founderId: string) => {
    for (const raw of await parked.of(founderId)) {
      const parsed = parseEvent(raw);
      if (!parsed.ok) throw new Error(`a parked event no longer parses: ${parsed.error}`);
      await apply(parsed.event);
      await parked.done(founderId, parsed.event.id);
    }
  };

  return {
    version: store.version,
    async resume(markProcessed) {
      const finished = await store.resume();
      // Its effect is complete; a fresh plan for it after other events would count it twice.
      if (finished !== undefined) await markProcessed(finished);
    },
    async project(event) {
      await apply(event);
      // Also when the application was seen before: a crash may have stopped a drain half-way.
      if (event.type === 'intake.ApplicationSubmitted.v1') await drain(event.data.founderId);
    },
  };
}
