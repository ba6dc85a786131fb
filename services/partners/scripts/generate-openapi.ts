import { join } from 'node:path';
import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { partnersOpenApi } from '../src/http/api-description';

/** Writes docs/openapi/partners.json; with --check, fails when the committed file is stale. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'partners.json');

if (require.main === module) {
  const mode = process.argv.includes('--check') ? 'check' : 'write';
  writeOrCheckOpenApi(partnersOpenApi(), OPENAPI_FILE, mode);
  process.stdout.write(`${mode === 'write' ? 'wrote' : 'checked'} ${OPENAPI_FILE}\n`);
}
