/**
 * Serialises async tasks per key (a document id), in call order; tasks of different keys run
 * concurrently. Why: FerretDB 1.x applies an update as read-modify-write without isolation
 * (ADR 0003), so a service's own writers of one document — its use cases appending events and
 * its outbox relay marking them sent — must not overlap, or one write silently undoes the other.
 */
export type DocumentLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function documentLock(): DocumentLock {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    // The last task of a key removes the key, so the map holds only keys with work in flight.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

/** For writers that need no serialisation (MongoDB, or tests of other things). */
export const noLock: DocumentLock = (_key, task) => task();
