import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { waitFor } from '@grunderboost/testkit';
import {
  founderJourney,
  journeyEvent,
  journeyStateQuery,
  journeyWorkflowId,
  type JourneyEvent,
  type JourneyStage,
} from '../src';
import { historyToJson } from './history-json';
import { addSearchAttributes, journeyWorker, recordingActivities } from './journey-harness';
import { startTimeSkippingEnvironment } from './time-skipping';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  env = await startTimeSkippingEnvironment();
  await addSearchAttributes(env);
});

afterAll(async () => {
  await env?.teardown();
});

const timings = {
  firstSessionReminderWorkingDays: 3,
  firstSessionEscalationWorkingDays: 6,
  inactivityCheckInDays: 90,
  closeAfterCheckInDays: 30,
  followUpMonths: [3, 6, 12, 24, 36],
};

function journey(taskQueue: string) {
  const founderId = randomUUID();
  const applicationId = randomUUID();
  const event = (body: Record<string, unknown>, eventId = randomUUID()) =>
    ({ eventId, ...body }) as JourneyEvent;
  const submitted = event({
    kind: 'submitted',
    applicationId,
    municipality: '3301',
    focusArea: 'grunder',
    language: 'nb',
    sector: 'J',
  });
  const start = () =>
    env.client.workflow.signalWithStart(founderJourney, {
      workflowId: journeyWorkflowId(founderId),
      taskQueue,
      args: [{ founderId, timings }],
      signal: journeyEvent,
      signalArgs: [submitted],
    });
  return { founderId, applicationId, event, start, submitted };
}

async function stageOf(handle: WorkflowHandle<typeof founderJourney>, stage: JourneyStage) {
  return waitFor(
    async () => {
      const state = await handle.query(journeyStateQuery);
      return state.stage === stage ? state : undefined;
    },
    { description: `the journey to reach stage ${stage}` },
  );
}

describe('FounderJourney workflow (time-skipping)', () => {
  it('runs a whole 36-month journey with every reminder and follow-up, in order', async () => {
    const log: string[] = [];
    const counsellorId = randomUUID();
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, counsellorId));
    const j = journey(taskQueue);

    const histories = await worker.runUntil(async () => {
      const handle = await j.start();
      await j.start(); // the bridge delivers the submission twice
      await handle.signal(journeyEvent, j.submitted);
      const accepted = j.event({
        kind: 'triaged',
        applicationId: j.applicationId,
        decision: 'accepted',
      });
      await handle.signal(journeyEvent, accepted);
      await handle.signal(journeyEvent, accepted);
      await stageOf(handle, 'assigned');

      await env.sleep('12 days'); // past the reminder and the escalation (working days)
      await handle.signal(journeyEvent, j.event({ kind: 'session-booked' }));
      await handle.signal(journeyEvent, j.event({ kind: 'session-held' }));
      await stageOf(handle, 'in-counselling');

      await env.sleep('100 days'); // quiet for 90 days: a check-in
      await handle.signal(journeyEvent, j.event({ kind: 'activity' })); // the founder answers
      await handle.signal(journeyEvent, j.event({ kind: 'company-registered' }));
      const final = await handle.result(); // 36 months of follow-ups over continue-as-new

      expect(final.stage).toBe('closed');
      expect(final.facts.counsellorId).toBe(counsellorId);
      expect(final.timeline.map((entry) => entry.stage)).toEqual([
        'submitted',
        'triaged',
        'assigned',
        'first-session-booked',
        'in-counselling',
        'company-registered',
        'follow-up',
        'closed',
      ]);
      const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.signaledRunId);
      return { first: await firstRun.fetchHistory(), last: await handle.fetchHistory() };
    });

    expect(log).toEqual([
      'stage:->submitted',
      'stage:submitted>triaged(accepted)',
      `assign:${j.applicationId}`,
      'stage:triaged>assigned',
      'mail:founder:first-session-reminder:0',
      'mail:lead:first-session-escalation:0',
      'stage:assigned>first-session-booked',
      'stage:first-session-booked>in-counselling',
      'mail:founder:inactivity-check-in:0',
      'stage:in-counselling>company-registered',
      'stage:company-registered>follow-up',
      'mail:founder:follow-up:0',
      'mail:founder:follow-up:1',
      'mail:founder:follow-up:2',
      'mail:founder:follow-up:3',
      'mail:founder:follow-up:4',
      'stage:follow-up>closed(follow-ups-done)',
    ]);
    // continue-as-new after each follow-up: the last run's history is small.
    expect(histories.last.events?.length ?? 0).toBeLessThan(60);
    // RECORD_HISTORIES=1 refreshes the replay fixtures (after an intended, patched change only).
    if (process.env.RECORD_HISTORIES === '1') {
      for (const [run, history] of Object.entries(histories)) {
        writeFileSync(
          join(__dirname, `fixtures/histories/founder-journey-v1-${run}-run.json`),
          historyToJson(history),
        );
      }
    }
  });

  it('closes a journey whose founder stays quiet after the check-in', async () => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, randomUUID()));
    const j = journey(taskQueue);
    const final = await worker.runUntil(async () => {
      const handle = await j.start();
      await handle.signal(
        journeyEvent,
        j.event({ kind: 'triaged', applicationId: j.applicationId, decision: 'accepted' }),
      );
      await stageOf(handle, 'assigned');
      await handle.signal(journeyEvent, j.event({ kind: 'session-booked' }));
      return handle.result();
    });
    expect(final.stage).toBe('closed');
    expect(log.slice(-2)).toEqual([
      'mail:founder:inactivity-check-in:0',
      'stage:first-session-booked>closed(no-activity)',
    ]);
    expect(log.filter((entry) => entry.startsWith('mail:'))).toHaveLength(1); // booked in time
  });

  it.each([
    ['declined', 'declined', 'stage:triaged>declined'],
    ['referred', 'closed', 'stage:triaged>closed(referred)'],
  ] as const)('ends a %s application without assigning anyone', async (decision, stage, last) => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, randomUUID()));
    const j = journey(taskQueue);
    const final = await worker.runUntil(async () => {
      const handle = await j.start();
      await handle.signal(
        journeyEvent,
        j.event({ kind: 'triaged', applicationId: j.applicationId, decision }),
      );
      return handle.result();
    });
    expect(final.stage).toBe(stage);
    expect(log.at(-1)).toBe(last);
    expect(log.some((entry) => entry.startsWith('assign:'))).toBe(false);
  });

  it('ends a withdrawn application before triage', async () => {
    const log: string[] = [];
    const { worker, taskQueue } = await journeyWorker(env, recordingActivities(log, randomUUID()));
    const j = journey(taskQueue);
    const final = await worker.runUntil(async () => {
      const handle = await j.start();
      await handle.signal(
        journeyEvent,
        j.event({ kind: 'withdrawn', applicationId: j.applicationId }),
      );
      return handle.result();
    });
    expect(final.stage).toBe('withdrawn');
    expect(log).toEqual(['stage:->submitted', 'stage:submitted>withdrawn']);
  });
});
