import type { AnyEvent } from '@grunderboost/contracts';
import { createProducer } from '@grunderboost/messaging';
import {
  mongoUrlFor,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor,
} from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { rebuild, type RebuildProgress } from '../src/app/rebuild';
import { groupLag } from '../src/messaging/lag';
import { consumedTopics } from '../src/messaging/topics';
import type { CellDocument } from '../src/persistence/cells';
import { collectionsOf } from '../src/persistence/projection-store';
import { startService, type RunningService } from '../src/service';
import * as build from './builders';
import { publish, quietLogger, staffHeader, testConfig, testKafka } from './support';

const kafka = testKafka();
const producer = createProducer(kafka);
const prefix = uniqueName('metrics-rebuild');
const mongoUrl = mongoUrlFor(uniqueDatabase('metrics_rebuild'));
const group = uniqueGroup('metrics-rebuild');
const config = { ...testConfig({ mongoUrl, prefix, group }), METRICS_VERSION_POLL_MS: 200 };
let connection: mongoose.Connection;
let service: RunningService;

/** Journeys of twelve founders over three municipalities, with sessions and outcomes. */
function history(): AnyEvent[] {
  return Array.from({ length: 12 }, (_, n) => {
    const founder = build.newFounder();
    const municipality = ['3301', '3312', '3314'][n % 3] as string;
    return [
      build.submitted(founder, { municipality, submittedAt: `2026-0${1 + (n % 3)}-05T10:00:00Z` }),
      build.triaged(founder, n % 4 === 0 ? 'declined' : 'accepted'),
      build.assigned(founder),
      build.completed(founder, '2026-03-20T09:00:00.000Z'),
      ...(n % 2 === 0 ? [build.noShow(founder)] : []),
      build.outcome(founder, { months: 3, fte: 1 + (n % 2), at: '2026-06-01T00:00:00.000Z' }),
    ];
  }).flat();
}

/** Every cell of a version without its bookkeeping, for comparing two projections. */
async function cellsOf(version: number) {
  const cells = await connection
    .collection<CellDocument>(collectionsOf(version).cells)
    .find()
    .toArray();
  return Object.fromEntries(
    cells.map((cell) => [
      String(cell._id),
      { count: cell.count, founders: cell.founders, sum: cell.sum },
    ]),
  );
}

async function groupState(groupId: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.describeGroups([groupId])).groups[0]?.state;
  } finally {
    await admin.disconnect();
  }
}

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrl).asPromise();
  await producer.connect();
  service = await startService(config);
});

afterAll(async () => {
  await service.stop();
  await producer.disconnect();
  await connection.dropDatabase();
  await connection.close();
});

jest.setTimeout(300_000);

describe('rebuild', () => {
  it('replays into a new version with the live figures and switches the service over', async () => {
    await publish(producer, prefix, history());
    const topics = consumedTopics(prefix);
    await waitFor(async () => (await groupLag(kafka, group, topics)) === 0, {
      description: 'the live projection to catch up',
      // About thirty single-document writes per event on FerretDB, on two shared cores.
      timeoutMs: 150_000,
    });
    const live = await cellsOf(1);
    expect(Object.keys(live).length).toBeGreaterThan(50);

    const progress: RebuildProgress[] = [];
    const done = await rebuild(config, {
      logger: quietLogger,
      progressMs: 200,
      onProgress: (p) => progress.push(p),
    });
    expect(done).toMatchObject({ version: 2, lag: 0 });
    expect(done.handled).toBe(history().length);
    expect(progress.length).toBeGreaterThan(1);
    expect(await cellsOf(2)).toEqual(live);

    // The service moves to version 2: its consumer (the old group empties) and its reads.
    await waitFor(async () => (await groupState(group)) === 'Empty', {
      description: 'the version 1 consumer to leave its group',
      timeoutMs: 60_000,
    });
    const founder = build.newFounder();
    await publish(producer, prefix, [
      build.submitted(founder, { submittedAt: '2026-01-05T10:00:00Z' }),
    ]);
    const analyst = await staffHeader();
    const appliedRead = async () => {
      const response = await fetch(`${service.url}/metrics/funnel?period=quarter`, {
        headers: analyst,
      });
      const body = (await response.json()) as {
        rows: Array<{ figures: { applied: { value: number } } }>;
      };
      return body.rows[0]?.figures.applied.value;
    };
    await waitFor(async () => (await appliedRead()) === 13, {
      description: 'the new application counted in version 2 and read from it',
      timeoutMs: 60_000,
    });
    expect((await cellsOf(2))['applied|2026K1|all|all']).toMatchObject({ count: 13 });
    expect((await cellsOf(1))['applied|2026K1|all|all']).toMatchObject({ count: 12 });
  });
});
