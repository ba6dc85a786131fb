import { methodNotAllowed, parseBody } from '@grunderboost/service-kit';
import express, { type Router } from 'express';
import type { StaffAuthConfig } from './config';
import {
  assertLocalIssuer,
  DEFAULT_LOCAL_TTL_SECONDS,
  issueLocalStaffToken,
  localTokenRequestSchema,
} from './local-issuer';

// The lifetime is not the caller's choice here: the dev portal gets the default.
const tokenRequest = localTokenRequestSchema.pick({ staffId: true, roles: true });

/**
 * `POST /dev/token` with `{ staffId, roles }` answers an OAuth-style token response. It hands
 * out any role to anyone: mount it only when a service is explicitly told to.
 */
export function localIssuerRoutes(config: StaffAuthConfig): Router {
  assertLocalIssuer(config);
  const router = express.Router();
  router
    .route('/dev/token')
    .post(async (req, res) => {
      const request = parseBody(tokenRequest, req);
      const token = await issueLocalStaffToken(config, request);
      // RFC 6749 §5.1: token responses must not be cached.
      res.set('Cache-Control', 'no-store');
      res.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: DEFAULT_LOCAL_TTL_SECONDS,
      });
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
