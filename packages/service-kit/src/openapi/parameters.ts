import type { z } from 'zod';
import type { SchemaComponents } from './json-schema';
import type { JsonObject } from './types';

const PLACEHOLDER = /:([A-Za-z_$][A-Za-z0-9_$]*)/g;
// Express 5 pattern syntax OpenAPI cannot express: wildcards, optional groups, quoted names.
const UNSUPPORTED = /[*{}()"?+]/;

/** '/applications/:id' → '/applications/{id}' and the placeholder names, in order. */
export function toOpenApiPath(path: string): { path: string; names: string[] } {
  if (!path.startsWith('/') || UNSUPPORTED.test(path)) {
    throw new Error(`Cannot describe the route path ${path}: use plain segments and :name only`);
  }
  const names = [...path.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return { path: path.replace(PLACEHOLDER, '{$1}'), names };
}

/**
 * Whether the value may be left out. Asking the schema itself covers optional(), default() and
 * preprocessing such as queryList(), which turns an absent key into [].
 */
export function acceptsUndefined(schema: z.ZodType): boolean {
  try {
    return schema.safeParse(undefined).success;
  } catch {
    // Async refinements cannot run synchronously; fall back to what zod declares.
    return schema._zod.optin === 'optional';
  }
}

type Location = 'path' | 'query' | 'header';

/** One OpenAPI Parameter Object per key; the description moves from the schema to the parameter. */
export function parametersOf(
  shape: z.ZodObject | undefined,
  location: Location,
  components: SchemaComponents,
  context: string,
): JsonObject[] {
  if (shape === undefined) {
    return [];
  }
  return Object.entries(shape.shape).map(([name, schema]) =>
    parameterOf(name, schema as z.ZodType, location, components, context),
  );
}

function parameterOf(
  name: string,
  schema: z.ZodType,
  location: Location,
  components: SchemaComponents,
  context: string,
): JsonObject {
  const converted = components.convert(schema, 'input', `${context}-${name}`);
  const { description, deprecated, ...json } = converted;
  return {
    name,
    in: location,
    // OpenAPI requires every path parameter to be marked required.
    required: location === 'path' || !acceptsUndefined(schema),
    ...(description === undefined ? {} : { description }),
    ...(deprecated === true ? { deprecated: true } : {}),
    schema: json,
  };
}

/** Path parameters in the order of the path; placeholders without a schema are strings. */
export function pathParametersOf(
  names: string[],
  params: z.ZodObject | undefined,
  components: SchemaComponents,
  context: string,
): JsonObject[] {
  const described = params === undefined ? [] : Object.keys(params.shape);
  const unknown = described.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(`${context}: params ${unknown.join(', ')} are not placeholders of the path`);
  }
  const byName = new Map(
    parametersOf(params, 'path', components, context).map((p) => [p.name, p] as const),
  );
  return names.map(
    (name) => byName.get(name) ?? { name, in: 'path', required: true, schema: { type: 'string' } },
  );
}

/** Response headers: an OpenAPI Header Object per key (the output side: what is sent). */
export function responseHeadersOf(
  shape: z.ZodObject,
  components: SchemaComponents,
  context: string,
): Record<string, JsonObject> {
  const headers: Record<string, JsonObject> = {};
  for (const [name, schema] of Object.entries(shape.shape)) {
    const zodSchema = schema as z.ZodType;
    const json = components.convert(zodSchema, 'output', `${context}-${name}`);
    const { description, ...rest } = json;
    headers[name] = {
      ...(description === undefined ? {} : { description }),
      required: !acceptsUndefined(zodSchema),
      schema: rest,
    };
  }
  return headers;
}
