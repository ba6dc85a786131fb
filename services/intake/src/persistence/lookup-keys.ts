import { createHash } from 'node:crypto';
import type mongoose from 'mongoose';
import type { Application, Contact } from '../domain/application';
import type { DuplicateMatch } from '../domain/pre-triage';
import { emailKeyOf, phoneKeyOf } from './application-document';

/**
 * Lookups by e-mail, phone and organisation number, and of a founder's applications, as
 * documents found by their _id. Why: FerretDB 1.x answers only _id filters from an index; any
 * other filter reads the whole collection (ADR 0004). The keys are hashes, so the table holds no
 * address in the clear; they are deleted on erasure all the same.
 */
export const LOOKUP_COLLECTION = 'lookup_keys';

type MatchedOn = DuplicateMatch['matchedOn'];

interface ContactKeyDocument {
  _id: string;
  founderId: string;
  /** The newest application that used this key. */
  lastApplicationId: string;
  updatedAt: Date;
}

interface FounderDocument {
  _id: string;
  applicationIds: string[];
}

const hashed = (kind: string, value: string) =>
  `${kind}:${createHash('sha256').update(`${kind}:${value}`).digest('base64url')}`;

export function contactKeys(
  contact: Contact,
  organisationNumber: string | undefined,
): Array<{ id: string; on: MatchedOn }> {
  const keys: Array<{ id: string; on: MatchedOn }> = [
    { id: hashed('email', emailKeyOf(contact.email)), on: 'email' },
  ];
  if (contact.phone !== undefined) {
    keys.push({ id: hashed('phone', phoneKeyOf(contact.phone)), on: 'phone' });
  }
  if (organisationNumber !== undefined) {
    keys.push({ id: hashed('org', organisationNumber), on: 'organisation-number' });
  }
  return keys;
}

export function lookupKeysStore(connection: mongoose.Connection) {
  const keys = connection.collection<ContactKeyDocument>(LOOKUP_COLLECTION);
  const founders = connection.collection<FounderDocument>(`${LOOKUP_COLLECTION}_founders`);

  return {
    /** The key documents of a contact, in the order e-mail, phone, organisation number. */
    async find(contact: Contact, organisationNumber: string | undefined) {
      const found: Array<{ on: MatchedOn; document: ContactKeyDocument }> = [];
      for (const { id, on } of contactKeys(contact, organisationNumber)) {
        const document = await keys.findOne({ _id: id });
        if (document !== null) found.push({ on, document });
      }
      return found;
    },

    /** Points the application's keys at it, and adds it to its founder's list. */
    async remember(application: Application): Promise<void> {
      const now = new Date();
      for (const { id } of contactKeys(application.contact, application.organisationNumber)) {
        await keys.updateOne(
          { _id: id },
          {
            $set: {
              founderId: application.founderId,
              lastApplicationId: application.applicationId,
              updatedAt: now,
            },
          },
          { upsert: true },
        );
      }
      await founders.updateOne(
        { _id: application.founderId },
        { $addToSet: { applicationIds: application.applicationId } },
        { upsert: true },
      );
    },

    async applicationIdsOf(founderId: string): Promise<string[]> {
      return (await founders.findOne({ _id: founderId }))?.applicationIds ?? [];
    },

    /** Erasure: the keys derived from the founder's contact go with the contact. */
    async forget(application: Application): Promise<void> {
      const ids = contactKeys(application.contact, application.organisationNumber).map((k) => k.id);
      for (const id of ids) await keys.deleteOne({ _id: id });
    },
  };
}

export type LookupKeysStore = ReturnType<typeof lookupKeysStore>;
