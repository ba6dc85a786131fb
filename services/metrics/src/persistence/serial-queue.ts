/**
 * Runs async tasks one after another in call order; a failed task does not block the next.
 * Why: FerretDB 1.x applies an update as read-modify-write without isolation, so concurrent
 * $inc on one document lose updates (20 concurrent increments ended at 7 in our test server).
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
