import {
  createEvent,
  keyOf,
  topicOf,
  type EventDataMap,
  type EventType,
} from '@grunderboost/contracts';
import { prefixedTopic } from '../kafka';
import type { OutboxEvent } from './entry';

export type OutboxEventBuilder = <K extends EventType>(
  type: K,
  data: EventDataMap[K],
  time: Date,
) => OutboxEvent;

/**
 * A service's builder of outbox entries: the validated event (createEvent throws on data that
 * breaks the contract), on its registered topic with the deployment prefix, keyed by founder.
 */
export function outboxEventBuilder(source: string, topicPrefix: string): OutboxEventBuilder {
  return (type, data, time) => {
    const event = createEvent(type, { data, source, time: time.toISOString() });
    return {
      id: event.id,
      topic: prefixedTopic(topicPrefix, topicOf(type)),
      key: keyOf(event),
      event,
    };
  };
}
