import { createLogger, loadConfigOrExit } from '@grunderboost/service-kit';
import { rebuild } from '../app/rebuild';
import { configSchema } from '../config';

/**
 * `pnpm --filter @grunderboost/metrics rebuild`: replays the topics into a new projection
 * version and switches to it when caught up. Progress goes to stdout, logs to stderr.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  const logger = createLogger({
    service: 'metrics-rebuild',
    level: config.LOG_LEVEL,
    destination: process.stderr,
  });
  try {
    const done = await rebuild(config, {
      logger,
      onProgress: (p) => {
        process.stdout.write(
          `version ${p.version}: ${p.handled} events in ${(p.elapsedMs / 1000).toFixed(1)} s, ${p.rate} events/s, lag ${p.lag}\n`,
        );
      },
    });
    process.stdout.write(`switched to projection version ${done.version}\n`);
    process.exit(0);
  } catch (error) {
    logger.fatal({ err: error }, 'rebuild failed');
    process.exit(1);
  }
}

void main();
