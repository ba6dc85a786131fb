import type { MessageProducer } from '@grunderboost/messaging';
import { assignCounsellorActivity } from './assign-counsellor';
import { publishStageChangedActivity } from './publish-stage-changed';
import type { JourneyActivities } from './types';

export interface ActivityDependencies {
  /** Base URL of the counselling service, e.g. http://127.0.0.1:3002 */
  counsellingUrl: string;
  fetch?: typeof fetch;
  producer: Pick<MessageProducer, 'send'>;
  topicPrefix?: string;
  sendNotification: JourneyActivities['sendNotification'];
}

/** Activities call the owning services' APIs, never their databases (createActivities(deps)). */
export function createActivities(deps: ActivityDependencies): JourneyActivities {
  return {
    assignCounsellor: assignCounsellorActivity(deps.counsellingUrl, deps.fetch ?? fetch),
    publishStageChanged: publishStageChangedActivity(deps.producer, deps.topicPrefix ?? ''),
    sendNotification: deps.sendNotification,
  };
}
