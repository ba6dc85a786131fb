import { createLogger, loadConfigOrExit } from '@grunderboost/service-kit';
import { configSchema } from './config';
import { SERVICE_NAME, startService } from './service';

/** Entry point: configuration, then the service; service-kit handles SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  try {
    await startService(config);
  } catch (error) {
    createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL }).fatal(
      { err: error },
      'partners service failed to start',
    );
    process.exit(1);
  }
}

void main();
