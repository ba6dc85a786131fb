import { topicOf } from '@grunderboost/contracts';
import { prefixedTopic } from '@grunderboost/messaging';

/** The topics follow-up publishes to, with the deployment prefix. */
export const producedTopics = (prefix: string): string[] => [
  prefixedTopic(prefix, topicOf('followup.OutcomeReported.v1')),
];

/** The topic whose erasure requests this service follows. */
export const erasureTopic = (prefix: string): string =>
  prefixedTopic(prefix, topicOf('intake.FounderErasureRequested.v1'));
