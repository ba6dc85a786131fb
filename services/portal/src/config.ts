import { z } from 'zod';

const url = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);

/** Only these spellings: a typo such as 'flase' must stop the start, not silently mean true. */
const flag = z.stringbool({ truthy: ['true', '1'], falsy: ['false', '0'] }).default(false);

const QUARTER = /^\d{4}K[1-4]$/;

/** The region's municipalities (2024 kommunenummer), as intake's pre-triage knows them. */
const REGION = ['3301', '3312', '3314', '3316', '3318', '3332', '3903'];

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INTAKE_URL: url('http://127.0.0.1:3001'),
  COUNSELLING_URL: url('http://127.0.0.1:3002'),
  METRICS_URL: url('http://127.0.0.1:3003'),
  FOLLOW_UP_URL: url('http://127.0.0.1:3004'),
  /** The journey bridge (workflows/): journeys in Temporal and mentorships. */
  JOURNEYS_URL: url('http://127.0.0.1:3010'),
  DEFAULT_LANGUAGE: z.string().min(2).default('nb'),
  /** The version of the consent texts the form shows; stored with each consent. */
  CONSENT_TEXT_VERSION: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/)
    .default('2026-01'),
  /**
   * How the dashboard reads the metrics service's staff-only figures (ADR 0014): a bearer token
   * the deployment provides (role analyst), or in development one fetched from intake's local
   * token issuer. Without either the dashboard shows the open summary only.
   */
  METRICS_TOKEN: z.string().min(20).optional(),
  METRICS_DEV_TOKEN: flag,
  /** The portal's staff id in the development tokens (it shows in the services' logs). */
  PORTAL_STAFF_ID: z.string().min(1).max(128).default('portal-dashboard'),
  /** The Næringsvekst span and municipalities the dashboard shows (quarters like 2019K4). */
  NAERINGSVEKST_FROM: z.string().regex(QUARTER, 'expected a quarter like 2019K4').default('2019K4'),
  /** Unset: the last complete quarter. */
  NAERINGSVEKST_TO: z.string().regex(QUARTER, 'expected a quarter like 2024K4').optional(),
  NAERINGSVEKST_MUNICIPALITIES: z
    .string()
    .transform((value) => value.split(',').map((entry) => entry.trim()))
    .pipe(z.array(z.string().regex(/^\d{4}$/, 'expected a 4-digit kommunenummer')).min(1))
    .default(REGION),
});

export type Config = z.output<typeof configSchema>;
