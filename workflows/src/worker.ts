import { issueLocalStaffToken } from '@grunderboost/auth';
import { createKafka, createProducer } from '@grunderboost/messaging';
import { NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { createActivities } from './activities';
import type { WorkerConfig } from './config';
import { loadCatalogue } from './notifications/catalogue';
import { intakeContacts } from './notifications/contacts';
import { createNotifier } from './notifications/notifier';
import { mongoSentNotifications } from './notifications/sent-store';
import { mongoConnectionOptions } from '@grunderboost/service-kit';

export interface RunningWorker {
  /** Stops polling, lets running activities finish, closes the connections. */
  stop(): Promise<void>;
}

/**
 * The worker's identity towards intake. Development: a staff token minted with the shared local
 * secret, renewed per call (cheap HMAC). Production: a client-credentials token from the IdP.
 */
function serviceToken(config: WorkerConfig): () => Promise<string> {
  return () =>
    issueLocalStaffToken(config, {
      staffId: config.WORKER_STAFF_ID,
      roles: ['counsellor'],
      ttlSeconds: 300,
    });
}

export async function startWorker(config: WorkerConfig, logger: Logger): Promise<RunningWorker> {
  const mongo = await mongoose
    .createConnection(config.MONGO_URL, mongoConnectionOptions(config))
    .asPromise();
  const kafka = createKafka({
    clientId: 'journey-worker',
    brokers: config.KAFKA_BROKERS.split(','),
    logger,
  });
  const producer = createProducer(kafka);
  await producer.connect();
  const transport = nodemailer.createTransport(config.SMTP_URL);
  const sendNotification = createNotifier({
    store: mongoSentNotifications(mongo),
    contacts: intakeContacts({ intakeUrl: config.INTAKE_URL, token: serviceToken(config) }),
    catalogue: loadCatalogue(),
    transport,
    from: config.MAIL_FROM,
    leadAddress: config.LEAD_EMAIL,
    logger,
  });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities({
      counsellingUrl: config.COUNSELLING_URL,
      producer,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      sendNotification,
    }),
  });
  const running = worker.run();
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'temporal worker started');
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await producer.disconnect();
      transport.close();
      await mongo.close();
      logger.info('temporal worker stopped');
    },
  };
}
