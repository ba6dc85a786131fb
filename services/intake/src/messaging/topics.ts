import { topicOf } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';

/** The topics intake publishes to, with the deployment prefix. */
export const producedTopics = (prefix: string): string[] => [
  prefixedTopic(prefix, topicOf('intake.ApplicationSubmitted.v1')),
];
