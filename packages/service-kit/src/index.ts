export { createApp, type AppOptions } from './app';
export {
  baseConfigSchema,
  ConfigError,
  loadConfig,
  loadConfigOrExit,
  type BaseConfig,
} from './config';
export {
  AppError,
  badRequest,
  conflict,
  notFound,
  payloadTooLarge,
  tooManyRequests,
  unprocessable,
  unsupportedMediaType,
  type AppErrorOptions,
  type ProblemExtensions,
} from './errors';
export { errorHandler, toProblem } from './error-handler';
export { type CheckOutcome, type ReadinessCheck } from './health';
export { createLogger, REDACTED_PATHS, type LoggerOptions } from './logger';
export { methodNotAllowed } from './method-not-allowed';
export {
  DEFAULT_MONGO_MAX_POOL_SIZE,
  mongoConnectionOptions,
  mongoPoolConfigSchema,
  type MongoPoolConfig,
} from './mongo-connection';
export { mongoReadiness } from './mongo-readiness';
export { PROBLEM_CONTENT_TYPE, sendProblem, type Problem } from './problem';
export { REQUEST_ID_HEADER, requestIdOf } from './request-id';
export { startServer, type RunningServer, type ServerOptions } from './server';
export { parseBody, parseParams, parseQuery, queryList } from './validation';
export { formatPath, type FieldError } from './validation-problem';
export {
  buildOpenApiDocument,
  formatJson,
  OPENAPI_PATH,
  openApiRoute,
  writeOrCheckOpenApi,
  type ApiResponse,
  type ApiRoute,
  type HttpMethod,
  type JsonObject,
  type OpenApiOptions,
  type SecurityScheme,
  type WriteMode,
} from './openapi';
export { DEFAULT_MAX_KEYS, rateLimit, type RateLimiter, type RateLimitOptions } from './rate-limit';
