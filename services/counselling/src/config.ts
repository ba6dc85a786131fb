import { baseConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/** Until counsellors are managed in the service, three fixed ids stand for the team. */
export const DEFAULT_COUNSELLOR_IDS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

const commaList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

export const configSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL')
    .default('mongodb://127.0.0.1:27017/grunderboost_counselling'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform(commaList)
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).min(1)),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(TOPIC_PREFIX, 'expected letters, digits, ".", "_" or "-"')
    .default(''),
  COUNSELLOR_IDS: z
    .string()
    .default(DEFAULT_COUNSELLOR_IDS.join(','))
    .transform(commaList)
    .pipe(
      z
        .array(z.uuid('expected comma-separated uuids'))
        .min(1, 'expected at least one counsellor id')
        .refine((ids) => new Set(ids).size === ids.length, 'expected no repeated ids'),
    ),
});

export type Config = z.output<typeof configSchema>;
