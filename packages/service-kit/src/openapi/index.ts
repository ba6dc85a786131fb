export { buildOpenApiDocument } from './document';
export { formatJson } from './format-json';
export { OPENAPI_PATH, openApiRoute } from './route';
export type {
  ApiResponse,
  ApiRoute,
  HttpMethod,
  JsonObject,
  OpenApiOptions,
  SecurityScheme,
} from './types';
export { writeOrCheckOpenApi, type WriteMode } from './write';
