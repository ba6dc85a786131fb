import { readFileSync, writeFileSync } from 'node:fs';
import { formatJson } from './format-json';
import type { JsonObject } from './types';

export type WriteMode = 'write' | 'check';

function readIfPresent(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * For a service's generator script: 'write' saves the document as formatted JSON (already in
 * Prettier's layout); 'check' throws when the committed file differs, naming the command that
 * regenerates it, so CI catches an API change whose document was not regenerated.
 */
export function writeOrCheckOpenApi(
  document: JsonObject,
  filePath: string,
  mode: WriteMode,
  // The convention: each service's package.json has an "openapi" script that writes its file.
  regenerateCommand = '`pnpm run openapi` in its package',
): void {
  const text = formatJson(document);
  if (mode === 'write') {
    writeFileSync(filePath, text);
    return;
  }
  const committed = readIfPresent(filePath);
  if (committed !== text) {
    const state = committed === undefined ? 'is missing' : 'is out of date';
    throw new Error(`${filePath} ${state}: run ${regenerateCommand} and commit the result`);
  }
}
