import { buildOpenApiDocument, type ApiRoute, type JsonObject } from '@grunderboost/service-kit';
import * as out from './response-schemas';
import * as input from './schemas';

const staff = ['staffBearer'];
const founder = ['founderLink', 'founderLinkHeader'];

function followUpApiRoutes(): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/follow-ups',
      operationId: 'openFollowUp',
      summary: 'Open the follow-up of a founder at a milestone (called by the journey workflow)',
      description:
        'Idempotent per founder and milestone: a retry returns the same follow-up with 200 and ' +
        'a fresh survey link; the same milestone with another registeredOn is a 409.',
      tags: ['follow-ups'],
      security: staff,
      body: input.openFollowUpSchema,
      responses: {
        201: { description: 'Opened', body: out.openedFollowUpSchema },
        200: { description: 'Opened before', body: out.openedFollowUpSchema },
        409: { description: 'Opened before with another registration date' },
      },
    },
    {
      method: 'get',
      path: '/follow-ups',
      operationId: 'listFollowUps',
      summary: 'Follow-ups by founder and status, oldest due first (cursor pagination)',
      tags: ['follow-ups'],
      security: staff,
      query: input.listQuerySchema,
      responses: { 200: { description: 'A page', body: out.followUpPageSchema } },
    },
    {
      method: 'get',
      path: '/follow-ups/:id',
      operationId: 'getFollowUp',
      summary: 'One follow-up, for staff or the founder through the survey link',
      tags: ['follow-ups'],
      security: [...founder, ...staff],
      params: input.followUpParamsSchema,
      query: input.tokenQuerySchema,
      responses: { 200: { description: 'OK', body: out.followUpSchema } },
    },
    {
      method: 'post',
      path: '/follow-ups/:id/answers',
      operationId: 'answerFollowUp',
      summary: "The founder's survey answers (once)",
      tags: ['follow-ups'],
      security: founder,
      params: input.followUpParamsSchema,
      query: input.tokenQuerySchema,
      body: input.answersSchema,
      responses: {
        201: {
          description: 'Answered; followup.OutcomeReported follows',
          body: out.followUpSchema,
        },
        409: { description: 'Answered already, or erased' },
      },
    },
    {
      method: 'post',
      path: '/verifications',
      operationId: 'verifyRegistration',
      summary: "Check a founder's company in Enhetsregisteret",
      description: 'Emits followup.CompanyRegistrationVerified (without the organisation number).',
      tags: ['registrations'],
      security: staff,
      body: input.verifySchema,
      responses: {
        201: { description: 'Checked', body: out.verificationSchema },
        422: { description: 'followUpId names no follow-up of this founder' },
        502: { description: 'The register answered in an unexpected way' },
        503: { description: 'The register did not answer in time; try again later' },
      },
    },
    {
      method: 'get',
      path: '/verifications/:founderId',
      operationId: 'getLatestVerification',
      summary: "The latest check of a founder's company",
      tags: ['registrations'],
      security: staff,
      params: input.founderParamsSchema,
      responses: { 200: { description: 'OK', body: out.verificationSchema } },
    },
  ];
}

export function followUpOpenApi(): JsonObject {
  return buildOpenApiDocument({
    title: 'Gründerboost follow-up API',
    version: '1.0.0',
    description:
      'Follow-ups at 3, 6, 12, 24 and 36 months after registration, the founder survey and ' +
      'checks in Enhetsregisteret. Errors are application/problem+json.',
    securitySchemes: {
      staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      founderLink: {
        type: 'apiKey',
        name: 'token',
        in: 'query',
        description: 'The survey link token',
      },
      founderLinkHeader: { type: 'apiKey', name: 'founder-token', in: 'header' },
    },
    routes: followUpApiRoutes(),
  });
}
