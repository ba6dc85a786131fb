import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** The statuses Node itself gives these errors; any other parser error is a 400. */
const STATUS_OF: Record<string, number> = {
  // The request line and headers together over Node's limit (--max-http-header-size).
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAIL_OF: Record<number, string> = {
  431: 'The request line and headers together are over 16 KB',
  408: 'The request did not arrive in time',
  400: 'The request is not valid HTTP',
};

/**
 * Requests Node's HTTP parser refuses before express sees them (request line and headers over
 * 16 KB: 431; a malformed request: 400) get the same application/problem+json as every other
 * error, instead of Node's bare status line. The request was never parsed, so the instance is
 * unknown ("/") and the request id is a fresh one.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = STATUS_OF[error.code ?? ''] ?? 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail: DETAIL_OF[status],
    instance: '/',
    requestId: randomUUID(),
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
