import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from 'pino';
import { databaseProblem } from './database-problem';
import { AppError, payloadTooLarge, unsupportedMediaType } from './errors';
import { sendProblem, type Problem } from './problem';
import { isZodError, validationProblem } from './validation-problem';

/** The fields http-errors (used by body-parser and the router) puts on its errors. */
interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
  limit?: unknown;
}

const INTERNAL_ERROR: Problem = {
  status: 500,
  title: 'Internal Server Error',
  detail: 'An unexpected error occurred. Quote the request id when you report it.',
};

function bodyParserProblem(error: HttpErrorLike): Problem | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return toPlainProblem(
        payloadTooLarge(
          `The request body is larger than the limit of ${String(error.limit)} bytes`,
        ),
      );
    case 'entity.parse.failed':
      // The parser's message quotes the body; a fixed text avoids echoing it.
      return { status: 400, title: 'Malformed JSON', detail: 'The request body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return toPlainProblem(unsupportedMediaType(String(error.message)));
    default:
      return undefined;
  }
}

/** Other client errors from the HTTP layer (e.g. an undecodable %-escape in a path): keep 4xx. */
function clientHttpProblem(error: HttpErrorLike): Problem | undefined {
  const status = typeof error.status === 'number' ? error.status : error.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) {
    return undefined;
  }
  const detail =
    error.expose === true && typeof error.message === 'string' ? error.message : undefined;
  return { status, detail };
}

function toPlainProblem(error: AppError): Problem {
  return {
    status: error.status,
    title: error.title,
    detail: error.detail,
    type: error.type,
    extensions: error.extensions,
    ...(error.headers === undefined ? {} : { headers: error.headers }),
  };
}

/** Maps anything thrown or passed to next() onto a problem; unknown errors reveal nothing. */
export function toProblem(error: unknown): Problem {
  if (isZodError(error)) {
    return validationProblem(error);
  }
  if (error instanceof AppError) {
    return toPlainProblem(error);
  }
  if (typeof error === 'object' && error !== null) {
    const httpError = error as HttpErrorLike;
    return (
      bodyParserProblem(httpError) ??
      clientHttpProblem(httpError) ??
      databaseProblem(error) ??
      INTERNAL_ERROR
    );
  }
  return INTERNAL_ERROR;
}

function logError(log: Logger, error: unknown, problem: Problem): void {
  if (error instanceof AppError && error.catastrophic) {
    log.fatal({ err: error }, 'catastrophic error');
  } else if (problem.status === 503) {
    // The database busy or away: expected under overload, the client is told to retry.
    log.warn({ err: error }, 'request refused: database unavailable');
  } else if (problem.status >= 500) {
    log.error({ err: error }, 'request failed');
  }
  // 4xx need no entry of their own: the access log records them.
}

/** The last middleware: every error becomes an RFC 9457 problem+json response. */
export function errorHandler(fallbackLogger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res, next) => {
    // req.log is missing if the error happened before the access logger ran.
    const log = (req.log as Logger | undefined) ?? fallbackLogger;
    if (res.headersSent) {
      // Too late for a problem body: let express cut the connection.
      log.error({ err: error }, 'request failed after the response started');
      next(error);
      return;
    }
    const problem = toProblem(error);
    logError(log, error, problem);
    sendProblem(req, res, problem);
  };
}
