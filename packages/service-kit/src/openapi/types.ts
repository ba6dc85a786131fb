import type { z } from 'zod';

export type JsonObject = Record<string, unknown>;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiResponse {
  description: string;
  /** Described with zod's output side: what the handler sends. */
  body?: z.ZodType;
  /** Default application/json; problem+json for error statuses without a body. */
  contentType?: string;
  /**
   * Other media types the same response may come in (content negotiation, e.g. `text/csv` for
   * `?format=csv`), each documented with a string schema.
   */
  alsoAs?: string[];
  /** Response headers, e.g. z.object({ location: z.string() }). */
  headers?: z.ZodObject;
}

/** One operation of a service's HTTP API, described with the zod schemas its handler parses. */
export interface ApiRoute {
  method: HttpMethod;
  /** Express style: '/applications/:id'. Wildcards and optional segments are not supported. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  /**
   * Names of security schemes from the document's securitySchemes, any one of which grants
   * access; absent or empty means public. Secured operations also list 401 and 403.
   */
  security?: string[];
  /** Path parameters; placeholders missing here are documented as plain strings. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers with lower-case keys (express lower-cases them), e.g. 'idempotency-key'. */
  headers?: z.ZodObject;
  /** JSON request body, described with zod's input side: what the client may send. */
  body?: z.ZodType;
  /** Set when the route runs behind rateLimit(): adds 429 and the RateLimit-* headers. */
  rateLimited?: boolean;
  responses: Record<number, ApiResponse>;
}

export type SecurityScheme =
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; description?: string };

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  servers?: Array<{ url: string; description?: string }>;
  securitySchemes?: Record<string, SecurityScheme>;
  routes: ApiRoute[];
}
