import type { AnyEvent } from '@grunderboost/contracts';
import { mongoUrlFor, uniqueDatabase } from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { projector } from '../src/app/projector';
import { planFor } from '../src/domain/projection';
import { mongoCellReader } from '../src/persistence/cell-reader';
import { mongoParkedEvents } from '../src/persistence/parked-events';
import { collectionsOf, mongoProjectionStore } from '../src/persistence/projection-store';
import * as build from './builders';

let connection: mongoose.Connection;

beforeEach(async () => {
  connection = await mongoose
    .createConnection(mongoUrlFor(uniqueDatabase('projection')))
    .asPromise();
});

afterEach(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const journey = (): AnyEvent[] => {
  const founder = build.newFounder();
  return [
    build.submitted(founder),
    build.assigned(founder),
    build.completed(founder),
    build.completed(founder),
  ];
};

/** Every cell of a version as `id → count/founders/sum`, for comparing whole projections. */
async function figures(version: number) {
  const cells = await connection.collection(collectionsOf(version).cells).find().toArray();
  return Object.fromEntries(
    cells.map((cell) => [String(cell._id), [cell.count, cell.founders, cell.sum] as unknown]),
  );
}

describe('projection store', () => {
  it('counts a redelivered event and a retried half-done event once', async () => {
    const store = mongoProjectionStore(connection, 1);
    const events = journey();
    const [submittedEvent, assignedEvent, first] = events as [AnyEvent, AnyEvent, AnyEvent];
    const apply = async (event: AnyEvent) =>
      store.apply(event.id, planFor(event, await store.fact(event.data.founderId)));
    await apply(submittedEvent);
    await apply(assignedEvent);
    await apply(assignedEvent); // redelivered after it completed
    await apply(first);
    // A retry after a failure half-way: the fact has moved on already, the stored plan counts.
    await apply(first);
    const read = mongoCellReader(connection, () => 1);
    const cells = await read({
      metrics: ['assigned', 'sessionsDelivered'],
      period: 'month',
      dimension: 'all',
      values: [],
    });
    expect(cells.map((cell) => [cell.metric, cell.count])).toEqual(
      expect.arrayContaining([
        ['assigned', 1],
        ['sessionsDelivered', 1],
      ]),
    );
  });

  it('finishes an event a crash interrupted, once, and reports it as processed', async () => {
    const events = journey();
    const store = mongoProjectionStore(connection, 1);
    for (const event of events) {
      await store.apply(event.id, planFor(event, await store.fact(event.data.founderId)));
    }
    const after = await figures(1);
    // The last event (a second session, sequence 4) moved ten cells by one. Undo that, as if
    // the process died after writing its plan and the fact but before any cell.
    const cells = connection.collection<{ _id: string; lastSeq: number; count: number }>(
      collectionsOf(1).cells,
    );
    const undone = await cells.updateMany(
      { lastSeq: 4 },
      { $inc: { count: -1 }, $set: { lastSeq: 3 } },
    );
    expect(undone.modifiedCount).toBe(10);
    expect(await figures(1)).not.toEqual(after);

    const restarted = projector(
      mongoProjectionStore(connection, 1),
      mongoParkedEvents(connection, 1),
    );
    const marked: string[] = [];
    await restarted.resume(async (id) => {
      marked.push(id);
    });
    await restarted.resume(async () => undefined); // a second resume changes nothing
    expect(marked).toEqual([events[3]?.id]);
    expect(await figures(1)).toEqual(after);
  });

  it('parks events that come before the application, applies them once, and forgets them', async () => {
    const founder = build.newFounder();
    const early = [build.assigned(founder), build.completed(founder)];
    const application = build.submitted(founder);
    const parked = mongoParkedEvents(connection, 1);
    const target = projector(mongoProjectionStore(connection, 1), parked);
    for (const event of early) {
      await target.project(event);
      await target.project(event); // redelivered while parked: parked once
    }
    expect(await parked.of(founder.founderId)).toHaveLength(2);
    await target.project(application);
    await target.project(application); // redelivered: nothing parked is applied again
    expect(await parked.of(founder.founderId)).toEqual([]);
    const cells = await figures(1);
    expect(cells['assigned|2026-01|all|all']).toEqual([1, 1, 0]);
    expect(cells['sessionsDelivered|2026-01|all|all']).toEqual([1, 1, 0]);
    expect(cells['applied|2026-01|all|all']).toEqual([1, 1, 0]);
  });
});
