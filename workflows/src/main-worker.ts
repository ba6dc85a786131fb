import { createLogger, loadConfigOrExit } from '@grunderboost/service-kit';
import { workerConfigSchema } from './config';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit(workerConfigSchema);
  const logger = createLogger({ service: 'journey-worker', level: config.LOG_LEVEL });
  const worker = await startWorker(config, logger);
  const stop = () => {
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`journey worker failed to start: ${String(error)}\n`);
  process.exit(1);
});
