import { newOutbox, type OutboxFields } from '@grunderboost/messaging';
import type mongoose from 'mongoose';
import type { AssignmentStore } from '../app/ports';
import type { Assignment } from '../domain/assignment';
import { isDuplicateKeyError } from './duplicate-key';

export const ASSIGNMENTS_COLLECTION = 'assignments';

export interface AssignmentDocument extends OutboxFields {
  _id: string;
  founderId: string;
  applicationId: string;
  counsellorId: string;
  reasonCode: string;
  assignedAt: Date;
}

export type AssignmentCollection = mongoose.mongo.Collection<AssignmentDocument>;

function toAssignment(document: AssignmentDocument): Assignment {
  return {
    assignmentId: document._id,
    founderId: document.founderId,
    applicationId: document.applicationId,
    counsellorId: document.counsellorId,
    reasonCode: document.reasonCode,
    assignedAt: document.assignedAt,
  };
}

export function assignmentCollection(connection: mongoose.Connection): AssignmentCollection {
  return connection.collection<AssignmentDocument>(ASSIGNMENTS_COLLECTION);
}

/** One assignment per founder, and the relay's query (due outbox documents, oldest first). */
export async function ensureAssignmentIndexes(collection: AssignmentCollection): Promise<void> {
  await collection.createIndex({ founderId: 1 }, { unique: true, name: 'founderId_1' });
  await collection.createIndex({ outboxNextAttemptAt: 1 }, { name: 'outboxNextAttemptAt_1' });
}

export function mongoAssignmentStore(collection: AssignmentCollection): AssignmentStore {
  return {
    async create(assignment, events) {
      const { assignmentId, ...fields } = assignment;
      try {
        await collection.insertOne({
          _id: assignmentId,
          ...fields,
          ...newOutbox(events, assignment.assignedAt),
        });
        return 'created';
      } catch (error) {
        // _id is a fresh uuid, so the only unique index this insert can collide on is founderId.
        if (isDuplicateKeyError(error)) return 'founder-already-assigned';
        throw error;
      }
    },
    async findByFounder(founderId) {
      const document = await collection.findOne({ founderId });
      return document === null ? undefined : toAssignment(document);
    },
  };
}
