import { join } from 'node:path';
import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { metricsOpenApi } from '../src/http/api-description';

/** Writes docs/openapi/metrics.json; with --check, fails when the committed file is stale. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'metrics.json');

if (require.main === module) {
  const mode = process.argv.includes('--check') ? 'check' : 'write';
  writeOrCheckOpenApi(metricsOpenApi(), OPENAPI_FILE, mode);
  process.stdout.write(`${mode === 'write' ? 'wrote' : 'checked'} ${OPENAPI_FILE}\n`);
}
