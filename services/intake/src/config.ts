import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';
import { DEFAULT_REGION_MUNICIPALITIES } from './domain/municipalities';
import { BUNDLED_MESSAGES_DIR } from './i18n/bundled';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/** Only these spellings: a typo such as 'flase' must stop the start, not silently mean true. */
const flag = (defaultValue: 'true' | 'false') =>
  z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).default(defaultValue === 'true');

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
 * The founders' link secret when FOUNDER_LINK_SECRET is unset. It is public (it is in this file):
 * production must set its own, and the service warns at start when it does not.
 */
export const DEVELOPMENT_LINK_SECRET = 'grunderboost-founder-links-development-only-secret';

export const configSchema = baseConfigSchema.extend({
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_intake'),
  KAFKA_BROKERS: list(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).default([
    '127.0.0.1:9092',
  ]),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .default(''),
  /** The region's municipalities (2024 kommunenummer); applications elsewhere are pre-triaged. */
  REGION_MUNICIPALITIES: list(
    z.string().regex(/^\d{4}$/, 'expected a 4-digit kommunenummer'),
  ).default([...DEFAULT_REGION_MUNICIPALITIES]),
  /** A business older than this many months is referred on by the pre-triage. */
  MAX_BUSINESS_AGE_MONTHS: z.coerce.number().int().min(1).max(600).default(36),
  /** Directory of the message catalogues (one <language>.json per language). */
  MESSAGES_DIR: z.string().min(1).default(BUNDLED_MESSAGES_DIR),
  DEFAULT_LANGUAGE: z.string().min(2).default('nb'),
  FOUNDER_LINK_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_LINK_SECRET),
  FOUNDER_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Where founders' status links point (the portal, or this API); id and token are appended. */
  FOUNDER_LINK_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:3001/applications'),
  /** New applications per client (IP) per minute; 0 turns the limit off (benchmarks). */
  CREATE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Development only: mounts POST /dev/token, which hands out staff tokens to anyone. */
  LOCAL_TOKEN_ISSUER: flag('false'),
  /** Test-only fault: false stores applications but never publishes (death after the write). */
  OUTBOX_RELAY_ENABLED: flag('true'),
  /** Test-only fault: exit 137 after Kafka acknowledged and before the outbox mark. */
  FAULT_EXIT_AFTER_PUBLISH: flag('false'),
});

export type Config = z.output<typeof configSchema>;
