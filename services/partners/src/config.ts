import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/** Public development secret; production sets PSEUDONYM_KEY (the service warns when unset). */
export const DEVELOPMENT_PSEUDONYM_KEY = 'grunderboost-partner-pseudonyms-development-only-key';

const commaList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const configSchema = baseConfigSchema.extend({
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3005),
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_partners'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform(commaList)
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .default(''),
  /** Master secret of the per-partner pseudonym keys; kept apart from the API key hashes. */
  PSEUDONYM_KEY: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_PSEUDONYM_KEY),
  /** First retry after about this long; doubles per attempt up to WEBHOOK_BACKOFF_MAX_MS. */
  WEBHOOK_BACKOFF_INITIAL_MS: whole(1, 3_600_000, 5_000),
  WEBHOOK_BACKOFF_MAX_MS: whole(1, 86_400_000, 3_600_000),
  /** An endpoint is disabled when a delivery failed this often AND it has failed this long. */
  WEBHOOK_DISABLE_AFTER_ATTEMPTS: whole(1, 1_000, 15),
  WEBHOOK_DISABLE_AFTER_MS: whole(0, 30 * 86_400_000, 3 * 86_400_000),
  WEBHOOK_TIMEOUT_MS: whole(100, 60_000, 10_000),
  /** How often the delivery worker looks for due deliveries when nothing nudges it. */
  WEBHOOK_POLL_MS: whole(10, 600_000, 1_000),
});

export type Config = z.output<typeof configSchema>;
