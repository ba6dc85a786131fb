import { createRequire } from 'node:module';
// mongoose and kafkajs are intake's dependencies, not the bench's: the bench uses intake's own
// copies (the versions the service runs, and no new entry in the shared lockfile).
import { Kafka, logLevel } from '@grunderboost/intake/node_modules/kafkajs';

/**
 * The part of mongoose used here. Its type declarations are an ambient module, which cannot be
 * imported by path, so the module is required from intake's directory and typed by this shape.
 */
interface Mongoose {
  createConnection(url: string): { asPromise(): Promise<Connection> };
}
interface Connection {
  collection(name: string): { countDocuments(filter: object): Promise<number> };
  dropDatabase(): Promise<unknown>;
  close(): Promise<void>;
}

const mongoose = createRequire(require.resolve('@grunderboost/intake/package.json'))(
  'mongoose',
) as Mongoose;

/** intake's collection (services/intake/src/persistence): one document per application. */
const APPLICATIONS = 'applications';

/** The benchmark's own database on the stack: what intake stored, and dropping it afterwards. */
export interface BenchDatabase {
  countApplications(): Promise<number>;
  /** Applications whose outbox still holds an event the relay has not published. */
  countPendingOutbox(): Promise<number>;
  drop(): Promise<void>;
  close(): Promise<void>;
}

export async function connectBenchDatabase(mongoUrl: string): Promise<BenchDatabase> {
  const connection = await mongoose.createConnection(mongoUrl).asPromise();
  const applications = () => connection.collection(APPLICATIONS);
  return {
    countApplications: () => applications().countDocuments({}),
    countPendingOutbox: () => applications().countDocuments({ outboxNextAttemptAt: { $ne: null } }),
    drop: async () => {
      await connection.dropDatabase();
    },
    close: () => connection.close(),
  };
}

/** Deletes the run's topics (all named `<prefix>.…`); returns their names. */
export async function deleteTopics(brokers: string[], prefix: string): Promise<string[]> {
  const admin = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    return topics;
  } finally {
    await admin.disconnect();
  }
}
