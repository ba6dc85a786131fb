import { parseArgs } from 'node:util';
import { localTokenRequestSchema, type LocalTokenRequest } from '../local-issuer';
import { STAFF_ROLES } from '../roles';

export const USAGE = `usage: pnpm --filter @grunderboost/auth issue-token -- --staff <staff-id> --role <${STAFF_ROLES.join('|')}> [--role ...] [--ttl <seconds>]`;

export type ParsedArgs =
  | { kind: 'issue'; request: LocalTokenRequest }
  | { kind: 'help' }
  | { kind: 'bad'; problem: string };

const FLAG_OF: Record<string, string> = {
  staffId: '--staff',
  roles: '--role',
  ttlSeconds: '--ttl',
};

function readFlags(argv: string[]) {
  return parseArgs({
    // pnpm may hand over the `--` that separates its own options from the script's.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      staff: { type: 'string' },
      role: { type: 'string', multiple: true },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** Reads the issue-token command line; never throws. */
export function parseIssueTokenArgs(argv: string[]): ParsedArgs {
  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags(argv);
  } catch (error) {
    return { kind: 'bad', problem: error instanceof Error ? error.message : String(error) };
  }
  if (flags.help === true) {
    return { kind: 'help' };
  }
  const result = localTokenRequestSchema.safeParse({
    staffId: flags.staff,
    roles: flags.role ?? [],
    ttlSeconds: flags.ttl === undefined ? undefined : Number(flags.ttl),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const flag = FLAG_OF[String(issue?.path[0])] ?? 'arguments';
    return { kind: 'bad', problem: `${flag}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'issue', request: result.data };
}
