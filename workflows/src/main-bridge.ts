import { createLogger, loadConfigOrExit } from '@grunderboost/service-kit';
import { startBridge } from './bridge/bridge';
import { bridgeConfigSchema } from './config';

// startServer installs the SIGTERM/SIGINT handling that stops consumer, producer and connections.
async function main(): Promise<void> {
  const config = loadConfigOrExit(bridgeConfigSchema);
  const logger = createLogger({ service: 'journey-bridge', level: config.LOG_LEVEL });
  const bridge = await startBridge(config, logger);
  logger.info({ url: bridge.url }, 'journey bridge started');
}

main().catch((error: unknown) => {
  process.stderr.write(`journey bridge failed to start: ${String(error)}\n`);
  process.exit(1);
});
