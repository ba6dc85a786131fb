/**
 * The portable outbox: pending events live inside the aggregate's own document and are
 * written together with the state change in one single-document write, so no
 * multi-document transaction is needed (FerretDB 1.x has none). Fields added to the
 * aggregate document:
 *
 *   outbox:               OutboxEntry[]   every event, in the order the aggregate raised them
 *   outboxNextAttemptAt:  Date | null     when the relay should look at this document again
 *   outboxVersion:        number          bumped on every append, so the relay can tell
 *                                         whether new events arrived while it was publishing
 */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  /** The serialized event (the CloudEvents envelope as JSON). */
  payload: string;
  status: 'pending' | 'sent';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxFields {
  outbox: OutboxEntry[];
  outboxNextAttemptAt: Date | null;
  outboxVersion: number;
}

/** What an aggregate hands to the outbox: an event with its id, topic and key. */
export interface OutboxEvent {
  id: string;
  topic: string;
  key: string;
  event: unknown;
}

function toEntry({ id, topic, key, event }: OutboxEvent, now: Date): OutboxEntry {
  return {
    eventId: id,
    topic,
    key,
    payload: JSON.stringify(event),
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}

/** The outbox fields of a document being created together with its first events. */
export function newOutbox(events: OutboxEvent[], now: Date): OutboxFields {
  return {
    outbox: events.map((event) => toEntry(event, now)),
    outboxNextAttemptAt: events.length > 0 ? now : null,
    outboxVersion: events.length,
  };
}

/** Update operators that append events to an existing document's outbox. */
export function appendToOutbox(events: OutboxEvent[], now: Date) {
  return {
    $push: { outbox: { $each: events.map((event) => toEntry(event, now)) } },
    $set: { outboxNextAttemptAt: now },
    $inc: { outboxVersion: events.length },
  };
}
