import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@grunderboost/testkit';

const run = promisify(execFile);
const LIB = resolve(__dirname, '../local/lib');

/**
 * A second, real broker of the local stack's own start code, in its own state directory and on
 * its own ports, so that the stack the other tests use is not touched.
 */
describe("the local stack's Kafka start", () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kafka-start-'));
  let env: NodeJS.ProcessEnv;

  async function stack(step: 'kafka_up' | 'stop_process kafka'): Promise<string> {
    const { stderr } = await run(
      'bash',
      [
        '-c',
        `set -euo pipefail; source "${LIB}/common.sh"; source "${LIB}/kafka.sh"; prepare_dirs; ${step}`,
      ],
      { env, timeout: 300_000 },
    );
    return stderr;
  }

  beforeAll(async () => {
    env = {
      ...process.env,
      GB_STATE_DIR: stateDir,
      GB_KAFKA_PORT: String(await freePort()),
      GB_KAFKA_CONTROLLER_PORT: String(await freePort()),
      GB_KAFKA_START_SECONDS: '90',
    };
  });

  afterAll(async () => {
    await stack('stop_process kafka');
  });

  it('moves a kept log the broker refuses aside and comes up on an empty one', async () => {
    expect(await stack('kafka_up')).toContain('kafka: healthy');
    await stack('stop_process kafka');

    // The kept log now names another node, as after a machine's disk moved under a new config.
    const logDir = join(stateDir, 'data/kafka/logs');
    const meta = readFileSync(join(logDir, 'meta.properties'), 'utf8');
    writeFileSync(join(logDir, 'meta.properties'), meta.replace(/^node\.id=1$/m, 'node.id=7'));

    const said = await stack('kafka_up');
    expect(said).toContain("Stored node id 7 doesn't match"); // the log's tail, shown
    expect(said).toContain('kafka did not come up on the log kept from before');
    expect(said).toContain('kafka: healthy (on an empty log');

    const aside = readdirSync(join(stateDir, 'data/kafka')).filter((name) =>
      name.startsWith('broken-'),
    );
    expect(aside).toHaveLength(1);
    expect(
      readFileSync(join(stateDir, 'data/kafka', aside[0] ?? '', 'meta.properties'), 'utf8'),
    ).toContain('node.id=7');
    expect(readFileSync(join(logDir, 'meta.properties'), 'utf8')).toContain('node.id=1');
  });
});
