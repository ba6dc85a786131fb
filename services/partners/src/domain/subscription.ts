import type { FounderProfile } from './consent';
import type { DeliverableType } from './partner';

export const filterDimensions = [
  'referralSource',
  'municipality',
  'focusArea',
  'sector',
  'stage',
] as const;

export type FilterDimension = (typeof filterDimensions)[number];

/** Each dimension listed must match one of its values; dimensions left out match everything. */
export type SubscriptionFilters = Partial<Record<FilterDimension, string[]>>;

export interface Webhook {
  url: string;
  /** `whsec_` + base64 of the key; stored, because every delivery must be signed with it. */
  secret: string;
  disabled: boolean;
  disabledAt?: string;
  /** Start of the current run of failures; cleared by a success. */
  failingSince?: string;
}

export interface Subscription {
  subscriptionId: string;
  partnerId: string;
  eventTypes: DeliverableType[];
  filters: SubscriptionFilters;
  webhook?: Webhook;
  createdAt: string;
}

export function matches(
  subscription: Subscription,
  type: string,
  profile: FounderProfile | undefined,
): boolean {
  if (!(subscription.eventTypes as string[]).includes(type)) return false;
  return filterDimensions.every((dimension) => {
    const wanted = subscription.filters[dimension];
    if (wanted === undefined || wanted.length === 0) return true;
    // An unknown profile matches no filter: a partner asking for NAV referrals gets only those.
    const value = profile?.[dimension];
    return value !== undefined && wanted.includes(value);
  });
}
