import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const STACK = join(ROOT, 'infra/local/stack');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

/** compose-go's validator, built by the local stack's installer (cached). */
async function validator(): Promise<string> {
  await run('bash', [STACK, 'install-compose-check'], { timeout: 600_000 });
  const { stdout } = await run('bash', [STACK, 'env']);
  const path = /^COMPOSE_CHECK_PATH=(.+)$/m.exec(stdout)?.[1];
  if (path === undefined) {
    throw new Error('infra/local/stack env did not print COMPOSE_CHECK_PATH');
  }
  return path;
}

async function validate(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(await validator(), ['--format', 'json', file], {
      cwd: ROOT,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification', async () => {
    const result = await validate(COMPOSE_FILE);
    expect(result.output).not.toMatch(/failed to load project/);
    expect(result.ok).toBe(true);
  });

  it('offers Kafka, MongoDB and Temporal (with its web UI) from official images', async () => {
    const { output } = await validate(COMPOSE_FILE);
    const project = JSON.parse(output) as {
      services: Record<string, { image: string; ports?: { target: number }[] }>;
    };
    expect(project.services.kafka?.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(project.services.mongo?.image).toMatch(/^mongo:7/);
    expect(project.services.temporal?.image).toMatch(/^temporalio\/temporal:/);
    expect(project.services.temporal?.ports?.map((port) => port.target)).toEqual(
      expect.arrayContaining([7233, 8233]),
    );
  });

  it('is checked for real: a misspelt key is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    const broken = join(dir, 'docker-compose.yml');
    writeFileSync(
      broken,
      readFileSync(COMPOSE_FILE, 'utf8').replace('healthcheck:', 'healthchek:'),
    );
    const result = await validate(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/healthchek/);
  });
});
