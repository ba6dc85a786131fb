import type { ApiRoute, OpenApiOptions } from '@grunderboost/service-kit';
import { z } from 'zod';
import {
  createdSchema,
  erasureSchema,
  exportSchema,
  founderViewSchema,
  languagesSchema,
  searchResultSchema,
  staffViewSchema,
} from './response-schemas';
import {
  applicationChangeSchema,
  applicationParamsSchema,
  applicationRequestSchema,
  consentChangeSchema,
  idempotencyHeaderSchema,
  triageRequestSchema,
  withdrawalSchema,
} from './schemas';
import { searchQuerySchema } from './search-schemas';
import { backgroundCountRequestSchema, backgroundCountSchema } from './statistics-routes';

const language = z.object({
  'accept-language': z
    .string()
    .optional()
    .describe("The reader's languages; messages and problem texts follow it"),
});
const founderToken = z.object({
  'founder-token': z.string().optional().describe("The founder's link token (or ?token=)"),
});
const tokenQuery = z.object({ token: z.string().optional().describe("The founder's link token") });
const params = applicationParamsSchema;
const founderOrStaff = ['founderLink', 'founderLinkHeader', 'staffBearer'];

/** Every operation of the intake API, with the schemas its handler parses and sends. */
export function intakeApiRoutes(languages: readonly [string, ...string[]]): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/applications',
      operationId: 'submitApplication',
      summary: 'A founder applies for start-up guidance',
      description:
        'Retrying with the same Idempotency-Key returns the first application (200) instead of ' +
        'creating another. The response carries the personal status link.',
      tags: ['founders'],
      headers: idempotencyHeaderSchema.extend(language.shape),
      body: applicationRequestSchema(languages),
      rateLimited: true,
      responses: {
        201: { description: 'Created', body: createdSchema },
        200: { description: 'An earlier request with this Idempotency-Key', body: createdSchema },
        422: { description: 'A consent rule is not met' },
      },
    },
    {
      method: 'get',
      path: '/applications',
      operationId: 'searchApplications',
      summary: 'Staff list and search applications (newest first, cursor pagination)',
      tags: ['staff'],
      security: ['staffBearer'],
      query: searchQuerySchema,
      responses: { 200: { description: 'A page of applications', body: searchResultSchema } },
    },
    {
      method: 'get',
      path: '/applications/:id',
      operationId: 'getApplication',
      summary: 'The founder (with their link) or staff read an application',
      description: "Staff reads are recorded in the audit log; staff get the founder's id too.",
      tags: ['founders', 'staff'],
      security: founderOrStaff,
      params,
      query: tokenQuery,
      headers: founderToken.extend(language.shape),
      responses: {
        200: {
          description: 'The application',
          body: z.union([staffViewSchema, founderViewSchema]),
        },
      },
    },
    {
      method: 'patch',
      path: '/applications/:id',
      operationId: 'updateApplication',
      summary: 'Change an application until it is triaged',
      tags: ['founders', 'staff'],
      security: founderOrStaff,
      params,
      query: tokenQuery,
      headers: founderToken.extend(language.shape),
      body: applicationChangeSchema(languages),
      responses: {
        200: { description: 'The changed application', body: founderViewSchema },
        409: { description: 'Already triaged, withdrawn, or changed concurrently' },
      },
    },
    {
      method: 'post',
      path: '/applications/:id/withdrawal',
      operationId: 'withdrawApplication',
      summary: 'The founder withdraws their application',
      tags: ['founders'],
      security: founderOrStaff,
      params,
      query: tokenQuery,
      headers: founderToken.extend(language.shape),
      body: withdrawalSchema,
      responses: {
        200: { description: 'Withdrawn (also when it already was)', body: founderViewSchema },
        409: { description: 'The application is closed' },
      },
    },
    {
      method: 'post',
      path: '/applications/:id/triage',
      operationId: 'triageApplication',
      summary: "A counsellor's decision: accept, refer (with where and why) or decline",
      description: 'Also overrules a decision the automatic pre-triage took.',
      tags: ['staff'],
      security: ['staffBearer'],
      params,
      body: triageRequestSchema,
      responses: {
        200: { description: 'Triaged', body: staffViewSchema },
        409: { description: 'Already triaged by a counsellor, or closed' },
        422: { description: 'referredTo is missing for a referral, or given for another decision' },
      },
    },
    {
      method: 'put',
      path: '/applications/:id/consents',
      operationId: 'changeConsent',
      summary: 'The founder gives or withdraws one consent',
      tags: ['founders'],
      security: ['founderLink', 'founderLinkHeader'],
      params,
      query: tokenQuery,
      headers: founderToken.extend(language.shape),
      body: consentChangeSchema,
      responses: {
        200: { description: 'The application with its consents', body: founderViewSchema },
        409: { description: 'Processing consent is withdrawn by withdrawal or erasure instead' },
      },
    },
    {
      method: 'get',
      path: '/applications/:id/export',
      operationId: 'exportFounderData',
      summary: "The founder's data as JSON: every application, consent history and staff reads",
      tags: ['founders'],
      security: ['founderLink', 'founderLinkHeader', 'staffBearer'],
      params,
      query: tokenQuery,
      headers: founderToken,
      responses: { 200: { description: 'The export', body: exportSchema } },
    },
    {
      method: 'post',
      path: '/applications/:id/erasure',
      operationId: 'eraseFounderData',
      summary:
        "Erase the founder's personal data in every application, and tell the other services",
      tags: ['founders'],
      security: ['founderLink', 'founderLinkHeader', 'staffBearer'],
      params,
      query: tokenQuery,
      headers: founderToken,
      responses: { 202: { description: 'Erased here; others follow', body: erasureSchema } },
    },
    {
      method: 'post',
      path: '/statistics/background-count',
      operationId: 'countImmigrantBackground',
      summary: 'How many of the given founders have a consented immigrant background',
      description:
        'Counts founders with a non-erased application whose background consent is granted and ' +
        'whose background says immigrant background. Fewer than 5 are suppressed. Never says ' +
        'which founders; every call is audited with the number of ids (ADR 0011).',
      tags: ['statistics'],
      security: ['staffBearer'],
      body: backgroundCountRequestSchema,
      responses: {
        200: { description: 'The count, or suppressed', body: backgroundCountSchema },
        403: { description: 'Only analysts and administrators' },
      },
    },
    {
      method: 'get',
      path: '/languages',
      operationId: 'listLanguages',
      summary: 'The languages of the message catalogue, with their writing direction',
      tags: ['founders'],
      responses: { 200: { description: 'The languages', body: languagesSchema } },
    },
  ];
}

export function intakeApiDocument(languages: readonly [string, ...string[]]): OpenApiOptions {
  return {
    title: 'Gründerboost intake API',
    version: '1.0.0',
    description:
      'Founders apply for start-up guidance, follow their application through a personal link, ' +
      'and control their consents and data; staff search and triage applications. Errors are ' +
      'RFC 9457 problem+json, in the language of Accept-Language or the founder’s preference.',
    servers: [{ url: 'http://127.0.0.1:3001', description: 'local development' }],
    securitySchemes: {
      staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      founderLink: { type: 'apiKey', in: 'query', name: 'token' },
      founderLinkHeader: { type: 'apiKey', in: 'header', name: 'founder-token' },
    },
    routes: intakeApiRoutes(languages),
  };
}
