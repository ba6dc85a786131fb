import { z } from 'zod';
import type { Problem } from './problem';

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

// Plain identifiers read as `a.b`; anything else (e.g. "first-name") is quoted: `a["first-name"]`.
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a zod issue path as `items[0].sku`; the empty path (the whole value) is ''. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else {
      out += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return out;
}

/**
 * Recognises zod errors also when they come from another copy of zod (a workspace package
 * with its own), where instanceof would fail.
 */
export function isZodError(error: unknown): error is z.core.$ZodError {
  if (error instanceof z.core.$ZodError) {
    return true;
  }
  return error instanceof Error && error.name === 'ZodError' && 'issues' in error;
}

export function validationProblem(error: z.core.$ZodError): Problem {
  const errors: FieldError[] = error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    code: issue.code,
  }));
  const count = errors.length === 1 ? '1 field' : `${errors.length} fields`;
  return {
    status: 400,
    title: 'Validation failed',
    detail: `The request has invalid ${count}`,
    extensions: { errors },
  };
}
