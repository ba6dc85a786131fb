/** Extra members merged into the problem+json body (RFC 9457 "extension members"). */
export type ProblemExtensions = Record<string, unknown>;

export interface AppErrorOptions {
  status: number;
  title: string;
  detail?: string;
  /** A URI identifying the problem type; 'about:blank' means "just the HTTP status". */
  type?: string;
  extensions?: ProblemExtensions;
  /** Response headers the problem needs to be acted on, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
  /**
   * True when the process can no longer be trusted (e.g. a broken invariant), as opposed to an
   * operational error such as a conflict. The error handler logs these at fatal so alerts fire.
   */
  catastrophic?: boolean;
}

/**
 * An error whose status, title and detail are meant for the client: the error handler turns it
 * into a problem+json response as it is, so never put internal details into it.
 */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly extensions: ProblemExtensions | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly catastrophic: boolean;

  constructor(options: AppErrorOptions) {
    super(options.detail ?? options.title);
    this.name = 'AppError';
    this.status = options.status;
    this.title = options.title;
    this.detail = options.detail;
    this.type = options.type ?? 'about:blank';
    this.extensions = options.extensions;
    this.headers = options.headers;
    this.catastrophic = options.catastrophic ?? false;
  }
}

export function badRequest(detail: string, extensions?: ProblemExtensions): AppError {
  return new AppError({ status: 400, title: 'Bad Request', detail, extensions });
}

export function notFound(detail: string): AppError {
  return new AppError({ status: 404, title: 'Not Found', detail });
}

export function conflict(detail: string): AppError {
  return new AppError({ status: 409, title: 'Conflict', detail });
}

export function unprocessable(detail: string): AppError {
  return new AppError({ status: 422, title: 'Unprocessable Content', detail });
}

export function unsupportedMediaType(
  detail = 'Request bodies must be sent as application/json',
): AppError {
  return new AppError({ status: 415, title: 'Unsupported Media Type', detail });
}

export function payloadTooLarge(detail = 'The request body is too large'): AppError {
  return new AppError({ status: 413, title: 'Payload Too Large', detail });
}

/** 429 with Retry-After, so well-behaved clients know when to come back. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): AppError {
  // Retry-After takes whole seconds; rounding up never invites a retry that is still too early.
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError({
    status: 429,
    title: 'Too Many Requests',
    detail,
    headers: { 'Retry-After': String(seconds) },
  });
}
