import { loadConfig } from '@grunderboost/service-kit';
import { staffAuthConfigSchema } from '../config';
import { issueLocalStaffToken } from '../local-issuer';
import { parseIssueTokenArgs, USAGE } from './args';

/** Prints a local staff token for the AUTH_* environment; exit 2 on bad arguments. */
async function main(argv: string[]): Promise<number> {
  const args = parseIssueTokenArgs(argv);
  switch (args.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'bad':
      process.stderr.write(`issue-token: ${args.problem}\n${USAGE}\n`);
      return 2;
    case 'issue': {
      const config = loadConfig(staffAuthConfigSchema);
      process.stdout.write(`${await issueLocalStaffToken(config, args.request)}\n`);
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A ConfigError lists every bad variable; its message is the whole report.
    process.stderr.write(
      `issue-token: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
