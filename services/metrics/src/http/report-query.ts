import { queryList } from '@grunderboost/service-kit';
import { z } from 'zod';
import { DIMENSIONS } from '../domain/founder-fact';
import { MONTH, QUARTER } from '../domain/periods';

const code = z.string().regex(/^[A-Za-z0-9-]{1,35}$/, 'expected a code');

/** Query of the report endpoints: one period kind, a span, and at most one dimension. */
export const reportQueryObject = z
  .strictObject({
    period: z.enum(['month', 'quarter']).default('month'),
    from: z.string().optional(),
    to: z.string().optional(),
    by: z.enum(DIMENSIONS).optional(),
    format: z.enum(['json', 'csv']).optional(),
    municipality: queryList(z.string().regex(/^\d{4}$/, 'expected a kommunenummer')),
    focusArea: queryList(code),
    language: queryList(code.transform((value) => value.toLowerCase())),
    referralSource: queryList(code),
  })
  .superRefine((query, context) => {
    const pattern = query.period === 'month' ? MONTH : QUARTER;
    const example = query.period === 'month' ? '2026-03' : '2026K1';
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !pattern.test(value)) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `expected a ${query.period} like ${example}`,
        });
      }
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    }
    // Cells are kept per single dimension; crossing two would make cells too small to show.
    const used = DIMENSIONS.filter(
      (dimension) => query[dimension].length > 0 || query.by === dimension,
    );
    if (used.length > 1) {
      context.addIssue({
        code: 'custom',
        path: [used[1] as string],
        message: `filter or break down by one dimension at a time (got ${used.join(', ')})`,
      });
    }
  });

export const reportQuerySchema = reportQueryObject.transform((query) => {
  const dimension = DIMENSIONS.find((name) => query[name].length > 0 || query.by === name);
  return {
    period: query.period,
    from: query.from,
    to: query.to,
    format: query.format,
    dimension: dimension ?? 'all',
    values: dimension === undefined ? [] : query[dimension],
  };
});

export type ReportQueryInput = z.input<typeof reportQuerySchema>;
