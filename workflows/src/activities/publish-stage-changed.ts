import { createEvent, keyOf, topicOf } from '@grunderboost/contracts';
import { prefixedTopic, type MessageProducer } from '@grunderboost/messaging';
import type { PublishStageChangedInput } from './types';

/**
 * Publishes journey.StageChanged.v1 with the event id the workflow chose: a retried activity
 * publishes the same id again, which consumers drop as a duplicate.
 */
export function publishStageChangedActivity(
  producer: Pick<MessageProducer, 'send'>,
  topicPrefix: string,
) {
  return async (input: PublishStageChangedInput): Promise<void> => {
    const { eventId, ...data } = input;
    const event = createEvent('journey.StageChanged.v1', {
      id: eventId,
      source: '/workflows/founder-journey',
      time: data.changedAt,
      data: data as Parameters<typeof createEvent<'journey.StageChanged.v1'>>[1]['data'],
    });
    await producer.send([
      {
        topic: prefixedTopic(topicPrefix, topicOf('journey.StageChanged.v1')),
        key: keyOf(event),
        value: JSON.stringify(event),
      },
    ]);
  };
}
