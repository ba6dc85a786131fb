import {
  eventEnvelopeSchema,
  isEventType,
  parseEvent,
  type AnyEvent,
} from '@grunderboost/contracts';
import type { ParseResult } from '@grunderboost/messaging';

/** An event of a type these contracts do not know yet (a producer ahead of this consumer). */
export interface UnknownEvent {
  id: string;
  type: string;
  unknown: true;
}

export type ConsumedEvent = AnyEvent | UnknownEvent;

export const isUnknown = (event: ConsumedEvent): event is UnknownEvent => 'unknown' in event;

/**
 * parseEvent, except that a well-formed envelope of an unknown type is passed on to be
 * ignored instead of dead-lettered: new event types appear before every consumer knows them.
 */
export function parseConsumed(raw: unknown): ParseResult<ConsumedEvent> {
  const parsed = parseEvent(raw);
  if (parsed.ok) return parsed;
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (envelope.success && !isEventType(envelope.data.type)) {
    return { ok: true, event: { id: envelope.data.id, type: envelope.data.type, unknown: true } };
  }
  return parsed;
}
