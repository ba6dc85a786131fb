import { z } from 'zod';
import { baseConfigSchema } from '@grunderboost/service-kit';

const temporalSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('founder-journeys'),
});

export const workerConfigSchema = baseConfigSchema.extend({
  ...temporalSchema.shape,
  COUNSELLING_URL: z.url().default('http://127.0.0.1:3002'),
});
export type WorkerConfig = z.output<typeof workerConfigSchema>;

export const bridgeConfigSchema = baseConfigSchema.extend({
  ...temporalSchema.shape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3010),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  MONGO_URL: z.string().min(1).default('mongodb://127.0.0.1:27017/grunderboost_bridge'),
  BRIDGE_CONSUMER_GROUP: z.string().min(1).default('journey-bridge'),
});
export type BridgeConfig = z.output<typeof bridgeConfigSchema>;

export const journeyWorkflowId = (founderId: string): string => `FounderJourney:${founderId}`;
