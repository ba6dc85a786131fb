import { join } from 'node:path';
import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { counsellingOpenApi } from '../src/http/api-description';

/** Writes docs/openapi/counselling.json; with --check, fails when the committed file is stale. */
export const OPENAPI_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'docs',
  'openapi',
  'counselling.json',
);

if (require.main === module) {
  const mode = process.argv.includes('--check') ? 'check' : 'write';
  writeOrCheckOpenApi(counsellingOpenApi(), OPENAPI_FILE, mode);
  process.stdout.write(`${mode === 'write' ? 'wrote' : 'checked'} ${OPENAPI_FILE}\n`);
}
