import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

const dir = join(__dirname, 'fixtures/histories');
const recorded = readdirSync(dir).filter((file) => file.endsWith('.json'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
});

/**
 * Histories recorded from earlier versions of the workflow code (see fixtures/histories). A change
 * that would make a running journey take another path without `patched()` fails here.
 */
describe('replay of recorded journey histories', () => {
  it('has histories to replay, the walking skeleton among them', () => {
    expect(recorded).toContain('founder-journey-v0-assigned-on-submitted.json');
    expect(recorded.length).toBeGreaterThanOrEqual(3);
  });

  it.each(recorded)('replays %s without non-determinism', async (file) => {
    const history: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: require.resolve('../src/workflows') },
        history,
        file,
      ),
    ).resolves.toBeUndefined();
  });
});
