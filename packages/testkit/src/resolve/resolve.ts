import { existsSync } from 'node:fs';
import { INFRA_ENV } from '../infrastructure';
import { dockerEngineAnswers, startContainers, type StartedServers } from './docker';
import { ensureLocalStack, localStackEnv, runStack } from './local-stack';

export type InfrastructureSource = 'environment' | 'containers' | 'local stack';

export interface ResolvedInfrastructure {
  source: InfrastructureSource;
  env: Record<string, string>;
  stop(): Promise<void>;
}

const SERVER_VARIABLES = [INFRA_ENV.kafkaBrokers, INFRA_ENV.mongoUrl, INFRA_ENV.temporalAddress];

/**
 * Resolves the servers in the documented order: environment variables, then containers
 * when a Docker engine answers, then the repository's local stack (started when down).
 * Nothing is faked and nothing is skipped: a failure here fails the whole run.
 */
export async function resolveInfrastructure(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedInfrastructure> {
  const given = SERVER_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  let source: InfrastructureSource;
  let started: StartedServers | undefined;
  let servers: Record<string, string> = {};

  if (given.length === SERVER_VARIABLES.length) {
    source = 'environment';
  } else if (given.length > 0) {
    const missing = SERVER_VARIABLES.filter((name) => !given.includes(name));
    throw new Error(
      `Only some servers are given by environment variables (${given.join(', ')}); ` +
        `also set ${missing.join(', ')}, or unset them all to use containers or the local stack.`,
    );
  } else if (await dockerEngineAnswers()) {
    source = 'containers';
    started = await startContainers();
    servers = started.env;
  } else {
    source = 'local stack';
    servers = await ensureLocalStack();
  }

  const resolved: Record<string, string> = {};
  for (const name of SERVER_VARIABLES) {
    resolved[name] = (env[name] ?? servers[name] ?? '').trim();
  }
  resolved[INFRA_ENV.temporalTestServerPath] = await resolveTestServerPath(env);
  return {
    source,
    env: resolved,
    stop: async () => {
      await started?.stop();
    },
  };
}

/** The time-skipping server: given by path, or the one the local stack installs. */
async function resolveTestServerPath(env: NodeJS.ProcessEnv): Promise<string> {
  const given = env[INFRA_ENV.temporalTestServerPath];
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) {
      throw new Error(`${INFRA_ENV.temporalTestServerPath}=${given} does not exist`);
    }
    return given;
  }
  let path = (await localStackEnv())[INFRA_ENV.temporalTestServerPath] ?? '';
  if (!existsSync(path)) {
    await runStack(['install-temporal']);
    path = (await localStackEnv())[INFRA_ENV.temporalTestServerPath] ?? '';
  }
  if (!existsSync(path)) {
    throw new Error(`the Temporal time-skipping test server is missing (expected at ${path})`);
  }
  return path;
}
