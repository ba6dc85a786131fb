/**
 * The metrics projection: which integration events move which counter. Pure: the event's
 * type and id come in as plain strings, the time of the update as a parameter.
 */

export type CounterName = 'applications' | 'assignments';

/** Event type → counter it increments; every other type is ignored. */
const COUNTERS: ReadonlyMap<string, CounterName> = new Map([
  ['intake.ApplicationSubmitted.v1', 'applications'],
  ['counselling.CounsellorAssigned.v1', 'assignments'],
]);

export interface Summary {
  applications: number;
  assignments: number;
  /** When a counter last moved; null while nothing has been counted. */
  updatedAt: Date | null;
}

export const EMPTY_SUMMARY: Summary = { applications: 0, assignments: 0, updatedAt: null };

/** One counter step caused by one event; the event id makes applying it idempotent. */
export interface Increment {
  eventId: string;
  counter: CounterName;
  at: Date;
}

export function counterFor(eventType: string): CounterName | undefined {
  return COUNTERS.get(eventType);
}

/** The increment an event causes, or undefined when the projection ignores its type. */
export function incrementFor(event: { id: string; type: string }, at: Date): Increment | undefined {
  const counter = counterFor(event.type);
  return counter === undefined ? undefined : { eventId: event.id, counter, at };
}
