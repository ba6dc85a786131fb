import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { eventEnvelopeSchema, type EventEnvelope } from './envelope';
import { type AnyEvent, type EventDataMap, type EventOf, type EventType } from './event-map';
import { definitionOf, isEventType } from './registry';

export interface CreateEventInput<TData> {
  data: TData;
  /** The producing service as a URI reference, e.g. '/services/intake'. */
  source: string;
  /** Defaults to the new event's id: the event starts a new chain. */
  correlationId?: string;
  /** Defaults to the new event's id, like `correlationId`. */
  causationId?: string;
  /** Defaults to a random UUID; pass one to make a retried publish idempotent. */
  id?: string;
  /** Defaults to now. */
  time?: string;
}

export type ParseEventResult = { ok: true; event: AnyEvent } | { ok: false; error: string };

/**
 * Wraps `data` in a validated envelope. Throws when the result would not pass `parseEvent`:
 * an invalid event is a bug of the producer and must not reach the topic.
 */
export function createEvent<K extends EventType>(
  type: K,
  input: CreateEventInput<EventDataMap[K]>,
): EventOf<K> {
  const id = input.id ?? randomUUID();
  const raw: EventEnvelope<K, EventDataMap[K]> = {
    specversion: '1.0',
    id,
    source: input.source,
    type,
    time: input.time ?? new Date().toISOString(),
    subject: input.data.founderId,
    datacontenttype: 'application/json',
    correlationid: input.correlationId ?? id,
    causationid: input.causationId ?? id,
    data: input.data,
  };
  const result = parseEvent(raw);
  if (!result.ok) {
    throw new Error(`cannot create ${type}: ${result.error}`);
  }
  // parseEvent checked the type and data against the registry; only the compiler lost track.
  return result.event as EventOf<K>;
}

/**
 * Validates a decoded JSON message: envelope, known type, data, and subject = data.founderId.
 * Never throws on bad input, because a consumer must route a bad message to the dead-letter
 * topic rather than crash. Unknown fields are dropped (forward compatibility).
 */
export function parseEvent(raw: unknown): ParseEventResult {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, error: `invalid envelope: ${describeIssues(envelope.error.issues, [])}` };
  }
  const { type, subject } = envelope.data;
  if (!isEventType(type)) {
    return { ok: false, error: `unknown event type ${type}` };
  }
  const data = definitionOf(type).schema.safeParse(envelope.data.data);
  if (!data.success) {
    return {
      ok: false,
      error: `invalid data of ${type}: ${describeIssues(data.error.issues, ['data'])}`,
    };
  }
  // The subject is the Kafka key: a mismatch would order the event under the wrong founder.
  if (subject !== data.data.founderId) {
    return {
      ok: false,
      error: `subject ${subject} differs from data.founderId ${data.data.founderId}`,
    };
  }
  // The type was looked up in the registry and the data parsed with its schema.
  return { ok: true, event: { ...envelope.data, type, data: data.data } as AnyEvent };
}

/** The Kafka message key of an event: the founder id, for ordering per founder. */
export function keyOf(event: EventEnvelope): string {
  return event.subject;
}

/** "data.focusArea: Invalid option…; data.startsAt: …" — every issue with its field path. */
function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: string[]): string {
  return issues
    .map((issue) => {
      const path = [...prefix, ...issue.path.map(String)].join('.');
      return `${path === '' ? '(root)' : path}: ${issue.message}`;
    })
    .join('; ');
}
