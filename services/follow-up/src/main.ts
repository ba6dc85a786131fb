import { createLogger, loadConfigOrExit } from '@grunderboost/service-kit';
import { configSchema } from './config';
import { SERVICE_NAME, startService } from './service';

/**
 * Entry point: configuration, then the service. SIGTERM/SIGINT are handled by service-kit's
 * startServer, which drains HTTP and then runs the shutdown hooks (consumer, relays, producer,
 * database).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  try {
    await startService(config);
  } catch (error) {
    createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL }).fatal(
      { err: error },
      'follow-up service failed to start',
    );
    process.exit(1);
  }
}

void main();
