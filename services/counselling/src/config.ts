import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { z } from 'zod';

/** Kafka topic names allow only these characters; the prefix becomes part of every name. */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]*$/;

/**
 * The starting team: counsellors with these ids are added (with a default profile a lead then
 * edits) when they are not yet known, so a fresh installation assigns founders out of the box.
 */
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

/**
 * The same public development secret as the intake service, which issues the founders' links.
 * Production sets FOUNDER_LINK_SECRET in both; the service warns at start when it is unset.
 */
export const DEVELOPMENT_LINK_SECRET = 'grunderboost-founder-links-development-only-secret';
export const DEVELOPMENT_CALENDAR_SECRET = 'grunderboost-calendar-feeds-development-only-secret';

const whole = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const configSchema = baseConfigSchema.extend({
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  // Not z.url(): a replica-set URL (mongodb://a:27017,b:27017/db) is no WHATWG URL.
  ...mongoPoolConfigSchema.shape,
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
  FOUNDER_LINK_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_LINK_SECRET),
  /** Signs the counsellors' calendar feed links (calendar apps cannot send bearer tokens). */
  CALENDAR_FEED_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_CALENDAR_SECRET),
  FREE_SESSIONS: whole(0, 100, 5),
  FIRST_MEETING_WITHIN_DAYS: whole(1, 90, 10),
  FOLLOW_UP_WITHIN_DAYS: whole(1, 365, 30),
});

export type Config = z.output<typeof configSchema>;
