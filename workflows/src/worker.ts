import { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createActivities } from './activities';
import type { WorkerConfig } from './config';

export interface RunningWorker {
  /** Stops polling, lets running activities finish, closes the connection. */
  stop(): Promise<void>;
}

export async function startWorker(config: WorkerConfig, logger: Logger): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities({ counsellingUrl: config.COUNSELLING_URL }),
  });
  const running = worker.run();
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'temporal worker started');
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      logger.info('temporal worker stopped');
    },
  };
}
