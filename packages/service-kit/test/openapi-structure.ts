import type { JsonObject } from '../src';

/*
 * The rules of OpenAPI 3.1 a generated document is most likely to break, checked without a
 * validator package (none is a dependency yet). Returns the problems found; [] when none.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const COMPONENT_NAME = /^[a-zA-Z0-9._-]+$/;

type Problems = string[];

function resolvePointer(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  let current: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as JsonObject)[segment];
  }
  return current;
}

function walk(value: unknown, visit: (key: string, inner: unknown) => void): void {
  if (value === null || typeof value !== 'object') {
    return;
  }
  for (const [key, inner] of Object.entries(value as JsonObject)) {
    visit(key, inner);
    walk(inner, visit);
  }
}

function checkRefsAndKeywords(document: JsonObject, problems: Problems): void {
  walk(document, (key, inner) => {
    if (key === '$ref' && resolvePointer(document, String(inner)) === undefined) {
      problems.push(`unresolvable $ref ${String(inner)}`);
    }
    if (key === '$schema' || key === '$defs') {
      problems.push(`${key} inside the document`);
    }
  });
}

function deref(document: JsonObject, value: JsonObject): JsonObject {
  return typeof value.$ref === 'string'
    ? ((resolvePointer(document, value.$ref) as JsonObject | undefined) ?? {})
    : value;
}

function checkParameters(path: string, operation: JsonObject, problems: Problems): void {
  const parameters = (operation.parameters ?? []) as JsonObject[];
  const seen = new Set<string>();
  for (const parameter of parameters) {
    const key = `${String(parameter.in)}:${String(parameter.name)}`;
    if (seen.has(key)) {
      problems.push(`${path}: parameter ${key} twice`);
    }
    seen.add(key);
    if (!['path', 'query', 'header', 'cookie'].includes(String(parameter.in))) {
      problems.push(`${path}: parameter ${key} has a bad location`);
    }
    if (parameter.schema === undefined || typeof parameter.required !== 'boolean') {
      problems.push(`${path}: parameter ${key} lacks schema or required`);
    }
    if (parameter.in === 'path' && parameter.required !== true) {
      problems.push(`${path}: path parameter ${key} must be required`);
    }
  }
  const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => `path:${match[1]}`);
  const pathParameters = [...seen].filter((key) => key.startsWith('path:'));
  if (placeholders.sort().join() !== pathParameters.sort().join()) {
    problems.push(`${path}: path parameters ${pathParameters.join()} ≠ placeholders`);
  }
}

function checkOperation(
  document: JsonObject,
  where: string,
  operation: JsonObject,
  problems: Problems,
): void {
  const responses = Object.entries((operation.responses ?? {}) as Record<string, JsonObject>);
  if (responses.length === 0) {
    problems.push(`${where}: no responses`);
  }
  for (const [status, response] of responses) {
    if (!/^[1-5]\d\d$/.test(status) || typeof deref(document, response).description !== 'string') {
      problems.push(`${where}: response ${status} lacks a description or a valid status`);
    }
  }
  const schemes = ((document.components as JsonObject | undefined)?.securitySchemes ??
    {}) as JsonObject;
  for (const requirement of (operation.security ?? []) as JsonObject[]) {
    for (const name of Object.keys(requirement)) {
      if (schemes[name] === undefined) {
        problems.push(`${where}: unknown security scheme ${name}`);
      }
    }
  }
}

function checkPaths(document: JsonObject, problems: Problems): void {
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
    if (!path.startsWith('/')) {
      problems.push(`path ${path} does not start with /`);
    }
    for (const [method, operation] of Object.entries(item as Record<string, JsonObject>)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method)) {
        problems.push(`${where}: unknown method`);
        continue;
      }
      const id = String(operation.operationId);
      if (operationIds.has(id)) {
        problems.push(`${where}: operationId ${id} is not unique`);
      }
      operationIds.add(id);
      checkParameters(path, operation, problems);
      checkOperation(document, where, operation, problems);
    }
  }
}

export function openApiProblems(document: JsonObject): string[] {
  const problems: Problems = [];
  if (document.openapi !== '3.1.0') {
    problems.push('openapi is not 3.1.0');
  }
  const info = document.info as JsonObject | undefined;
  if (typeof info?.title !== 'string' || typeof info.version !== 'string') {
    problems.push('info needs title and version');
  }
  for (const group of Object.values((document.components ?? {}) as Record<string, JsonObject>)) {
    for (const name of Object.keys(group)) {
      if (!COMPONENT_NAME.test(name)) {
        problems.push(`component name ${name} is not allowed`);
      }
    }
  }
  checkRefsAndKeywords(document, problems);
  checkPaths(document, problems);
  return problems;
}
