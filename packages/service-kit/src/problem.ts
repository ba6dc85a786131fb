import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ProblemExtensions } from './errors';
import { requestIdOf } from './request-id';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  status: number;
  /** Defaults to the HTTP reason phrase of the status. */
  title?: string;
  detail?: string;
  type?: string;
  extensions?: ProblemExtensions;
  /** Sent as response headers, not in the body. */
  headers?: Record<string, string>;
}

/** The RFC 9457 body: standard members win over extensions with the same name. */
export function problemBody(req: Request, problem: Problem): Record<string, unknown> {
  return {
    ...problem.extensions,
    type: problem.type ?? 'about:blank',
    title: problem.title ?? STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    // The path only: query strings may carry personal data.
    instance: req.originalUrl.split('?')[0],
    requestId: requestIdOf(req),
  };
}

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  if (problem.headers !== undefined) {
    res.set(problem.headers);
  }
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problemBody(req, problem));
}
