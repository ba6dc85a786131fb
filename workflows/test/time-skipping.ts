import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testInfrastructure } from '@grunderboost/testkit';

const ATTEMPTS = 4;

/**
 * Temporal's time-skipping test server, from the binary the stack installed. The SDK gives the
 * server a fixed 5 s to answer after it is spawned (not configurable in 1.24) and kills it
 * otherwise; on a 2-core machine running the whole suite that is sometimes not enough, so a
 * start that timed out is tried again. Any other failure is reported at once.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: {
          executable: { type: 'existing-path', path: testInfrastructure().temporalTestServerPath },
        },
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.message.includes('did not start within');
      if (!timedOut || attempt >= ATTEMPTS) throw error;
      process.stderr.write(
        `time-skipping test server did not start in time (attempt ${attempt}); again\n`,
      );
    }
  }
}
