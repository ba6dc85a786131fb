import type { ServiceProcess } from '@grunderboost/testkit';
import { join } from 'node:path';
import { sayAs } from '../lib/main';
import type { Credentials } from './credentials';
import { readRunCounts, type RunCounts } from './ndjson';
import { authProfiles, openApiPath, type FuzzedService } from './profiles';
import { serviceFuzz, type ServiceFuzz } from './report';
import { runSchemathesis, type FuzzSettings } from './schemathesis';

const say = sayAs('fuzz');

/** One schemathesis run per kind of credential the service's operations take, added up. */
export async function fuzzService(
  name: FuzzedService,
  child: ServiceProcess,
  credentials: Credentials,
  settings: FuzzSettings,
  workDir: string,
): Promise<ServiceFuzz> {
  const startedAt = Date.now();
  const profiles = await authProfiles(name, credentials);
  const runs: RunCounts[] = [];
  for (const profile of profiles) {
    const stem = join(workDir, `${name}.${profile.name}`);
    say(`${name}: ${profile.operations.length} operations with the ${profile.name} credential`);
    const code = await runSchemathesis({
      document: openApiPath(name),
      baseUrl: child.url,
      profile,
      settings,
      ndjsonPath: `${stem}.ndjson`,
      logPath: `${stem}.log`,
      workDir,
    });
    const counts = await readRunCounts(`${stem}.ndjson`);
    // Exit 1 is "failures found"; anything else, or a report without its end, is st failing.
    if ((code !== 0 && code !== 1) || !counts.finished || counts.errors.length > 0) {
      throw new Error(
        `schemathesis could not fuzz ${name} (${profile.name}; exit ${code}): ` +
          `${counts.errors.join('; ') || 'no complete report'}; see ${stem}.log`,
      );
    }
    say(`${name} (${profile.name}): ${describe(counts)}`);
    runs.push(counts);
  }
  const operations = profiles.reduce((total, profile) => total + profile.operations.length, 0);
  return serviceFuzz(runs, operations, (Date.now() - startedAt) / 1000);
}

const describe = (counts: RunCounts): string =>
  `${counts.requests} requests, ${counts.serverErrors} 5xx, ${counts.schemaViolations} schema violations`;
