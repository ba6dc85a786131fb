import { SchemaComponents } from './json-schema';
import { operationOf, responsesOf, type OperationContext } from './operation';
import { toOpenApiPath } from './parameters';
import { PROBLEM_SCHEMA, StandardResponses } from './problem-schema';
import type { ApiRoute, JsonObject, OpenApiOptions } from './types';

function checkRoutes(routes: ApiRoute[], options: OpenApiOptions): void {
  const operationIds = new Set<string>();
  const operations = new Set<string>();
  for (const route of routes) {
    const operation = `${route.method.toUpperCase()} ${toOpenApiPath(route.path).path}`;
    if (operationIds.has(route.operationId) || operations.has(operation)) {
      throw new Error(`${route.operationId} (${operation}) is described twice`);
    }
    operationIds.add(route.operationId);
    operations.add(operation);
    const unknown = (route.security ?? []).filter((name) => !options.securitySchemes?.[name]);
    if (unknown.length > 0) {
      throw new Error(`${route.operationId}: unknown security schemes ${unknown.join(', ')}`);
    }
  }
}

function componentsOf(
  options: OpenApiOptions,
  schemas: SchemaComponents,
  standard: StandardResponses,
): JsonObject {
  const headers = standard.headers();
  return {
    schemas: schemas.toObject(),
    responses: standard.responses(),
    ...(headers === undefined ? {} : { headers }),
    ...(options.securitySchemes === undefined ? {} : { securitySchemes: options.securitySchemes }),
  };
}

/**
 * The OpenAPI 3.1.0 document of a service, built from the zod schemas its handlers parse, so the
 * description cannot drift from the validation. Same routes in the same order give the same
 * document, byte for byte. Throws on routes that cannot be described (unknown security scheme,
 * duplicate operation, params that are not in the path): a programmer error to fix at once.
 */
export function buildOpenApiDocument(options: OpenApiOptions): JsonObject {
  checkRoutes(options.routes, options);
  const schemas = new SchemaComponents({ Problem: PROBLEM_SCHEMA });
  const standard = new StandardResponses();
  const context: OperationContext = { schemas, standard };
  // All output schemas first: see SchemaComponents on how input and output share names.
  const responses = options.routes.map((route) => responsesOf(route, context));
  const paths: Record<string, Record<string, JsonObject>> = {};
  options.routes.forEach((route, index) => {
    const { path, names } = toOpenApiPath(route.path);
    const item = (paths[path] ??= {});
    item[route.method] = operationOf(route, names, responses[index] ?? {}, context);
  });
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    ...(options.servers === undefined ? {} : { servers: options.servers }),
    paths,
    components: componentsOf(options, schemas, standard),
  };
}
