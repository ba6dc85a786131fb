import { createRequire } from 'node:module';

/**
 * The part of mongoose the benchmarks use. mongoose is intake's dependency, not the bench's:
 * the bench uses intake's own copy (the version the services run, no new lockfile entry). Its
 * type declarations are an ambient module, which cannot be imported by path, so the module is
 * required from intake's directory and typed by this shape.
 */
export interface BenchCollection {
  countDocuments(filter: object): Promise<number>;
  estimatedDocumentCount(): Promise<number>;
  insertMany(documents: object[], options?: { ordered?: boolean }): Promise<unknown>;
}

export interface BenchConnection {
  collection(name: string): BenchCollection;
  dropDatabase(): Promise<unknown>;
  close(): Promise<void>;
}

interface Mongoose {
  createConnection(
    url: string,
    options: { socketTimeoutMS: number; maxPoolSize: number },
  ): { asPromise(): Promise<BenchConnection> };
}

/**
 * No single bench request takes a minute (a 500-document insert takes about a second). Once in
 * a clean-clone run an insert's answer never came and the driver's default (no socket timeout)
 * waited until the CI limit: FerretDB's SQLite connections of that database were all held by
 * the reads of updates waiting for a second connection (docs/adr/0020). A request unanswered
 * this long fails instead, and the callers that write retry it.
 */
export const BENCH_SOCKET_TIMEOUT_MS = 60_000;

/**
 * The bench writes from one loop at a time; a small pool keeps its share of FerretDB's 100
 * connections per database small next to the services' (MONGO_MAX_POOL_SIZE, ADR 0020).
 */
export const BENCH_MAX_POOL_SIZE = 5;

const mongoose = createRequire(require.resolve('@grunderboost/intake/package.json'))(
  'mongoose',
) as Mongoose;

export function connectMongo(url: string): Promise<BenchConnection> {
  return mongoose
    .createConnection(url, {
      socketTimeoutMS: BENCH_SOCKET_TIMEOUT_MS,
      maxPoolSize: BENCH_MAX_POOL_SIZE,
    })
    .asPromise();
}

/** Drops one database of a run (the bench's own names only). */
export async function dropDatabase(url: string): Promise<void> {
  const connection = await connectMongo(url);
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
