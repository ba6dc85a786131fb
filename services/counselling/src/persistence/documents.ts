/** Drops undefined members: the driver would store them as null, and reads would differ. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The stored document without the storage-only members: what the domain type holds. */
export function withoutStorageFields(
  document: object,
  extra: string[] = [],
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...document };
  for (const key of [
    '_id',
    'version',
    'outbox',
    'outboxNextAttemptAt',
    'outboxVersion',
    ...extra,
  ]) {
    delete copy[key];
  }
  return copy;
}
