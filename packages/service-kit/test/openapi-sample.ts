import { z } from 'zod';
import { queryList, type ApiRoute, type OpenApiOptions } from '../src';

/**
 * A small API in the shape of the real services: a public form, staff-only reads with paths,
 * queries and headers, a CSV export, and a recursive schema. A function, so each call builds
 * fresh zod objects (the determinism test compares two such builds).
 */
export function sampleApi(): OpenApiOptions {
  const Address = z
    .object({ street: z.string(), postcode: z.string().regex(/^\d{4}$/) })
    .meta({ id: 'Address' });
  const ApplicationInput = z.object({
    founderName: z.string().min(1).describe('As on the ID document'),
    address: Address,
    submittedAt: z.coerce.date(),
    channel: z.enum(['web', 'phone']).default('web'),
  });
  const Application = ApplicationInput.extend({
    id: z.uuid(),
    receivedAt: z.date(),
    nameLength: z.string().transform((value) => value.length),
  });
  const Topic: z.ZodType<{ title: string; children: unknown[] }> = z.lazy(() =>
    z.object({ title: z.string(), children: z.array(Topic) }),
  );

  const routes: ApiRoute[] = [
    {
      method: 'post',
      path: '/applications',
      operationId: 'submitApplication',
      summary: 'Submit an application',
      tags: ['applications'],
      headers: z.object({
        'idempotency-key': z.string().min(8).describe('Repeats with the same key are no-ops'),
        'accept-language': z.string().optional(),
      }),
      body: ApplicationInput,
      rateLimited: true,
      responses: {
        201: {
          description: 'Received',
          body: Application,
          headers: z.object({ location: z.string().describe('The new resource') }),
        },
        409: { description: 'Already submitted' },
      },
    },
    {
      method: 'get',
      path: '/applications/:id',
      operationId: 'getApplication',
      summary: 'One application',
      security: ['staff', 'founderLink'],
      params: z.object({ id: z.uuid().describe('Application id') }),
      responses: { 200: { description: 'The application', body: Application } },
    },
    {
      method: 'get',
      path: '/applications',
      operationId: 'listApplications',
      summary: 'Search applications',
      security: ['staff'],
      query: z.object({
        status: queryList(z.enum(['new', 'triaged'])),
        page: z.coerce.number().int().min(1).default(1),
        q: z.string().min(2),
      }),
      responses: {
        200: { description: 'Matching applications', body: z.array(Application) },
        206: { description: 'As CSV', contentType: 'text/csv' },
      },
    },
    {
      method: 'get',
      path: '/municipalities/:municipality/topics/:topicId',
      operationId: 'getTopic',
      summary: 'A topic tree',
      params: z.object({ topicId: z.string().regex(/^[a-z-]+$/) }),
      responses: { 200: { description: 'The topic', body: Topic } },
    },
    {
      method: 'delete',
      path: '/applications/:id',
      operationId: 'withdrawApplication',
      summary: 'Withdraw an application',
      security: ['founderLink'],
      responses: { 204: { description: 'Withdrawn' } },
    },
  ];
  return {
    title: 'Sample',
    version: '1.0.0',
    description: 'A sample API for the kit tests.',
    servers: [{ url: 'http://127.0.0.1:3000', description: 'local' }],
    securitySchemes: {
      staff: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      founderLink: { type: 'apiKey', in: 'query', name: 'token', description: 'Magic link' },
    },
    routes,
  };
}
