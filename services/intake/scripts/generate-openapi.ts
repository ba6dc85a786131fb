import { join } from 'node:path';
import { buildOpenApiDocument, writeOrCheckOpenApi } from '@grunderboost/service-kit';
import { intakeApiDocument } from '../src/http/api-description';
import { languagesOf } from '../src/http/router';
import { loadCatalogue } from '@grunderboost/i18n';
import { BUNDLED_MESSAGES_DIR } from '../src/i18n/bundled';

/** Where the committed document lives. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'intake.json');

/** The document the service serves with its bundled message catalogue (languages en, nb). */
export function intakeOpenApi() {
  const catalogue = loadCatalogue(BUNDLED_MESSAGES_DIR, 'nb');
  return buildOpenApiDocument(intakeApiDocument(languagesOf(catalogue)));
}

// Writes docs/openapi/intake.json; with --check, fails when the committed file is stale.
if (require.main === module) {
  const mode = process.argv.includes('--check') ? 'check' : 'write';
  writeOrCheckOpenApi(
    intakeOpenApi(),
    OPENAPI_FILE,
    mode,
    '`pnpm --filter @grunderboost/intake openapi`',
  );
  process.stdout.write(`${mode === 'write' ? 'wrote' : 'checked'} ${OPENAPI_FILE}\n`);
}
