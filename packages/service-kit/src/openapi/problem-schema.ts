import { PROBLEM_CONTENT_TYPE } from '../problem';
import type { JsonObject } from './types';

/** The body error-handler.ts and validation-problem.ts send for every error (RFC 9457). */
export const PROBLEM_SCHEMA: JsonObject = {
  type: 'object',
  description:
    'RFC 9457 problem details. Further members may appear (e.g. `checks` on /readyz); ' +
    'clients must ignore members they do not know.',
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description: "Identifies the problem type; 'about:blank' means just the HTTP status.",
    },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The request path, without the query string.' },
    requestId: {
      type: 'string',
      description: 'Also sent as X-Request-Id; quote it when reporting a problem.',
    },
    errors: {
      type: 'array',
      description: 'On validation failures: every invalid field.',
      items: {
        type: 'object',
        properties: {
          path: { type: 'string', description: "Where the field is, e.g. 'tags[1].label'." },
          message: { type: 'string' },
          code: { type: 'string', description: "zod's issue code, e.g. 'invalid_type'." },
        },
        required: ['path', 'message', 'code'],
      },
    },
  },
  required: ['type', 'title', 'status', 'instance', 'requestId'],
};

export const problemContent = (): JsonObject => ({
  [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
});

const RATE_LIMIT_HEADERS: Record<string, JsonObject> = {
  'RateLimit-Limit': integerHeader('Requests allowed in the current window.'),
  'RateLimit-Remaining': integerHeader('Requests left in the current window.'),
  'RateLimit-Reset': integerHeader('Seconds until the current window ends.'),
};

function integerHeader(description: string): JsonObject {
  return { description, schema: { type: 'integer', minimum: 0 } };
}

/** References to the rate-limit headers, for every response of a rate-limited operation. */
export function rateLimitHeaderRefs(): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
  );
}

interface Standard {
  status: number;
  name: string;
  description: string;
}

// In status order, which is also their order in components.responses.
const STANDARD: Standard[] = [
  {
    status: 400,
    name: 'BadRequest',
    description: 'Malformed JSON, or fields that fail validation (listed in `errors`).',
  },
  { status: 401, name: 'Unauthorized', description: 'Missing or invalid credentials.' },
  { status: 403, name: 'Forbidden', description: 'The credentials do not grant this.' },
  { status: 404, name: 'NotFound', description: 'No such resource.' },
  { status: 413, name: 'PayloadTooLarge', description: 'The request body is too large.' },
  {
    status: 415,
    name: 'UnsupportedMediaType',
    description: 'The request body is not application/json in UTF-8.',
  },
  { status: 429, name: 'TooManyRequests', description: 'Rate limit exceeded; see Retry-After.' },
  {
    status: 431,
    name: 'RequestHeaderFieldsTooLarge',
    description: 'The request line and headers together are over 16 KB (a very long query string).',
  },
  {
    status: 500,
    name: 'InternalServerError',
    description: 'Unexpected error; quote the requestId when reporting it.',
  },
  {
    status: 503,
    name: 'ServiceUnavailable',
    description: 'The database is busy or cannot be reached; try again after Retry-After.',
  },
];

/** The shared error responses; only those some operation uses end up in the document. */
export class StandardResponses {
  private readonly used = new Set<number>();

  ref(status: number): JsonObject {
    const standard = STANDARD.find((candidate) => candidate.status === status);
    if (standard === undefined) {
      throw new Error(`No standard response for status ${status}`);
    }
    this.used.add(status);
    return { $ref: `#/components/responses/${standard.name}` };
  }

  responses(): Record<string, JsonObject> {
    const entries = STANDARD.filter(({ status }) => this.used.has(status)).map((standard) => [
      standard.name,
      responseOf(standard),
    ]);
    return Object.fromEntries(entries) as Record<string, JsonObject>;
  }

  headers(): Record<string, JsonObject> | undefined {
    if (!this.used.has(429) && !this.used.has(503)) {
      return undefined;
    }
    return {
      ...(this.used.has(429) ? RATE_LIMIT_HEADERS : {}),
      'Retry-After': integerHeader('Seconds to wait before retrying.'),
    };
  }
}

function responseOf(standard: Standard): JsonObject {
  const retryAfter = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
  const headers =
    standard.status === 429
      ? { ...retryAfter, ...rateLimitHeaderRefs() }
      : standard.status === 503
        ? retryAfter
        : undefined;
  return {
    description: standard.description,
    ...(headers === undefined ? {} : { headers }),
    content: problemContent(),
  };
}
