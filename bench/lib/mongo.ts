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
    options: { socketTimeoutMS: number },
  ): { asPromise(): Promise<BenchConnection> };
}

/**
 * No single bench request takes a minute (a 500-document insert takes about a second). Once in
 * a clean-clone run an insert's answer never came — FerretDB idle, waiting for the next request
 * on that connection — and the driver's default (no socket timeout) waited until the CI limit.
 * A request unanswered this long fails instead, and the callers that write retry it.
 */
export const BENCH_SOCKET_TIMEOUT_MS = 60_000;

const mongoose = createRequire(require.resolve('@grunderboost/intake/package.json'))(
  'mongoose',
) as Mongoose;

export function connectMongo(url: string): Promise<BenchConnection> {
  return mongoose.createConnection(url, { socketTimeoutMS: BENCH_SOCKET_TIMEOUT_MS }).asPromise();
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
