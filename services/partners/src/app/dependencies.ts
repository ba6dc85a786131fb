import type { DocumentLock, MessageProducer } from '@grunderboost/messaging';
import type { Logger } from 'pino';
import type { ConsentStore } from '../persistence/consent-store';
import type { DeliveryStore } from '../persistence/delivery-store';
import type { KeyStore } from '../persistence/key-store';
import type { PartnerStore } from '../persistence/partner-store';
import type { SubscriptionStore } from '../persistence/subscription-store';

export interface Clock {
  now(): Date;
  newId(): string;
}

export interface WebhookPolicy {
  backoffInitialMs: number;
  backoffMaxMs: number;
  disableAfterAttempts: number;
  disableAfterMs: number;
  timeoutMs: number;
}

export interface Dependencies {
  partners: PartnerStore;
  keys: KeyStore;
  consents: ConsentStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  producer: MessageProducer;
  /** `partners.<partnerId>.feed`, with the deployment's prefix. */
  feedTopic(partnerId: string): string;
  /** Creates the partner's feed topic when missing. */
  ensureFeed(partnerId: string): Promise<void>;
  /** Derives the partner's pseudonym key from the master secret. */
  pseudonymKey(partnerId: string): Buffer;
  locks: DocumentLock;
  clock: Clock;
  logger: Logger;
  webhooks: WebhookPolicy;
  /** Wakes the delivery worker after new work was queued. */
  nudge(): void;
  /** Counts each webhook attempt's outcome ('delivered', 'http-503', 'no-consent', …). */
  countAttempt(outcome: string): void;
}
