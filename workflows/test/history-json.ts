import type { WorkflowHandle } from '@temporalio/client';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;

/**
 * Temporal's proto-JSON of a history (the format `temporal workflow show --output json` writes and
 * `Worker.runReplayHistory` reads). @temporalio/common is the worker's own dependency, not ours,
 * so it is resolved from there rather than added to the lockfile.
 */
export function historyToJson(history: History): string {
  const commonPath = require.resolve('@temporalio/common/lib/proto-utils', {
    paths: [require.resolve('@temporalio/worker')],
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const common = require(commonPath) as { historyToJSON(history: History): string };
  return common.historyToJSON(history);
}
