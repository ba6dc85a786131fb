import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  localStackEnv,
  mongoUrlFor,
  testInfrastructure,
  uniqueDatabase,
} from '@grunderboost/testkit';
import mongoose, { type Connection } from 'mongoose';
import { mongoConnectionOptions, mongoPoolConfigSchema } from '../src';

/**
 * ADR 0020: on FerretDB/SQLite an update holds two of the database's 100 SQLite connections,
 * and a hundred updates waiting for the write lock could take them all and wait for each other
 * for ever. Three processes on one database (as in the growth benchmark: two intakes and the
 * bench) with the services' default pool must come through a long-held write lock: every update
 * answered — done, or a busy error — and the database answering afterwards.
 */
const PROCESSES = 3;
const UPDATES = 300;
const LOCK_SECONDS = 20;

interface WriteLock {
  release(): Promise<void>;
}

/** FerretDB (the local stack's): SQLite's own write lock on the database's file, from outside. */
async function holdSqliteLock(dataDir: string, database: string): Promise<WriteLock> {
  const file = join(dataDir, `${database}.sqlite`);
  if (!existsSync(file)) throw new Error(`FerretDB's file of ${database} is not at ${file}`);
  const holder: ChildProcess = spawn(
    'python3',
    [
      '-c',
      'import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); ' +
        'c.execute("BEGIN IMMEDIATE"); print("locked", flush=True); sys.stdin.read(); c.execute("COMMIT")',
      file,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((locked, failed) => {
    holder.stdout?.once('data', () => locked());
    holder.once('exit', (code) => failed(new Error(`the SQLite lock holder exited (${code})`)));
  });
  return {
    release: () =>
      new Promise<void>((released) => {
        holder.once('exit', () => released());
        holder.stdin?.end();
      }),
  };
}

/** A real mongod: fsyncLock blocks every write until fsyncUnlock. */
async function holdFsyncLock(connection: Connection): Promise<WriteLock> {
  const admin = connection.db!.admin();
  await admin.command({ fsync: 1, lock: true });
  return { release: async () => void (await admin.command({ fsyncUnlock: 1 })) };
}

describe("a service's database pool on a server whose writes wait", () => {
  const database = uniqueDatabase('pool');
  const connections: Connection[] = [];

  afterAll(async () => {
    await connections[0]?.dropDatabase().catch(() => undefined);
    await Promise.all(connections.map((connection) => connection.close()));
  });

  it('answers every update of three processes after a long write lock, and the database stays usable', async () => {
    const options = mongoConnectionOptions(mongoPoolConfigSchema.parse({}));
    for (let i = 0; i < PROCESSES; i++) {
      connections.push(
        await mongoose
          .createConnection(mongoUrlFor(database), {
            ...options,
            // Every connection open before the load, as in a service that has run for a while.
            minPoolSize: options.maxPoolSize,
            maxConnecting: 50,
            serverSelectionTimeoutMS: 10_000,
          })
          .asPromise(),
      );
    }
    const [first] = connections;
    await first!
      .collection('things')
      .insertMany(Array.from({ length: 10 }, (_, n) => ({ n, count: 0 })));
    const ids = (await first!.collection('things').find().toArray()).map(
      (document) => document._id,
    );
    await new Promise((settled) => setTimeout(settled, 4_000)); // the pools fill up

    const noStack: Record<string, string> = {};
    const stack = await localStackEnv().catch(() => noStack);
    const ferretDbDataDir =
      stack.MONGO_FLAVOUR === 'ferretdb' && stack.MONGO_URL === testInfrastructure().mongoUrl
        ? stack.MONGO_DATA_DIR
        : undefined;
    const lock = ferretDbDataDir
      ? await holdSqliteLock(ferretDbDataDir, database)
      : await holdFsyncLock(first!);

    const started = Date.now();
    const outcomes = Array.from({ length: UPDATES }, (_, i) =>
      connections[i % PROCESSES]!.collection('things')
        .updateOne({ _id: ids[i % ids.length] }, { $inc: { count: 1 } })
        .then(
          () => 'done',
          (error: Error) => error.message,
        ),
    );
    await new Promise((settled) => setTimeout(settled, LOCK_SECONDS * 1_000));
    await lock.release();

    let guard: NodeJS.Timeout | undefined;
    const answered = await Promise.race([
      Promise.all(outcomes),
      new Promise<undefined>((hung) => (guard = setTimeout(() => hung(undefined), 60_000))),
    ]);
    clearTimeout(guard);
    expect(answered).toBeDefined(); // undefined: updates still unanswered a minute after the lock
    const failures = answered!.filter((outcome) => outcome !== 'done');
    for (const failure of failures) expect(failure).toMatch(/SQLITE_BUSY|database is locked/);
    expect(answered!.length - failures.length).toBeGreaterThan(0);

    const after = Date.now();
    await first!.collection('things').updateOne({ _id: ids[0] }, { $inc: { count: 1 } });
    expect(Date.now() - after).toBeLessThan(10_000);
    expect(Date.now() - started).toBeLessThan((LOCK_SECONDS + 60) * 1_000);
  }, 120_000);
});
