import { z } from 'zod';

/**
 * Building blocks shared by the envelope and every event schema, so that an id or a timestamp is
 * validated (and documented in AsyncAPI) the same way everywhere.
 */

/** An RFC 9562 UUID (any version 1–8); events carry ids, never the personal data behind them. */
export const uuid = () => z.uuid();

/**
 * An ISO-8601 date-time with a zone (`Z` or `+01:00`): a local time without offset is ambiguous
 * across the daylight-saving switch, so it is refused.
 */
export const dateTime = () => z.iso.datetime({ offset: true });

/** Norwegian municipality number (kommunenummer), e.g. '3301' for Drammen. */
export const municipalityNumber = () => z.string().regex(/^\d{4}$/);

/** Norwegian organisation number: identifies a company (public register), not a person. */
export const organisationNumber = () => z.string().regex(/^\d{9}$/);

/**
 * A machine-readable code such as 'language-match': lowercase words joined by hyphens. Keeping
 * codes this narrow is what stops free text (and with it personal data) from slipping in.
 */
export const code = () =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
