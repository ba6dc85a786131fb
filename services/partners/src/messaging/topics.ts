import { prefixedTopic } from '@grunderboost/messaging';

/** One feed topic per partner: access can be granted per topic by the broker's ACLs. */
export const feedTopic = (prefix: string, partnerId: string) =>
  prefixedTopic(prefix, `partners.${partnerId}.feed`);
