import type { RunningConsumer } from '@grunderboost/messaging';
import type { Logger } from 'pino';
import type { ActiveVersion } from '../persistence/active-version';

export interface LiveProjection {
  /** The version reads use: the one the consumer feeds. */
  version(): number;
  stop(): Promise<void>;
}

/**
 * Keeps one consumer feeding the active projection version. When a rebuild switches the
 * active version, the old consumer leaves and one for the new version's group takes over at
 * the offsets the rebuild committed; reads follow at the same moment.
 */
export async function startLiveProjection(input: {
  active: ActiveVersion;
  start: (version: number) => Promise<RunningConsumer>;
  pollMs: number;
  logger: Logger;
}): Promise<LiveProjection> {
  let version = await input.active.read();
  let consumer = await input.start(version);
  let stopped = false;
  let switching: Promise<void> = Promise.resolve();

  const check = async () => {
    const wanted = await input.active.read();
    if (wanted === version || stopped) return;
    input.logger.info({ from: version, to: wanted }, 'switching projection version');
    await consumer.stop();
    consumer = await input.start(wanted);
    version = wanted;
  };
  const timer = setInterval(() => {
    switching = switching
      .then(check)
      .catch((error: unknown) => input.logger.error({ err: error }, 'version check failed'));
  }, input.pollMs);
  timer.unref();

  return {
    version: () => version,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await switching;
      await consumer.stop();
    },
  };
}
