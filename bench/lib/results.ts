import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { REPO_ROOT } from './stack';

export const RESULTS_DIR = resolve(__dirname, '../results');

export const resultPath = (name: string): string => resolve(RESULTS_DIR, `${name}.json`);

/** Writes bench/results/<name>.json; returns its path relative to the repository. */
export async function writeResult(name: string, report: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(resultPath(name), `${JSON.stringify(report, null, 2)}\n`);
  return relative(REPO_ROOT, resultPath(name));
}

/** A benchmark's last result, or undefined when it has none (or it is not JSON). */
export async function readResult(name: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(resultPath(name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
