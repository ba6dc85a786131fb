import { LinkTokenError, type LinkTokens } from '@grunderboost/auth';
import { AppError } from '@grunderboost/service-kit';
import type { Response } from 'express';

/** The header founders send their link token in (the same name intake and counselling read). */
export const FOUNDER_TOKEN_HEADER = 'founder-token';

/** Asks intake for the application a link opens; only its status and body matter here. */
export type IntakeLookup = (
  applicationId: string,
  founderToken: string,
) => Promise<{ status: number; founderId?: string }>;

const problem = (res: Response, status: 401 | 403, detail: string) => {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  return new AppError({ status, title: status === 401 ? 'Unauthorized' : 'Forbidden', detail });
};

/**
 * A founder may read only their own journey. The link is checked here (signature, audience,
 * expiry) and then intake, which owns the application, says whose it is: the link names an
 * application, the journey a founder, and only intake knows that the two belong together.
 */
export async function assertFounderOwns(
  links: LinkTokens,
  intake: IntakeLookup,
  token: string,
  founderId: string,
  res: Response,
): Promise<void> {
  let applicationId: string;
  try {
    ({ applicationId } = await links.verify(token));
  } catch (error) {
    if (error instanceof LinkTokenError) throw problem(res, 401, error.message);
    throw error;
  }
  const answer = await intake(applicationId, token);
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
    throw problem(res, 403, 'This link opens no application');
  }
  if (answer.status !== 200) {
    throw new AppError({
      status: 503,
      title: 'Service Unavailable',
      detail: 'The link cannot be checked right now; try again shortly',
    });
  }
  if (answer.founderId !== founderId) {
    throw problem(res, 403, "This link opens another founder's journey");
  }
}

/** intake's `GET /applications/:id` with the founder's link: the founder's view has their id. */
export function intakeLookup(intakeUrl: string): IntakeLookup {
  return async (applicationId, founderToken) => {
    const response = await fetch(`${intakeUrl}/applications/${applicationId}`, {
      headers: { [FOUNDER_TOKEN_HEADER]: founderToken },
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return { status: response.status };
    }
    const body = (await response.json()) as { founderId?: unknown };
    return {
      status: 200,
      ...(typeof body.founderId === 'string' ? { founderId: body.founderId } : {}),
    };
  };
}
