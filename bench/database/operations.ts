import { APPLICATIONS_COLLECTION } from '@grunderboost/intake/src/persistence/application-document';
import { seededApplication } from '../lib/intake-seed';
import type { BenchConnection } from '../lib/mongo';
import { summariseLatencies } from '../lib/stats';

/**
 * The database operations the platform's cost is made of, timed one at a time on intake's
 * applications collection: the reads by _id every use case makes, the outbox relay's sweep
 * (a range filter on outboxNextAttemptAt, as in packages/messaging), and the insert of a new
 * application with its outbox.
 */
interface RawCollection {
  findOne(filter: object, options?: object): Promise<unknown>;
  insertOne(document: object): Promise<unknown>;
  find(filter: object): {
    sort(spec: object): {
      limit(n: number): { project(p: object): { toArray(): Promise<unknown[]> } };
    };
    limit(n: number): { project(p: object): { toArray(): Promise<Array<{ _id: unknown }>> } };
  };
}

export type OperationName = 'find_by_id' | 'find_missing_id' | 'relay_sweep' | 'insert';
export const OPERATIONS: OperationName[] = [
  'find_by_id',
  'find_missing_id',
  'relay_sweep',
  'insert',
];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const median = (values: number[]): number => summariseLatencies(values).p50;

/** The median of `repeats` timings of each operation, in ms. */
export async function timeOperations(
  connection: BenchConnection,
  repeats: number,
  nextIndex: () => number,
): Promise<Record<OperationName, number>> {
  const collection = connection.collection(APPLICATIONS_COLLECTION) as unknown as RawCollection;
  // Ids spread over the whole collection: the first ones stored would flatter a server that
  // scans in insertion order and stops at the first match.
  const all = await collection.find({}).limit(10_000_000).project({ _id: 1 }).toArray();
  const known = Array.from(
    { length: repeats },
    (_, i) => all[Math.floor(((i + 0.5) * all.length) / repeats)],
  );
  const samples: Record<OperationName, number[]> = {
    find_by_id: [],
    find_missing_id: [],
    relay_sweep: [],
    insert: [],
  };
  for (let i = 0; i < repeats; i++) {
    const id = known[i % known.length]?._id;
    samples.find_by_id.push(await timed(() => collection.findOne({ _id: id })));
    samples.find_missing_id.push(await timed(() => collection.findOne({ _id: `missing-${i}` })));
    samples.relay_sweep.push(
      await timed(() =>
        collection
          .find({ outboxNextAttemptAt: { $lte: new Date() } })
          .sort({ outboxNextAttemptAt: 1 })
          .limit(100)
          .project({ outbox: 1 })
          .toArray(),
      ),
    );
    const { document } = seededApplication(nextIndex(), 'bench-database', new Date());
    samples.insert.push(await timed(() => collection.insertOne(document)));
  }
  return {
    find_by_id: median(samples.find_by_id),
    find_missing_id: median(samples.find_missing_id),
    relay_sweep: median(samples.relay_sweep),
    insert: median(samples.insert),
  };
}
