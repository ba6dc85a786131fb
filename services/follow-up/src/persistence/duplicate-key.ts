/** MongoDB's duplicate-key error; FerretDB 1.x reports the code but not the index. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
