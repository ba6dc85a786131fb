import { z } from 'zod';
import {
  buildOpenApiDocument,
  formatJson,
  type ApiRoute,
  type JsonObject,
  type OpenApiOptions,
} from '../src';
import { at, valueAt } from './json-path';
import { sampleApi } from './openapi-sample';
import { openApiProblems } from './openapi-structure';

const document = buildOpenApiDocument(sampleApi());
const operation = (path: string, method: string) => at(document, 'paths', path, method);

/** Parameters by `in:name`. */
function paramsOf(op: JsonObject): Record<string, JsonObject> {
  const list = op.parameters as JsonObject[];
  return Object.fromEntries(list.map((p) => [`${String(p.in)}:${String(p.name)}`, p]));
}

function route(extra: Partial<ApiRoute> = {}): ApiRoute {
  return { method: 'get', path: '/x', operationId: 'x', summary: 'x', responses: {}, ...extra };
}

function build(routes: ApiRoute[], options: Partial<OpenApiOptions> = {}): JsonObject {
  return buildOpenApiDocument({ title: 't', version: '1', routes, ...options });
}

describe('buildOpenApiDocument', () => {
  it('gives a structurally valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(openApiProblems(document)).toEqual([]);
  });

  it('turns express paths into templates with one required path parameter per placeholder', () => {
    expect(Object.keys(at(document, 'paths'))).toEqual([
      '/applications',
      '/applications/{id}',
      '/municipalities/{municipality}/topics/{topicId}',
    ]);
    expect(Object.keys(at(document, 'paths', '/applications/{id}'))).toEqual(['get', 'delete']);
    const id = paramsOf(operation('/applications/{id}', 'get'))['path:id'];
    expect(id).toMatchObject({
      required: true,
      description: 'Application id',
      schema: { type: 'string', format: 'uuid' },
    });
    expect(valueAt(id, 'schema', 'description')).toBeUndefined();
    const topic = operation('/municipalities/{municipality}/topics/{topicId}', 'get');
    expect(Object.keys(paramsOf(topic))).toEqual(['path:municipality', 'path:topicId']);
    expect(paramsOf(topic)['path:municipality']?.schema).toEqual({ type: 'string' });
  });

  it('marks query and header parameters required only when absence fails validation', () => {
    const list = paramsOf(operation('/applications', 'get'));
    expect(list['query:status']).toMatchObject({
      required: false,
      schema: { type: 'array', items: { enum: ['new', 'triaged'] } },
    });
    expect(list['query:page']).toMatchObject({ required: false, schema: { default: 1 } });
    expect(list['query:q']).toMatchObject({ required: true, schema: { minLength: 2 } });
    const submit = paramsOf(operation('/applications', 'post'));
    expect(submit['header:idempotency-key']).toMatchObject({
      required: true,
      description: 'Repeats with the same key are no-ops',
    });
    expect(submit['header:accept-language']?.required).toBe(false);
  });

  it('describes request bodies with the input side and responses with the output side', () => {
    const submit = operation('/applications', 'post');
    expect(valueAt(submit, 'requestBody', 'required')).toBe(true);
    const input = at(submit, 'requestBody', 'content', 'application/json', 'schema');
    expect(input.required).toEqual(['founderName', 'address', 'submittedAt']);
    expect(input.additionalProperties).toBeUndefined();
    expect(at(input, 'properties')).toMatchObject({
      submittedAt: { type: 'string', format: 'date-time' },
      address: { $ref: '#/components/schemas/AddressInput' },
    });

    const output = at(submit, 'responses', '201', 'content', 'application/json', 'schema');
    expect(output.required).toContain('channel');
    expect(output.additionalProperties).toBe(false);
    expect(at(output, 'properties')).toMatchObject({
      receivedAt: { type: 'string', format: 'date-time' },
      // A transform's output has no JSON Schema: any value, rather than a failed build.
      nameLength: {},
      address: { $ref: '#/components/schemas/Address' },
    });
    expect(at(submit, 'responses', '201', 'headers', 'location').required).toBe(true);
  });

  it('puts schemas with an id and recursive schemas into components, without $defs', () => {
    const schemas = at(document, 'components', 'schemas');
    expect(Object.keys(schemas)).toEqual(['Address', 'AddressInput', 'Problem', 'getTopic-200']);
    expect(at(schemas, 'Address').additionalProperties).toBe(false);
    expect(at(schemas, 'AddressInput').additionalProperties).toBeUndefined();
    const topic = operation('/municipalities/{municipality}/topics/{topicId}', 'get');
    const self = { $ref: '#/components/schemas/getTopic-200' };
    expect(valueAt(topic, 'responses', '200', 'content', 'application/json', 'schema')).toEqual(
      self,
    );
    expect(valueAt(schemas, 'getTopic-200', 'properties', 'children', 'items')).toEqual(self);
    expect(formatJson(document)).not.toMatch(/"\$(schema|defs)"|"\$ref": "#(\/\$defs.*)?"/);
  });

  it('lists security alternatives, and 401/403 only on secured operations', () => {
    const get = operation('/applications/{id}', 'get');
    expect(get.security).toEqual([{ staff: [] }, { founderLink: [] }]);
    expect(Object.keys(at(get, 'responses'))).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '431',
      '500',
      '503',
    ]);
    const submit = operation('/applications', 'post');
    expect(submit.security).toBeUndefined();
    expect(Object.keys(at(submit, 'responses'))).toEqual([
      '201',
      '400',
      '409',
      '413',
      '415',
      '429',
      '431',
      '500',
      '503',
    ]);
    expect(valueAt(document, 'components', 'securitySchemes', 'staff')).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('answers errors with the shared Problem as application/problem+json', () => {
    const responses = at(operation('/applications', 'post'), 'responses');
    expect(responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
    const problem = {
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    };
    expect(valueAt(responses, '409', 'content')).toEqual(problem);
    const shared = at(document, 'components', 'responses');
    expect(valueAt(shared, 'BadRequest', 'content')).toEqual(problem);
    expect(valueAt(shared, 'TooManyRequests', 'headers', 'Retry-After')).toEqual({
      $ref: '#/components/headers/Retry-After',
    });
    expect(valueAt(responses, '201', 'headers', 'RateLimit-Remaining')).toEqual({
      $ref: '#/components/headers/RateLimit-Remaining',
    });
  });

  it('keeps other content types, with a string schema when no body is given', () => {
    expect(valueAt(operation('/applications', 'get'), 'responses', '206', 'content')).toEqual({
      'text/csv': { schema: { type: 'string' } },
    });
    expect(valueAt(operation('/applications/{id}', 'delete'), 'responses', '204')).toEqual({
      description: 'Withdrawn',
    });
  });

  it('documents the other media types a response may come in, each as a string', () => {
    const body = z.object({ rows: z.array(z.string()) });
    const built = build([
      route({ responses: { 200: { description: 'Rows', body, alsoAs: ['text/csv'] } } }),
    ]);
    const content = valueAt(built, 'paths', '/x', 'get', 'responses', '200', 'content');
    expect(Object.keys(content as JsonObject)).toEqual(['application/json', 'text/csv']);
    expect(valueAt(content, 'text/csv')).toEqual({ schema: { type: 'string' } });
  });

  it('gives byte-identical output for the same routes built anew', () => {
    expect(formatJson(buildOpenApiDocument(sampleApi()))).toBe(formatJson(document));
  });

  it('includes only the standard responses and headers some operation uses', () => {
    const small = build([route({ responses: { 200: { description: 'ok' } } })]);
    expect(Object.keys(at(small, 'paths', '/x', 'get', 'responses'))).toEqual([
      '200',
      '431',
      '500',
      '503',
    ]);
    expect(Object.keys(at(small, 'components', 'responses'))).toEqual([
      'RequestHeaderFieldsTooLarge',
      'InternalServerError',
      'ServiceUnavailable',
    ]);
    // A busy database's 503 says when to come back; the rate-limit headers belong to 429 only.
    expect(Object.keys(valueAt(small, 'components', 'headers') as object)).toEqual(['Retry-After']);
  });

  it('maps unrepresentable types to any value instead of throwing', () => {
    const body = z.object({ big: z.bigint(), lookup: z.map(z.string(), z.number()) });
    const built = build([route({ method: 'post', body })]);
    const schema = at(built, 'paths', '/x', 'post', 'requestBody', 'content', 'application/json');
    expect(valueAt(schema, 'schema', 'properties')).toEqual({ big: {}, lookup: {} });
  });

  it('rejects routes it cannot describe', () => {
    expect(() => build([route({ security: ['staff'] })])).toThrow(/unknown security schemes/);
    expect(() => build([route({ params: z.object({ id: z.string() }) })])).toThrow(
      /not placeholders of the path/,
    );
    expect(() => build([route({ path: '/files/*rest' })])).toThrow(/Cannot describe/);
    expect(() => build([route(), route({ path: '/y' })])).toThrow(/described twice/);
    expect(() => build([route(), route({ operationId: 'y' })])).toThrow(/described twice/);
  });

  it('rejects two different schemas under one id', () => {
    const first = z.object({ a: z.string() }).meta({ id: 'Thing' });
    const second = z.object({ b: z.string() }).meta({ id: 'Thing' });
    const routes = [
      route({ responses: { 200: { description: 'a', body: first } } }),
      route({
        path: '/y',
        operationId: 'y',
        responses: { 200: { description: 'b', body: second } },
      }),
    ];
    expect(() => build(routes)).toThrow(/Two different schemas are named "Thing"/);
  });
});
