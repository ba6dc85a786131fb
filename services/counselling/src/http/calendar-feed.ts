import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Calendar apps fetch a feed by URL and cannot send bearer tokens, so each counsellor's feed URL
 * carries a key: an HMAC of their id. Changing CALENDAR_FEED_SECRET revokes every feed link.
 */
export function calendarKeys(secret: string) {
  const keyOf = (counsellorId: string) =>
    createHmac('sha256', secret).update(`calendar:${counsellorId}`).digest('base64url');
  return {
    keyOf,
    matches(counsellorId: string, key: string): boolean {
      const expected = Buffer.from(keyOf(counsellorId));
      const given = Buffer.from(key);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type CalendarKeys = ReturnType<typeof calendarKeys>;
