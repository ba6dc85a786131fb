import { z } from 'zod';

const url = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);

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
});

export type Config = z.output<typeof configSchema>;
