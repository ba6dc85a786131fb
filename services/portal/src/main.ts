import { loadConfigOrExit } from '@grunderboost/service-kit';
import { configSchema } from './config';
import { startPortal } from './server';

async function main(): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  const portal = await startPortal(config);
  const stop = () => void portal.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
