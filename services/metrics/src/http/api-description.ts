import { buildOpenApiDocument, type ApiRoute, type JsonObject } from '@grunderboost/service-kit';
import { z } from 'zod';
import { reportQueryObject } from './report-query';
import { formatQuery } from './indicator-routes';
import { indicatorQuery } from './statistics-routes';

const staff = ['staffBearer'];
const shown = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
const csv = { description: 'The same rows as CSV (RFC 4180)' };
/** `?format=csv` or `Accept: text/csv` turns every figure response into CSV. */
const alsoAsCsv = ['text/csv'];

const reportBody = z.object({
  report: z.string(),
  period: z.enum(['month', 'quarter']),
  dimension: z.string(),
  smallGroupThreshold: z.number().int(),
  rows: z.array(
    z.object({
      period: z.string(),
      dimension: z.string(),
      value: z.string(),
      figures: z.record(z.string(), shown),
    }),
  ),
});

const naeringsvekstBody = z.object({
  from: z.string(),
  to: z.string(),
  municipalities: z.array(z.string()),
  newInhabitants: z.number(),
  newJobs: z.number(),
  jobsPerNewInhabitant: z.number().nullable(),
  goal: z.number(),
  met: z.boolean(),
  jobsFromHelpedFounders: shown,
});

const report = (path: string, operationId: string, summary: string): ApiRoute => ({
  method: 'get',
  path,
  operationId,
  summary,
  description:
    'JSON, or CSV with `?format=csv` or `Accept: text/csv`. A figure about fewer than 5 founders is `null` with `suppressed: true` (in CSV: empty, `<figure>Suppressed` true). Roles: analyst, lead, admin.',
  tags: ['figures'],
  security: staff,
  query: reportQueryObject,
  responses: {
    200: {
      description: 'Rows per period and dimension value',
      body: reportBody,
      alsoAs: alsoAsCsv,
    },
  },
});

const importRoute = (kind: 'population' | 'jobs'): ApiRoute => ({
  method: 'post',
  path: `/statistics/${kind}`,
  operationId: `import${kind === 'jobs' ? 'Jobs' : 'Population'}`,
  summary: `Import public ${kind} figures per municipality and quarter`,
  description: `A \`text/csv\` body with the header \`municipality,quarter,${kind}\` and rows like \`3301,2019K4,1000\`. A bad line refuses the whole import with 400 and \`errors: [{line, message}]\`. Roles: analyst, admin.`,
  tags: ['statistics'],
  security: staff,
  responses: {
    200: {
      description: 'Imported',
      body: z.object({ kind: z.literal(kind), imported: z.number().int() }),
    },
    415: { description: 'Not text/csv' },
  },
});

export function metricsApiRoutes(): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/metrics/summary',
      operationId: 'getSummary',
      summary: 'Counts of applications and assignments (open, the walking skeleton)',
      tags: ['figures'],
      responses: {
        200: {
          description: 'OK',
          body: z.object({
            applications: z.number().int(),
            assignments: z.number().int(),
            updatedAt: z.string().nullable(),
          }),
        },
      },
    },
    report('/metrics/funnel', 'getFunnel', 'The funnel by month or quarter of application'),
    report('/metrics/outcomes', 'getOutcomes', 'Sessions, no-shows, jobs (FTE) and funding'),
    importRoute('population'),
    importRoute('jobs'),
    {
      method: 'get',
      path: '/indicators/naeringsvekst',
      operationId: 'getNaeringsvekst',
      summary: 'New jobs per new inhabitant against the goal of one job per two inhabitants',
      description: `JSON or CSV. 422 with \`missing\` when public statistics for the span's first or last quarter are not imported. ${csv.description}.`,
      tags: ['indicators'],
      security: staff,
      query: indicatorQuery,
      responses: {
        200: { description: 'The indicator', body: naeringsvekstBody, alsoAs: alsoAsCsv },
        422: { description: 'Statistics missing' },
      },
    },
    {
      method: 'get',
      path: '/indicators/internasjonale-drammen',
      operationId: 'getInternasjonaleDrammen',
      summary:
        'Founders with consented immigrant background who are operating or employed, against the goal',
      description: `Counted by intake from the founders metrics sees operating (a follow-up said still operating) or employed (FTE > 0); fewer than 5 are \`null\` with \`suppressed: true\` and \`met: null\`. 503 with Retry-After when intake does not answer. JSON or CSV. Roles: analyst, lead, admin.`,
      tags: ['indicators'],
      security: staff,
      query: formatQuery,
      responses: {
        200: {
          description: 'The indicator',
          body: z.object({
            founders: z.number().int().nullable(),
            suppressed: z.boolean(),
            goal: z.number().int(),
            met: z.boolean().nullable(),
          }),
          alsoAs: alsoAsCsv,
        },
        503: { description: 'Intake did not answer; retry after Retry-After seconds' },
      },
    },
  ];
}

export function metricsOpenApi(): JsonObject {
  return buildOpenApiDocument({
    title: 'Gründerboost metrics API',
    version: '1.0.0',
    description:
      'Business-growth figures from incremental projections of the platform events, with small-group suppression (k = 5). Errors are application/problem+json.',
    securitySchemes: { staffBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    routes: metricsApiRoutes(),
  });
}
