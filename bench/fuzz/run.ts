import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineDescription } from '../lib/machine';
import { runMain, sayAs, type Cleanup } from '../lib/main';
import { parseCommon, type CommonOptions } from '../lib/options';
import { writeResult } from '../lib/results';
import { runScope, service, startServices, type Started } from '../lib/services';
import { stackUp } from '../lib/stack';
import { runCredentials, serviceEnv } from './credentials';
import { FUZZED_SERVICES, type FuzzedService } from './profiles';
import { formatFuzz, fuzzTotals, type ServiceFuzz } from './report';
import { fuzzService } from './fuzz-service';
import { installSchemathesis, type FuzzSettings } from './schemathesis';

/**
 * bench/fuzz: schemathesis against every committed OpenAPI document, each against its real
 * service with the credentials a client would hold; counts requests, 5xx and responses that
 * break their document.
 */
const say = sayAs('fuzz');

const QUICK_EXAMPLES = 10;
const FULL_EXAMPLES = 100;

const USAGE = `pnpm --filter @grunderboost/bench fuzz [--quick] [--only <service>] [--keep]

  --quick            ${QUICK_EXAMPLES} examples per operation and no stateful phase (about 2 minutes);
                     default ${FULL_EXAMPLES} examples and the stateful phase
  --only <service>   fuzz one service: ${FUZZED_SERVICES.join(', ')}
  --keep             keep the run's databases, topics and schemathesis reports
`;

interface Options extends CommonOptions {
  services: FuzzedService[];
}

function parse(argv: string[]): Options | undefined {
  const common = parseCommon(argv, { only: { type: 'string' } });
  if (common === undefined) return undefined;
  const only = common.values.only;
  if (only === undefined) return { ...common, services: [...FUZZED_SERVICES] };
  const known = FUZZED_SERVICES.find((name) => name === only);
  if (known === undefined) {
    throw new Error(`--only expects one of ${FUZZED_SERVICES.join(', ')}, got '${only}'`);
  }
  return { ...common, services: [known] };
}

/**
 * A 5xx, and every check of a response against its document. The request-side checks
 * (positive_data_acceptance, negative_data_rejection) are left out: the documents cannot carry
 * the services' cross-field rules and cursor formats, so those report the document's precision,
 * not a wrong answer.
 */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
] as const;

function settingsOf(quick: boolean): FuzzSettings {
  const phases = ['examples', 'coverage', 'fuzzing'];
  return {
    maxExamples: quick ? QUICK_EXAMPLES : FULL_EXAMPLES,
    // The stateful phase chains operations through their links; it is the slow one.
    phases: quick ? phases : [...phases, 'stateful'],
    checks: [...CHECKS],
    requestTimeoutSeconds: 10,
  };
}

async function benchmark(options: Options, signal: AbortSignal, cleanup: Cleanup) {
  const loadAtStart = loadavg()[0] ?? 0;
  const startedAt = Date.now();
  const version = await installSchemathesis();
  say('starting the local stack (infra/local/stack up; already running is fine)');
  const scope = runScope(await stackUp(), 'fuzz');
  const secrets = runCredentials.secrets();
  // Intake hands out the staff tokens, so it runs whichever service is fuzzed.
  const names = [...new Set<FuzzedService>(['intake', ...options.services])];
  say(`starting ${names.join(', ')} (prefix ${scope.prefix})`);
  const started = await startServices(names, scope, cleanup, {
    keep: options.keep,
    env: serviceEnv(secrets),
  });
  const credentials = await runCredentials.issue(started, secrets);
  const workDir = await mkdtemp(join(tmpdir(), 'grunderboost-fuzz-'));
  const settings = settingsOf(options.quick);
  const byService: Record<string, ServiceFuzz> = {};
  for (const name of options.services) {
    signal.throwIfAborted();
    byService[name] = await fuzzService(
      name,
      service(started, name),
      credentials,
      settings,
      workDir,
    );
  }
  const fuzz = fuzzTotals(byService);
  await keepOrRemove(workDir, started, options.keep || hasFindings(fuzz));
  const seconds = (Date.now() - startedAt) / 1000;
  const report = {
    when: new Date().toISOString(),
    machine: machineDescription(loadAtStart),
    settings: {
      mode: options.quick ? 'quick' : 'default',
      services: options.services,
      ...settings,
      schemathesis: version,
      prefix: scope.prefix,
      seconds: Math.round(seconds),
    },
    fuzz,
  };
  process.stdout.write(`\n${formatFuzz(fuzz, seconds)}\n`);
  say(`written to ${await writeResult('fuzz', report)}`);
}

const hasFindings = (fuzz: ReturnType<typeof fuzzTotals>): boolean =>
  fuzz.server_errors + fuzz.schema_violations > 0;

/** With findings the reports (and what the services logged) stay to be looked at. */
async function keepOrRemove(workDir: string, started: Started, keep: boolean): Promise<void> {
  if (!keep) {
    await rm(workDir, { recursive: true, force: true });
    return;
  }
  for (const [name, child] of Object.entries(started)) {
    await writeFile(join(workDir, `${name}.service.log`), child.output());
  }
  say(`schemathesis reports and service logs kept in ${workDir}`);
}

runMain({ name: 'fuzz', usage: USAGE, parse, benchmark });
