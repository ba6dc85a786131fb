import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { testInfrastructure, uniqueName, uniqueTaskQueue } from '@grunderboost/testkit';
import { createSmokeActivities } from './fixtures/smoke-activities';
import { greetingWorkflow, thirtyDayReminderWorkflow } from './fixtures/smoke-workflows';
import { startTimeSkippingEnvironment } from './time-skipping';

const workflowsPath = require.resolve('./fixtures/smoke-workflows');

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
});

describe('Temporal dev server (smoke)', () => {
  it('runs a workflow whose activity executes on a worker', async () => {
    const { temporalAddress } = testInfrastructure();
    const taskQueue = uniqueTaskQueue('smoke');
    const calls: string[] = [];
    const workerConnection = await NativeConnection.connect({ address: temporalAddress });
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const worker = await Worker.create({
        connection: workerConnection,
        taskQueue,
        workflowsPath,
        activities: createSmokeActivities(calls),
      });
      const client = new Client({ connection });
      const result = await worker.runUntil(
        client.workflow.execute(greetingWorkflow, {
          taskQueue,
          workflowId: `Smoke:${uniqueName('greeting')}`,
          args: ['Kari'],
        }),
      );
      expect(result).toBe('Hei, Kari!');
      expect(calls).toEqual(['Kari']);
    } finally {
      await connection.close();
      await workerConnection.close();
    }
  });
});

describe('Temporal time-skipping test server (smoke)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('completes a workflow with a 30-day timer in seconds', async () => {
    const taskQueue = uniqueTaskQueue('timer');
    const calls: string[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createSmokeActivities(calls),
    });
    const serverStart = await env.currentTimeMs();

    const result = await worker.runUntil(
      env.client.workflow.execute(thirtyDayReminderWorkflow, {
        taskQueue,
        workflowId: `Smoke:${uniqueName('timer')}`,
        args: ['Ola'],
      }),
    );

    const skippedDays = ((await env.currentTimeMs()) - serverStart) / 86_400_000;
    expect(result).toBe('Hei, Ola!');
    expect(skippedDays).toBeGreaterThanOrEqual(30);
  });
});
