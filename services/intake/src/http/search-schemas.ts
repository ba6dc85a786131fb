import { focusAreas, referralSources } from '@grunderboost/contracts';
import { queryList } from '@grunderboost/service-kit';
import { z } from 'zod';
import type { SearchCursor } from '../app/ports';
import { currentMunicipalityNumber } from '../domain/municipalities';

export const applicationStatuses = [
  'submitted',
  'accepted',
  'referred',
  'declined',
  'withdrawn',
  'erased',
] as const;

/** Cursors are opaque to clients: base64url of the last item's time and id. */
export function encodeCursor(cursor: SearchCursor): string {
  const raw = JSON.stringify([cursor.createdAt.toISOString(), cursor.applicationId]);
  return Buffer.from(raw, 'utf8').toString('base64url');
}

const cursorSchema = z
  .string()
  .max(200)
  .transform((value, context): SearchCursor => {
    try {
      const parsed = z
        .tuple([z.iso.datetime(), z.uuid()])
        .parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
      return { createdAt: new Date(parsed[0]), applicationId: parsed[1] };
    } catch {
      context.addIssue({ code: 'custom', message: 'not a cursor this API returned' });
      return z.NEVER;
    }
  });

const day = z.iso.date().transform((value) => new Date(`${value}T00:00:00Z`));

export const searchQuerySchema = z.strictObject({
  status: queryList(z.enum(applicationStatuses)).optional(),
  municipality: queryList(
    z
      .string()
      .regex(/^\d{4}$/)
      .transform(currentMunicipalityNumber),
  ).optional(),
  focusArea: queryList(z.enum(focusAreas)).optional(),
  referralSource: queryList(z.enum(referralSources)).optional(),
  language: queryList(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).optional(),
  email: z.email().max(254).optional(),
  name: z.string().trim().min(2).max(100).optional(),
  submittedFrom: day.optional(),
  submittedTo: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorSchema.optional(),
});
