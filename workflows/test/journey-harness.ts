import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { uniqueTaskQueue } from '@grunderboost/testkit';
import { SEARCH_ATTRIBUTES, type JourneyActivities } from '../src';

/**
 * Our own activity port, recording what the journey did in order: the real activities are
 * tested against the counselling API, Kafka, MongoDB and the SMTP sink in their own tests.
 */
export function recordingActivities(log: string[], counsellorId: string): JourneyActivities {
  return {
    assignCounsellor: async (input) => {
      log.push(`assign:${input.applicationId}`);
      return { assignmentId: 'b6f0e7c2-1d5a-4c8e-9f3b-2a7d6e5c4b3a', counsellorId };
    },
    publishStageChanged: async (input) => {
      log.push(
        `stage:${input.from ?? '-'}>${input.to}${input.reasonCode ? `(${input.reasonCode})` : ''}`,
      );
    },
    sendNotification: async (input) => {
      log.push(`mail:${input.recipient}:${input.key.split(':').slice(2).join(':')}`);
      return { status: 'sent', messageId: '<m@test>' };
    },
  };
}

export async function journeyWorker(env: TestWorkflowEnvironment, activities: JourneyActivities) {
  const taskQueue = uniqueTaskQueue('journey');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../src/workflows'),
    activities,
  });
  return { worker, taskQueue };
}

/** IndexedValueType KEYWORD of Temporal's API. */
const KEYWORD = 2;

/** The time-skipping server knows no custom search attributes until they are added. */
export async function addSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((name) => [name, KEYWORD])),
  });
}
