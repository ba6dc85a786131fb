import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { testInfrastructure, uniqueName, uniqueTaskQueue, waitFor } from '@grunderboost/testkit';
import {
  applicationSubmitted,
  founderJourney,
  journeyStateQuery,
  journeyWorkflowId,
  type AssignCounsellorInput,
  type JourneyActivities,
} from '../src';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: testInfrastructure().temporalTestServerPath },
    },
  });
});

afterAll(async () => {
  await env?.teardown();
});

describe('FounderJourney workflow', () => {
  it('assigns a counsellor once, however often the bridge delivers the submission', async () => {
    const taskQueue = uniqueTaskQueue('journey');
    const calls: AssignCounsellorInput[] = [];
    // A fake of our own activity port: the real one is tested against the counselling API.
    const activities: JourneyActivities = {
      assignCounsellor: async (input) => {
        calls.push(input);
        return { assignmentId: 'a-1', counsellorId: 'c-1' };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../src/workflows'),
      activities,
    });
    const founderId = uniqueName('founder');
    const signal = { eventId: 'event-1', founderId, applicationId: 'app-1' };

    await worker.runUntil(async () => {
      const start = () =>
        env.client.workflow.signalWithStart(founderJourney, {
          workflowId: journeyWorkflowId(founderId),
          taskQueue,
          args: [{ founderId }],
          signal: applicationSubmitted,
          signalArgs: [signal],
        });
      const handle = await start();
      await start(); // redelivery of the same event
      await handle.signal(applicationSubmitted, signal);

      const state = await waitFor(
        async () => {
          const current = await handle.query(journeyStateQuery);
          return current.stage === 'assigned' ? current : undefined;
        },
        { description: 'the journey to reach stage assigned' },
      );
      expect(state).toMatchObject({
        stage: 'assigned',
        counsellorId: 'c-1',
        applicationId: 'app-1',
      });
      expect(state.seenEventIds).toEqual(['event-1']);
      await handle.terminate('test finished');
    });
    expect(calls).toEqual([{ founderId, applicationId: 'app-1' }]);
  });
});
