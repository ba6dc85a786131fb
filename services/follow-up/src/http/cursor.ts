import { badRequest } from '@grunderboost/service-kit';

/** Position of the last item of a page: its due date and id, as base64url text. */
export function encodeCursor(dueAt: Date, followUpId: string): string {
  return Buffer.from(`${dueAt.toISOString()}|${followUpId}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string): { dueAt: Date; followUpId: string } {
  const [iso, followUpId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const dueAt = new Date(iso ?? '');
  if (Number.isNaN(dueAt.getTime()) || followUpId === undefined || !UUID.test(followUpId)) {
    // The field error of every other 400 (path, message and zod's code): 'custom', as a
    // refinement that failed, which is what the OpenAPI document promises for `errors`.
    throw badRequest('The cursor is not one this API handed out', {
      errors: [{ path: 'cursor', message: 'unknown cursor', code: 'custom' }],
    });
  }
  return { dueAt, followUpId };
}
