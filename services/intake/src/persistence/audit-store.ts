import { randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import type { AccessRecord, AuditLog } from '../app/ports';

export const AUDIT_COLLECTION = 'audit_log';

interface AuditDocument extends AccessRecord {
  _id: string;
}

/**
 * Who read which personal data, when (DESIGN.md "Security and privacy"). Append-only: nothing in
 * the service updates or deletes these documents. Records hold ids, never the data read.
 */
export function mongoAuditLog(connection: mongoose.Connection): AuditLog {
  const collection = connection.collection<AuditDocument>(AUDIT_COLLECTION);
  return {
    async record(entry) {
      await collection.insertOne({ _id: randomUUID(), ...entry });
    },
    async readsOf(applicationId) {
      const documents = await collection
        .find({ applicationIds: applicationId })
        .sort({ at: 1 })
        .toArray();
      return documents.map(({ _id, ...entry }) => entry);
    },
  };
}

export async function ensureAuditIndexes(connection: mongoose.Connection): Promise<void> {
  await connection
    .collection(AUDIT_COLLECTION)
    .createIndex({ applicationIds: 1, at: 1 }, { name: 'applicationIds_1_at_1' });
}
