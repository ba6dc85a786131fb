import { z } from 'zod';
import { staffAuthConfigSchema } from '@grunderboost/auth';
import { baseConfigSchema, mongoPoolConfigSchema } from '@grunderboost/service-kit';
import { DEFAULT_TIMINGS, type JourneyTimings } from './workflows/journey-model';

const temporalSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('founder-journeys'),
});

const kafkaSchema = z.object({
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
});

export const workerConfigSchema = baseConfigSchema.extend({
  ...temporalSchema.shape,
  ...kafkaSchema.shape,
  ...staffAuthConfigSchema.shape,
  COUNSELLING_URL: z.url().default('http://127.0.0.1:3002'),
  INTAKE_URL: z.url().default('http://127.0.0.1:3001'),
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z.string().min(1).default('mongodb://127.0.0.1:27017/grunderboost_journey_worker'),
  SMTP_URL: z.string().min(1).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Gründerboost <ikke-svar@grunderboost.local>'),
  LEAD_EMAIL: z.email().default('veiledning-leder@grunderboost.local'),
  /** The worker's service identity towards intake (development: a locally minted staff token). */
  WORKER_STAFF_ID: z.uuid().default('00000000-0000-4000-8000-00000000f10e'),
});
export type WorkerConfig = z.output<typeof workerConfigSchema>;

/**
 * The same public development secret as intake, which issues the founders' links; production
 * sets FOUNDER_LINK_SECRET in intake, counselling and the bridge.
 */
export const DEVELOPMENT_LINK_SECRET = 'grunderboost-founder-links-development-only-secret';

const positive = z.coerce.number().int().positive();
/** 0 working days: at once after the assignment (used by the worker-kill test). */
const workingDays = z.coerce.number().int().min(0);
export const bridgeConfigSchema = baseConfigSchema.extend({
  ...temporalSchema.shape,
  ...kafkaSchema.shape,
  // Staff tokens for the mentorship routes.
  ...staffAuthConfigSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3010),
  ...mongoPoolConfigSchema.shape,
  MONGO_URL: z.string().min(1).default('mongodb://127.0.0.1:27017/grunderboost_bridge'),
  /** A founder reads their own journey with their link: checked here, then with intake. */
  FOUNDER_LINK_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters')
    .default(DEVELOPMENT_LINK_SECRET),
  INTAKE_URL: z.url().default('http://127.0.0.1:3001'),
  BRIDGE_CONSUMER_GROUP: z.string().min(1).default('journey-bridge'),
  FIRST_SESSION_REMINDER_WORKING_DAYS: workingDays.default(
    DEFAULT_TIMINGS.firstSessionReminderWorkingDays,
  ),
  FIRST_SESSION_ESCALATION_WORKING_DAYS: workingDays.default(
    DEFAULT_TIMINGS.firstSessionEscalationWorkingDays,
  ),
  INACTIVITY_CHECK_IN_DAYS: positive.default(DEFAULT_TIMINGS.inactivityCheckInDays),
  CLOSE_AFTER_CHECK_IN_DAYS: positive.default(DEFAULT_TIMINGS.closeAfterCheckInDays),
  FOLLOW_UP_MONTHS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated months, e.g. 3,6,12,24,36')
    .default(DEFAULT_TIMINGS.followUpMonths.join(',')),
});
export type BridgeConfig = z.output<typeof bridgeConfigSchema>;

/** The durations each new journey starts with (running journeys keep theirs). */
export function timingsOf(config: BridgeConfig): JourneyTimings {
  return {
    firstSessionReminderWorkingDays: config.FIRST_SESSION_REMINDER_WORKING_DAYS,
    firstSessionEscalationWorkingDays: config.FIRST_SESSION_ESCALATION_WORKING_DAYS,
    inactivityCheckInDays: config.INACTIVITY_CHECK_IN_DAYS,
    closeAfterCheckInDays: config.CLOSE_AFTER_CHECK_IN_DAYS,
    followUpMonths: config.FOLLOW_UP_MONTHS.split(',').map(Number),
  };
}

export const journeyWorkflowId = (founderId: string): string => `FounderJourney:${founderId}`;
export const mentorshipWorkflowId = (founderId: string): string => `Mentorship:${founderId}`;
