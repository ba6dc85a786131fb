import { z } from 'zod';
import type { BackgroundCount } from '../domain/internasjonale-drammen';

/** Intake did not answer usefully (down, timed out, refused us): the caller answers 503. */
export class IntakeUnavailableError extends Error {}

const answerSchema = z.union([
  z.object({ count: z.number().int().min(0) }),
  z.object({ count: z.null(), suppressed: z.literal(true) }),
]);

export interface IntakeClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** A fresh bearer token for metrics' own identity towards intake. */
  token: () => Promise<string>;
}

/** The client of intake's POST /statistics/background-count (ADR 0011). */
export function intakeBackgroundCount(options: IntakeClientOptions) {
  return async (founderIds: string[]): Promise<BackgroundCount> => {
    let response: Response;
    try {
      response = await fetch(new URL('/statistics/background-count', options.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await options.token()}`,
        },
        body: JSON.stringify({ founderIds }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new IntakeUnavailableError('intake did not answer', { cause: error });
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new IntakeUnavailableError(`intake answered ${response.status}`);
    }
    const parsed = answerSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new IntakeUnavailableError('intake answered an unexpected body');
    const answer = parsed.data;
    return answer.count === null ? { count: null, suppressed: true } : { count: answer.count };
  };
}
