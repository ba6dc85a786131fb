import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchKafka } from '../lib/kafka';
import { pollUntil } from '../lib/main';
import { freePortPair } from '../lib/processes';

/**
 * A Kafka broker of the scenario's own (single-node KRaft, small heap, its own ports and data
 * directory in a temporary directory), so it can be killed without disturbing the shared
 * broker others use. It runs from the jars `infra/local/stack` installed, formatted and
 * configured the way infra/local/lib/kafka.sh does it.
 */
const KAFKA_VERSION = '3.9.2';
const KAFKA_HOME =
  process.env.GB_KAFKA_HOME ??
  join(
    process.env.GB_CACHE_DIR ?? join(homedir(), '.cache/grunderboost'),
    `kafka-${KAFKA_VERSION}`,
  );
const HEAP = ['-Xms128m', '-Xmx384m', '-XX:+UseSerialGC'];

export interface OwnBroker {
  brokers: string[];
  dir: string;
  /** SIGKILL: no shutdown, no flush of the broker's own state (the OS keeps what it wrote). */
  kill(): Promise<void>;
  /** Starts the JVM again on the same data directory and waits until it answers. */
  restart(signal: AbortSignal): Promise<number>;
  /** Kills it (if running) and removes its temporary directory. */
  remove(): Promise<void>;
}

function properties(dir: string, port: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(dir, 'logs')}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
    '',
  ].join('\n');
}

const LOG4J = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  '',
].join('\n');

const javaArgs = (dir: string, ...rest: string[]) => [
  ...HEAP,
  `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`,
  '-cp',
  `${KAFKA_HOME}/libs/*`,
  ...rest,
];

/** Writes the configuration and formats the storage with a fresh cluster id. */
async function format(dir: string, port: number, controllerPort: number): Promise<void> {
  await mkdir(join(dir, 'logs'), { recursive: true });
  await writeFile(join(dir, 'server.properties'), properties(dir, port, controllerPort));
  await writeFile(join(dir, 'log4j.properties'), LOG4J);
  const run = promisify(execFile);
  const { stdout } = await run('java', javaArgs(dir, 'kafka.tools.StorageTool', 'random-uuid'));
  const clusterId = stdout.trim().split('\n').pop() ?? '';
  const config = join(dir, 'server.properties');
  await run(
    'java',
    javaArgs(dir, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', config),
  );
}

/** The broker answers a metadata request (a new admin client each time: no stale sockets). */
async function answers(brokers: string[]): Promise<boolean> {
  const admin = benchKafka(brokers, 'bench-faults-probe').admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The JVM itself (no shell in between), so the pid we kill is the broker's. */
function launch(dir: string): ChildProcess {
  const log = openSync(join(dir, 'kafka.log'), 'a');
  const child = spawn('java', javaArgs(dir, 'kafka.Kafka', join(dir, 'server.properties')), {
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  return child;
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });

/** Formats a new broker in a temporary directory and starts it; `remove` undoes both. */
export async function startOwnBroker(signal: AbortSignal): Promise<OwnBroker> {
  if (!existsSync(join(KAFKA_HOME, 'libs'))) {
    throw new Error(`no Kafka jars in ${KAFKA_HOME}: run 'bash infra/local/stack up' first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'gb-faults-kafka-'));
  const [port, controllerPort] = await freePortPair();
  const brokers = [`127.0.0.1:${port}`];
  let child: ChildProcess | undefined;
  const kill = async () => {
    if (child === undefined) return;
    const dying = exitOf(child);
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    await dying;
    child = undefined;
  };
  const restart = async (abort: AbortSignal) => {
    const started = Date.now();
    child = launch(dir);
    const ready = await pollUntil(() => answers(brokers), {
      timeoutMs: 120_000,
      intervalMs: 250,
      signal: abort,
    });
    if (!ready) throw new Error(`own Kafka broker not ready after 120 s; see ${dir}/kafka.log`);
    return (Date.now() - started) / 1000;
  };
  const remove = async () => {
    await kill();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await format(dir, port, controllerPort);
    await restart(signal);
  } catch (error) {
    await remove();
    throw error;
  }
  return { brokers, dir, kill, restart, remove };
}
