import { newOutbox, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { FollowUp } from '../domain/follow-up';

export const FOLLOW_UPS_COLLECTION = 'follow_ups';

export interface FollowUpDocument extends OutboxFields, Omit<FollowUp, 'followUpId'> {
  _id: string;
}

export type FollowUpCollection = mongoose.mongo.Collection<FollowUpDocument>;

export function followUpCollection(connection: mongoose.Connection): FollowUpCollection {
  return connection.collection<FollowUpDocument>(FOLLOW_UPS_COLLECTION);
}

export function toDocument(followUp: FollowUp): FollowUpDocument {
  const { followUpId, ...fields } = followUp;
  return { _id: followUpId, ...fields, ...newOutbox([], followUp.openedAt) };
}

const present = <T>(value: T | null | undefined): value is T =>
  value !== undefined && value !== null;

/** Field by field, so outbox fields never leak into the domain (or a view). */
export function toFollowUp(document: FollowUpDocument): FollowUp {
  return {
    followUpId: document._id,
    founderId: document.founderId,
    monthsAfterRegistration: document.monthsAfterRegistration,
    registeredOn: document.registeredOn,
    dueAt: document.dueAt,
    status: document.status,
    ...(present(document.answers) ? { answers: document.answers } : {}),
    ...(present(document.answeredAt) ? { answeredAt: document.answeredAt } : {}),
    openedAt: document.openedAt,
    ...(present(document.erasedAt) ? { erasedAt: document.erasedAt } : {}),
    version: document.version,
  };
}
