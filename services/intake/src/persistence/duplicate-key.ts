/**
 * MongoDB's duplicate-key error. FerretDB 1.x reports the code but neither the index nor the
 * key pattern, so callers must know which unique index the write can collide on.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
