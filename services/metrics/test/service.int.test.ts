import {
  DLQ_HEADERS,
  createProducer,
  deadLetterTopicOf,
  prefixedTopic,
} from '@grunderboost/messaging';
import {
  mongoUrlFor,
  staysTrue,
  uniqueDatabase,
  uniqueGroup,
  uniqueName,
  waitFor,
} from '@grunderboost/testkit';
import mongoose from 'mongoose';
import { groupLag } from '../src/messaging/lag';
import { consumedTopics } from '../src/messaging/topics';
import { startService, type RunningService } from '../src/service';
import {
  applicationSubmitted,
  applicationTriaged,
  collect,
  counsellorAssigned,
  getSummary,
  publish,
  testConfig,
  testKafka,
  waitForCounts,
} from './support';

const kafka = testKafka();
const producer = createProducer(kafka);
const prefix = uniqueName('metrics');
const mongoUrl = mongoUrlFor(uniqueDatabase('metrics'));
const group = uniqueGroup('metrics');
const intakeTopic = prefixedTopic(prefix, 'intake.applications');
const topics = consumedTopics(prefix);
let database: mongoose.Connection;
let service: RunningService | undefined;

const start = async (groupId = group) => {
  service = await startService(testConfig({ mongoUrl, prefix, group: groupId }));
  return service.url;
};
const stop = async () => {
  await service?.stop();
  service = undefined;
};
const countsStay = (url: string, applications: number, assignments: number) =>
  staysTrue(
    async () => {
      const summary = await getSummary(url);
      return summary.applications === applications && summary.assignments === assignments;
    },
    { description: `the counts to stay at ${applications}/${assignments}`, timeoutMs: 2_000 },
  );

beforeAll(async () => {
  database = await mongoose.createConnection(mongoUrl).asPromise();
  await producer.connect();
});

afterAll(async () => {
  await stop();
  await producer.disconnect();
  await database.dropDatabase();
  await database.close();
});

// The tests build on each other: one service history, told in order.
describe('metrics service', () => {
  it('answers zeros before anything is counted, and 405 for other methods', async () => {
    const url = await start();
    expect(await getSummary(url)).toEqual({ applications: 0, assignments: 0, updatedAt: null });
    const response = await fetch(`${url}/metrics/summary`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(`${url}/metrics`)).status).toBe(200); // Prometheus stays where it was
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('counts every application and assignment once, a redelivered one too, others not', async () => {
    const url = service?.url ?? '';
    const applications = [1, 2, 3, 4, 5].map(applicationSubmitted);
    const assignments = [1, 2, 3].map(counsellorAssigned);
    const duplicate = applications[0];
    if (duplicate === undefined) throw new Error('no events');
    await publish(producer, prefix, [...applications, applicationTriaged(), ...assignments]);
    await publish(producer, prefix, [duplicate]);
    const summary = await waitForCounts(url, 5, 3);
    expect(Date.parse(summary.updatedAt ?? '')).not.toBeNaN();
    await countsStay(url, 5, 3);
  });

  it('sends malformed and misplaced messages to the DLQ with their error and counts on', async () => {
    const url = service?.url ?? '';
    const dead = await collect(kafka, deadLetterTopicOf(intakeTopic));
    try {
      const wrongField = JSON.parse(JSON.stringify(applicationSubmitted(6))) as {
        data: Record<string, unknown>;
      };
      wrongField.data.municipality = 'Drammen';
      const misplaced = counsellorAssigned(4);
      await producer.send([
        { topic: intakeTopic, key: 'k1', value: 'not json {' },
        { topic: intakeTopic, key: 'k2', value: JSON.stringify(wrongField) },
        { topic: intakeTopic, key: misplaced.subject, value: JSON.stringify(misplaced) },
      ]);
      await publish(producer, prefix, [applicationSubmitted(7), counsellorAssigned(5)]);
      await waitForCounts(url, 6, 4);
      await dead.waitForCount(3);
      const byValue = (text: string) => dead.received.find((letter) => letter.value === text);
      expect(byValue('not json {')?.headers[DLQ_HEADERS.error]).toMatch(/not JSON/);
      expect(byValue(JSON.stringify(wrongField))?.headers[DLQ_HEADERS.error]).toMatch(
        /data\.municipality/,
      );
      expect(byValue(JSON.stringify(misplaced))?.headers).toMatchObject({
        [DLQ_HEADERS.reason]: 'poison',
        [DLQ_HEADERS.error]: expect.stringMatching(/belongs on/) as unknown,
      });
    } finally {
      await dead.stop();
    }
  });

  it('counts nothing twice after a restart with the same database and group', async () => {
    await stop();
    await publish(producer, prefix, [applicationSubmitted(8), applicationSubmitted(9)]);
    const url = await start();
    await waitForCounts(url, 8, 4);
    await countsStay(url, 8, 4);
  });

  it('counts nothing twice when a new group replays every topic onto the same database', async () => {
    // Processed event ids are kept per projection version, not per group: a new group of the
    // same version reads the whole history and finds every event already done.
    await stop();
    const replayGroup = uniqueGroup('metrics-replay');
    const url = await start(replayGroup);
    await waitFor(async () => (await groupLag(kafka, replayGroup, topics)) === 0, {
      description: 'the replay group to commit the whole history',
    });
    await countsStay(url, 8, 4);
  });
});
