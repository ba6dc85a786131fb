import { randomUUID } from 'node:crypto';
import { mongoUrlFor, uniqueDatabase } from '@grunderboost/testkit';
import mongoose from 'mongoose';
import type { SummaryStore } from '../src/app/ports';
import type { CounterName } from '../src/domain/summary';
import {
  APPLIED_EVENTS_COLLECTION,
  SUMMARY_COLLECTION,
  SUMMARY_ID,
  mongoSummaryStore,
} from '../src/persistence/summary-store';

let connection: mongoose.Connection;
let store: SummaryStore;
const at = new Date('2026-03-04T12:42:07.004Z');
const increment = (counter: CounterName, eventId = randomUUID()) => ({ eventId, counter, at });
const summaries = () => connection.collection<{ _id: string }>(SUMMARY_COLLECTION);
const applied = () => connection.collection<{ _id: string }>(APPLIED_EVENTS_COLLECTION);
const pending = async () =>
  ((await summaries().findOne({ _id: SUMMARY_ID })) as { pending?: string[] } | null)?.pending;

beforeEach(async () => {
  connection = await mongoose.createConnection(mongoUrlFor(uniqueDatabase('summary'))).asPromise();
  store = mongoSummaryStore(connection);
});

afterEach(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('mongo summary store', () => {
  it('reads zeros from an empty database', async () => {
    expect(await store.read()).toEqual({ applications: 0, assignments: 0, updatedAt: null });
  });

  it('creates the summary on the first count and counts an event id once', async () => {
    const first = increment('assignments');
    expect(await store.applyOnce(first)).toBe(true);
    expect(await store.applyOnce(first)).toBe(false);
    expect(await store.applyOnce(increment('applications'))).toBe(true);
    expect(await store.read()).toEqual({ applications: 1, assignments: 1, updatedAt: at });
    expect(await pending()).toEqual([]);
  });

  it('counts concurrent events exactly (FerretDB 1.x would lose concurrent $inc)', async () => {
    const events = Array.from({ length: 12 }, (_, n) =>
      increment(n % 3 === 0 ? 'assignments' : 'applications'),
    );
    const results = await Promise.all(events.map((event) => store.applyOnce(event)));
    expect(results.every(Boolean)).toBe(true);
    expect(await store.read()).toMatchObject({ applications: 8, assignments: 4 });
  });

  it('does not count again after a crash right after the $inc', async () => {
    await store.applyOnce(increment('applications'));
    const crashed = increment('applications');
    // What an attempt leaves behind when it dies between the counting write and the record.
    await summaries().updateOne(
      { _id: SUMMARY_ID },
      { $inc: { applications: 1 }, $addToSet: { pending: crashed.eventId } },
    );
    expect(await store.applyOnce(crashed)).toBe(false);
    expect(await store.read()).toMatchObject({ applications: 2, assignments: 0 });
    expect(await applied().countDocuments({ _id: crashed.eventId })).toBe(1);
    expect(await pending()).toEqual([]);
  });

  it('does not count again after a crash before the pending mark was removed', async () => {
    const crashed = increment('assignments');
    await store.applyOnce(crashed);
    await summaries().updateOne({ _id: SUMMARY_ID }, { $addToSet: { pending: crashed.eventId } });
    expect(await store.applyOnce(crashed)).toBe(false);
    expect(await store.read()).toMatchObject({ applications: 0, assignments: 1 });
    expect(await pending()).toEqual([]);
  });

  it('refuses to read a corrupt summary instead of answering nonsense', async () => {
    await summaries().insertOne({ _id: SUMMARY_ID, applications: 'many' } as { _id: string });
    await expect(store.read()).rejects.toThrow(/corrupt/);
  });
});
