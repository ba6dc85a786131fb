import type { PartnerMessage, SourceEvent } from '../domain/message';
import type { AgreementItem } from '../domain/partner';
import { partnerEventId, pseudonymOf } from './pseudonym';

/** Keeps only the agreement's fields and puts the partner's pseudonym where the founder was. */
export function projectFor(key: Buffer, item: AgreementItem, event: SourceEvent): PartnerMessage {
  const data: Record<string, unknown> = {};
  for (const field of item.fields) {
    if (event.data[field] !== undefined) data[field] = event.data[field];
  }
  return {
    id: partnerEventId(key, event.id),
    type: event.type,
    time: event.time,
    pseudonym: pseudonymOf(key, event.founderId),
    data,
  };
}
