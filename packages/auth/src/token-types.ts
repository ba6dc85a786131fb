/*
 * The kinds of JWT this package signs or accepts. RFC 8725 §3.11-3.12: each kind has its own
 * explicit `typ` and its own audience, and each verifier insists on its own, so one kind can
 * never be replayed as another even if someone configured the same secret for both.
 */

/** RFC 9068 §2.1: a JWT access token (staff bearer tokens). */
export const STAFF_TOKEN_TYP = 'at+jwt';

/** A founder's link to one application. */
export const LINK_TOKEN_TYP = 'founder-link+jwt';

export const DEFAULT_LINK_AUDIENCE = 'grunderboost-founder-link';

/** Tolerated clock skew between issuer and verifier, for exp and nbf. */
export const CLOCK_TOLERANCE_SECONDS = 30;
