import { z } from 'zod';
import {
  AppError,
  badRequest,
  conflict,
  formatPath,
  notFound,
  payloadTooLarge,
  toProblem,
  tooManyRequests,
  unprocessable,
  unsupportedMediaType,
} from '../src';

describe('AppError and its helpers', () => {
  it.each([
    [badRequest('bad'), 400, 'Bad Request'],
    [notFound('gone'), 404, 'Not Found'],
    [conflict('twice'), 409, 'Conflict'],
    [unprocessable('no'), 422, 'Unprocessable Content'],
    [unsupportedMediaType(), 415, 'Unsupported Media Type'],
    [payloadTooLarge(), 413, 'Payload Too Large'],
    [tooManyRequests('slow down', 30), 429, 'Too Many Requests'],
  ])('%# maps to its status and title', (error, status, title) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error.catastrophic).toBe(false);
    expect(toProblem(error)).toMatchObject({ status, title, type: 'about:blank' });
  });

  it('carries type and extensions into the problem', () => {
    const error = new AppError({
      status: 422,
      title: 'Consent missing',
      detail: 'The founder has not consented to sharing',
      type: 'https://example.org/problems/consent-missing',
      extensions: { partner: 'innovasjon-norge' },
    });
    expect(toProblem(error)).toEqual({
      status: 422,
      title: 'Consent missing',
      detail: 'The founder has not consented to sharing',
      type: 'https://example.org/problems/consent-missing',
      extensions: { partner: 'innovasjon-norge' },
    });
    expect(toProblem(badRequest('x', { field: 'a' })).extensions).toEqual({ field: 'a' });
  });
});

describe('tooManyRequests', () => {
  it.each([
    [30, '30'],
    [2.1, '3'],
    [0, '1'],
  ])('sends Retry-After in whole seconds, rounded up (%p s → %p)', (seconds, header) => {
    expect(toProblem(tooManyRequests('slow down', seconds)).headers).toEqual({
      'Retry-After': header,
    });
  });
});

describe('toProblem for other errors', () => {
  it('maps a ZodError to 400 with field paths', () => {
    const result = z.object({ a: z.array(z.object({ b: z.string() })) }).safeParse({ a: [{}] });
    expect(result.success).toBe(false);
    expect(toProblem(result.error)).toMatchObject({
      status: 400,
      title: 'Validation failed',
      extensions: { errors: [{ path: 'a[0].b', code: 'invalid_type' }] },
    });
  });

  it('keeps 4xx errors of the HTTP layer as 4xx', () => {
    const error = Object.assign(new Error('request aborted'), { status: 400, expose: true });
    expect(toProblem(error)).toEqual({ status: 400, detail: 'request aborted' });
  });

  it.each([
    new Error('secret internals'),
    Object.assign(new Error('stream.not.readable'), { status: 500, type: 'stream.not.readable' }),
    'a thrown string',
    undefined,
  ])('maps anything else to a 500 that reveals nothing (%#)', (error) => {
    const problem = toProblem(error);
    expect(problem).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(problem)).not.toMatch(/secret|stream|string/);
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['a', 'b', 0, 'c'], 'a.b[0].c'],
    [[0, 'name'], '[0].name'],
    [['headers', 'first-name'], 'headers["first-name"]'],
  ])('formats %j as %j', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
