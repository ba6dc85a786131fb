import { partnerCategories } from '@grunderboost/contracts';
import { buildOpenApiDocument, type ApiRoute, type JsonObject } from '@grunderboost/service-kit';
import { z } from 'zod';
import { deliverableTypes } from '../domain/partner';
import * as input from './schemas';

const admin = ['staffBearer'];
const partner = ['apiKeyBearer', 'apiKeyHeader'];

const partnerOut = z.object({
  partnerId: z.string(),
  name: z.string(),
  category: z.enum(partnerCategories),
  agreement: z.array(
    z.object({ eventType: z.enum(deliverableTypes), fields: z.array(z.string()) }),
  ),
});
const keyOut = z.object({
  keyId: z.uuid(),
  partnerId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
const subscriptionOut = z.object({
  subscriptionId: z.uuid(),
  partnerId: z.string(),
  eventTypes: z.array(z.enum(deliverableTypes)),
  filters: z.record(z.string(), z.array(z.string())),
  createdAt: z.string(),
  webhook: z
    .object({
      url: z.string(),
      disabled: z.boolean(),
      disabledAt: z.string().optional(),
      failingSince: z.string().optional(),
    })
    .optional(),
});
const deliveryOut = z.object({
  webhookId: z.string(),
  subscriptionId: z.uuid(),
  eventType: z.string().optional(),
  eventTime: z.string(),
  status: z.enum(['pending', 'delivered', 'withheld', 'erased']),
  attempts: z.number().int(),
  log: z.array(z.object({ at: z.string(), outcome: z.string() })),
  cursor: z.string(),
});

const ok = (body: z.ZodType, description = 'OK') => ({ 200: { description, body } });

function adminApi(): ApiRoute[] {
  const tags = ['registry'];
  return [
    {
      method: 'get',
      path: '/partners',
      operationId: 'listPartners',
      summary: 'All partners with their agreements',
      tags,
      security: admin,
      responses: ok(z.object({ partners: z.array(partnerOut) })),
    },
    {
      method: 'post',
      path: '/partners',
      operationId: 'registerPartner',
      summary: 'Register a partner',
      tags,
      security: admin,
      body: input.newPartnerSchema,
      responses: {
        201: { description: 'Registered', body: partnerOut },
        409: { description: 'The id is taken' },
      },
    },
    {
      method: 'get',
      path: '/partners/:partnerId',
      operationId: 'getPartner',
      summary: 'One partner',
      tags,
      security: admin,
      params: input.partnerParamsSchema,
      responses: ok(partnerOut),
    },
    {
      method: 'put',
      path: '/partners/:partnerId/agreement',
      operationId: 'setAgreement',
      summary: 'Which event types and fields the partner may receive',
      tags,
      security: admin,
      params: input.partnerParamsSchema,
      body: input.agreementSchema,
      responses: ok(partnerOut),
    },
    {
      method: 'get',
      path: '/partners/:partnerId/keys',
      operationId: 'listKeys',
      summary: "The partner's API keys (never the keys themselves)",
      tags,
      security: admin,
      params: input.partnerParamsSchema,
      responses: ok(z.object({ keys: z.array(keyOut) })),
    },
    {
      method: 'post',
      path: '/partners/:partnerId/keys',
      operationId: 'issueKey',
      summary: 'A new API key, shown once; graceSeconds ends the other keys after that grace',
      tags,
      security: admin,
      params: input.partnerParamsSchema,
      body: input.newKeySchema,
      responses: {
        201: {
          description: 'Issued',
          body: z.object({ keyId: z.uuid(), apiKey: z.string(), createdAt: z.string() }),
        },
      },
    },
    {
      method: 'delete',
      path: '/partners/:partnerId/keys/:keyId',
      operationId: 'revokeKey',
      summary: 'Revoke a key at once',
      tags,
      security: admin,
      params: input.keyParamsSchema,
      responses: { 204: { description: 'Revoked' } },
    },
  ];
}

function partnerApi(): ApiRoute[] {
  const tags = ['partner'];
  return [
    {
      method: 'get',
      path: '/subscriptions',
      operationId: 'listSubscriptions',
      summary: 'Your subscriptions',
      tags,
      security: partner,
      responses: ok(z.object({ subscriptions: z.array(subscriptionOut) })),
    },
    {
      method: 'post',
      path: '/subscriptions',
      operationId: 'subscribe',
      summary: 'Subscribe to event types your agreement covers, with optional filters',
      tags,
      security: partner,
      body: input.subscriptionSchema,
      responses: {
        201: { description: 'Subscribed', body: subscriptionOut },
        422: { description: 'Outside your agreement' },
      },
    },
    {
      method: 'get',
      path: '/subscriptions/:subscriptionId',
      operationId: 'getSubscription',
      summary: 'One subscription',
      tags,
      security: partner,
      params: input.subscriptionParamsSchema,
      responses: ok(subscriptionOut),
    },
    {
      method: 'delete',
      path: '/subscriptions/:subscriptionId',
      operationId: 'unsubscribe',
      summary: 'Delete a subscription',
      tags,
      security: partner,
      params: input.subscriptionParamsSchema,
      responses: { 204: { description: 'Deleted' } },
    },
    {
      method: 'post',
      path: '/subscriptions/:subscriptionId/webhook',
      operationId: 'setWebhook',
      summary:
        'Set the webhook URL; returns the whsec_ signing secret once (also re-enables a disabled endpoint)',
      tags,
      security: partner,
      params: input.subscriptionParamsSchema,
      body: input.webhookSchema,
      responses: {
        201: { description: 'Set', body: z.object({ url: z.string(), secret: z.string() }) },
      },
    },
    {
      method: 'post',
      path: '/replays',
      operationId: 'replay',
      summary: 'Deliver again everything since a time (same webhook-id)',
      tags,
      security: partner,
      body: input.replaySchema,
      responses: {
        202: { description: 'Queued', body: z.object({ queued: z.number().int() }) },
        404: { description: 'The subscriptionId is not one of your subscriptions' },
      },
    },
    {
      method: 'get',
      path: '/deliveries',
      operationId: 'listDeliveries',
      summary: 'Your delivery log, oldest first; pass `next` as `after` for the next page',
      tags,
      security: partner,
      query: input.deliveriesQuerySchema,
      responses: ok(z.object({ deliveries: z.array(deliveryOut), next: z.string().optional() })),
    },
  ];
}

export function partnersOpenApi(): JsonObject {
  return buildOpenApiDocument({
    title: 'Gründerboost partners API',
    version: '1.0.0',
    description:
      'Partner registry (admin), and for partners: subscriptions, Standard Webhooks endpoints, replays and the delivery log. Errors are application/problem+json.',
    securitySchemes: {
      staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      apiKeyBearer: { type: 'http', scheme: 'bearer', description: 'A partner API key' },
      apiKeyHeader: { type: 'apiKey', name: 'X-Api-Key', in: 'header' },
    },
    routes: [...adminApi(), ...partnerApi()],
  });
}
