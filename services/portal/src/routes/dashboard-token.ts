import type { ServiceApi } from '../api';

/**
 * The portal's own bearer token towards the metrics service (ADR 0014). The dashboard is for
 * everyone, but metrics serves its figures to staff only; the figures are aggregated and
 * suppressed, so the portal reads them as one analyst identity of its own.
 */
export interface MetricsAccess {
  /** Whether any way to get a token is configured (else the page says the figures are off). */
  configured: boolean;
  /** A token to send, or undefined when none is configured or the issuer did not answer. */
  token(): Promise<string | undefined>;
  /** Metrics refused the token (expired, revoked): the next call fetches a new one. */
  refused(): void;
}

export interface MetricsAccessOptions {
  /** A token the deployment provides (production). */
  staticToken?: string;
  /** Development: intake's local token issuer (`POST /dev/token`). */
  devIssuer?: { intake: ServiceApi; staffId: string };
  now?: () => number;
}

/** Fetch a new token this long before the old one expires, so no request carries a stale one. */
const REFRESH_MARGIN_MS = 60_000;

export const NO_ACCESS: MetricsAccess = {
  configured: false,
  token: async () => undefined,
  refused: () => {},
};

export function metricsAccess(options: MetricsAccessOptions): MetricsAccess {
  const { staticToken, devIssuer } = options;
  if (staticToken !== undefined) {
    return { configured: true, token: async () => staticToken, refused: () => {} };
  }
  if (devIssuer === undefined) return NO_ACCESS;
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;

  const fetchToken = async () => {
    const answer = await devIssuer
      .intake('/dev/token', {
        method: 'POST',
        body: { staffId: devIssuer.staffId, roles: ['analyst'] },
      })
      .catch(() => undefined);
    const token = answer?.body.access_token;
    if (answer?.status !== 200 || typeof token !== 'string') return undefined;
    const lifetimeMs = Number(answer.body.expires_in ?? 0) * 1000;
    cached = { token, renewAt: now() + Math.max(0, lifetimeMs - REFRESH_MARGIN_MS) };
    return token;
  };

  return {
    configured: true,
    token: async () =>
      cached !== undefined && now() < cached.renewAt ? cached.token : fetchToken(),
    refused: () => {
      cached = undefined;
    },
  };
}
