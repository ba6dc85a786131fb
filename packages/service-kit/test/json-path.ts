import type { JsonObject } from '../src';

/** The value at path inside a parsed JSON document (unknown: assert on it with expect). */
export function valueAt(root: unknown, ...path: string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      throw new Error(`No ${key} at ${path.join(' → ')}`);
    }
    current = (current as JsonObject)[key];
  }
  return current;
}

/** The object (or array) at path; throws when there is none, so a typo fails loudly. */
export function at(root: unknown, ...path: string[]): JsonObject {
  const value = valueAt(root, ...path);
  if (value === null || typeof value !== 'object') {
    throw new Error(`No object at ${path.join(' → ')}`);
  }
  return value as JsonObject;
}
