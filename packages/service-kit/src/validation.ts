import type { Request } from 'express';
import { z } from 'zod';

/*
 * Each helper returns the typed data or throws the ZodError, which the error handler turns into
 * a 400 listing every bad field. Only use them on client input: a ZodError always means 400.
 */

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return schema.parse(req.body);
}

/**
 * Query values are strings, arrays of strings when a key repeats (?a=1&a=2), or absent.
 * Use z.coerce for numbers and queryList() for keys that may repeat.
 */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return schema.parse(req.query);
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return schema.parse(req.params);
}

/** A query value that may appear zero, one or more times, always as an array. */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined) {
      return [];
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return values;
  }, z.array(item));
}
