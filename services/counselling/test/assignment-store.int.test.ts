import { randomUUID } from 'node:crypto';
import { mongoUrlFor, uniqueDatabase } from '@grunderboost/testkit';
import mongoose from 'mongoose';
import type { Assignment } from '../src/domain/assignment';
import {
  assignmentCollection,
  ensureAssignmentIndexes,
  mongoAssignmentStore,
} from '../src/persistence/assignment-store';
import { mongoCounsellorStore } from '../src/persistence/counsellor-store';

let connection: mongoose.Connection;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(mongoUrlFor(uniqueDatabase('counselling_store')))
    .asPromise();
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const assignmentFor = (founderId: string, counsellorId: string): Assignment => ({
  assignmentId: randomUUID(),
  founderId,
  applicationId: randomUUID(),
  counsellorId,
  reasonCode: 'lowest-load',
  assignedAt: new Date(),
});

describe('the assignment store on the real database', () => {
  it('refuses a second assignment of a founder (the race two instances could run)', async () => {
    const collection = assignmentCollection(connection);
    await ensureAssignmentIndexes(collection);
    const store = mongoAssignmentStore(collection);
    const founderId = randomUUID();
    const first = assignmentFor(founderId, 'c-1');
    expect(await store.create(first, [])).toBe('created');
    expect(await store.create(assignmentFor(founderId, 'c-2'), [])).toBe(
      'founder-already-assigned',
    );
    expect(await store.findByFounder(founderId)).toEqual(first);
    expect(await collection.countDocuments({ founderId })).toBe(1);
  });

  it('keeps open cases when counsellors are registered again', async () => {
    const counsellors = mongoCounsellorStore(connection);
    await counsellors.register(['c-1', 'c-2']);
    await counsellors.addOpenCase('c-2');
    await counsellors.register(['c-1', 'c-2']);
    expect(await counsellors.loads(['c-1', 'c-2', 'c-unknown'])).toEqual([
      { counsellorId: 'c-1', openCases: 0 },
      { counsellorId: 'c-2', openCases: 1 },
      { counsellorId: 'c-unknown', openCases: 0 },
    ]);
  });
});
