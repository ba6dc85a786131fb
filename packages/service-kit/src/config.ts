import type { Logger } from 'pino';
import { z } from 'zod';

/** Environment variables every service reads; extend it: baseConfigSchema.extend({ ... }). */
export const baseConfigSchema = z.object({
  /** 0 lets the OS pick a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(0),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted JSON body, in body-parser's notation ('100kb', '1mb'). */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'expected a size such as 100kb or 1mb')
    .default('100kb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;

export class ConfigError extends Error {
  /** One line per bad or missing variable. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

// Values of these variables are secrets: an error message must not print them.
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_KEY|CREDENTIAL/i;

function shown(name: string, raw: string): string {
  return SECRET_NAME.test(name) ? "'[redacted]'" : `'${raw}'`;
}

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const name = issue.path.map(String).join('.') || '(configuration)';
  const raw = issue.path.length > 0 ? env[String(issue.path[0])] : undefined;
  if (issue.code === 'invalid_type') {
    // zod's own text names the coerced value (e.g. NaN); the operator needs what they typed.
    return raw === undefined
      ? `${name}: missing, expected ${issue.expected}`
      : `${name}: expected ${issue.expected}, received ${shown(name, raw)}`;
  }
  const problem = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return raw === undefined
    ? `${name}: ${problem}`
    : `${name}: ${problem}, received ${shown(name, raw)}`;
}

/**
 * Parses the environment with the service's schema. Coercing strings to numbers or booleans is
 * the schema's job (z.coerce.number()). Throws a ConfigError listing every problem at once, so
 * an operator fixes them in one go instead of one restart per variable.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, env)));
  }
  return result.data;
}

/** loadConfig for a service's main: a bad configuration stops the process at once (exit 1). */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, logger?: Logger): z.output<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw error;
    }
    logger?.fatal({ problems: error.problems }, 'invalid configuration');
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}
