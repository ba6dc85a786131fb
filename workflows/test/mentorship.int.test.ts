import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { endMentorship, mentorship, mentorshipWorkflowId } from '../src';
import { journeyWorker, recordingActivities } from './journey-harness';
import { startTimeSkippingEnvironment } from './time-skipping';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await startTimeSkippingEnvironment();
});

afterAll(async () => {
  await env?.teardown();
});

const start = (taskQueue: string) => {
  const founderId = randomUUID();
  return env.client.workflow.start(mentorship, {
    workflowId: mentorshipWorkflowId(founderId),
    taskQueue,
    args: [{ founderId, applicationId: randomUUID(), mentorId: randomUUID() }],
  });
};

describe('Mentorship workflow (time-skipping)', () => {
  it('checks in monthly for six months, then sends the closing survey', async () => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, 'c'));
    const final = await worker.runUntil(async () => (await start(taskQueue)).result());
    expect(final).toMatchObject({ status: 'completed', checkInsSent: 5 });
    expect(log).toEqual([
      'mail:founder:mentorship-check-in:1',
      'mail:founder:mentorship-check-in:2',
      'mail:founder:mentorship-check-in:3',
      'mail:founder:mentorship-check-in:4',
      'mail:founder:mentorship-check-in:5',
      'mail:founder:mentorship-survey:0',
    ]);
  });

  it('ends early on request and still asks for the survey', async () => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, 'c'));
    const final = await worker.runUntil(async () => {
      const handle = await start(taskQueue);
      await env.sleep('75 days');
      await handle.signal(endMentorship);
      return handle.result();
    });
    expect(final).toMatchObject({ status: 'ended-early', checkInsSent: 2 });
    expect(log.at(-1)).toBe('mail:founder:mentorship-survey:0');
  });
});
