import type { SchemaComponents } from './json-schema';
import { acceptsUndefined, parametersOf, pathParametersOf, responseHeadersOf } from './parameters';
import { problemContent, rateLimitHeaderRefs, type StandardResponses } from './problem-schema';
import type { ApiResponse, ApiRoute, JsonObject } from './types';

export interface OperationContext {
  schemas: SchemaComponents;
  standard: StandardResponses;
}

const JSON_TYPE = 'application/json';
const TEXT = { type: 'string' };

function contentOf(
  response: ApiResponse,
  status: number,
  schemas: SchemaComponents,
  context: string,
): JsonObject | undefined {
  if (response.body !== undefined || response.contentType !== undefined) {
    const schema =
      response.body === undefined ? TEXT : schemas.convert(response.body, 'output', context);
    const content: JsonObject = { [response.contentType ?? JSON_TYPE]: { schema } };
    for (const type of response.alsoAs ?? []) content[type] = { schema: TEXT };
    return content;
  }
  // The central error handler answers every error with a problem, declared or not.
  return status >= 400 ? problemContent() : undefined;
}

/** The route's own responses, converted with zod's output side. */
export function responsesOf(route: ApiRoute, { schemas }: OperationContext): JsonObject {
  const responses: JsonObject = {};
  for (const [key, response] of Object.entries(route.responses)) {
    const status = Number(key);
    const context = `${route.operationId}-${key}`;
    const declaredHeaders =
      response.headers === undefined ? {} : responseHeadersOf(response.headers, schemas, context);
    const headers = { ...declaredHeaders, ...(route.rateLimited ? rateLimitHeaderRefs() : {}) };
    const content = contentOf(response, status, schemas, context);
    responses[key] = {
      description: response.description,
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      ...(content === undefined ? {} : { content }),
    };
  }
  return responses;
}

/** The error statuses any request to this route can get from the kit itself. */
function standardStatuses(route: ApiRoute, pathNames: string[]): number[] {
  const hasInput = [route.params, route.query, route.headers, route.body].some(
    (part) => part !== undefined,
  );
  const secured = (route.security ?? []).length > 0;
  return [
    ...(hasInput || pathNames.length > 0 ? [400] : []),
    ...(secured ? [401, 403] : []),
    ...(pathNames.length > 0 ? [404] : []),
    ...(route.body === undefined ? [] : [413, 415]),
    ...(route.rateLimited ? [429] : []),
    // Node itself answers a request line and headers over its limit, before any route.
    431,
    500,
    // Every operation may meet a busy or absent database (database-problem.ts).
    503,
  ];
}

function requestBodyOf(route: ApiRoute, schemas: SchemaComponents): JsonObject | undefined {
  if (route.body === undefined) {
    return undefined;
  }
  const schema = schemas.convert(route.body, 'input', `${route.operationId}-body`);
  return { required: !acceptsUndefined(route.body), content: { [JSON_TYPE]: { schema } } };
}

/** Declared and standard responses, in status order (a declared status wins). */
function mergeResponses(declared: JsonObject, statuses: number[], standard: StandardResponses) {
  const merged: JsonObject = { ...declared };
  for (const status of statuses) {
    merged[status] ??= standard.ref(status);
  }
  const sorted = Object.entries(merged).sort(([a], [b]) => Number(a) - Number(b));
  return Object.fromEntries(sorted);
}

/** The OpenAPI Operation Object; input schemas are converted here, after all outputs. */
export function operationOf(
  route: ApiRoute,
  pathNames: string[],
  declared: JsonObject,
  { schemas, standard }: OperationContext,
): JsonObject {
  const id = route.operationId;
  const parameters = [
    ...pathParametersOf(pathNames, route.params, schemas, `${id}-path`),
    ...parametersOf(route.query, 'query', schemas, `${id}-query`),
    ...parametersOf(route.headers, 'header', schemas, `${id}-header`),
  ];
  const requestBody = requestBodyOf(route, schemas);
  const security = (route.security ?? []).map((name) => ({ [name]: [] }));
  return {
    ...(route.tags === undefined ? {} : { tags: route.tags }),
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    operationId: id,
    ...(security.length === 0 ? {} : { security }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: mergeResponses(declared, standardStatuses(route, pathNames), standard),
  };
}
