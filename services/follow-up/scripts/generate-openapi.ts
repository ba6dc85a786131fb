import { join } from 'node:path';
import { writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { followUpOpenApi } from '../src/http/api-description';

/** Where the committed document lives. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'follow-up.json');

// Writes docs/openapi/follow-up.json; with --check, fails when the committed file is stale.
if (require.main === module) {
  const mode = process.argv.includes('--check') ? 'check' : 'write';
  writeOrCheckOpenApi(
    followUpOpenApi(),
    OPENAPI_FILE,
    mode,
    '`pnpm --filter @grunderboost/follow-up openapi`',
  );
  process.stdout.write(`${mode === 'write' ? 'wrote' : 'checked'} ${OPENAPI_FILE}\n`);
}
