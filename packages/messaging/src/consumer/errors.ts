/**
 * Thrown by a handler for a message that can never succeed (impossible for this state,
 * refers to nothing, breaks a rule): it goes to the dead-letter topic at once. Every
 * other error is treated as transient and retried with backoff first.
 */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

export type ParseResult<E> = { ok: true; event: E } | { ok: false; error: string };
