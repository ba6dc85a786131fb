import {
  appendToOutbox,
  newOutbox,
  type DocumentLock,
  type OutboxFields,
} from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { Verification, VerificationStore } from '../app/ports';

export const REGISTRATIONS_COLLECTION = 'registrations';

/** One document per founder (_id = founderId), so every lookup and erasure goes by _id. */
export interface RegistrationDocument extends OutboxFields {
  _id: string;
  checks: Array<Omit<Verification, 'founderId'>>;
}

export type RegistrationCollection = mongoose.mongo.Collection<RegistrationDocument>;

export function registrationCollection(connection: mongoose.Connection): RegistrationCollection {
  return connection.collection<RegistrationDocument>(REGISTRATIONS_COLLECTION);
}

export async function ensureRegistrationIndexes(collection: RegistrationCollection) {
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
}

/** At most this many checks are kept per founder: the newest tell the story. */
const MAX_CHECKS = 20;

export function mongoVerificationStore(
  collection: RegistrationCollection,
  lock: DocumentLock,
): VerificationStore {
  return {
    // Under the founder's lock: the read, then the insert or append, must not interleave with
    // another check of the same founder or the relay's marks (ADR 0003).
    record: (verification, event) =>
      lock(verification.founderId, async () => {
        const { founderId, ...check } = verification;
        const existing = await collection.findOne({ _id: founderId });
        if (existing === null) {
          await collection.insertOne({
            _id: founderId,
            checks: [check],
            ...newOutbox([event], verification.checkedAt),
          });
          return;
        }
        const outbox = appendToOutbox([event], verification.checkedAt);
        await collection.updateOne(
          { _id: founderId },
          {
            $set: { ...outbox.$set, checks: [...existing.checks, check].slice(-MAX_CHECKS) },
            $inc: outbox.$inc,
            $push: outbox.$push,
          },
        );
      }),

    async latest(founderId) {
      const document = await collection.findOne({ _id: founderId });
      const check = document?.checks.at(-1);
      return check === undefined ? undefined : { ...check, founderId };
    },

    erase: (founderId) =>
      lock(founderId, async () => {
        const existing = await collection.findOne({ _id: founderId });
        if (existing === null) return;
        const checks = existing.checks.map(({ organisationNumber: _number, ...rest }) => rest);
        await collection.updateOne({ _id: founderId }, { $set: { checks } });
      }),
  };
}
