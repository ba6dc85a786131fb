/**
 * Why a staff token was refused. `no_role` means the token is genuine but grants no role here
 * (the middleware answers 403); the others mean the token cannot be used at all (401).
 */
export type StaffTokenProblem = 'expired' | 'not_yet_valid' | 'invalid' | 'no_role';

/** A staff bearer token was refused. The message is safe to show to the client. */
export class StaffTokenError extends Error {
  readonly problem: StaffTokenProblem;

  constructor(problem: StaffTokenProblem, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StaffTokenError';
    this.problem = problem;
  }
}

/**
 * The identity provider's key set could not be fetched or read: not the client's fault, so it
 * must not become a 401 that sends the user to log in again.
 */
export class KeySetUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('The identity provider signing keys could not be fetched', options);
    this.name = 'KeySetUnavailableError';
  }
}

/** Why a founder link was refused; the caller maps it to 401 or 403. */
export type LinkTokenProblem = 'expired' | 'invalid';

/** A founder link token was expired, tampered with, of another kind, or malformed. */
export class LinkTokenError extends Error {
  readonly problem: LinkTokenProblem;

  constructor(problem: LinkTokenProblem, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LinkTokenError';
    this.problem = problem;
  }
}
