import { baseConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/** Only these spellings: a typo such as 'flase' must stop the start, not silently mean true. */
const flag = (defaultValue: 'true' | 'false') =>
  z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).default(defaultValue === 'true');

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_intake'),
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
  /** Test-only fault: false stores applications but never publishes (death after the write). */
  OUTBOX_RELAY_ENABLED: flag('true'),
  /** Test-only fault: exit 137 after Kafka acknowledged and before the outbox mark. */
  FAULT_EXIT_AFTER_PUBLISH: flag('false'),
});

export type Config = z.output<typeof configSchema>;
