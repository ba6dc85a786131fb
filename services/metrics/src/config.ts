import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/** The metrics service's fixed identity when it asks intake (ADR 0011). */
export const METRICS_STAFF_ID = '6d2f1c3e-8b4a-4f7e-9c1d-2a5b7e9f0c31';

export const configSchema = baseConfigSchema.extend({
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_metrics'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((list) =>
      list
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker !== ''),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .default(''),
  METRICS_CONSUMER_GROUP: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .min(1)
    .default('metrics'),
  /** How often the service looks whether a rebuild switched the active projection version. */
  METRICS_VERSION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Intake, which alone holds the background data behind Internasjonale Drammen (ADR 0011). */
  INTAKE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  INTAKE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Metrics' staff id towards intake (in intake's audit log). Development: tokens minted with the
   * shared local secret, like the journey worker's; production: a client-credentials token.
   */
  METRICS_STAFF_ID: z.uuid().default(METRICS_STAFF_ID),
  /** Founders with immigrant background operating or employed that the programme aims for. */
  INTERNASJONALE_DRAMMEN_GOAL: z.coerce.number().int().min(1).default(50),
  /** Imports of public statistics are CSV files with a few thousand lines. */
  BODY_LIMIT: baseConfigSchema.shape.BODY_LIMIT.unwrap().default('2mb'),
});

export type Config = z.output<typeof configSchema>;
