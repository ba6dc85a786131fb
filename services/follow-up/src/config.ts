import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

const list = (item: z.ZodString) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(item).min(1));

/**
 * The survey links' secret when FOLLOW_UP_LINK_SECRET is unset. It is public (it is in this
 * file): production must set its own, and the service warns at start when it does not.
 */
export const DEVELOPMENT_LINK_SECRET = 'grunderboost-follow-up-links-development-only-secret';

/** The audience of survey links: a link of intake's (another audience) opens nothing here. */
export const FOLLOW_UP_LINK_AUDIENCE = 'grunderboost-follow-up';

export const configSchema = baseConfigSchema.extend({
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_follow_up'),
  KAFKA_BROKERS: list(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).default([
    '127.0.0.1:9092',
  ]),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .default(''),
  /** Consumer group of the erasure consumer (intake.FounderErasureRequested.v1). */
  KAFKA_GROUP_ID: z.string().min(1).default('follow-up'),
  FOLLOW_UP_LINK_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_LINK_SECRET),
  /** How long a survey link stays valid after the follow-up is opened. */
  FOLLOW_UP_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /** Where survey links point (the portal, or this API); id and token are appended. */
  FOLLOW_UP_LINK_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:3004/follow-ups'),
  /** A follow-up not answered this many days after it fell due is overdue. */
  OVERDUE_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** Enhetsregisteret's open API; tests point it at a local server. */
  BRREG_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://data.brreg.no/enhetsregisteret/api'),
  BRREG_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /** Attempts per check, the first included; only 5xx, timeouts and network errors retry. */
  BRREG_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  BRREG_BACKOFF_MS: z.coerce.number().int().min(0).max(10_000).default(200),
});

export type Config = z.output<typeof configSchema>;
