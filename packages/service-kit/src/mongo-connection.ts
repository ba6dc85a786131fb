import type { ConnectOptions } from 'mongoose';
import { z } from 'zod';

/**
 * How many connections one service keeps to its database at most (the driver's maxPoolSize,
 * 100 by default). Why fewer: FerretDB 1.24 on SQLite gives each database a pool of 100 SQLite
 * connections, and an update, a findAndModify or a delete holds two of them at once — its read
 * is still open while it takes a second one to write. When a write waits for SQLite's lock (a
 * long bulk insert, a busy relay), a hundred such commands on one database take every
 * connection for their reads and then wait for each other for ever: the database stops
 * answering until FerretDB restarts (reproduced, docs/adr/0020). With at most 20 per process,
 * two or three processes on one database stay below that, and FerretDB answers SQLITE_BUSY
 * (a 503 here) instead of hanging. A real MongoDB needs no such limit; raise it there.
 */
export const DEFAULT_MONGO_MAX_POOL_SIZE = 20;

/** Extend a service's schema with it: configSchema = baseConfigSchema.extend({ ...shape }). */
export const mongoPoolConfigSchema = z.object({
  MONGO_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(DEFAULT_MONGO_MAX_POOL_SIZE),
});

export type MongoPoolConfig = z.output<typeof mongoPoolConfigSchema>;

/** The options every service's mongoose.createConnection takes. */
export function mongoConnectionOptions(config: MongoPoolConfig): ConnectOptions {
  return { maxPoolSize: config.MONGO_MAX_POOL_SIZE };
}
